// Contracted measures: contract, reviews, renewals, monthly progress notes, within the limits
// the programme profile sets.
import type { PathwayCommandDataMap } from '../../../contracts/commands/index.js';
import { addMonths, firstDayOf, lastDayOf, monthOf } from '../../shared/dates.js';
import type { MeasureSettings } from '../../programmes/profiles.js';
import type { Decision } from '../decision.js';
import type { DiagnosticVisitCompletedData } from '../../../contracts/index.js';
import { rejection as refusalOf } from '../rejections.js';
import { diagnosticsThisStay, measuresThisStay, stayStartedOn, type MeasureState } from '../state.js';
import {
  accept, checkAfterEntryValidation, checkDates, checkNotBefore, checkNotDuringPause, defined, firstOf, idFor, refuse, refusal,
  type RuleContext,
} from './common.js';

type Data<K extends keyof PathwayCommandDataMap> = PathwayCommandDataMap[K];

function settingsOf(rc: RuleContext): MeasureSettings | null {
  return rc.profile.measure;
}

/** The measure in progress: contract signed and the pathway not exited since. */
function current(rc: RuleContext): MeasureState | null {
  const m = rc.state.measure;
  return m && m.closedOn === null ? m : null;
}

export function signMeasureContract(data: Data<'SignMeasureContract'>, rc: RuleContext): Decision {
  const settings = settingsOf(rc);
  if (!settings) return refuse('command.not_applicable_to_programme', `${rc.profile.label} has no contracted measure.`);
  const running = current(rc);
  if (running && data.measureStartDate <= running.endsOn) {
    return refuse('measure.already_started', `Measure ${running.contractId} runs until ${running.endsOn}.`);
  }
  const diagnosed = settings.requiresDiagnostic ? diagnosticsThisStay(rc.state) : null;
  if (diagnosed?.length === 0) {
    const since = rc.state.reopenCount > 0 ? ` since the reopening of ${stayStartedOn(rc.state)}` : '';
    return refuse('diagnostic.required', `In this programme the accompaniment follows a diagnostic; none is recorded${since}.`);
  }
  const { min, max } = settings.durationMonths;
  if (data.durationMonths < min || data.durationMonths > max) {
    return refuse('measure.limit_exceeded', `A measure lasts ${min === max ? `${min}` : `${min} to ${max}`} months in this programme.`, 'durationMonths');
  }
  // A second contract in the same stay continues the first: together they stay within what
  // renewals could reach. More support than that is a new stay (an exit, then a reopening).
  const ceiling = settings.renewal?.maxTotalMonths ?? max;
  const contracted = monthsContractedThisStay(rc);
  if (contracted + data.durationMonths > ceiling) {
    return refuse(
      'measure.limit_exceeded',
      `This stay already had ${contracted} months of measure; with ${data.durationMonths} more it would pass the programme's ceiling of ${ceiling}.`,
      'durationMonths',
    );
  }
  const problem = firstOf(
    checkDates(rc, [['signedOn', data.signedOn], ['measureStartDate', data.measureStartDate], ['sentToFunderOn', data.sentToFunderOn]]),
    checkAfterEntryValidation(rc, 'measureStartDate', data.measureStartDate),
    data.sentToFunderOn ? checkNotBefore('sentToFunderOn', data.sentToFunderOn, data.signedOn, 'the signature') : null,
    diagnosed ? checkNotBefore('measureStartDate', data.measureStartDate, earliestVisit(diagnosed), 'the diagnostic visit') : null,
  );
  if (problem) return refusal(problem);
  const taken = (c: string) => [rc.state.measure, ...rc.state.pastMeasures].some((m) => m?.contractId === c);
  const id = idFor(rc, data.contractId, taken, 'contractId');
  if ('rejection' in id) return refusal(id.rejection);
  // a contract sent after the programme's deadline is still recorded: lateness is for worklists to flag
  return accept({ type: 'MeasureContractSigned', data: defined(data, { contractId: id.id }) });
}

// The accompaniment follows a diagnostic of the current stay ("after the entry is validated, a
// diagnostic is made"), and starts after it: one from before a reopening described another situation.
function earliestVisit(visits: readonly DiagnosticVisitCompletedData[]): string {
  return visits.reduce((first, d) => (d.visitDate < first ? d.visitDate : first), visits[0]!.visitDate);
}

/** Months of the measures signed since the current stay began (renewals included). */
function monthsContractedThisStay(rc: RuleContext): number {
  return measuresThisStay(rc.state).reduce((months, m) => months + m.totalMonths, 0);
}

