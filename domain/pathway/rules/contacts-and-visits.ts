// Contact attempts, scheduled visits, closed doors.
import type { PathwayCommandDataMap } from '../../../contracts/commands/index.js';
import type { Decision } from '../decision.js';
import { attemptsThisStay, stayStartedOn, type ContactAttemptState } from '../state.js';
import { accept, checkDates, checkNotBefore, checkNotBeforeReferral, defined, firstOf, idFor, refuse, refusal, type RuleContext } from './common.js';

type Data<K extends keyof PathwayCommandDataMap> = PathwayCommandDataMap[K];

const attemptTaken = (rc: RuleContext) => (id: string) => rc.state.contactAttempts.some((a) => a.attemptId === id);

export function attemptContact(data: Data<'AttemptContact'>, rc: RuleContext): Decision {
  const problem = checkDates(rc, [['attemptedOn', data.attemptedOn]]);
  if (problem) return refusal(problem);
  const id = idFor(rc, data.attemptId, attemptTaken(rc), 'attemptId');
  if ('rejection' in id) return refusal(id.rejection);
  return accept({ type: 'ContactAttempted', data: defined(data, { attemptId: id.id }) });
}

export function scheduleVisit(data: Data<'ScheduleVisit'>, rc: RuleContext): Decision {
  // the visit itself is to come: only the day it was agreed on must have happened
  const problem = firstOf(
    checkDates(rc, [['scheduledOn', data.scheduledOn]]),
    checkNotBeforeReferral(rc, 'scheduledFor', data.scheduledFor),
    checkNotBefore('scheduledFor', data.scheduledFor, data.scheduledOn, 'the day it was scheduled'),
  );
  if (problem) return refusal(problem);
  const id = idFor(rc, data.visitId, (v) => rc.state.scheduledVisits.some((s) => s.visitId === v), 'visitId');
  if ('rejection' in id) return refusal(id.rejection);
  return accept({ type: 'VisitScheduled', data: defined(data, { visitId: id.id }) });
}

const isFailedHomeVisit = (a: ContactAttemptState) => a.channel === 'home_visit' && a.outcome === 'no_answer';

/** Two failed home visits make a closed door; each failed visit counts in one closed door only. */
export function recordClosedDoor(data: Data<'RecordClosedDoor'>, rc: RuleContext): Decision {
  const problem = checkDates(rc, [['recordedOn', data.recordedOn]]);
  if (problem) return refusal(problem);

  const ownStay = new Set(attemptsThisStay(rc.state));
  let attempts: ContactAttemptState[];
  if (data.attemptIds) {
    if (data.attemptIds[0] === data.attemptIds[1]) {
      return refuse('closed_door.insufficient_attempts', 'The two failed home visits must be different attempts.', 'attemptIds.1');
    }
    attempts = [];
    for (const [i, attemptId] of data.attemptIds.entries()) {
      const field = `attemptIds.${i}`;
      const attempt = rc.state.contactAttempts.find((a) => a.attemptId === attemptId);
      if (!attempt) return refuse('contact_attempt.not_found', `No contact attempt ${attemptId} in this pathway.`, field);
      // a closed door (a billable outcome) is made of this stay's visits, not of one the household left
      if (!ownStay.has(attempt)) {
        return refuse('closed_door.insufficient_attempts', `Attempt ${attemptId} belongs to a stay before the reopening of ${stayStartedOn(rc.state)}.`, field);
      }
      if (!isFailedHomeVisit(attempt)) {
        return refuse('closed_door.insufficient_attempts', `Attempt ${attemptId} is not a home visit that found nobody.`, field);
      }
      if (attempt.closedDoorId !== null) {
        return refuse('closed_door.insufficient_attempts', `Attempt ${attemptId} already counts in closed door ${attempt.closedDoorId}.`, field);
      }
      attempts.push(attempt);
    }
  } else {
    attempts = [...ownStay]
      .filter((a) => isFailedHomeVisit(a) && a.closedDoorId === null && a.attemptedOn <= data.recordedOn)
      .slice(-2);
    if (attempts.length < 2) return refuse('closed_door.insufficient_attempts', undefined, 'attemptIds');
  }
  const [first, second] = attempts as [ContactAttemptState, ContactAttemptState];
  const order = firstOf(
    checkNotBefore('recordedOn', data.recordedOn, first.attemptedOn, `failed visit ${first.attemptId}`),
    checkNotBefore('recordedOn', data.recordedOn, second.attemptedOn, `failed visit ${second.attemptId}`),
  );
  if (order) return refusal(order);

  const id = idFor(rc, data.closedDoorId, (c) => rc.state.closedDoors.some((d) => d.closedDoorId === c), 'closedDoorId');
  if ('rejection' in id) return refusal(id.rejection);
  return accept({
    type: 'ClosedDoorRecorded',
    data: defined({ closedDoorId: id.id, recordedOn: data.recordedOn, attemptIds: [first.attemptId, second.attemptId] as [string, string], note: data.note }),
  });
}
