// What changes when the same histories are read under two policy versions: for one pathway
// (episodes, activity phases, flags, quota status) and for a whole programme (counts, and the
// households whose quota status changes, which is what funding depends on). Settled activities
// keep the coordinator's phase under any policy, so they never show as changed.
import type { Episode, Flag, PathwayClassification, Phase, RuleId } from './model.js';

export interface ActivityChange {
  eventId: string;
  /** Absent when the event is classified on one side only (different asOf cuts). */
  phaseA?: Phase;
  phaseB?: Phase;
  ruleA?: RuleId;
  ruleB?: RuleId;
}

export interface QuotaChange {
  hasReinforcedSupport?: { a: boolean; b: boolean };
  hasFollowUp?: { a: boolean; b: boolean };
}

export interface PathwayComparison {
  policyA: string;
  policyB: string;
  changed: boolean;
  episodesOnlyInA: Episode[];
  episodesOnlyInB: Episode[];
  activityChanges: ActivityChange[];
  /** Settled events: the decision holds under both versions, so they are reported unchanged. */
  settledUnchanged: string[];
  flagsOnlyInA: Flag[];
  flagsOnlyInB: Flag[];
  quotaChange?: QuotaChange;
}

/** Episodes are the same when they group the same facts over the same dates into the same kind. */
const episodeKey = (e: Episode): string => [e.kind, e.startDate, e.endDate ?? '', ...e.eventIds].join('|');
const flagKey = (f: Flag): string => [f.code, ...f.eventIds].join('|');

function onlyIn<T>(xs: T[], ys: T[], key: (x: T) => string): T[] {
  const other = new Set(ys.map(key));
  return xs.filter((x) => !other.has(key(x)));
}

export function comparePathway(a: PathwayClassification, b: PathwayClassification): PathwayComparison {
  const actB = new Map(b.activities.map((x) => [x.eventId, x]));
  const actA = new Map(a.activities.map((x) => [x.eventId, x]));
  const settled = new Set([...a.activities, ...b.activities].filter((x) => x.settledPhase !== undefined).map((x) => x.eventId));

  const activityChanges: ActivityChange[] = [];
  for (const id of [...new Set([...actA.keys(), ...actB.keys()])].sort()) {
    if (settled.has(id)) continue;
    const x = actA.get(id);
    const y = actB.get(id);
    if (x && y && x.effectivePhase === y.effectivePhase) continue;
    const change: ActivityChange = { eventId: id };
    if (x) Object.assign(change, { phaseA: x.effectivePhase, ruleA: x.rule });
    if (y) Object.assign(change, { phaseB: y.effectivePhase, ruleB: y.rule });
    activityChanges.push(change);
  }

  // A settled flag is a decided matter: its presence under one policy only is not a change.
  const openFlags = (c: PathwayClassification) => c.flags.filter((f) => f.settled !== true);
  const flagsOnlyInA = onlyIn(openFlags(a), openFlags(b), flagKey);
  const flagsOnlyInB = onlyIn(openFlags(b), openFlags(a), flagKey);
  const episodesOnlyInA = onlyIn(a.episodes, b.episodes, episodeKey);
  const episodesOnlyInB = onlyIn(b.episodes, a.episodes, episodeKey);

  const quotaChange: QuotaChange = {};
  if (a.quota.hasReinforcedSupport !== b.quota.hasReinforcedSupport) {
    quotaChange.hasReinforcedSupport = { a: a.quota.hasReinforcedSupport, b: b.quota.hasReinforcedSupport };
  }
  if (a.quota.hasFollowUp !== b.quota.hasFollowUp) {
    quotaChange.hasFollowUp = { a: a.quota.hasFollowUp, b: b.quota.hasFollowUp };
  }
  const quotaChanged = Object.keys(quotaChange).length > 0;

  const result: PathwayComparison = {
    policyA: a.policyId,
    policyB: b.policyId,
    changed:
      quotaChanged ||
      activityChanges.length > 0 ||
      episodesOnlyInA.length + episodesOnlyInB.length + flagsOnlyInA.length + flagsOnlyInB.length > 0,
    episodesOnlyInA,
    episodesOnlyInB,
    activityChanges,
    settledUnchanged: [...settled].sort(),
    flagsOnlyInA,
    flagsOnlyInB,
  };
  if (quotaChanged) result.quotaChange = quotaChange;
  return result;
}

export interface ProgrammeComparison {
  pathways: number;
  changed: number;
  unchanged: number;
  /** Households with reinforced support / a follow-up under each version, and their share. */
  reinforcedSupport: { a: number; b: number; shareA: number; shareB: number };
  followUp: { a: number; b: number; shareA: number; shareB: number };
  episodeChanges: number;
  activityChanges: number;
  changedPathwayIds: string[];
  quotaChanges: ({ pathwayId: string } & QuotaChange)[];
}

export function compareProgramme(rows: readonly { pathwayId: string; a: PathwayClassification; b: PathwayClassification }[]): ProgrammeComparison {
  const sorted = [...rows].sort((x, y) => (x.pathwayId < y.pathwayId ? -1 : x.pathwayId > y.pathwayId ? 1 : 0));
  const n = sorted.length;
  const share = (k: number) => (n === 0 ? 0 : k / n);
  let rsA = 0, rsB = 0, fuA = 0, fuB = 0, episodeChanges = 0, activityChanges = 0;
  const changedPathwayIds: string[] = [];
  const quotaChanges: ProgrammeComparison['quotaChanges'] = [];
  for (const { pathwayId, a, b } of sorted) {
    const c = comparePathway(a, b);
    rsA += Number(a.quota.hasReinforcedSupport);
    rsB += Number(b.quota.hasReinforcedSupport);
    fuA += Number(a.quota.hasFollowUp);
    fuB += Number(b.quota.hasFollowUp);
    episodeChanges += c.episodesOnlyInA.length + c.episodesOnlyInB.length;
    activityChanges += c.activityChanges.length;
    if (c.changed) changedPathwayIds.push(pathwayId);
    if (c.quotaChange) quotaChanges.push({ pathwayId, ...c.quotaChange });
  }
  return {
    pathways: n,
    changed: changedPathwayIds.length,
    unchanged: n - changedPathwayIds.length,
    reinforcedSupport: { a: rsA, b: rsB, shareA: share(rsA), shareB: share(rsB) },
    followUp: { a: fuA, b: fuB, shareA: share(fuA), shareB: share(fuB) },
    episodeChanges,
    activityChanges,
    changedPathwayIds,
    quotaChanges,
  };
}