export function recordPeriodicReview(data: Data<'RecordPeriodicReview'>, rc: RuleContext): Decision {
  const settings = settingsOf(rc);
  const measure = current(rc);
  if (!settings || !measure) return refuse('measure.not_started');
  const problem = firstOf(
    checkDates(rc, [['reviewDate', data.reviewDate]]),
    data.reviewDate < measure.startDate
      ? refusalOf('measure.outside_period', `reviewDate ${data.reviewDate} is before the measure started (${measure.startDate}).`, 'reviewDate')
      : null,
  );
  if (problem) return refusal(problem);

  if (data.kind === 'final') {
    if (measure.reviews.some((r) => r.kind === 'final')) return refuse('measure.review_already_recorded', 'The final review is already recorded.', 'kind');
    if (settings.finalReview.signedByHousehold && !data.signedByHousehold) {
      return refuse('measure.signature_required', 'In this programme the final review is signed by the household.', 'signedByHousehold');
    }
  } else {
    const mark = data.monthMark as number; // the schema requires it for an intermediate review
    if (!settings.reviewMonths.includes(mark)) {
      const scheduled = settings.reviewMonths.length ? settings.reviewMonths.join(', ') : 'none';
      return refuse('measure.review_not_scheduled', `Intermediate reviews in this programme: ${scheduled}.`, 'monthMark');
    }
    if (mark > measure.totalMonths) {
      return refuse('measure.limit_exceeded', `The measure lasts ${measure.totalMonths} months; there is no month ${mark}.`, 'monthMark');
    }
    if (data.reviewDate > measure.endsOn) {
      return refuse('measure.outside_period', `reviewDate ${data.reviewDate} is after the measure ended (${measure.endsOn}).`, 'reviewDate');
    }
    // "At 3 months": held in the month before its mark at the earliest, never in the first weeks.
    const earliest = addMonths(measure.startDate, mark - 1);
    if (data.reviewDate < earliest) {
      return refuse('measure.review_too_early', `The ${mark}-month review of a measure that started on ${measure.startDate} is held from ${earliest} on.`, 'reviewDate');
    }
    if (measure.reviews.some((r) => r.kind === 'intermediate' && r.monthMark === mark)) {
      return refuse('measure.review_already_recorded', `The ${mark}-month review is already recorded.`, 'monthMark');
    }
  }
  const taken = (r: string) => measure.reviews.some((x) => x.reviewId === r);
  const id = idFor(rc, data.reviewId, taken, 'reviewId');
  if ('rejection' in id) return refusal(id.rejection);
  return accept({ type: 'PeriodicReviewRecorded', data: defined(data, { reviewId: id.id }) });
}

export function renewMeasure(data: Data<'RenewMeasure'>, rc: RuleContext): Decision {
  const renewal = settingsOf(rc)?.renewal;
  if (!renewal) return refuse('command.not_applicable_to_programme', `${rc.profile.label} provides no renewal.`);
  const measure = current(rc);
  if (!measure) return refuse('measure.not_started');
  const problem = checkDates(rc, [['renewedOn', data.renewedOn]]);
  if (problem) return refusal(problem);
  if (data.renewedOn < measure.startDate || data.renewedOn > measure.endsOn) {
    return refuse('measure.outside_period', `A renewal is decided while the measure runs (${measure.startDate} to ${measure.endsOn}).`, 'renewedOn');
  }
  if (data.additionalMonths > renewal.maxStepMonths) {
    return refuse('measure.limit_exceeded', `A renewal adds at most ${renewal.maxStepMonths} months.`, 'additionalMonths');
  }
  // The ceiling is the stay's: an earlier contract of the same stay counts, as for a second contract.
  const total = monthsContractedThisStay(rc) + data.additionalMonths;
  const ceiling = data.exceptional ? renewal.exceptionalMaxTotalMonths : renewal.maxTotalMonths;
  if (ceiling === null) {
    return refuse('measure.limit_exceeded', 'This programme grants no exceptional renewal.', 'exceptional');
  }
  if (total > ceiling) {
    const what = total - data.additionalMonths === measure.totalMonths ? 'The measure' : 'The measures of this stay';
    return refuse('measure.limit_exceeded', `${what} would last ${total} months; the ceiling is ${ceiling}.`, 'additionalMonths');
  }
  return accept({ type: 'MeasureRenewed', data: defined(data) });
}

export function signMonthlyProgressNote(data: Data<'SignMonthlyProgressNote'>, rc: RuleContext): Decision {
  const measure = current(rc);
  if (!measure) return refuse('measure.not_started');
  if (data.month < monthOf(measure.startDate) || data.month > monthOf(measure.endsOn)) {
    return refuse('measure.outside_period', `The measure runs from ${measure.startDate} to ${measure.endsOn}.`, 'month');
  }
  if (measure.progressNotes.some((n) => n.month === data.month)) return refuse('measure.progress_note_already_signed', undefined, 'month');
  const problem = firstOf(
    checkDates(rc, [['signedOn', data.signedOn]]),
    checkNotBefore('signedOn', data.signedOn, firstDayOf(data.month), 'the month it covers'),
    ...data.homeVisitDates.map((d, i) => noteVisit(rc, measure, d, data, `homeVisitDates.${i}`)),
  );
  if (problem) return refusal(problem);
  for (const [i, orientationId] of data.orientationIds.entries()) {
    if (!(orientationId in rc.state.orientations)) {
      return refuse('orientation.not_found', `No orientation ${orientationId} in this pathway.`, `orientationIds.${i}`);
    }
  }
  const taken = (n: string) => measure.progressNotes.some((x) => x.noteId === n);
  const id = idFor(rc, data.noteId, taken, 'noteId');
  if ('rejection' in id) return refusal(id.rejection);
  return accept({
    type: 'MonthlyProgressNoteSigned',
    data: defined(data, { noteId: id.id, homeVisitDates: [...new Set(data.homeVisitDates)].sort(), orientationIds: [...new Set(data.orientationIds)] }),
  });
}

/** A visit a note lists: in its month, inside the measure, before the household signed the note. */
function noteVisit(rc: RuleContext, measure: MeasureState, date: string, note: { month: string; signedOn: string }, field: string) {
  if (date < firstDayOf(note.month) || date > lastDayOf(note.month)) {
    return refusalOf('date.out_of_order', `${field} ${date} is not in ${note.month}.`, field);
  }
  if (date < measure.startDate || date > measure.endsOn) {
    return refusalOf('measure.outside_period', `${field} ${date} is outside the measure (${measure.startDate} to ${measure.endsOn}).`, field);
  }
  return firstOf(
    checkDates(rc, [[field, date]]),
    checkNotBefore('signedOn', note.signedOn, date, `the visit of ${date} it lists`),
    checkNotDuringPause(rc, field, date),
  );
}
