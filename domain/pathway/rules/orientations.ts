// Orientations: proposing one, moving one along its lifecycle. Nothing here reads the other
// orientations of the pathway, on purpose.
import type { PathwayCommandDataMap } from '../../../contracts/commands/index.js';
import { ORIENTATION_STATUS_LABELS } from '../../../contracts/enums.js';
import type { Decision } from '../decision.js';
import { canTransition, ORIENTATION_TRANSITIONS } from '../orientation-lifecycle.js';
import { accept, checkAfterEntryValidation, checkDates, checkNotBefore, defined, firstOf, idFor, refuse, refusal, type RuleContext } from './common.js';

type Data<K extends keyof PathwayCommandDataMap> = PathwayCommandDataMap[K];

export function proposeOrientation(data: Data<'ProposeOrientation'>, rc: RuleContext): Decision {
  const problem = firstOf(checkDates(rc, [['proposedOn', data.proposedOn]]), checkAfterEntryValidation(rc, 'proposedOn', data.proposedOn));
  if (problem) return refusal(problem);
  const id = idFor(rc, data.orientationId, (o) => o in rc.state.orientations, 'orientationId');
  if ('rejection' in id) return refusal(id.rejection);
  return accept({ type: 'OrientationProposed', data: defined(data, { orientationId: id.id }) });
}

export function changeOrientationStatus(data: Data<'ChangeOrientationStatus'>, rc: RuleContext): Decision {
  const orientation = rc.state.orientations[data.orientationId];
  if (!orientation) return refuse('orientation.not_found', `No orientation ${data.orientationId} in this pathway.`, 'orientationId');
  if (!canTransition(orientation.status, data.status)) {
    const allowed = ORIENTATION_TRANSITIONS[orientation.status];
    const detail =
      `Orientation ${data.orientationId} is ${ORIENTATION_STATUS_LABELS[orientation.status].toLowerCase()} (${orientation.status}); ` +
      (allowed.length === 0 ? 'that status is final.' : `it can move to ${allowed.join(', ')}, not ${data.status}.`);
    return refuse('orientation.invalid_transition', detail, 'status');
  }
  const problem = firstOf(
    checkDates(rc, [['changedOn', data.changedOn]]),
    checkNotBefore('changedOn', data.changedOn, orientation.statusChangedOn, 'the orientation’s last change'),
  );
  if (problem) return refusal(problem);
  return accept({ type: 'OrientationStatusChanged', data: defined(data) });
}
