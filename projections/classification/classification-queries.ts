// Reads of the classification read model (see classification-projection.ts). A pathway's
// classification, quota status included, is produced from its stored facts by the engine,
// under the built-in policy, when it is read: the read model stores nothing derived, which a
// change to the engine or to the built-in policy could leave stale.
import type Database from 'better-sqlite3';
import { classifyPathway, DEFAULT_PHASE_POLICY, type PathwayClassification, type RecordedFact } from '../../domain/phases/index.js';
import { prepared } from '../../infra/projections/statement-cache.js';
import { asJsonArray } from '../positions.js';
import { CLASSIFICATION_TABLE, PHASE_FACTS_TABLE, readPhaseFacts } from './classification-projection.js';

export interface ClassificationRow {
  pathwayId: string;
  programme: string;
  territory: string;
  /** The version the classification is computed under: the built-in one. */
  policyId: string;
  /** Last stream revision the row reflects. */
  revision: number;
}

export function readClassification(db: Database.Database, pathwayId: string): (ClassificationRow & { classification: PathwayClassification }) | undefined {
  if (!tableExists(db)) return undefined;
  // One read transaction: the row and the facts it was computed from, as of the same commit.
  const read = db.transaction(() => {
    const r = prepared(db, `SELECT pathway_id, programme, territory, revision FROM ${CLASSIFICATION_TABLE} WHERE pathway_id = ?`).get(pathwayId) as
      | Record<string, string | number>
      | undefined;
    return r ? { row: rowOf(r), facts: readPhaseFacts(db, pathwayId) } : undefined;
  })();
  // Classified outside it: the engine's work holds no snapshot.
  return read && { ...read.row, classification: classifyPathway(read.facts, DEFAULT_PHASE_POLICY) };
}

export interface ProgrammeRow extends ClassificationRow {
  facts: RecordedFact[];
}

const PAGE = 200;

/**
 * The pathways of a programme in id order, with their facts, a page at a time (a programme
 * can hold many thousands); `territories` null means every territory. Pages are read with
 * keyset queries and the caller yields between them, so a large comparison does not hold the
 * connection or the event loop for its whole length.
 */
export async function* programmeRows(db: Database.Database, programme: string, territories: string[] | null): AsyncGenerator<ProgrammeRow> {
  if (!tableExists(db)) return;
  const inTerritories = territories === null ? '' : ` AND territory IN (${territories.map(() => '?').join(', ') || "''"})`;
  const rowsStmt = db.prepare(
    `SELECT pathway_id, programme, territory, revision FROM ${CLASSIFICATION_TABLE}
     WHERE programme = ?${inTerritories} AND pathway_id > ? ORDER BY pathway_id LIMIT ${PAGE}`,
  );
  // Each row's facts through the positions it lists (the facts table has no pathway index).
  const factsStmt = db.prepare(
    `SELECT c.pathway_id, f.fact FROM ${CLASSIFICATION_TABLE} c
       JOIN json_each(${asJsonArray('c.fact_positions')}) j
       JOIN ${PHASE_FACTS_TABLE} f ON f.position = j.value
     WHERE c.programme = ?${inTerritories.replaceAll('territory', 'c.territory')} AND c.pathway_id > ? AND c.pathway_id <= ?
     ORDER BY c.pathway_id, f.revision`,
  );
  let after = '';
  for (;;) {
    const page = db.transaction(() => {
      const rows = rowsStmt.all(programme, ...(territories ?? []), after) as Array<Record<string, string | number>>;
      const last = rows[rows.length - 1]?.pathway_id as string | undefined;
      const facts = new Map<string, RecordedFact[]>();
      if (last !== undefined) {
        for (const f of factsStmt.all(programme, ...(territories ?? []), after, last) as Array<{ pathway_id: string; fact: string }>) {
          let list = facts.get(f.pathway_id);
          if (!list) facts.set(f.pathway_id, (list = []));
          list.push(JSON.parse(f.fact) as RecordedFact);
        }
      }
      return { rows, facts };
    })();
    for (const r of page.rows) yield { ...rowOf(r), facts: page.facts.get(r.pathway_id as string) ?? [] };
    if (page.rows.length < PAGE) return;
    after = page.rows[page.rows.length - 1]!.pathway_id as string;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The projection creates its table on its first run (possibly in a worker thread, on another
 * connection): until then, or during a rebuild, there is simply no row yet.
 */
function tableExists(db: Database.Database): boolean {
  return prepared(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(CLASSIFICATION_TABLE) !== undefined;
}

function rowOf(r: Record<string, string | number>): ClassificationRow {
  return {
    pathwayId: r.pathway_id as string,
    programme: r.programme as string,
    territory: r.territory as string,
    // The version every read of the live model is classified under (stored nowhere: no row depends on it).
    policyId: DEFAULT_PHASE_POLICY.id,
    revision: r.revision as number,
  };
}
