import type Database from 'better-sqlite3';
import type { PathwayStage, PathwayStatus, ProgrammeId } from '../contracts/enums.js';
import { seesOutcomeOnly, type Actor } from '../domain/access/policy.js';

export interface PathwayListFilter {
  programme?: string;
  territory?: string;
  status?: string;
  assignedOfficer?: string;
  limit: number;
  /**
   * Keyset pagination: pathways whose id sorts after this one. The service's ids are UUIDv7, in
   * creation order; a partner naming its own pathway may pick one that sorts before a walk's
   * cursor, and that walk then misses it (the next one from the start does not).
   */
  afterId?: string;
}

export interface PathwaySummary {
  pathwayId: string;
  programme: ProgrammeId;
  territory: string;
  /** The columns hold what the projection wrote from the fold: these values only. */
  status: PathwayStatus;
  stage: PathwayStage;
  /** Who is assigned, for staff; absent for referrers and partner systems (not outcome data). */
  assignedOfficerId?: string | null;
  referredOn: string;
  lastActivityOn: string;
  revision: number;
}

/** Lists the pathways the actor may see, filtered; access is part of the query, not a post-filter. */
export function listPathways(db: Database.Database, actor: Actor, f: PathwayListFilter): { items: PathwaySummary[]; more: boolean } {
  const where: string[] = [];
  const params: unknown[] = [];
  const outcomeOnly = seesOutcomeOnly(actor);
  if (outcomeOnly) {
    where.push('referrer_org = ?');
    params.push(actor.organisationId);
  } else if ((actor.role === 'coordinator' || actor.role === 'visit_officer') && !actor.territories.includes('*')) {
    where.push(`territory IN (${actor.territories.map(() => '?').join(', ') || "''"})`);
    params.push(...actor.territories);
  }
  const add = (sql: string, value: unknown) => {
    where.push(sql);
    params.push(value);
  };
  if (f.programme) add('programme = ?', f.programme);
  if (f.territory) add('territory = ?', f.territory);
  if (f.status) add('status = ?', f.status);
  if (f.assignedOfficer) add('assigned_officer_id = ?', f.assignedOfficer);
  if (f.afterId) add('pathway_id > ?', f.afterId);
  const rows = db
    .prepare(
      // Referrers and partner systems are told the stage as their view of the pathway has it.
      `SELECT pathway_id, programme, territory, status, ${outcomeOnly ? 'outcome_stage AS stage' : 'stage'}, assigned_officer_id, referred_on, last_activity_on, revision
       FROM pathway_list ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY pathway_id LIMIT ?`,
    )
    .all(...params, f.limit + 1) as Array<Record<string, string | number | null>>;
  const more = rows.length > f.limit;
  return {
    more,
    items: rows.slice(0, f.limit).map((r) => ({
      pathwayId: r.pathway_id as string,
      programme: r.programme as ProgrammeId,
      territory: r.territory as string,
      status: r.status as PathwayStatus,
      stage: r.stage as PathwayStage,
      ...(outcomeOnly ? {} : { assignedOfficerId: r.assigned_officer_id as string | null }),
      referredOn: r.referred_on as string,
      lastActivityOn: r.last_activity_on as string,
      revision: r.revision as number,
    })),
  };
}
