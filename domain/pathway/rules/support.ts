// Support contacts, pauses and evaluations.
import type { PathwayCommandDataMap } from '../../../contracts/commands/index.js';
import type { Decision } from '../decision.js';
import { rejection, type PathwayRejection } from '../rejections.js';
import { activePause, type ReferredPathway } from '../state.js';
import { latest } from '../../shared/dates.js';
import {
  accept, checkAfterEntryValidation, checkDates, checkNotBefore, checkNotDuringPause, defined, firstOf, idFor, refuse, refusal, type RuleContext,
} from './common.js';

type Data<K extends keyof PathwayCommandDataMap> = PathwayCommandDataMap[K];

/** Contact phases that carry a support purpose, which an evaluation-only contact does not have. */
const SUPPORT_PHASES = new Set(['reinforced_support', 'one_year_follow_up']);

export function recordSupportContact(data: Data<'RecordSupportContact'>, rc: RuleContext): Decision {
  const problem = firstOf(
    checkDates(rc, [['contactDate', data.contactDate]]),
    checkAfterEntryValidation(rc, 'contactDate', data.contactDate),
    checkNotDuringPause(rc, 'contactDate', data.contactDate),
    checkLinkedOrientations(rc, data.orientationIds, data.contactDate),
  );
  if (problem) return refusal(problem);
  if (data.declaredPhase && !rc.profile.declarablePhases.includes(data.declaredPhase)) {
    return refuse(
      'support.phase_not_in_programme',
      `${rc.profile.label} has no ${data.declaredPhase} phase; declarable: ${rc.profile.declarablePhases.join(', ')}.`,
      'declaredPhase',
    );
  }
  if (data.evaluationOnly && data.declaredPhase && SUPPORT_PHASES.has(data.declaredPhase)) {
    return refuse('support.evaluation_only_conflict', undefined, 'declaredPhase');
  }
  const id = idFor(rc, data.contactId, (c) => rc.state.contacts.some((x) => x.contactId === c), 'contactId');
  if ('rejection' in id) return refusal(id.rejection);
  return accept({
    type: 'SupportContactRecorded',
    data: defined(data, { contactId: id.id, orientationIds: [...new Set(data.orientationIds)] }),
  });
}

/** A contact can only be about orientations that exist and were proposed by then. */
function checkLinkedOrientations(rc: RuleContext, ids: readonly string[], on: string): PathwayRejection | null {
  for (const [i, orientationId] of ids.entries()) {
    const orientation = rc.state.orientations[orientationId];
    const field = `orientationIds.${i}`;
    if (!orientation) return rejection('orientation.not_found', `No orientation ${orientationId} in this pathway.`, field);
    if (orientation.proposedOn > on) {
      return rejection('date.out_of_order', `Orientation ${orientationId} was proposed on ${orientation.proposedOn}, after this contact.`, field);
    }
  }
  return null;
}

/** The latest contact or visit with the household: a pause cannot start before it. */
function lastContactWithHousehold(s: ReferredPathway): string | null {
  return latest(
    ...s.contacts.map((c) => c.contactDate),
    ...s.diagnostics.map((d) => d.visitDate),
    ...(s.measure?.progressNotes.flatMap((n) => n.homeVisitDates) ?? []),
  );
}

export function declarePause(data: Data<'DeclarePause'>, rc: RuleContext): Decision {
  const open = activePause(rc.state);
  if (open) return refuse('pause.already_active', `A pause is in progress since ${open.startDate}.`);
  const lastContact = lastContactWithHousehold(rc.state);
  const lastPause = rc.state.pauses[rc.state.pauses.length - 1];
  const problem = firstOf(
    checkDates(rc, [['startDate', data.startDate]]),
    lastContact ? checkNotBefore('startDate', data.startDate, lastContact, 'the last contact with the household') : null,
    lastPause?.endDate ? checkNotBefore('startDate', data.startDate, lastPause.endDate, 'the end of the previous pause') : null,
  );
  if (problem) return refusal(problem);
  return accept({ type: 'PauseDeclared', data: { ...data } });
}

export function endPause(data: Data<'EndPause'>, rc: RuleContext): Decision {
  const open = activePause(rc.state);
  if (!open) return refuse('pause.not_active');
  const problem = firstOf(
    checkDates(rc, [['endDate', data.endDate]]),
    checkNotBefore('endDate', data.endDate, open.startDate, 'the start of the pause'),
  );
  if (problem) return refusal(problem);
  return accept({ type: 'PauseEnded', data: defined(data) });
}

/** An evaluation assesses results: it needs something to assess (a diagnostic or a measure). */
export function recordEvaluation(data: Data<'RecordEvaluation'>, rc: RuleContext): Decision {
  const s = rc.state;
  if (s.diagnostics.length === 0 && s.measure === null && s.pastMeasures.length === 0) return refuse('evaluation.premature');
  const problem = firstOf(checkDates(rc, [['evaluationDate', data.evaluationDate]]), checkAfterEntryValidation(rc, 'evaluationDate', data.evaluationDate));
  if (problem) return refusal(problem);
  if (data.contactId !== undefined) {
    const host = s.contacts.find((c) => c.contactId === data.contactId);
    if (!host) return refuse('contact.not_found', `No support contact ${data.contactId} in this pathway.`, 'contactId');
    const order = checkNotBefore('evaluationDate', data.evaluationDate, host.contactDate, 'the contact that hosted it');
    if (order) return refusal(order);
  }
  const id = idFor(rc, data.evaluationId, (e) => s.evaluations.some((x) => x.evaluationId === e), 'evaluationId');
  if ('rejection' in id) return refusal(id.rejection);
  return accept({ type: 'EvaluationRecorded', data: defined(data, { evaluationId: id.id }) });
}
