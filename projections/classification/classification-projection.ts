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
import type { StoredEvent } from '../../infra/eventstore/port.js';
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
    const row = prepared(db, `SELECT facts FROM ${CLASSIFICATION_TABLE} WHERE pathway_id = ?`).get(pathwayId) as { facts: string } | undefined;
    if (!row) {
      if (e.type === 'HouseholdReferred') insert(db, pathwayId, e);
      return;
    }
    if (!isPhaseFactType(e.type)) {
      // The classification does not change, but the row says which revision it reflects.
      prepared(db, `UPDATE ${CLASSIFICATION_TABLE} SET revision = ? WHERE pathway_id = ?`).run(e.revision, pathwayId);
      return;
    }
    const facts = JSON.parse(row.facts) as RecordedFact[];
    facts.push(slimFact(recordedFactOf(e)));
    update(db, pathwayId, facts, e.revision);
  },
};

function insert(db: Database.Database, pathwayId: string, e: StoredEvent): void {
  const fact = recordedFactOf(e);
  const data = fact.data as { programme: string; territory: { code: string } };
  const facts = [slimFact(fact)];
  const c = classifyPathway(facts, DEFAULT_PHASE_POLICY);
  prepared(
    db,
    `INSERT INTO ${CLASSIFICATION_TABLE} (pathway_id, programme, territory, policy_id, revision, facts, classification, has_reinforced_support, has_follow_up, follow_up_due_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(pathwayId, data.programme, data.territory.code, c.policyId, e.revision, JSON.stringify(facts), JSON.stringify(c), ...quotaColumns(c));
}

function update(db: Database.Database, pathwayId: string, facts: RecordedFact[], revision: number): void {
  const c = classifyPathway(facts, DEFAULT_PHASE_POLICY);
  prepared(
    db,
    `UPDATE ${CLASSIFICATION_TABLE} SET policy_id = ?, revision = ?, facts = ?, classification = ?, has_reinforced_support = ?, has_follow_up = ?, follow_up_due_on = ?
     WHERE pathway_id = ?`,
  ).run(c.policyId, revision, JSON.stringify(facts), JSON.stringify(c), ...quotaColumns(c), pathwayId);
}

function quotaColumns(c: PathwayClassification): [number, number, string | null] {
  return [Number(c.quota.hasReinforcedSupport), Number(c.quota.hasFollowUp), c.quota.followUpDueOn ?? null];
}
