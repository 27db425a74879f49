// Entry point of the phase engine: facts + policy (+ an optional asOf cut) -> the pathway's
// classification read model. Pure and deterministic: the live projection, a `?policy=` read
// and the auditor's replay all call this one function, so they cannot disagree.
import { invalidEventFlag, flagClause, unknownSettlementFlag } from './flags.js';
import type { RecordedFact } from './input.js';
import { RULES, type Episode, type Flag, type PathwayClassification, type QuotaStatus, type ReasoningStep, type SettlementNote } from './model.js';
import type { PhasePolicy } from './policy.js';
import { buildTimeline, type Timeline } from './timeline.js';
import { Walk } from './walk.js';

export interface ClassifyOptions {
  /** ISO datetime: only facts recorded at or before it count (auditor replay, "as known then"). */
  asOf?: string;
}

export function classifyPathway(facts: readonly RecordedFact[], policy: PhasePolicy, opts: ClassifyOptions = {}): PathwayClassification {
  const t = buildTimeline(facts, opts.asOf);
  const p = policy.params;
  const walk = new Walk(t, p);
  const invalidFlags = t.invalid.map((i) => invalidEventFlag(i.eventId, i.type, i.field));
  for (const e of t.events) walk.visit(e);

  const activityById = new Map(walk.activities.map((a) => [a.eventId, a]));
  const notes = settlementNotes(t, activityById);
  const settlementFlags = t.settlements.flatMap((s) => {
    const unknown = s.eventIds.filter((id) => !activityById.has(id));
    return unknown.length ? [unknownSettlementFlag(s.settlementId, s.date, unknown)] : [];
  });
  const flags = [...invalidFlags, ...walk.flags, ...settlementFlags].map((f) => markSettled(f, notes));
  const flagIndex = indexFlagsByEvent(flags);
  const episodes = walk.book.finish(p).map((e) => annotate(e, notes, flagIndex));

  const quota: QuotaStatus = {
    hasReinforcedSupport: walk.activities.some((a) => a.effectivePhase === 'reinforced_support'),
    hasFollowUp: walk.activities.some((a) => a.effectivePhase === 'one_year_follow_up'),
  };
  const due = walk.followUpDueOn();
  if (due) quota.followUpDueOn = due;
  if (walk.cycle.followUpDoneOn) quota.followUpDone = walk.cycle.followUpDoneOn;

  const steps: Omit<ReasoningStep, 'n'>[] = [
    policyStep(policy, t.factsConsidered, opts.asOf),
    ...invalidFlags.map((f) => ({ eventId: f.eventIds[0], rule: f.rule, text: flagClause(f) })),
    ...walk.steps,
    ...settlementFlags.map((f) => ({ rule: f.rule, text: flagClause(f) })),
    summaryStep(quota),
  ];

  const result: PathwayClassification = {
    policyId: policy.id,
    params: { ...p },
    factsConsidered: t.factsConsidered,
    episodes,
    flags,
    activities: walk.activities,
    quota,
    // Object.assign rather than `{ n, ...s }`, which takes V8's slow path (see markSettled).
    reasoning: steps.map((s, i) => Object.assign({ n: i + 1 }, s)),
  };
  if (opts.asOf !== undefined) result.asOf = opts.asOf;
  return result;
}

function settlementNotes(t: Timeline, activityById: Map<string, { derivedPhase: SettlementNote['derivedPhase'] }>): Map<string, SettlementNote> {
  const notes = new Map<string, SettlementNote>();
  for (const [eventId, s] of t.settlementByEvent) {
    const a = activityById.get(eventId);
    if (!a) continue;
    notes.set(eventId, {
      settlementId: s.settlementId,
      eventId,
      phase: s.phase,
      by: s.by,
      reason: s.reason,
      settledOn: s.date,
      derivedPhase: a.derivedPhase,
    });
  }
  return notes;
}

const ACTIVITY_FLAGS = new Set<Flag['code']>([
  'follow_up.too_early', 'follow_up.too_late', 'activity.unclassifiable', 'phase.declared_conflict', 'diagnostic.complementary',
]);

