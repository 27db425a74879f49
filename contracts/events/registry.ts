// The registry of pathway events: every version ever defined, the latest schema of each type,
// and the PathwayEvent union the domain and projections work with.
import type { z } from 'zod';
import type { EventDefinition } from './define.js';
import {
  entryAcceptedV1, entryRejectedV1, householdReferredV1, referralAndEntryEvents, visitOfficerAssignedV1,
} from './referral-and-entry.js';
import { closedDoorRecordedV1, contactAttemptedV1, contactsAndVisitsEvents, visitScheduledV1 } from './contacts-and-visits.js';
import { diagnosticEvents, diagnosticReportIssuedV1, diagnosticReportSentV1, diagnosticVisitCompletedV1 } from './diagnostic.js';
import { orientationEvents, orientationProposedV1, orientationStatusChangedV1 } from './orientations.js';
import { evaluationRecordedV1, pauseDeclaredV1, pauseEndedV1, supportContactRecordedV1, supportEvents } from './support.js';
import {
  measureContractSignedV1, measureEvents, measureRenewedV1, monthlyProgressNoteSignedV1, periodicReviewRecordedV1,
} from './measures.js';
import { exitEvents, exitReportedV1, pathwayExitedV1, pathwayReopenedV1 } from './exit.js';
import { phaseSettledV1, settlementEvents } from './settlement.js';

/** The definition in force for each event type: the one new events are written with. */
const latestDefinitions = {
  HouseholdReferred: householdReferredV1,
  EntryAccepted: entryAcceptedV1,
  EntryRejected: entryRejectedV1,
  VisitOfficerAssigned: visitOfficerAssignedV1,
  ContactAttempted: contactAttemptedV1,
  VisitScheduled: visitScheduledV1,
  ClosedDoorRecorded: closedDoorRecordedV1,
  DiagnosticVisitCompleted: diagnosticVisitCompletedV1,
  DiagnosticReportIssued: diagnosticReportIssuedV1,
  DiagnosticReportSent: diagnosticReportSentV1,
  OrientationProposed: orientationProposedV1,
  OrientationStatusChanged: orientationStatusChangedV1,
  SupportContactRecorded: supportContactRecordedV1,
  PauseDeclared: pauseDeclaredV1,
  PauseEnded: pauseEndedV1,
  EvaluationRecorded: evaluationRecordedV1,
  PathwayExited: pathwayExitedV1,
  ExitReported: exitReportedV1,
  PathwayReopened: pathwayReopenedV1,
  MeasureContractSigned: measureContractSignedV1,
  PeriodicReviewRecorded: periodicReviewRecordedV1,
  MeasureRenewed: measureRenewedV1,
  MonthlyProgressNoteSigned: monthlyProgressNoteSignedV1,
  PhaseSettled: phaseSettledV1,
} as const;

type LatestDefinitions = typeof latestDefinitions;
export type PathwayEventType = keyof LatestDefinitions;
export type PathwayEventDataMap = { [K in PathwayEventType]: z.output<LatestDefinitions[K]['schema']> };
/** What the domain decides and folds: { type, data } with the data of the latest version. */
export type PathwayEvent = { [K in PathwayEventType]: { type: K; data: PathwayEventDataMap[K] } }[PathwayEventType];
export type PathwayEventOf<K extends PathwayEventType> = Extract<PathwayEvent, { type: K }>;

export const PATHWAY_EVENT_TYPES = Object.keys(latestDefinitions) as PathwayEventType[];

/** type → latest version schema. */
export const pathwayEventSchemas = Object.fromEntries(
  PATHWAY_EVENT_TYPES.map((type) => [type, latestDefinitions[type].schema]),
) as { [K in PathwayEventType]: LatestDefinitions[K]['schema'] };

/** type → latest version number (the version stored with every new event). */
export const CURRENT_EVENT_VERSIONS = Object.fromEntries(
  PATHWAY_EVENT_TYPES.map((type) => [type, latestDefinitions[type].version]),
) as Record<PathwayEventType, number>;

/** Every definition ever published, older versions included: stored events may be any of them. */
export const ALL_PATHWAY_EVENT_DEFINITIONS: readonly EventDefinition[] = [
  ...referralAndEntryEvents,
  ...contactsAndVisitsEvents,
  ...diagnosticEvents,
  ...orientationEvents,
  ...supportEvents,
  ...measureEvents,
  ...exitEvents,
  ...settlementEvents,
];

/** type → version → schema, for validating a stored event in the shape it was written. */
export const pathwayEventSchemaHistory: Readonly<Record<string, Readonly<Record<number, z.ZodType>>>> = (() => {
  const history: Record<string, Record<number, z.ZodType>> = {};
  for (const def of ALL_PATHWAY_EVENT_DEFINITIONS) {
    const versions = (history[def.type] ??= {});
    if (versions[def.version]) throw new Error(`${def.type} v${def.version} is defined twice`);
    versions[def.version] = def.schema;
  }
  return history;
})();

export function isPathwayEventType(type: string): type is PathwayEventType {
  return Object.prototype.hasOwnProperty.call(latestDefinitions, type);
}
