// Folding one event into the pathway state. Pure and total: every event type is handled, and an
// event that does not fit the state (a stream written by an older, laxer version, say) is
// absorbed as well as it can be rather than thrown on, so a replay never stops half-way.
import type { PathwayEvent, PathwayEventOf } from '../../contracts/events/index.js';
import { getProgrammeProfile } from '../programmes/profiles.js';
import { addDays, addMonths, latest } from '../shared/dates.js';
import { advanceStage, type PathwayStage } from './stage.js';
import { withheldFromOutcome } from './outcome-withheld.js';
import { exitReported, type MeasureState, type PathwayState, type ReferredPathway } from './state.js';

export function evolvePathway(state: PathwayState, event: PathwayEvent): PathwayState {
  if (event.type === 'HouseholdReferred') return state ?? referred(event);
  if (state === null) return null; // nothing can happen to a household that was never referred
  const next = apply(state, event);
  const move = stageMove(event);
  const on = activityDate(event);
  if (!move && !on) return next;
  const movesOutcome = move !== null && !(event.type === 'OrientationProposed' && withheldFromOutcome(event.data.category));
  // One spread that only replaces existing keys (cheap in V8, unlike one that adds keys).
  return {
    ...next,
    stage: move ? moved(next.stage, move) : next.stage,
    outcomeStage: movesOutcome ? moved(next.outcomeStage, move) : next.outcomeStage,
    lastActivityOn: on ? (latest(next.lastActivityOn, on) ?? next.lastActivityOn) : next.lastActivityOn,
  };
}

/** How an event moves the stage: forward to a step (never back), or to a step whatever came before. */
type StageMove = { forwardTo: PathwayStage } | { setTo: PathwayStage };

function stageMove(event: PathwayEvent): StageMove | null {
  switch (event.type) {
    case 'EntryAccepted': return { forwardTo: 'entry_validated' };
    case 'EntryRejected': return { setTo: 'entry_rejected' };
    case 'ContactAttempted': return { forwardTo: 'contact' };
    case 'VisitScheduled': return { forwardTo: 'visit_scheduled' };
    case 'ClosedDoorRecorded': return { forwardTo: 'closed_door' };
    case 'DiagnosticVisitCompleted': return { forwardTo: 'diagnosed' };
    case 'OrientationProposed': return { forwardTo: 'orientation' };
    case 'SupportContactRecorded': {
      const d = event.data;
      return {
        forwardTo: d.declaredPhase === 'one_year_follow_up' ? 'follow_up' : d.evaluationOnly || d.declaredPhase === 'evaluation' ? 'evaluation' : 'support',
      };
    }
    case 'EvaluationRecorded': return { forwardTo: 'evaluation' };
    case 'MeasureContractSigned': return { forwardTo: 'measure' };
    case 'PathwayExited': return { setTo: 'exited' };
    case 'PathwayReopened': return { setTo: 'reopened' };
    default: return null;
  }
}

const moved = (stage: PathwayStage, move: StageMove): PathwayStage => ('setTo' in move ? move.setTo : advanceStage(stage, move.forwardTo));

function referred({ data }: PathwayEventOf<'HouseholdReferred'>): ReferredPathway {
  const needsValidation = getProgrammeProfile(data.programme)?.requiresEntryValidation ?? false;
  return {
    id: data.pathwayId,
    programme: data.programme,
    territory: data.territory,
    referrer: data.referrer,
    referralChannel: data.channel,
    externalReference: data.externalReference,
    referredOn: data.referredOn,
    stayBegins: { diagnostics: 0, contactAttempts: 0, pastMeasures: 0 },
    household: data.household,
    consent: data.consent,
    status: needsValidation ? 'awaiting_validation' : 'active',
    stage: 'referred',
    outcomeStage: 'referred',
    assignedOfficerId: null,
    assignedOfficer: null,
    entry: null,
    entryDecisions: [],
    contactAttempts: [],
    scheduledVisits: [],
    closedDoors: [],
    diagnostics: [],
    reports: {},
    orientations: {},
    contacts: [],
    pauses: [],
    evaluations: [],
    exits: [],
    measure: null,
    pastMeasures: [],
    settlements: [],
    reopenCount: 0,
    reopenings: [],
    lastActivityOn: data.referredOn,
  };
}