/**
 * A flag is settled once a coordinator has decided every event it is about. Copied, then
 * assigned: in Node 20's V8, a spread followed by a key the object lacks costs a microsecond.
 */
function markSettled(f: Flag, notes: Map<string, SettlementNote>): Flag {
  if (!ACTIVITY_FLAGS.has(f.code)) return f;
  const out = { ...f };
  out.settled = f.eventIds.every((id) => notes.has(id));
  return out;
}

/** The flags, and for each event id the indexes of the flags about it, in flag order. */
interface FlagIndex {
  flags: Flag[];
  byEvent: Map<string, number[]>;
}

function indexFlagsByEvent(flags: Flag[]): FlagIndex {
  const byEvent = new Map<string, number[]>();
  flags.forEach((f, k) => {
    for (const id of f.eventIds) {
      const list = byEvent.get(id);
      if (!list) byEvent.set(id, [k]);
      else if (list[list.length - 1] !== k) list.push(k);
    }
  });
  return { flags, byEvent };
}

/** An episode (fresh from the book) with its settlements and the codes of the flags about its events, in flag order. */
function annotate(e: Episode, notes: Map<string, SettlementNote>, index: FlagIndex): Episode {
  const settled: SettlementNote[] = [];
  const flagged = new Set<number>();
  for (const id of e.eventIds) {
    const n = notes.get(id);
    if (n) settled.push(n);
    for (const k of index.byEvent.get(id) ?? []) flagged.add(k);
  }
  if (settled.length) e.settled = settled;
  if (flagged.size) e.flags = [...new Set([...flagged].sort((a, b) => a - b).map((k) => index.flags[k]!.code))];
  return e;
}

function policyStep(policy: PhasePolicy, n: number, asOf?: string): Omit<ReasoningStep, 'n'> {
  const p = policy.params;
  const split = p.splitEpisodeOnNewProblem
    ? { en: 'a new problem opens a new episode', fr: 'un nouveau problème ouvre un nouvel épisode' }
    : { en: 'a new problem stays in the same episode', fr: 'un nouveau problème reste dans le même épisode' };
  const cut = asOf ? { en: ` as recorded up to ${asOf}`, fr: `, tels qu'enregistrés au ${asOf}` } : { en: '', fr: '' };
  return {
    rule: RULES.policyApplied,
    text: {
      en: `policy ${policy.id} applied: pause threshold ${p.pauseDays} days; one-year follow-up window ${p.n1MinDays} to ${p.n1MaxDays} days after the diagnostic, due at ${p.n1TargetDays} days; ${split.en}; ${n} facts considered${cut.en}`,
      fr: `politique ${policy.id} appliquée : seuil de pause ${p.pauseDays} jours ; fenêtre du suivi à N+1 de ${p.n1MinDays} à ${p.n1MaxDays} jours après le diagnostic, échéance à ${p.n1TargetDays} jours ; ${split.fr} ; ${n} faits pris en compte${cut.fr}`,
    },
  };
}

function summaryStep(q: QuotaStatus): Omit<ReasoningStep, 'n'> {
  const rs = q.hasReinforcedSupport ? { en: 'yes', fr: 'oui' } : { en: 'no', fr: 'non' };
  const n1 = q.followUpDone
    ? { en: `done on ${q.followUpDone}`, fr: `réalisé le ${q.followUpDone}` }
    : q.hasFollowUp
      ? { en: 'done in an earlier cycle', fr: 'réalisé lors d\'un cycle précédent' }
      : q.followUpDueOn
        ? { en: `not done (due on ${q.followUpDueOn})`, fr: `non réalisé (attendu le ${q.followUpDueOn})` }
        : { en: 'not done (no diagnostic yet)', fr: 'non réalisé (pas encore de diagnostic)' };
  return {
    rule: RULES.quotaSummary,
    text: {
      en: `result for the programme quotas: reinforced support ${rs.en}; one-year follow-up ${n1.en}`,
      fr: `résultat pour les quotas du programme : soutien renforcé ${rs.fr} ; suivi à N+1 ${n1.fr}`,
    },
  };
}
