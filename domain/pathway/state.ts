// The write-side state of one household's pathway: just what the decider needs to enforce the
// rules, plus enough of the story for the full view. It is rebuilt by folding the pathway's
// events with evolvePathway; it is never stored and never edited directly.
import type {
  ActorRef, ClosedDoorRecordedData, ContactAttemptedData, DiagnosticReportSentData, DiagnosticVisitCompletedData,
  EvaluationRecordedData, ExitReportRecipient, ExitType, ExternalReference, Household, MonthlyProgressNoteSignedData,
  OrientationCategory, OrientationStatus, PeriodicReviewRecordedData, PhaseSettledData, ProgrammeId, ReferralChannel,
  Referrer, RelayActor, ReportPart, SupportContactRecordedData, Territory, VisitScheduledData, Consent,
  MeasureRenewedData, SendingChannel, VisitOfficerAssignedData,
} from '../../contracts/index.js';
import type { PathwayStage } from './stage.js';

export { evolvePathway } from './evolve.js';

export type { PathwayStatus } from '../../contracts/enums/pathway.js';
import type { PathwayStatus } from '../../contracts/enums/pathway.js';

export interface EntryDecision {
  decision: 'accepted' | 'rejected';
  decidedOn: string;
  decidedBy: ActorRef;
  reason?: string | undefined;
}

export interface ContactAttemptState extends ContactAttemptedData {
  /** The closed door this failed home visit was counted in, if any. */
  closedDoorId: string | null;
}

export interface DiagnosticReportState {
  reportId: string;
  visitId: string;
  issuedOn: string;
  parts: ReportPart[];
  validatedBy?: string | undefined;
  sendings: Array<Omit<DiagnosticReportSentData, 'reportId'>>;
}

export interface OrientationHistoryEntry {
  status: OrientationStatus;
  on: string;
  note?: string | undefined;
}

export interface OrientationState {
  orientationId: string;
  category: OrientationCategory;
  relayActor: RelayActor;
  proposedOn: string;
  note?: string | undefined;
  status: OrientationStatus;
  statusChangedOn: string;
  history: OrientationHistoryEntry[];
}

export interface PauseState {
  startDate: string;
  reason: string;
  /** null while the pause is in progress. */
  endDate: string | null;
  endReason?: string | undefined;
}

export interface ExitState {
  exitDate: string;
  exitType: ExitType;
  reason?: string | undefined;
  reportedTo: Array<{ recipient: ExitReportRecipient; reportedOn: string; channel?: SendingChannel | undefined; note?: string | undefined }>;
  /** Set when the household came back; the days in between belong to no support. */
  reopenedOn: string | null;
  reopenReason?: string | undefined;
}

export interface MeasureState {
  contractId: string;
  signedOn: string;
  startDate: string;
  initialMonths: number;
  /** Initial length plus every renewal. */
  totalMonths: number;
  /** Last day of the measure (inclusive), from the start date and the total months. */
  endsOn: string;
  sentToFunderOn?: string | undefined;
  objectives?: string | undefined;
  renewals: MeasureRenewedData[];
  reviews: PeriodicReviewRecordedData[];
  progressNotes: MonthlyProgressNoteSignedData[];
  /** The exit date when the pathway exited during the measure. */
  closedOn: string | null;
}

