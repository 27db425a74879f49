// One sample per command: a past in which it is accepted, and the command built around its
// main business date, so that rules shared by every command can be checked command by command.
import type { CommandType } from '../../../contracts/commands/index.js';
import type { PathwayEvent } from '../../../contracts/events/index.js';
import { commands as c, events as e } from './fixtures.js';
import type { CommandInput } from './given.js';

export interface Sample {
  past: PathwayEvent[];
  build: (date: string) => CommandInput;
  /** The field the date goes into (the one a rejection names). */
  field: string;
  /** A date at which the command is accepted. */
  valid: string;
}

const awaiting: PathwayEvent[] = [e.referred({ programme: 'pdc-energy-2026' })];
const validated: PathwayEvent[] = [...awaiting, e.accepted('2026-06-05')];
const diagnosed: PathwayEvent[] = [
  ...validated, e.attempt('a-1', '2026-06-08'), e.attempt('a-2', '2026-06-10'), e.diagnostic('visit-1', '2026-06-20'),
];
const reported: PathwayEvent[] = [...diagnosed, e.report('report-1', 'visit-1', '2026-06-25'), e.orientation('o-1', '2026-06-25')];
const running: PathwayEvent[] = [...reported, e.contract('2026-07-01', 3), e.contact('c-1', '2026-07-02')];
const exited: PathwayEvent[] = [...running, e.exited('2026-07-20', 'moved')];

export const samples: Record<CommandType, Sample> = {
  ReferHousehold: { past: [], build: (d) => c.refer({ referredOn: d }), field: 'referredOn', valid: '2026-06-02' },
  AcceptEntry: { past: awaiting, build: (d) => c.acceptEntry(d), field: 'decidedOn', valid: '2026-06-05' },
  RejectEntry: { past: awaiting, build: (d) => c.rejectEntry(d), field: 'decidedOn', valid: '2026-06-05' },
  AssignVisitOfficer: { past: validated, build: (d) => ({ type: 'AssignVisitOfficer', data: { officerId: 'officer-1', assignedOn: d } }), field: 'assignedOn', valid: '2026-06-06' },
  AttemptContact: { past: validated, build: (d) => c.attempt(d), field: 'attemptedOn', valid: '2026-06-06' },
  ScheduleVisit: { past: validated, build: (d) => ({ type: 'ScheduleVisit', data: { scheduledOn: d, scheduledFor: d } }), field: 'scheduledOn', valid: '2026-06-06' },
  RecordClosedDoor: { past: diagnosed, build: (d) => ({ type: 'RecordClosedDoor', data: { recordedOn: d } }), field: 'recordedOn', valid: '2026-06-12' },
  CompleteDiagnosticVisit: { past: validated, build: (d) => c.diagnostic(d), field: 'visitDate', valid: '2026-06-20' },
  IssueDiagnosticReport: { past: diagnosed, build: (d) => ({ type: 'IssueDiagnosticReport', data: { issuedOn: d } }), field: 'issuedOn', valid: '2026-06-25' },
  SendDiagnosticReport: { past: reported, build: (d) => ({ type: 'SendDiagnosticReport', data: { sentOn: d, recipient: 'referrer' } }), field: 'sentOn', valid: '2026-06-26' },
  ProposeOrientation: { past: diagnosed, build: (d) => c.propose(d), field: 'proposedOn', valid: '2026-06-25' },
  ChangeOrientationStatus: { past: reported, build: (d) => c.changeStatus('o-1', 'accepted', d), field: 'changedOn', valid: '2026-06-28' },
  RecordSupportContact: { past: running, build: (d) => c.contact(d), field: 'contactDate', valid: '2026-07-10' },
  DeclarePause: { past: running, build: (d) => c.pause(d), field: 'startDate', valid: '2026-07-10' },
  EndPause: { past: [...running, e.pause('2026-07-10')], build: (d) => c.endPause(d), field: 'endDate', valid: '2026-08-10' },
  RecordEvaluation: {
    past: running,
    build: (d) => ({ type: 'RecordEvaluation', data: { evaluationDate: d, comfort: {}, satisfaction: { rating: 4 } } }),
    field: 'evaluationDate',
    valid: '2026-09-01',
  },
  RecordExit: { past: running, build: (d) => c.exit(d, 'moved', 'Déménagement'), field: 'exitDate', valid: '2026-07-20' },
  ReportExit: { past: exited, build: (d) => ({ type: 'ReportExit', data: { reportedOn: d, recipients: ['referrer'] } }), field: 'reportedOn', valid: '2026-07-21' },
  ReopenPathway: { past: exited, build: (d) => c.reopen(d), field: 'reopenedOn', valid: '2026-09-01' },
  SignMeasureContract: { past: reported, build: (d) => c.contract(d, 3), field: 'signedOn', valid: '2026-07-01' },
  RecordPeriodicReview: {
    past: running,
    build: (d) => ({ type: 'RecordPeriodicReview', data: { reviewDate: d, kind: 'final', signedByHousehold: true } }),
    field: 'reviewDate',
    valid: '2026-09-10',
  },
  RenewMeasure: { past: running, build: (d) => ({ type: 'RenewMeasure', data: { renewedOn: d, additionalMonths: 2, reason: 'Poursuite' } }), field: 'renewedOn', valid: '2026-09-01' },
  SignMonthlyProgressNote: {
    past: running,
    build: (d) => ({ type: 'SignMonthlyProgressNote', data: { month: '2026-07', signedOn: d, homeVisitDates: ['2026-07-02'] } }),
    field: 'signedOn',
    valid: '2026-07-31',
  },
  SettlePhase: {
    past: running,
    build: (d) => ({ type: 'SettlePhase', data: { eventIds: ['evt-1'], phase: 'reinforced_support', reason: 'Continuité après orientation', settledOn: d } }),
    field: 'settledOn',
    valid: '2026-09-10',
  },
};
