// Every way the pathway decider can say no. Codes are stable: partner systems branch on them,
// so a code is never renamed or reused. The status is a hint for the HTTP layer:
// 404 something named does not exist, 409 the pathway's current state forbids it,
// 422 the command contradicts the facts or the programme's rules, 403 the role may not do it.

export const REJECTIONS = {
  'pathway.not_found': { status: 404, detail: 'No pathway exists here yet: a household must be referred first.' },
  'pathway.already_exists': { status: 409, detail: 'This pathway already exists; a household that comes back is reopened, not referred again.' },
  'pathway.exited': { status: 409, detail: 'The pathway has exited: nothing more is recorded on it until it is reopened.' },
  'pathway.not_exited': { status: 409, detail: 'The pathway has not exited (or been rejected), so this does not apply.' },
  'pathway.rejected': { status: 409, detail: 'The entry was rejected: the pathway must be reopened before anything is recorded.' },
  'command.not_applicable_to_programme': { status: 422, detail: 'The pathway’s programme does not provide for this command.' },
  'programme.unknown': { status: 422, detail: 'Unknown programme.' },
  'referral.consent_required': { status: 422, detail: 'A household is referred only with its consent.' },
  'entry.validation_required': { status: 409, detail: 'The programme requires the entry to be validated first (work on an unvalidated household is not funded).' },
  'entry.already_decided': { status: 409, detail: 'The entry has already been decided.' },
  'date.in_future': { status: 422, detail: 'A date of something that happened cannot be in the future.' },
  'date.before_referral': { status: 422, detail: 'A date of the pathway cannot be before the household was referred.' },
  'date.before_entry_validation': { status: 422, detail: 'This work (a diagnostic, an orientation, a support contact, an evaluation, a measure) is dated before the entry was validated.' },
  'date.out_of_order': { status: 422, detail: 'This date comes before the fact it follows.' },
  'date.within_pause': { status: 422, detail: 'This date falls inside a declared pause in the support.' },
  'date.while_exited': { status: 422, detail: 'This date falls in a period when the pathway had exited.' },
  'date.before_reopening': { status: 422, detail: 'This date is before the pathway was reopened: an earlier stay takes no new facts.' },
  'id.already_used': { status: 409, detail: 'This id is already used in the pathway.' },
  'contact_attempt.not_found': { status: 404, detail: 'No such contact attempt in this pathway.' },
  'closed_door.insufficient_attempts': { status: 422, detail: 'A closed door needs two failed home visits that are not already counted.' },
  'diagnostic.not_found': { status: 404, detail: 'No such diagnostic visit in this pathway.' },
  'diagnostic.required': { status: 409, detail: 'A diagnostic visit must be recorded first.' },
  'report.not_found': { status: 404, detail: 'No such diagnostic report in this pathway.' },
  'report.no_landlord': { status: 422, detail: 'The household owns its home: there is no landlord to send the report to.' },
  'orientation.not_found': { status: 404, detail: 'No such orientation in this pathway.' },
  'orientation.invalid_transition': { status: 409, detail: 'An orientation’s status follows proposed → accepted / refused → in progress → done / abandoned.' },
  'contact.not_found': { status: 404, detail: 'No such support contact in this pathway.' },
  'support.phase_not_in_programme': { status: 422, detail: 'This phase does not exist in the pathway’s programme.' },
  'support.evaluation_only_conflict': { status: 422, detail: 'A contact that only administered the evaluation has no support purpose: it cannot be declared reinforced support or a one-year follow-up.' },
  'pause.already_active': { status: 409, detail: 'A pause is already in progress.' },
  'pause.not_active': { status: 409, detail: 'No pause is in progress.' },
  'pause.active': { status: 409, detail: 'The support is paused: end the pause before recording a contact after it started.' },
  'evaluation.premature': { status: 409, detail: 'There is nothing to evaluate yet: no diagnostic visit and no measure.' },
  'exit.type_required': { status: 422, detail: 'An exit states its type: completed, or the kind of rupture.' },
  'exit.reason_required': { status: 422, detail: 'A rupture is explained: give its reason.' },
  'exit.not_found': { status: 404, detail: 'No exit on that date in this pathway.' },
  'exit.already_reported': { status: 409, detail: 'This exit has already been reported to that recipient.' },
  'exit.final_review_required': { status: 409, detail: 'The programme requires a final review signed by the household before a completed exit.' },
  'measure.not_started': { status: 409, detail: 'No measure is in progress: its contract has not been signed.' },
  'measure.already_started': { status: 409, detail: 'A measure is already in progress for this pathway.' },
  'measure.limit_exceeded': { status: 422, detail: 'This goes beyond the limits the programme sets for a measure.' },
  'measure.outside_period': { status: 422, detail: 'This date is outside the measure’s period.' },
  'measure.review_not_scheduled': { status: 422, detail: 'The programme schedules no intermediate review at that month.' },
  'measure.review_too_early': { status: 422, detail: 'An intermediate review is held from the month before its mark on, not earlier.' },
  'measure.review_already_recorded': { status: 409, detail: 'That review has already been recorded for this measure.' },
  'measure.signature_required': { status: 422, detail: 'The programme requires this review to be signed by the household.' },
  'measure.progress_note_already_signed': { status: 409, detail: 'The progress note for that month has already been signed.' },
  'settlement.not_allowed': { status: 403, detail: 'Only a coordinator settles the phase of a pathway’s events.' },
} as const satisfies Record<string, { status: 403 | 404 | 409 | 422; detail: string }>;

export type RejectionCode = keyof typeof REJECTIONS;
export const REJECTION_CODES = Object.keys(REJECTIONS) as RejectionCode[];

export interface PathwayRejection {
  code: RejectionCode;
  status: 403 | 404 | 409 | 422;
  detail: string;
  /** Path of the offending command field, dotted (e.g. 'orientationIds.1'), when there is one. */
  field?: string;
}

/** Builds a rejection; `detail` replaces the generic text when the case allows a precise one. */
export function rejection(code: RejectionCode, detail?: string, field?: string): PathwayRejection {
  const base = REJECTIONS[code];
  return { code, status: base.status, detail: detail ?? base.detail, ...(field === undefined ? {} : { field }) };
}