/** A pathway once its household has been referred. */
export interface ReferredPathway {
  id: string;
  programme: ProgrammeId;
  territory: Territory;
  referrer: Referrer;
  referralChannel: ReferralChannel;
  externalReference?: ExternalReference | undefined;
  referredOn: string;
  /**
   * Where the current stay's entries begin in the lists that outlive a reopening: a fact dated
   * on the day of a same-day exit and reopening may belong to either stay, the record order
   * tells which. Internal to the decider: not part of the views.
   */
  stayBegins: { diagnostics: number; contactAttempts: number; pastMeasures: number };
  household: Household;
  consent: Consent;
  status: PathwayStatus;
  stage: PathwayStage;
  /**
   * The stage as referrers and partner systems are told it: the same, but for orientations they
   * are not shown (outcome-withheld.ts), which do not move it. Internal: the outcome view
   * publishes it as its `stage`; the full view leaves it out.
   */
  outcomeStage: PathwayStage;
  assignedOfficerId: string | null;
  /** The officer in charge as assigned: name and date. */
  assignedOfficer: VisitOfficerAssignedData | null;
  /** The decision on the current entry (null while awaiting it, or when the programme has none). */
  entry: EntryDecision | null;
  /** Every entry decision, including those before a reopening. */
  entryDecisions: EntryDecision[];
  contactAttempts: ContactAttemptState[];
  scheduledVisits: VisitScheduledData[];
  closedDoors: ClosedDoorRecordedData[];
  diagnostics: DiagnosticVisitCompletedData[];
  reports: Record<string, DiagnosticReportState>;
  orientations: Record<string, OrientationState>;
  /** Support contacts in the order they were recorded (a journal, so appending one is cheap). */
  contacts: SupportContactRecordedData[];
  pauses: PauseState[];
  evaluations: EvaluationRecordedData[];
  exits: ExitState[];
  measure: MeasureState | null;
  /** Measures of earlier stays, before a reopening. */
  pastMeasures: MeasureState[];
  settlements: PhaseSettledData[];
  reopenCount: number;
  /** Every reopening, after an exit or a rejected entry, in order. */
  reopenings: Array<{ reopenedOn: string; reason: string; after: 'exit' | 'rejection' }>;
  /** Latest business date of anything that happened (scheduled visits to come excluded). */
  lastActivityOn: string;
}

/** Before the referral there is no pathway at all. */
export type PathwayState = ReferredPathway | null;

export function initialPathwayState(): PathwayState {
  return null;
}

// Small readers the decider and the views share.

export function activePause(state: ReferredPathway): PauseState | null {
  const last = state.pauses[state.pauses.length - 1];
  return last && last.endDate === null ? last : null;
}

export function currentExit(state: ReferredPathway): ExitState | null {
  const last = state.exits[state.exits.length - 1];
  return last && last.reopenedOn === null ? last : null;
}

/**
 * When the current stay began: the referral, or the last reopening. Facts recorded since are
 * dated from it on: an earlier stay is closed once the pathway exits (or its entry is rejected).
 */
export function stayStartedOn(state: ReferredPathway): string {
  return state.reopenings[state.reopenings.length - 1]?.reopenedOn ?? state.referredOn;
}

/** The diagnostic visits of the current stay. */
export function diagnosticsThisStay(state: ReferredPathway): DiagnosticVisitCompletedData[] {
  return state.diagnostics.slice(state.stayBegins.diagnostics);
}

/** The contact attempts of the current stay. */
export function attemptsThisStay(state: ReferredPathway): ContactAttemptState[] {
  return state.contactAttempts.slice(state.stayBegins.contactAttempts);
}

/** The measures signed in the current stay, the one in force (or last) included. */
export function measuresThisStay(state: ReferredPathway): MeasureState[] {
  const past = state.pastMeasures.slice(state.stayBegins.pastMeasures);
  return state.measure ? [...past, state.measure] : past;
}

/**
 * The exit a report of `exitDate` is about. Two exits may share a day (an exit, a reopening and
 * an exit again): the latest of them not yet reported to these recipients, else the latest.
 * The decider and the fold both pick with this, so they agree on which one a report names.
 */
export function exitReported(exits: readonly ExitState[], exitDate: string, recipients: readonly ExitReportRecipient[]): ExitState | undefined {
  let latest: ExitState | undefined;
  for (let i = exits.length - 1; i >= 0; i--) {
    const e = exits[i]!;
    if (e.exitDate !== exitDate) continue;
    latest ??= e;
    if (!e.reportedTo.some((r) => recipients.includes(r.recipient))) return e;
  }
  return latest;
}

export function activeMeasure(state: ReferredPathway): MeasureState | null {
  return state.measure && state.measure.closedOn === null ? state.measure : null;
}
