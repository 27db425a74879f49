// The heart of the policy: what a support activity after the diagnostic is (domain README §4).
// Reinforced support is continuity after an orientation; the one-year follow-up is defined by
// a break; the window and the thresholds are the policy's parameters.
import { daysBetween } from './dates.js';
import type { PhasePolicyParams } from './policy.js';
import { declaredPauseWithin, orientationBy, type DeclaredPauseSpan, type Timeline } from './timeline.js';

/** The fact a gap is measured from: the diagnostic or the previous support activity. */
export interface Anchor {
  date: string;
  eventId: string;
  isDiagnostic: boolean;
}

export interface Gap {
  days: number;
  from: Anchor;
  /** 'observed' when the gap reaches the threshold (even if a pause was also declared). */
  pause?: 'observed' | 'declared';
  declared?: DeclaredPauseSpan;
}

export type SupportDecision =
  | { rule: 'unclassifiable.no_orientation'; phase: 'unclassifiable'; gap: Gap }
  | { rule: 'rs.after_orientation'; phase: 'reinforced_support'; gap: Gap; orientationOn: string; newProblem?: string }
  | { rule: 'rs.continuation'; phase: 'reinforced_support'; gap: Gap; newProblem?: string }
  | { rule: 'n1.continuation'; phase: 'one_year_follow_up'; gap: Gap; newProblem?: string }
  | { rule: 'rs.new_problem'; phase: 'reinforced_support'; gap: Gap; newProblem: string }
  | { rule: 'n1.after_pause_in_window'; phase: 'one_year_follow_up'; gap: Gap; daysAfterDiagnostic: number }
  | {
      rule: 'rs.after_pause';
      phase: 'reinforced_support';
      gap: Gap;
      daysAfterDiagnostic: number;
      why: 'too_early' | 'too_late' | 'follow_up_done';
      followUpOn?: string;
    };

export interface SupportState {
  diagnosticDate: string;
  anchor: Anchor;
  /** Kind of the episode the previous support activity belongs to, if one is still open. */
  current?: 'reinforced_support' | 'one_year_follow_up';
  followUpDoneOn?: string;
}

export function measureGap(t: Timeline, p: PhasePolicyParams, anchor: Anchor, date: string): Gap {
  const gapDays = daysBetween(anchor.date, date);
  const declared = declaredPauseWithin(t, anchor.date, date);
  const gap: Gap = { days: gapDays, from: anchor };
  if (declared) gap.declared = declared;
  if (gapDays >= p.pauseDays) gap.pause = 'observed';
  else if (declared) gap.pause = 'declared';
  return gap;
}

export function decideSupport(
  t: Timeline,
  p: PhasePolicyParams,
  s: SupportState,
  activity: { date: string; newProblem?: string },
): SupportDecision {
  const gap = measureGap(t, p, s.anchor, activity.date);
  const orientationOn = orientationBy(t, activity.date);
  // Without an orientation there is nothing for support to activate: the policy will not guess.
  if (orientationOn === undefined) return { rule: 'unclassifiable.no_orientation', phase: 'unclassifiable', gap };

  if (gap.pause) {
    const d = daysBetween(s.diagnosticDate, activity.date);
    const resume = { rule: 'rs.after_pause', phase: 'reinforced_support', gap, daysAfterDiagnostic: d } as const;
    // At most one follow-up per diagnostic: a later resumption is support again.
    if (s.followUpDoneOn !== undefined) return { ...resume, why: 'follow_up_done', followUpOn: s.followUpDoneOn };
    if (d < p.n1MinDays) return { ...resume, why: 'too_early' };
    if (d > p.n1MaxDays) return { ...resume, why: 'too_late' };
    return { rule: 'n1.after_pause_in_window', phase: 'one_year_follow_up', gap, daysAfterDiagnostic: d };
  }

  const newProblem = activity.newProblem;
  if (newProblem !== undefined && p.splitEpisodeOnNewProblem && s.current !== undefined) {
    return { rule: 'rs.new_problem', phase: 'reinforced_support', gap, newProblem };
  }
  if (s.current === 'one_year_follow_up') return { rule: 'n1.continuation', phase: 'one_year_follow_up', gap, newProblem };
  if (s.current === 'reinforced_support') return { rule: 'rs.continuation', phase: 'reinforced_support', gap, newProblem };
  return { rule: 'rs.after_orientation', phase: 'reinforced_support', gap, orientationOn, newProblem };
}
