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
// Each row keeps the facts the engine needs (personal data stripped) so an event is classified
// without reading the stream again, and so programme-wide reads under another version need no
// stream scan; the quota columns let comparisons and worklists filter in SQL.
import type Database from 'better-sqlite3';
import { isPathwayEventType } from '../../contracts/events/index.js';
import { classifyPathway, DEFAULT_PHASE_POLICY, type PathwayClassification, type RecordedFact } from '../../domain/phases/index.js';
import { BatchRows } from '../../infra/projections/batch-rows.js';
import type { Projection } from '../../infra/projections/projection.js';
import { prepared } from '../../infra/projections/statement-cache.js';
import { isPhaseFactType, recordedFactOf, slimFact } from './recorded-fact.js';

export const CLASSIFICATION_TABLE = 'pathway_classification';
const PREFIX = 'pathway-';

export const classificationProjection: Projection = {
  name: 'classification',
  // Bump when the engine or the built-in policy changes what it derives: the rows then rebuild.
  version: 1,
  setup(db) {
    // A rowid table on purpose: rows hold kilobytes of JSON, which WITHOUT ROWID tables store badly.
    db.exec(`CREATE TABLE IF NOT EXISTS ${CLASSIFICATION_TABLE} (
      pathway_id TEXT PRIMARY KEY,
      programme TEXT NOT NULL,
      territory TEXT NOT NULL,
      policy_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      facts TEXT NOT NULL,
      classification TEXT NOT NULL,
      has_reinforced_support INTEGER NOT NULL,
      has_follow_up INTEGER NOT NULL,
      follow_up_due_on TEXT
    );
    CREATE INDEX IF NOT EXISTS ${CLASSIFICATION_TABLE}_programme ON ${CLASSIFICATION_TABLE} (programme, territory, pathway_id);
    CREATE INDEX IF NOT EXISTS ${CLASSIFICATION_TABLE}_follow_up_due ON ${CLASSIFICATION_TABLE} (follow_up_due_on) WHERE has_follow_up = 0;`);
  },
  reset(db) {
    db.exec(`DROP TABLE IF EXISTS ${CLASSIFICATION_TABLE}`);
  },
  apply(db, e) {
    if (!e.streamId.startsWith(PREFIX) || !isPathwayEventType(e.type)) return;
    const pathwayId = e.streamId.slice(PREFIX.length);
    const rows = pending.rows(db);
    const row = rows.get(pathwayId) ?? read(db, pathwayId);
    if (!row) {
      if (e.type !== 'HouseholdReferred') return;
      const fact = recordedFactOf(e);
      const data = fact.data as { programme: string; territory: { code: string } };
      rows.set(pathwayId, { programme: data.programme, territory: data.territory.code, facts: [slimFact(fact)], revision: e.revision, changed: true });
      return;
    }
    // Events the engine does not read leave the classification alone; the row still says which revision it reflects.
    if (isPhaseFactType(e.type)) {
      row.facts.push(slimFact(recordedFactOf(e)));
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

function read(db: Database.Database, pathwayId: string): Row | undefined {
  const row = prepared(db, `SELECT programme, territory, facts, revision FROM ${CLASSIFICATION_TABLE} WHERE pathway_id = ?`).get(pathwayId) as
    | { programme: string; territory: string; facts: string; revision: number }
    | undefined;
  return row && { programme: row.programme, territory: row.territory, facts: JSON.parse(row.facts) as RecordedFact[], revision: row.revision, changed: false };
}

function write(db: Database.Database, pathwayId: string, row: Row): void {
  if (!row.changed) {
    prepared(db, `UPDATE ${CLASSIFICATION_TABLE} SET revision = ? WHERE pathway_id = ?`).run(row.revision, pathwayId);
    return;
  }
  const c = classifyPathway(row.facts, DEFAULT_PHASE_POLICY);
  prepared(
    db,
    `INSERT INTO ${CLASSIFICATION_TABLE} (pathway_id, programme, territory, policy_id, revision, facts, classification, has_reinforced_support, has_follow_up, follow_up_due_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (pathway_id) DO UPDATE SET policy_id = excluded.policy_id, revision = excluded.revision, facts = excluded.facts,
       classification = excluded.classification, has_reinforced_support = excluded.has_reinforced_support,
       has_follow_up = excluded.has_follow_up, follow_up_due_on = excluded.follow_up_due_on`,
  ).run(pathwayId, row.programme, row.territory, c.policyId, row.revision, JSON.stringify(row.facts), JSON.stringify(c), ...quotaColumns(c));
}

function quotaColumns(c: PathwayClassification): [number, number, string | null] {
  return [Number(c.quota.hasReinforcedSupport), Number(c.quota.hasFollowUp), c.quota.followUpDueOn ?? null];
}
