// Reads of the classification read model (see classification-projection.ts).
import type Database from 'better-sqlite3';
import type { PathwayClassification, RecordedFact } from '../../domain/phases/index.js';
import { prepared } from '../../infra/projections/statement-cache.js';
import { CLASSIFICATION_TABLE } from './classification-projection.js';

export interface ClassificationRow {
  pathwayId: string;
  programme: string;
  territory: string;
  policyId: string;
  /** Last stream revision the row reflects. */
  revision: number;
}

export function readClassification(db: Database.Database, pathwayId: string): (ClassificationRow & { classification: PathwayClassification }) | undefined {
  if (!tableExists(db)) return undefined;
  const r = prepared(
    db,
    `SELECT pathway_id, programme, territory, policy_id, revision, classification FROM ${CLASSIFICATION_TABLE} WHERE pathway_id = ?`,
  ).get(pathwayId) as Record<string, string | number> | undefined;
  if (!r) return undefined;
  return { ...rowOf(r), classification: JSON.parse(r.classification as string) as PathwayClassification };
}

export interface ProgrammeRow extends ClassificationRow {
  facts: RecordedFact[];
  classification: PathwayClassification;
}

const PAGE = 200;

/**
 * The pathways of a programme in id order, a page at a time (a programme can hold many
 * thousands); `territories` null means every territory. Pages are read with keyset queries and
 * the caller yields between them, so a large comparison does not hold the connection or the
 * event loop for its whole length.
 */
export async function* programmeRows(db: Database.Database, programme: string, territories: string[] | null): AsyncGenerator<ProgrammeRow> {
  if (!tableExists(db)) return;
  const inTerritories = territories === null ? '' : ` AND territory IN (${territories.map(() => '?').join(', ') || "''"})`;
  const stmt = db.prepare(
    `SELECT pathway_id, programme, territory, policy_id, revision, facts, classification FROM ${CLASSIFICATION_TABLE}
     WHERE programme = ?${inTerritories} AND pathway_id > ? ORDER BY pathway_id LIMIT ${PAGE}`,
  );
  let after = '';
  for (;;) {
    const page = stmt.all(programme, ...(territories ?? []), after) as Array<Record<string, string | number>>;
    for (const r of page) {
      yield {
        ...rowOf(r),
        facts: JSON.parse(r.facts as string) as RecordedFact[],
        classification: JSON.parse(r.classification as string) as PathwayClassification,
      };
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.pathway_id as string;
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
    policyId: r.policy_id as string,
    revision: r.revision as number,
  };
}
