// The registry of pathway commands: type → payload schema, and the PathwayCommand union.
import type { z } from 'zod';
import { acceptEntryCommand, assignVisitOfficerCommand, referHouseholdCommand, rejectEntryCommand } from './referral-and-entry.js';
import { attemptContactCommand, recordClosedDoorCommand, scheduleVisitCommand } from './contacts-and-visits.js';
import { completeDiagnosticVisitCommand, issueDiagnosticReportCommand, sendDiagnosticReportCommand } from './diagnostic.js';
import { changeOrientationStatusCommand, proposeOrientationCommand } from './orientations.js';
import { declarePauseCommand, endPauseCommand, recordEvaluationCommand, recordSupportContactCommand } from './support.js';
import {
  recordPeriodicReviewCommand, renewMeasureCommand, signMeasureContractCommand, signMonthlyProgressNoteCommand,
} from './measures.js';
import { recordExitCommand, reopenPathwayCommand, reportExitCommand } from './exit.js';
import { settlePhaseCommand } from './settlement.js';

/** Command type → schema of the payload the API accepts (unknown fields are rejected). */
export const pathwayCommandSchemas = {
  ReferHousehold: referHouseholdCommand,
  AcceptEntry: acceptEntryCommand,
  RejectEntry: rejectEntryCommand,
  AssignVisitOfficer: assignVisitOfficerCommand,
  AttemptContact: attemptContactCommand,
  ScheduleVisit: scheduleVisitCommand,
  RecordClosedDoor: recordClosedDoorCommand,
  CompleteDiagnosticVisit: completeDiagnosticVisitCommand,
  IssueDiagnosticReport: issueDiagnosticReportCommand,
  SendDiagnosticReport: sendDiagnosticReportCommand,
  ProposeOrientation: proposeOrientationCommand,
  ChangeOrientationStatus: changeOrientationStatusCommand,
  RecordSupportContact: recordSupportContactCommand,
  DeclarePause: declarePauseCommand,
  EndPause: endPauseCommand,
  RecordEvaluation: recordEvaluationCommand,
  RecordExit: recordExitCommand,
  ReportExit: reportExitCommand,
  ReopenPathway: reopenPathwayCommand,
  SignMeasureContract: signMeasureContractCommand,
  RecordPeriodicReview: recordPeriodicReviewCommand,
  RenewMeasure: renewMeasureCommand,
  SignMonthlyProgressNote: signMonthlyProgressNoteCommand,
  SettlePhase: settlePhaseCommand,
} as const;

type Schemas = typeof pathwayCommandSchemas;
export type CommandType = keyof Schemas;
/** Payload after parsing (defaults applied): what the decider receives. */
export type PathwayCommandDataMap = { [K in CommandType]: z.output<Schemas[K]> };
/** Payload as a client sends it (defaulted fields may be omitted). */
export type PathwayCommandInputMap = { [K in CommandType]: z.input<Schemas[K]> };
export type PathwayCommand = { [K in CommandType]: { type: K; data: PathwayCommandDataMap[K] } }[CommandType];
export type PathwayCommandOf<K extends CommandType> = Extract<PathwayCommand, { type: K }>;

export const COMMAND_TYPES = Object.keys(pathwayCommandSchemas) as CommandType[];

export function isCommandType(type: string): type is CommandType {
  return Object.prototype.hasOwnProperty.call(pathwayCommandSchemas, type);
}

export type CommandParseResult =
  | { success: true; command: PathwayCommand }
  | { success: false; issues: readonly z.core.$ZodIssue[] };

/** Validates a payload for a command type; issues carry field paths for problem+json. */
export function safeParsePathwayCommand(type: CommandType, data: unknown): CommandParseResult {
  const result = pathwayCommandSchemas[type].safeParse(data);
  if (!result.success) return { success: false, issues: result.error.issues };
  return { success: true, command: { type, data: result.data } as PathwayCommand };
}