function apply(s: ReferredPathway, event: PathwayEvent): ReferredPathway {
  switch (event.type) {
    case 'HouseholdReferred':
      return s;
    case 'EntryAccepted': {
      const entry = { decision: 'accepted' as const, ...event.data };
      return {
        ...s,
        entry,
        entryDecisions: [...s.entryDecisions, entry],
        status: s.status === 'awaiting_validation' ? 'active' : s.status,
      };
    }
    case 'EntryRejected': {
      const entry = { decision: 'rejected' as const, ...event.data };
      return { ...s, entry, entryDecisions: [...s.entryDecisions, entry], status: 'rejected' };
    }
    case 'VisitOfficerAssigned':
      return { ...s, assignedOfficerId: event.data.officerId, assignedOfficer: event.data };
    case 'ContactAttempted':
      return { ...s, contactAttempts: [...s.contactAttempts, { ...event.data, closedDoorId: null }] };
    case 'VisitScheduled':
      return { ...s, scheduledVisits: [...s.scheduledVisits, event.data] };
    case 'ClosedDoorRecorded': {
      const counted = new Set<string>(event.data.attemptIds);
      return {
        ...s,
        closedDoors: [...s.closedDoors, event.data],
        contactAttempts: s.contactAttempts.map((a) =>
          counted.has(a.attemptId) ? { ...a, closedDoorId: event.data.closedDoorId } : a,
        ),
      };
    }
    case 'DiagnosticVisitCompleted':
      return { ...s, diagnostics: [...s.diagnostics, event.data] };
    case 'DiagnosticReportIssued': {
      const { reportId, visitId, issuedOn, parts, validatedBy } = event.data;
      return { ...s, reports: { ...s.reports, [reportId]: { reportId, visitId, issuedOn, parts, validatedBy, sendings: [] } } };
    }
    case 'DiagnosticReportSent': {
      const { reportId, ...sending } = event.data;
      const report = s.reports[reportId];
      if (!report) return s;
      return { ...s, reports: { ...s.reports, [reportId]: { ...report, sendings: [...report.sendings, sending] } } };
    }
    case 'OrientationProposed': {
      const { orientationId, proposedOn, category, relayActor, note } = event.data;
      const orientation = {
        orientationId, category, relayActor, proposedOn, note,
        status: 'proposed' as const,
        statusChangedOn: proposedOn,
        history: [{ status: 'proposed' as const, on: proposedOn, note }],
      };
      return { ...s, orientations: { ...s.orientations, [orientationId]: orientation } };
    }
    case 'OrientationStatusChanged': {
      const { orientationId, status, changedOn, note } = event.data;
      const o = s.orientations[orientationId];
      if (!o) return s;
      const changed = { ...o, status, statusChangedOn: changedOn, history: [...o.history, { status, on: changedOn, note }] };
      return { ...s, orientations: { ...s.orientations, [orientationId]: changed } };
    }
    case 'SupportContactRecorded':
      return { ...s, contacts: [...s.contacts, event.data] };
    case 'PauseDeclared':
      return {
        ...s,
        pauses: [...s.pauses, { startDate: event.data.startDate, reason: event.data.reason, endDate: null }],
        status: s.status === 'active' ? 'paused' : s.status,
      };
    case 'PauseEnded':
      return {
        ...s,
        pauses: closeOpenPause(s, event.data.endDate, event.data.reason),
        status: s.status === 'paused' ? 'active' : s.status,
      };
    case 'EvaluationRecorded':
      return { ...s, evaluations: [...s.evaluations, event.data] };
    case 'PathwayExited': {
      const { exitDate, exitType, reason } = event.data;
      return {
        ...s,
        exits: [...s.exits, { exitDate, exitType, reason, reportedTo: [], reopenedOn: null }],
        // an exit ends any pause and any measure in progress
        pauses: closeOpenPause(s, exitDate, 'pathway exited'),
        measure: s.measure && s.measure.closedOn === null ? { ...s.measure, closedOn: exitDate } : s.measure,
        status: 'exited',
      };
    }
    case 'ExitReported': {
      const { exitDate, reportedOn, recipients, channel, note } = event.data;
      const index = s.exits.indexOf(exitReported(s.exits, exitDate, recipients)!);
      if (index < 0) return s;
      const exits = s.exits.map((e, i) =>
        i === index ? { ...e, reportedTo: [...e.reportedTo, ...recipients.map((recipient) => ({ recipient, reportedOn, channel, note }))] } : e,
      );
      return { ...s, exits };
    }
    case 'PathwayReopened':
      return reopened(s, event.data.reopenedOn, event.data.reason);
    case 'MeasureContractSigned': {
      const d = event.data;
      const measure: MeasureState = {
        contractId: d.contractId,
        signedOn: d.signedOn,
        startDate: d.measureStartDate,
        initialMonths: d.durationMonths,
        totalMonths: d.durationMonths,
        endsOn: measureEnd(d.measureStartDate, d.durationMonths),
        sentToFunderOn: d.sentToFunderOn,
        objectives: d.objectives,
        renewals: [],
        reviews: [],
        progressNotes: [],
        closedOn: null,
      };
      return { ...s, measure, pastMeasures: s.measure ? [...s.pastMeasures, s.measure] : s.pastMeasures };
    }
    case 'PeriodicReviewRecorded':
      return s.measure ? { ...s, measure: { ...s.measure, reviews: [...s.measure.reviews, event.data] } } : s;
    case 'MeasureRenewed': {
      if (!s.measure) return s;
      const totalMonths = s.measure.totalMonths + event.data.additionalMonths;
      return {
        ...s,
        measure: {
          ...s.measure,
          totalMonths,
          endsOn: measureEnd(s.measure.startDate, totalMonths),
          renewals: [...s.measure.renewals, event.data],
        },
      };
    }
    case 'MonthlyProgressNoteSigned':
      return s.measure ? { ...s, measure: { ...s.measure, progressNotes: [...s.measure.progressNotes, event.data] } } : s;
    case 'PhaseSettled':
      return { ...s, settlements: [...s.settlements, event.data] };
  }
}

