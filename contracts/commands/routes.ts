// Where each command is served. Segments are kebab-case resource names under
// /pathways/{pathwayId}/ (ReferHousehold creates the pathway, so it is served on /pathways).
import type { CommandType } from './registry.js';

export interface CommandRoute {
  readonly segment: string;
  readonly summary: string;
}

export const commandRoutes: Record<CommandType, CommandRoute> = {
  ReferHousehold: { segment: 'referrals', summary: 'Refer a household (repérage): creates its pathway in a programme' },
  AcceptEntry: { segment: 'entry-acceptance', summary: 'Accept the household’s entry (validation d’entrée)' },
  RejectEntry: { segment: 'entry-rejection', summary: 'Reject the household’s entry, with a reason' },
  AssignVisitOfficer: { segment: 'visit-officer', summary: 'Assign the visit officer (chargé de visite)' },
  AttemptContact: { segment: 'contact-attempts', summary: 'Record an attempt to contact the household' },
  ScheduleVisit: { segment: 'scheduled-visits', summary: 'Schedule a home visit with the household' },
  RecordClosedDoor: { segment: 'closed-doors', summary: 'Record a closed door (porte close: two failed home visits)' },
  CompleteDiagnosticVisit: { segment: 'diagnostic-visits', summary: 'Record a completed diagnostic visit (DST)' },
  IssueDiagnosticReport: { segment: 'diagnostic-reports', summary: 'Issue the diagnostic report (family and technical summaries)' },
  SendDiagnosticReport: { segment: 'diagnostic-report-sendings', summary: 'Send the diagnostic report to the household, referrer or landlord' },
  ProposeOrientation: { segment: 'orientations', summary: 'Propose an orientation to a relay actor' },
  ChangeOrientationStatus: { segment: 'orientation-status-changes', summary: 'Change the status of one orientation' },
  RecordSupportContact: { segment: 'support-contacts', summary: 'Record a support contact (soutien renforcé, suivi N+1...)' },
  DeclarePause: { segment: 'pauses', summary: 'Declare a pause in the support' },
  EndPause: { segment: 'pause-end', summary: 'End the current pause' },
  RecordEvaluation: { segment: 'evaluations', summary: 'Record an evaluation (comfort, bills after, satisfaction, effort rate after)' },
  RecordExit: { segment: 'exit', summary: 'Record the exit or rupture of the pathway' },
  ReportExit: { segment: 'exit-reports', summary: 'Record that the exit was reported to the coordinator and/or the referrer' },
  ReopenPathway: { segment: 'reopening', summary: 'Reopen the pathway (droit au recommencement)' },
  SignMeasureContract: { segment: 'measure-contract', summary: 'Record the signed measure contract' },
  RecordPeriodicReview: { segment: 'periodic-reviews', summary: 'Record an intermediate or final review (bilan)' },
  RenewMeasure: { segment: 'measure-renewals', summary: 'Renew the measure for more months' },
  SignMonthlyProgressNote: { segment: 'monthly-progress-notes', summary: 'Record a monthly progress note signed by the household' },
  SettlePhase: { segment: 'phase-settlements', summary: 'Settle the phase classification of some events (coordinator)' },
};
