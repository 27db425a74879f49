// Exit or rupture, its report, and the household's return.
import type { PathwayCommandDataMap } from '../../../contracts/commands/index.js';
import type { Decision } from '../decision.js';
import { currentExit, exitReported } from '../state.js';
import { accept, checkDates, checkNotBefore, checkNotBeforeReferral, checkNotInFuture, defined, firstOf, refuse, refusal, type RuleContext } from './common.js';

type Data<K extends keyof PathwayCommandDataMap> = PathwayCommandDataMap[K];

export function recordExit(data: Data<'RecordExit'>, rc: RuleContext): Decision {
  const { exitType } = data;
  if (exitType === undefined) return refuse('exit.type_required', undefined, 'exitType');
  // every rupture is explained ("explicitée") to the coordinator; a completed pathway speaks for itself
  if (exitType !== 'completed' && data.reason === undefined) return refuse('exit.reason_required', undefined, 'reason');
  const problem = firstOf(
    checkDates(rc, [['exitDate', data.exitDate]]),
    checkNotBefore('exitDate', data.exitDate, rc.state.lastActivityOn, 'the last recorded activity'),
  );
  if (problem) return refusal(problem);
  const measure = rc.state.measure;
  const finalReview = rc.profile.measure?.finalReview;
  if (exitType === 'completed' && measure && measure.closedOn === null && finalReview?.required) {
    const signed = measure.reviews.some((r) => r.kind === 'final' && (r.signedByHousehold || !finalReview.signedByHousehold));
    if (!signed) return refuse('exit.final_review_required', undefined, 'exitType');
  }
  return accept({ type: 'PathwayExited', data: defined({ exitDate: data.exitDate, exitType, reason: data.reason }) });
}

/**
 * Every exit is reported "without delay"; a household that came back quickly may be reopened
 * before the report is recorded, so an earlier exit can be named by its date.
 */
export function reportExit(data: Data<'ReportExit'>, rc: RuleContext): Decision {
  const current = currentExit(rc.state);
  if (data.exitDate === undefined && !current) {
    const detail = rc.state.exits.length ? 'The pathway has not exited since its last reopening; name the earlier exit reported (exitDate).' : 'The pathway has not exited.';
    return refuse('pathway.not_exited', detail, 'exitDate');
  }
  const exit = data.exitDate === undefined ? current : exitReported(rc.state.exits, data.exitDate, data.recipients);
  if (!exit) return refuse('exit.not_found', `No exit on ${data.exitDate} in this pathway.`, 'exitDate');
  // A report belongs to its exit, not to a stay: it is dated after the exit, in the days the
  // pathway was closed or after the household came back, and never in the future.
  const problem = firstOf(
    checkNotInFuture(rc, 'reportedOn', data.reportedOn),
    checkNotBeforeReferral(rc, 'reportedOn', data.reportedOn),
    checkNotBefore('reportedOn', data.reportedOn, exit.exitDate, 'the exit'),
  );
  if (problem) return refusal(problem);
  for (const [i, recipient] of data.recipients.entries()) {
    const done = exit.reportedTo.find((r) => r.recipient === recipient);
    if (done) return refuse('exit.already_reported', `The ${recipient} was told on ${done.reportedOn}.`, `recipients.${i}`);
  }
  return accept({ type: 'ExitReported', data: defined(data, { exitDate: exit.exitDate }) });
}

export function reopenPathway(data: Data<'ReopenPathway'>, rc: RuleContext): Decision {
  const s = rc.state;
  const exit = currentExit(s);
  const closedOn = s.status === 'rejected' ? s.entry?.decidedOn : exit?.exitDate;
  if (!closedOn) return refuse('pathway.not_exited');
  const problem = firstOf(
    checkDates(rc, [['reopenedOn', data.reopenedOn]]),
    checkNotBefore('reopenedOn', data.reopenedOn, closedOn, s.status === 'rejected' ? 'the entry was rejected' : 'the exit'),
  );
  if (problem) return refusal(problem);
  return accept({ type: 'PathwayReopened', data: { ...data } });
}
