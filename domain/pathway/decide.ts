// The pathway decider: a command and the current state in, new events or a typed rejection out.
// Pure: the clock, id generation and the acting principal come in through the context.
// The order of checks is fixed (existence, programme, status, then the command's own rules) so
// that the same situation always gets the same code.
import type { PathwayCommand } from '../../contracts/commands/index.js';
import { calendarDateIn } from '../shared/dates.js';
import { getProgrammeProfile, isCommandApplicable } from '../programmes/profiles.js';
import type { DecideContext, Decision } from './decision.js';
import type { PathwayState } from './state.js';
import { refuse, type RuleContext } from './rules/common.js';
import { checkStatus } from './rules/guards.js';
import { acceptEntry, assignVisitOfficer, referHousehold, rejectEntry } from './rules/referral-and-entry.js';
import { attemptContact, recordClosedDoor, scheduleVisit } from './rules/contacts-and-visits.js';
import { completeDiagnosticVisit, issueDiagnosticReport, sendDiagnosticReport } from './rules/diagnostic.js';
import { changeOrientationStatus, proposeOrientation } from './rules/orientations.js';
import { declarePause, endPause, recordEvaluation, recordSupportContact } from './rules/support.js';
import { recordPeriodicReview, renewMeasure, signMeasureContract, signMonthlyProgressNote } from './rules/measures.js';
import { recordExit, reopenPathway, reportExit } from './rules/exit.js';
import { settlePhase } from './rules/settlement.js';

export function decidePathway(command: PathwayCommand, state: PathwayState, ctx: DecideContext): Decision {
  const today = calendarDateIn(ctx.now);
  if (command.type === 'ReferHousehold') {
    return state === null ? referHousehold(command.data, ctx, today) : refuse('pathway.already_exists');
  }
  if (state === null) return refuse('pathway.not_found');

  const profile = getProgrammeProfile(state.programme);
  if (!profile) return refuse('programme.unknown', `Unknown programme ${state.programme}.`);
  if (!isCommandApplicable(profile, command.type)) {
    return refuse('command.not_applicable_to_programme', `${profile.label} does not provide for ${command.type}.`);
  }
  const blocked = checkStatus(state, command.type);
  if (blocked) return { ok: false, rejection: blocked };

  const rc: RuleContext = { state, profile, today, ctx };
  switch (command.type) {
    case 'AcceptEntry': return acceptEntry(command.data, rc);
    case 'RejectEntry': return rejectEntry(command.data, rc);
    case 'AssignVisitOfficer': return assignVisitOfficer(command.data, rc);
    case 'AttemptContact': return attemptContact(command.data, rc);
    case 'ScheduleVisit': return scheduleVisit(command.data, rc);
    case 'RecordClosedDoor': return recordClosedDoor(command.data, rc);
    case 'CompleteDiagnosticVisit': return completeDiagnosticVisit(command.data, rc);
    case 'IssueDiagnosticReport': return issueDiagnosticReport(command.data, rc);
    case 'SendDiagnosticReport': return sendDiagnosticReport(command.data, rc);
    case 'ProposeOrientation': return proposeOrientation(command.data, rc);
    case 'ChangeOrientationStatus': return changeOrientationStatus(command.data, rc);
    case 'RecordSupportContact': return recordSupportContact(command.data, rc);
    case 'DeclarePause': return declarePause(command.data, rc);
    case 'EndPause': return endPause(command.data, rc);
    case 'RecordEvaluation': return recordEvaluation(command.data, rc);
    case 'RecordExit': return recordExit(command.data, rc);
    case 'ReportExit': return reportExit(command.data, rc);
    case 'ReopenPathway': return reopenPathway(command.data, rc);
    case 'SignMeasureContract': return signMeasureContract(command.data, rc);
    case 'RecordPeriodicReview': return recordPeriodicReview(command.data, rc);
    case 'RenewMeasure': return renewMeasure(command.data, rc);
    case 'SignMonthlyProgressNote': return signMonthlyProgressNote(command.data, rc);
    case 'SettlePhase': return settlePhase(command.data, rc);
  }
}
