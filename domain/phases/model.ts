// The classification read model: what one pathway looks like once a phase policy has been
// applied to its facts. Everything here is derived and can be recomputed at will; the only
// human decisions it carries (settlements) come from PhaseSettled events.
import type { PhasePolicyParams } from './policy.js';

/** A text every user-facing element carries in both languages of the service. */
export interface Bilingual {
  fr: string;
  en: string;
}

/** Phase an activity is derived to. 'unclassifiable' is what the policy cannot decide. */
export type Phase =
  | 'pre_diagnostic'
  | 'diagnostic'
  | 'reinforced_support' // soutien renforcé
  | 'one_year_follow_up' // suivi à N+1
  | 'evaluation'
  | 'other'
  | 'unclassifiable';

/** Phases a worker may declare on a contact (a fact, not a derivation). */
export type DeclaredPhase = 'reinforced_support' | 'one_year_follow_up' | 'evaluation' | 'other';

/** Phases a coordinator may settle an activity to. */
export type SettledPhase = 'pre_diagnostic' | 'reinforced_support' | 'one_year_follow_up' | 'evaluation' | 'other';

export type EpisodeKind =
  | 'pre_diagnostic'
  | 'diagnostic'
  | 'orientation'
  | 'reinforced_support'
  | 'observed_pause'
  | 'declared_pause'
  | 'one_year_follow_up'
  | 'evaluation'
  | 'exit';

/** Stable rule ids: partner systems and auditors branch on them; never rename one. */
export const RULES = {
  preBeforeDiagnostic: 'pre.before_diagnostic',
  diagnosticCompleted: 'diag.completed',
  diagnosticNewCycle: 'diag.new_cycle',
  diagnosticComplementary: 'diag.complementary',
  orientationProposed: 'orientation.proposed',
  rsAfterOrientation: 'rs.after_orientation',
  rsContinuation: 'rs.continuation',
  rsNewProblem: 'rs.new_problem',
  rsAfterPause: 'rs.after_pause',
  n1AfterPauseInWindow: 'n1.after_pause_in_window',
  n1Continuation: 'n1.continuation',
  n1Window: 'n1.window',
  pauseObserved: 'pause.observed',
  pauseDeclared: 'pause.declared',
  evaluationNeverSupport: 'eval.never_support',
  unclassifiableNoOrientation: 'unclassifiable.no_orientation',
  otherSchedulingAfterDiagnostic: 'other.scheduling_after_diagnostic',
  conflictDeclared: 'conflict.declared_vs_derived',
  settlementOverride: 'settlement.override',
  settlementUnknownEvent: 'settlement.unknown_event',
  exitRecorded: 'exit.recorded',
  exitReopened: 'exit.reopened',
  exitIgnoredActivity: 'exit.ignored_activity',
  inputInvalid: 'input.invalid',
  policyApplied: 'policy.applied',
  quotaSummary: 'quota.summary',
} as const;
export type RuleId = (typeof RULES)[keyof typeof RULES];

export type FlagCode =
  | 'follow_up.too_early'
  | 'follow_up.too_late'
  | 'activity.unclassifiable'
  | 'activity.after_exit'
  | 'phase.declared_conflict'
  | 'diagnostic.complementary'
  | 'settlement.unknown_event'
  | 'pause.end_without_declaration'
  | 'event.invalid';

export interface SettlementNote {
  settlementId: string;
  /** The settled event this note is about. */
  eventId: string;
  phase: SettledPhase;
  by: string;
  reason: string;
  settledOn: string;
  /** What the policy derives for the event, shown beside the decision. */
  derivedPhase: Phase;
}

export interface Flag {
  code: FlagCode;
  eventIds: string[];
  rule: RuleId;
  explanation: Bilingual;
  /** True when a coordinator's settlement covers every event of the flag. */
  settled?: boolean;
  declaredPhase?: DeclaredPhase;
  derivedPhase?: Phase;
}

export interface Episode {
  kind: EpisodeKind;
  startDate: string;
  /** Last known date; absent while the episode is still open (undated pause end, no reopening). */
  endDate?: string;
  eventIds: string[];
  rule: RuleId;
  explanation: Bilingual;
  /** Settlements of events in this episode (a list: several events of one episode may be settled). */
  settled?: SettlementNote[];
  flags?: FlagCode[];
}

export interface ActivityClassification {
  eventId: string;
  type: string;
  date: string;
  derivedPhase: Phase;
  declaredPhase?: DeclaredPhase;
  settledPhase?: SettledPhase;
  /** The phase that counts: the settled one when a coordinator decided, else the derived one. */
  effectivePhase: Phase;
  rule: RuleId;
  explanation: Bilingual;
}

export interface QuotaStatus {
  hasReinforcedSupport: boolean;
  hasFollowUp: boolean;
  /** Diagnostic (of the current cycle) + n1TargetDays. */
  followUpDueOn?: string;
  /** Date of the follow-up of the current cycle, once it happened. */
  followUpDone?: string;
}

export interface ReasoningStep {
  n: number;
  date?: string;
  eventId?: string;
  /** What the step is about ("phone contact"), lower case; absent for policy and summary steps. */
  subject?: Bilingual;
  rule: RuleId;
  /** The reasoning itself, a clause that reads after "<date> — <subject> (event <id>):". */
  text: Bilingual;
}

export interface PathwayClassification {
  policyId: string;
  params: PhasePolicyParams;
  asOf?: string;
  /** Facts taken into account (after the asOf cut) and those set aside as unknown types. */
  factsConsidered: number;
  episodes: Episode[];
  flags: Flag[];
  activities: ActivityClassification[];
  quota: QuotaStatus;
  reasoning: ReasoningStep[];
}
