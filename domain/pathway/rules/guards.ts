// What a pathway's status allows, before any rule of the command itself is looked at.
import type { CommandType } from '../../../contracts/commands/index.js';
import { rejection, type PathwayRejection } from '../rejections.js';
import type { ReferredPathway } from '../state.js';

/** A coordinator may settle how past events are read whatever the pathway's status. */
const ANY_STATUS: ReadonlySet<CommandType> = new Set(['SettlePhase']);
/** After an exit: only reporting it and reopening. */
const WHEN_EXITED: ReadonlySet<CommandType> = new Set(['ReportExit', 'ReopenPathway']);
const WHEN_REJECTED: ReadonlySet<CommandType> = new Set(['ReopenPathway']);
/**
 * Before entry validation: deciding the entry, preparing contact, or closing the pathway; and
 * reporting an earlier exit, which a re-entry awaiting its validation may still owe.
 */
const BEFORE_VALIDATION: ReadonlySet<CommandType> = new Set([
  'AcceptEntry', 'RejectEntry', 'AssignVisitOfficer', 'AttemptContact', 'RecordExit', 'ReportExit',
]);
/** Reopening needs an exit (or a rejection) to undo; an exit report names its exit (rules/exit.ts). */
const ONLY_AFTER_EXIT: ReadonlySet<CommandType> = new Set(['ReopenPathway']);
const ENTRY_DECISIONS: ReadonlySet<CommandType> = new Set(['AcceptEntry', 'RejectEntry']);

export function checkStatus(state: ReferredPathway, type: CommandType): PathwayRejection | null {
  if (ANY_STATUS.has(type)) return null;
  switch (state.status) {
    case 'exited':
      return WHEN_EXITED.has(type) ? null : rejection('pathway.exited');
    case 'rejected':
      // a rejected re-entry may still owe the report of the exit before it
      if (type === 'ReportExit' && state.exits.length > 0) return null;
      return WHEN_REJECTED.has(type) ? null : rejection('pathway.rejected');
    case 'awaiting_validation':
      if (BEFORE_VALIDATION.has(type)) return null;
      return ONLY_AFTER_EXIT.has(type) ? rejection('pathway.not_exited') : rejection('entry.validation_required');
    case 'active':
    case 'paused':
      if (ONLY_AFTER_EXIT.has(type)) return rejection('pathway.not_exited');
      if (ENTRY_DECISIONS.has(type)) {
        return rejection('entry.already_decided', state.entry ? `The entry was ${state.entry.decision} on ${state.entry.decidedOn}.` : undefined);
      }
      return null;
  }
}
