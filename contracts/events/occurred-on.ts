// Which business date of each event says when the fact happened in the world (its
// occurred-at, as distinct from when the service recorded it).
import type { PathwayEvent, PathwayEventDataMap, PathwayEventType } from './registry.js';

type DateFieldOf<K extends PathwayEventType> = {
  [F in keyof PathwayEventDataMap[K]]: PathwayEventDataMap[K][F] extends string ? F : never;
}[keyof PathwayEventDataMap[K]];

export const OCCURRED_ON_FIELD: { [K in PathwayEventType]: DateFieldOf<K> } = {
  HouseholdReferred: 'referredOn',
  EntryAccepted: 'decidedOn',
  EntryRejected: 'decidedOn',
  VisitOfficerAssigned: 'assignedOn',
  ContactAttempted: 'attemptedOn',
  VisitScheduled: 'scheduledOn',
  ClosedDoorRecorded: 'recordedOn',
  DiagnosticVisitCompleted: 'visitDate',
  DiagnosticReportIssued: 'issuedOn',
  DiagnosticReportSent: 'sentOn',
  OrientationProposed: 'proposedOn',
  OrientationStatusChanged: 'changedOn',
  SupportContactRecorded: 'contactDate',
  PauseDeclared: 'startDate',
  PauseEnded: 'endDate',
  EvaluationRecorded: 'evaluationDate',
  PathwayExited: 'exitDate',
  ExitReported: 'reportedOn',
  PathwayReopened: 'reopenedOn',
  MeasureContractSigned: 'signedOn',
  PeriodicReviewRecorded: 'reviewDate',
  MeasureRenewed: 'renewedOn',
  MonthlyProgressNoteSigned: 'signedOn',
  PhaseSettled: 'settledOn',
};

/** The calendar day the fact happened ('YYYY-MM-DD'). */
export function occurredOnOf(event: PathwayEvent): string {
  const field = OCCURRED_ON_FIELD[event.type] as string;
  return (event.data as Record<string, unknown>)[field] as string;
}
