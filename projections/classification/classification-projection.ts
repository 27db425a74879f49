// The live phase classification of every pathway (GitHub issue 4, item 2).
//
// Policy choice: the projection always classifies under the built-in DEFAULT_PHASE_POLICY and
// stores that policy's id on every row. A projection must give the same rows whenever it is
// rebuilt, so it cannot follow a catalogue that admins change at runtime (nor "today"); and
// reclassifying every pathway when a version is added, half under the old rules and half under
// the new while it runs, would silently mix policies. Reads under any other version (another
// ?policy=, or another version in force today) are computed on the fly from the facts kept
// here (programme comparisons) or from the stream (one pathway), and say so (`source`).
//
// What is stored, and why so little (version 2): each fact the engine reads, once, in its own
// row (personal data stripped), so recording an event costs one insert whatever the length of
// the history; and per pathway only what SQL filters on (the quota columns). The full
// classification, with its reasoning, is produced from the stored facts by the same engine
// call when it is read: version 1 rewrote tens of kilobytes of reasoning on every event, which
// made the projection's disk writes grow with each household's history.
import type Database from 'better-sqlite3';
import { isPathwayEventType } from '../../contracts/events/index.js';
import { classifyPathway, DEFAULT_PHASE_POLICY, type PathwayClassification, type RecordedFact } from '../../domain/phases/index.js';
import { BatchRows } from '../../infra/projections/batch-rows.js';
import type { Projection } from '../../infra/projections/projection.js';
import { prepared } from '../../infra/projections/statement-cache.js';
import { isPhaseFactType, recordedFactOf, slimFact } from './recorded-fact.js';

export const CLASSIFICATION_TABLE = 'pathway_classification';
export const PHASE_FACTS_TABLE = 'pathway_phase_facts';
const PREFIX = 'pathway-';

export const classificationProjection: Projection = {
  name: 'classification',
  // Bump when the engine or the built-in policy changes what it derives: the rows then rebuild.
  version: 2,
  // Under a burst, larger batches classify each pathway once for more of its events.
  maxBatch: 10_000,
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${CLASSIFICATION_TABLE} (
      pathway_id TEXT PRIMARY KEY,
      programme TEXT NOT NULL,
      territory TEXT NOT NULL,
      policy_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      has_reinforced_support INTEGER NOT NULL,
      has_follow_up INTEGER NOT NULL,
      follow_up_due_on TEXT
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS ${CLASSIFICATION_TABLE}_programme ON ${CLASSIFICATION_TABLE} (programme, territory, pathway_id);
    CREATE INDEX IF NOT EXISTS ${CLASSIFICATION_TABLE}_follow_up_due ON ${CLASSIFICATION_TABLE} (follow_up_due_on) WHERE has_follow_up = 0;
    CREATE TABLE IF NOT EXISTS ${PHASE_FACTS_TABLE} (
      pathway_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      fact TEXT NOT NULL,
      PRIMARY KEY (pathway_id, revision)
    ) WITHOUT ROWID;`);
  },
  reset(db) {
    db.exec(`DROP TABLE IF EXISTS ${CLASSIFICATION_TABLE}; DROP TABLE IF EXISTS ${PHASE_FACTS_TABLE};`);
  },
  apply(db, e) {
    if (!e.streamId.startsWith(PREFIX) || !isPathwayEventType(e.type)) return;
    const pathwayId = e.streamId.slice(PREFIX.length);
    const rows = pending.rows(db);
    const row = rows.get(pathwayId) ?? read(db, pathwayId);
    if (!row) {
      if (e.type !== 'HouseholdReferred') return;
      const fact = slimFact(recordedFactOf(e));
      const data = fact.data as { programme: string; territory: { code: string } };
      insertFact(db, pathwayId, fact);
      rows.set(pathwayId, { programme: data.programme, territory: data.territory.code, facts: [fact], revision: e.revision, changed: true });
      return;
    }
    // Events the engine does not read leave the classification alone; the row still says which revision it reflects.
    if (isPhaseFactType(e.type)) {
      const fact = slimFact(recordedFactOf(e));
      insertFact(db, pathwayId, fact);
      row.facts.push(fact);
      row.changed = true;
    }
    row.revision = e.revision;
    rows.set(pathwayId, row);
  },
  // Each pathway is classified and written once per batch, however many of its events the batch held.
  flush(db) {
    for (const [pathwayId, row] of pending.take(db)) write(db, pathwayId, row);
  },
  discard(db) {
    pending.take(db);
  },
};

interface Row {
  programme: string;
  territory: string;
  facts: RecordedFact[];
  revision: number;
  changed: boolean;
}

const pending = new BatchRows<Row>();

function insertFact(db: Database.Database, pathwayId: string, fact: RecordedFact): void {
  prepared(db, `INSERT INTO ${PHASE_FACTS_TABLE} (pathway_id, revision, fact) VALUES (?, ?, ?)`).run(pathwayId, fact.revision, JSON.stringify(fact));
}

/** The facts kept for a pathway, in revision order (what the engine is given). */
export function readPhaseFacts(db: Database.Database, pathwayId: string): RecordedFact[] {
  const texts = prepared(db, `SELECT fact FROM ${PHASE_FACTS_TABLE} WHERE pathway_id = ? ORDER BY revision`).pluck().all(pathwayId) as string[];
  return texts.map((t) => JSON.parse(t) as RecordedFact);
}

function read(db: Database.Database, pathwayId: string): Row | undefined {
  const row = prepared(db, `SELECT programme, territory, revision FROM ${CLASSIFICATION_TABLE} WHERE pathway_id = ?`).get(pathwayId) as
    | { programme: string; territory: string; revision: number }
    | undefined;
  return row && { ...row, facts: readPhaseFacts(db, pathwayId), changed: false };
}

function write(db: Database.Database, pathwayId: string, row: Row): void {
  if (!row.changed) {
    prepared(db, `UPDATE ${CLASSIFICATION_TABLE} SET revision = ? WHERE pathway_id = ?`).run(row.revision, pathwayId);
    return;
  }
  const c = classifyPathway(row.facts, DEFAULT_PHASE_POLICY);
  prepared(
    db,
    `INSERT INTO ${CLASSIFICATION_TABLE} (pathway_id, programme, territory, policy_id, revision, has_reinforced_support, has_follow_up, follow_up_due_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (pathway_id) DO UPDATE SET policy_id = excluded.policy_id, revision = excluded.revision,
       has_reinforced_support = excluded.has_reinforced_support, has_follow_up = excluded.has_follow_up, follow_up_due_on = excluded.follow_up_due_on`,
  ).run(pathwayId, row.programme, row.territory, c.policyId, row.revision, ...quotaColumns(c));
}

function quotaColumns(c: PathwayClassification): [number, number, string | null] {
  return [Number(c.quota.hasReinforcedSupport), Number(c.quota.hasFollowUp), c.quota.followUpDueOn ?? null];
}
