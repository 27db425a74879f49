// The live phase classification of every pathway (GitHub issue 4, item 2).
//
// Policy: the live read model is classified under the built-in DEFAULT_PHASE_POLICY when it is
// read. Reads under any other version (another ?policy=, or another version in force today) are
// computed from the facts kept here (programme comparisons) or from the stream (one pathway),
// and say so (`source`). Nothing stored depends on a policy, so adding a version changes no row.
//
// What is stored, and why so little (version 3): each fact the engine reads, once, in its own
// row (personal data stripped), and per pathway only its programme, territory and revision (and,
// since version 4, the positions of its facts). So recording an event costs one insert and one
// update of a row that grows by a few bytes per fact (see below); the full
// classification, with its reasoning and quota status, is produced from the stored facts by the
// engine when it is read. Version 1 rewrote tens of kilobytes of reasoning on every event;
// version 2 still classified each changed pathway once per batch to keep three quota columns
// that no query read, which made this projection cost a few hundred microseconds an event on
// households of a few dozen facts (time proportional to the history) and the worker fall seconds
// behind a burst of commands. A worklist that must filter on a quota or a due date in SQL
// should get a projection of its own, designed for that query.
//
// Version 4 keys the facts by the event's global position, so each is appended at the end of
// its table, and lists on the pathway's row the positions of its facts (projections/positions.ts):
// in live-sized batches, inserting each fact in its pathway's place cost this projection 36 µs
// an event, against 20 to 25. The row, written once per batch anyway, carries the list;
// extending it copies it, about 7 bytes a fact, which costs nothing at a few dozen facts
// (measured with one event a batch on a single pathway: 33 µs a batch at 1,000 facts, 118 at
// 19,000, against 24 to 36 before).
import type Database from 'better-sqlite3';
import { isPathwayEventType } from '../../contracts/events/index.js';
import type { RecordedFact } from '../../domain/phases/index.js';
import { BatchRows } from '../../infra/projections/batch-rows.js';
import { RowCache } from '../../infra/projections/row-cache.js';
import type { Projection } from '../../infra/projections/projection.js';
import { prepared } from '../../infra/projections/statement-cache.js';
import { extendedList, listedPositions } from '../positions.js';
import { isPhaseFactType, recordedFactOf, slimFact } from './recorded-fact.js';

export const CLASSIFICATION_TABLE = 'pathway_classification';
export const PHASE_FACTS_TABLE = 'pathway_phase_facts';
const PREFIX = 'pathway-';