function reopened(s: ReferredPathway, reopenedOn: string, reason: string): ReferredPathway {
  const profile = getProgrammeProfile(s.programme);
  const exits = s.exits.map((e, i) =>
    i === s.exits.length - 1 && e.reopenedOn === null ? { ...e, reopenedOn, reopenReason: reason } : e,
  );
  // a rejected entry is always decided again; an entry never accepted (exit while awaiting the
  // decision) still needs one; an exit needs a new decision where the programme says so
  const requires = profile?.requiresEntryValidation ?? false;
  const neverAccepted = requires && s.entry?.decision !== 'accepted';
  const revalidate = s.status === 'rejected' || neverAccepted || (requires && (profile?.revalidateOnReopen ?? false));
  const pastMeasures = s.measure ? [...s.pastMeasures, s.measure] : s.pastMeasures;
  return {
    ...s,
    exits,
    entry: revalidate ? null : s.entry,
    status: revalidate ? 'awaiting_validation' : 'active',
    stayBegins: { diagnostics: s.diagnostics.length, contactAttempts: s.contactAttempts.length, pastMeasures: pastMeasures.length },
    measure: null,
    pastMeasures,
    reopenCount: s.reopenCount + 1,
    reopenings: [...(s.reopenings ?? []), { reopenedOn, reason, after: s.status === 'rejected' ? 'rejection' : 'exit' }],
  };
}

function closeOpenPause(s: ReferredPathway, endDate: string, endReason: string | undefined) {
  return s.pauses.map((p) => (p.endDate === null ? { ...p, endDate, endReason } : p));
}

/** Last day of a measure of `months` months starting on `start`. */
export function measureEnd(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

/** The business date of an event as "something happened", for lastActivityOn. */
function activityDate(event: PathwayEvent): string | null {
  switch (event.type) {
    case 'HouseholdReferred': return event.data.referredOn;
    case 'EntryAccepted':
    case 'EntryRejected': return event.data.decidedOn;
    case 'VisitOfficerAssigned': return event.data.assignedOn;
    case 'ContactAttempted': return event.data.attemptedOn;
    case 'VisitScheduled': return event.data.scheduledOn; // the visit itself may be to come
    case 'ClosedDoorRecorded': return event.data.recordedOn;
    case 'DiagnosticVisitCompleted': return event.data.visitDate;
    case 'DiagnosticReportIssued': return event.data.issuedOn;
    case 'DiagnosticReportSent': return event.data.sentOn;
    case 'OrientationProposed': return event.data.proposedOn;
    case 'OrientationStatusChanged': return event.data.changedOn;
    case 'SupportContactRecorded': return event.data.contactDate;
    case 'PauseDeclared': return event.data.startDate;
    case 'PauseEnded': return event.data.endDate;
    case 'EvaluationRecorded': return event.data.evaluationDate;
    case 'PathwayExited': return event.data.exitDate;
    case 'ExitReported': return event.data.reportedOn;
    case 'PathwayReopened': return event.data.reopenedOn;
    case 'MeasureContractSigned': return latest(event.data.signedOn, event.data.measureStartDate);
    case 'PeriodicReviewRecorded': return event.data.reviewDate;
    case 'MeasureRenewed': return event.data.renewedOn;
    case 'MonthlyProgressNoteSigned': return event.data.signedOn;
    case 'PhaseSettled': return null; // a coordinator's reading of the history, not an activity
  }
}