export const classificationProjection: Projection = {
  name: 'classification',
  // Bump when what is stored changes: the tables (3: no quota columns, no policy id; 4: facts
  // keyed by position), the event types the engine reads, or how a fact is upcast or slimmed
  // (recorded-fact.ts): the rows then rebuild. 5: facts slimmed of the partner's external
  // reference, the referrer's organisation name and the reasons of pause ends and reopenings.
  version: 5,
  setup(db) {
    // A rowid table: its rows grow with the list of fact positions, which a WITHOUT ROWID table
    // would send to overflow pages past about 1,000 bytes (a rowid table past about 4 KB, some
    // 550 facts).
    db.exec(`CREATE TABLE IF NOT EXISTS ${CLASSIFICATION_TABLE} (
      pathway_id TEXT PRIMARY KEY,
      programme TEXT NOT NULL,
      territory TEXT NOT NULL,
      revision INTEGER NOT NULL,
      fact_positions TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${CLASSIFICATION_TABLE}_programme ON ${CLASSIFICATION_TABLE} (programme, territory, pathway_id);
    CREATE TABLE IF NOT EXISTS ${PHASE_FACTS_TABLE} (
      position INTEGER PRIMARY KEY,
      pathway_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      fact TEXT NOT NULL
    );`);
  },
  reset(db) {
    db.exec(`DROP TABLE IF EXISTS ${CLASSIFICATION_TABLE}; DROP TABLE IF EXISTS ${PHASE_FACTS_TABLE};`);
    known.clear(db);
  },
  apply(db, e) {
    if (!e.streamId.startsWith(PREFIX) || !isPathwayEventType(e.type)) return;
    const pathwayId = e.streamId.slice(PREFIX.length);
    const rows = pending.rows(db);
    const inBatch = rows.get(pathwayId);
    const row = inBatch ?? known.before(db, pathwayId, e.revision) ?? read(db, pathwayId);
    if (!row) {
      if (e.type !== 'HouseholdReferred') return;
      const fact = slimFact(recordedFactOf(e));
      const data = fact.data as { programme: string; territory: { code: string } };
      insertFact(db, e.globalPosition, pathwayId, fact);
      rows.set(pathwayId, { programme: data.programme, territory: data.territory.code, revision: e.revision, newFacts: [e.globalPosition] });
      return;
    }
    // Events the engine does not read store no fact; the row still says which revision it reflects.
    const newFacts = inBatch?.newFacts ?? [];
    if (isPhaseFactType(e.type)) {
      insertFact(db, e.globalPosition, pathwayId, slimFact(recordedFactOf(e)));
      newFacts.push(e.globalPosition);
    }
    // A new row: the one given may be the cache's, which keeps saying what it said.
    rows.set(pathwayId, { programme: row.programme, territory: row.territory, revision: e.revision, newFacts });
  },
  // Each pathway's row is written once per batch, however many of its events the batch held.
  flush(db) {
    for (const [pathwayId, { newFacts, ...row }] of pending.take(db)) {
      write(db, pathwayId, row, newFacts);
      known.set(db, pathwayId, row);
    }
  },
  discard(db) {
    pending.take(db);
  },
};

interface Row {
  programme: string;
  territory: string;
  revision: number;
}

/** A row during its batch: with the positions of the facts the batch added to it. */
interface PendingRow extends Row {
  newFacts: number[];
}

const pending = new BatchRows<PendingRow>();
/**
 * Each pathway's row after the last batch, for its next event: it spares the row's read (the
 * row's programme and territory never change, and its revision is the event's). About 150 bytes
 * each with the map entry, so 100,000 pathways take some 15 MB.
 */
const known = new RowCache<Row>(100_000);

// The statements' texts are built once: `prepared` finds a statement by its text, per event.
const INSERT_FACT = `INSERT INTO ${PHASE_FACTS_TABLE} (position, pathway_id, revision, fact) VALUES (?, ?, ?, ?)`;
const READ_FACTS = `SELECT fact FROM ${PHASE_FACTS_TABLE} WHERE position IN ${listedPositions(CLASSIFICATION_TABLE, 'fact_positions')} ORDER BY revision`;
const READ_ROW = `SELECT programme, territory, revision FROM ${CLASSIFICATION_TABLE} WHERE pathway_id = ?`;
const WRITE_ROW = `INSERT INTO ${CLASSIFICATION_TABLE} (pathway_id, programme, territory, revision, fact_positions) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (pathway_id) DO UPDATE SET revision = excluded.revision, fact_positions = ${extendedList('fact_positions')}`;

function insertFact(db: Database.Database, position: number, pathwayId: string, fact: RecordedFact): void {
  prepared(db, INSERT_FACT).run(position, pathwayId, fact.revision, JSON.stringify(fact));
}

/** The facts kept for a pathway, in revision order (what the engine is given). */
export function readPhaseFacts(db: Database.Database, pathwayId: string): RecordedFact[] {
  const texts = prepared(db, READ_FACTS).pluck().all(pathwayId) as string[];
  return texts.map((t) => JSON.parse(t) as RecordedFact);
}

function read(db: Database.Database, pathwayId: string): Row | undefined {
  return prepared(db, READ_ROW).get(pathwayId) as Row | undefined;
}

function write(db: Database.Database, pathwayId: string, row: Row, newFacts: readonly number[]): void {
  prepared(db, WRITE_ROW).run(pathwayId, row.programme, row.territory, row.revision, newFacts.join(','));
}
