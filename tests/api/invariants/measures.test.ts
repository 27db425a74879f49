// Contracted measures over HTTP: contract, reviews, renewals and monthly notes happen only
// inside a measure and within the limits of the pathway's programme.
import t, { type Test } from 'tap';
import { commands, Pathway, setUp, step, type Actors, type Service } from '../journeys/steps.js';

/** Pas-de-Calais energy pathway: referred 2 June, validated 5 June, diagnosed 20 June 2026. */
async function energy(t: Test, svc: Service, as: Actors, contract?: [string, number]): Promise<Pathway> {
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await p.do(commands.acceptEntry('2026-06-05'));
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  if (contract) await p.do(step.contract(...contract));
  return p;
}

t.test('a measure exists only where the programme contracts one', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  const na = { status: 422, code: 'command.not_applicable_to_programme' };
  await p.rejects(step.contract('2026-07-01', 3), na);
  await p.rejects(step.review('2026-07-01', 'final'), na, as.officer);
  await p.rejects(step.renew('2026-07-01', 3), na);
  await p.rejects(step.note('2026-07', '2026-07-31', []), na, as.officer);
});

t.test('energy accompaniment: after the diagnostic, 3 to 6 months, one at a time', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await p.do(commands.acceptEntry('2026-06-05'));
  await p.rejects(step.contract('2026-07-01', 3), { status: 409, code: 'diagnostic.required' });
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.rejects(step.contract('2026-07-01', 2), { status: 422, code: 'measure.limit_exceeded', field: 'durationMonths' });
  await p.rejects(step.contract('2026-07-01', 7), { status: 422, code: 'measure.limit_exceeded', field: 'durationMonths' });
  await p.rejects(step.contract('2026-06-04', 3), { status: 422, code: 'date.before_entry_validation', field: 'measureStartDate' });
  await p.rejects(step.contract('2026-07-01', 3, { sentToFunderOn: '2026-06-30' }), { status: 422, code: 'date.out_of_order', field: 'sentToFunderOn' });
  await p.do(step.contract('2026-07-01', 3, { contractId: 'ctr-1' }));
  t.match((await p.state()).measure, { contractId: 'ctr-1', startDate: '2026-07-01', endsOn: '2026-09-30', totalMonths: 3, closedOn: null });
  await p.rejects(step.contract('2026-08-01', 3), { status: 409, code: 'measure.already_started' });
});

t.test('reviews, renewals and notes need a measure in progress', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await energy(t, svc, as);
  const notStarted = { status: 409, code: 'measure.not_started' };
  await p.rejects(step.review('2026-07-15', 'final'), notStarted, as.officer);
  await p.rejects(step.renew('2026-07-15', 3), notStarted);
  await p.rejects(step.note('2026-07', '2026-07-31', []), notStarted, as.officer);
});

t.test('energy accompaniment: no intermediate review, one final review signed by the household, inside the measure', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await energy(t, svc, as, ['2026-07-01', 3]);
  await p.rejects(step.review('2026-08-01', 'intermediate', 1), { status: 422, code: 'measure.review_not_scheduled', field: 'monthMark' }, as.officer);
  await p.rejects(step.review('2026-06-30', 'final'), { status: 422, code: 'measure.outside_period', field: 'reviewDate' }, as.officer);
  await p.rejects(step.review('2026-09-25', 'final', undefined, false), { status: 422, code: 'measure.signature_required', field: 'signedByHousehold' }, as.officer);
  await p.do(step.review('2026-09-25', 'final'), as.officer);
  await p.rejects(step.review('2026-09-28', 'final'), { status: 409, code: 'measure.review_already_recorded', field: 'kind' }, as.officer);
});

t.test('energy accompaniment: renewed by at most 3 months, never beyond 6 in all, while it runs', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await energy(t, svc, as, ['2026-07-01', 3]);
  await p.rejects(step.renew('2026-06-30', 1), { status: 422, code: 'measure.outside_period', field: 'renewedOn' });
  await p.rejects(step.renew('2026-09-01', 4), { status: 422, code: 'measure.limit_exceeded', field: 'additionalMonths' });
  await p.rejects(step.renew('2026-09-01', 1, true), { status: 422, code: 'measure.limit_exceeded', field: 'exceptional' });
  await p.do(step.renew('2026-09-01', 3));
  t.match((await p.state()).measure, { totalMonths: 6, endsOn: '2026-12-31' });
  await p.rejects(step.renew('2026-10-01', 1), { status: 422, code: 'measure.limit_exceeded', field: 'additionalMonths' });
});

t.test('energy accompaniment: one signed progress note per month of the measure', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await energy(t, svc, as, ['2026-07-01', 3]);
  await p.rejects(step.note('2026-06', '2026-07-02', []), { status: 422, code: 'measure.outside_period', field: 'month' }, as.officer);
  await p.rejects(step.note('2026-10', '2026-10-31', []), { status: 422, code: 'measure.outside_period', field: 'month' }, as.officer);
  await p.rejects(step.note('2026-08', '2026-07-31', []), { status: 422, code: 'date.out_of_order', field: 'signedOn' }, as.officer);
  await p.rejects(step.note('2026-07', '2026-08-02', ['2026-07-07', '2026-08-01']), { status: 422, code: 'date.out_of_order', field: 'homeVisitDates.1' }, as.officer);
  await p.rejects(step.note('2026-07', '2026-07-31', ['2026-07-07'], ['ghost']), { status: 404, code: 'orientation.not_found', field: 'orientationIds.0' }, as.officer);
  await p.do(step.note('2026-07', '2026-07-31', ['2026-07-21', '2026-07-07']), as.officer);
  await p.rejects(step.note('2026-07', '2026-08-01', []), { status: 409, code: 'measure.progress_note_already_signed', field: 'month' }, as.officer);
  t.same((await p.state()).measure.progressNotes[0].homeVisitDates, ['2026-07-07', '2026-07-21']);
  await p.do(commands.pause('2026-08-05'), as.officer);
  await p.rejects(step.note('2026-08', '2026-08-31', ['2026-08-20']), { status: 409, code: 'pause.active', field: 'homeVisitDates.0' }, as.officer);
});

t.test('ASTRE: a 12-month measure with reviews at 3, 6 and 9 months only, no renewal, no monthly note', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-astre-2026', referredOn: '2025-08-01', tenure: 'owner_occupier' });
  await p.do(commands.acceptEntry('2025-08-05'));
  await p.rejects(step.contract('2025-09-01', 6), { status: 422, code: 'measure.limit_exceeded', field: 'durationMonths' });
  await p.do(step.contract('2025-09-01', 12));
  await p.rejects(step.review('2025-12-01', 'intermediate', 4), { status: 422, code: 'measure.review_not_scheduled', field: 'monthMark' }, as.officer);
  await p.rejects(step.review('2025-12-01', 'intermediate', 12), { status: 422, code: 'measure.review_not_scheduled', field: 'monthMark' }, as.officer);
  await p.do(step.review('2025-12-01', 'intermediate', 3), as.officer);
  await p.rejects(step.review('2025-12-05', 'intermediate', 3), { status: 409, code: 'measure.review_already_recorded', field: 'monthMark' }, as.officer);
  await p.do(step.review('2026-03-02', 'intermediate', 6), as.officer);
  await p.do(step.review('2026-06-01', 'intermediate', 9), as.officer);
  await p.rejects(step.renew('2026-06-01', 6), { status: 422, code: 'command.not_applicable_to_programme' });
  await p.rejects(step.note('2026-06', '2026-06-30', []), { status: 422, code: 'command.not_applicable_to_programme' }, as.officer);
  await p.rejects(step.review('2026-09-01', 'intermediate', 3), { status: 422, code: 'measure.outside_period', field: 'reviewDate' }, as.officer);
  t.same((await p.state()).measure.reviews.map((r: { monthMark: number }) => r.monthMark), [3, 6, 9]);
});

t.test('ADSL: renewals by at most 6 months, up to 24 months in all', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-adsl-2026', referredOn: '2024-01-10' });
  await p.do(commands.acceptEntry('2024-01-15'));
  await p.do(step.contract('2024-02-01', 12));
  await p.do(step.review('2024-05-02', 'intermediate', 3, false), as.officer); // the 3-month review is informal
  await p.rejects(step.review('2024-08-01', 'intermediate', 9), { status: 422, code: 'measure.review_not_scheduled', field: 'monthMark' }, as.officer);
  await p.rejects(step.renew('2025-01-15', 7), { status: 422, code: 'measure.limit_exceeded', field: 'additionalMonths' });
  await p.do(step.renew('2025-01-15', 6));
  await p.do(step.renew('2025-07-15', 6));
  t.match((await p.state()).measure, { totalMonths: 24, endsOn: '2026-01-31' });
  await p.rejects(step.renew('2026-01-15', 6), { status: 422, code: 'measure.limit_exceeded', field: 'additionalMonths' });
  await p.rejects(step.renew('2026-01-15', 1, true), { status: 422, code: 'measure.limit_exceeded', field: 'exceptional' });
  await p.rejects(step.renew('2026-02-15', 1), { status: 422, code: 'measure.outside_period', field: 'renewedOn' });
  await p.do(step.review('2025-01-20', 'intermediate', 12), as.officer);
});

t.test('a measure ends with the exit; a new one is signed after the pathway is reopened and validated again', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await energy(t, svc, as, ['2026-07-01', 3]);
  await p.do(step.exit('2026-07-20', 'moved', 'Déménagement hors du département'), as.officer);
  await p.rejects(step.review('2026-07-25', 'final'), { status: 409, code: 'pathway.exited' }, as.officer);
  await p.do(step.reopen('2026-08-01'));
  await p.rejects(step.review('2026-08-02', 'final'), { status: 409, code: 'entry.validation_required' }, as.officer);
  await p.do(commands.acceptEntry('2026-08-02'));
  await p.rejects(step.review('2026-08-03', 'final'), { status: 409, code: 'measure.not_started' }, as.officer);
  // the June diagnostic described the first stay: the new accompaniment follows a new one
  await p.rejects(step.contract('2026-08-03', 3), { status: 409, code: 'diagnostic.required' });
  await p.do(commands.diagnostic('2026-08-03'), as.officer);
  await p.do(step.contract('2026-08-03', 3));
  const s = await p.state();
  t.match(s.measure, { startDate: '2026-08-03', closedOn: null });
  t.same(s.pastMeasures.map((m: { startDate: string; closedOn: string }) => [m.startDate, m.closedOn]), [['2026-07-01', '2026-07-20']]);
});

t.test('energy accompaniment: a second contract in the same stay counts against the 6-month ceiling', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await energy(t, svc, as, ['2026-06-21', 3]);
  // the first measure ran to 2026-09-20; another 4 months would make 7 in this stay
  await p.rejects(step.contract('2026-09-21', 4), { status: 422, code: 'measure.limit_exceeded', field: 'durationMonths' });
  await p.do(step.contract('2026-09-21', 3));
  t.match((await p.state()).measure, { startDate: '2026-09-21', totalMonths: 3 });
  // nor can a renewal of the second pass it
  await p.rejects(step.renew('2026-10-15', 1), { status: 422, code: 'measure.limit_exceeded', field: 'additionalMonths' });
});

t.test('a same-day exit and reopening: what was recorded before it belongs to the first stay', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await p.do(commands.acceptEntry('2026-06-05'));
  await p.do(commands.diagnostic('2026-06-25'), as.officer);
  await p.do(step.contract('2026-06-25', 3));
  await p.do(step.exit('2026-06-25', 'other', 'Orientation vers un autre dispositif, annulée'), as.officer);
  await p.do(step.reopen('2026-06-25'));
  await p.do(commands.acceptEntry('2026-06-25'));
  // the diagnostic of that day was the first stay's, and so were its 3 months of measure
  await p.rejects(step.contract('2026-06-25', 6), { status: 409, code: 'diagnostic.required' });
  await p.do(commands.diagnostic('2026-06-25'), as.officer);
  await p.do(step.contract('2026-06-25', 6));
  t.match((await p.state()).measure, { totalMonths: 6 });
});

t.test('energy accompaniment: the measure starts after the diagnostic of the current stay', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await energy(t, svc, as);
  await p.rejects(step.contract('2026-06-10', 3), { status: 422, code: 'date.out_of_order', field: 'measureStartDate' });
  await p.do(step.contract('2026-06-20', 3));
});

t.test('energy accompaniment: a progress note lists visits of the measure, made before the household signed it', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await energy(t, svc, as, ['2026-07-15', 3]);
  await p.rejects(step.note('2026-07', '2026-07-31', ['2026-07-01', '2026-07-20']), { status: 422, code: 'measure.outside_period', field: 'homeVisitDates.0' }, as.officer);
  await p.rejects(step.note('2026-07', '2026-07-18', ['2026-07-16', '2026-07-20']), { status: 422, code: 'date.out_of_order', field: 'signedOn' }, as.officer);
  await p.rejects(step.note('2026-10', '2026-10-16', ['2026-10-15']), { status: 422, code: 'measure.outside_period', field: 'homeVisitDates.0' }, as.officer);
  await p.do(step.note('2026-07', '2026-07-31', ['2026-07-16', '2026-07-20']), as.officer);
});

t.test('ASTRE: an intermediate review is held from the month before its mark on', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-astre-2026', referredOn: '2025-08-01', tenure: 'owner_occupier' });
  await p.do(commands.acceptEntry('2025-08-05'));
  await p.do(step.contract('2025-09-15', 12));
  await p.rejects(step.review('2025-10-01', 'intermediate', 9), { status: 422, code: 'measure.review_too_early', field: 'reviewDate' }, as.officer);
  await p.rejects(step.review('2025-11-14', 'intermediate', 3), { status: 422, code: 'measure.review_too_early', field: 'reviewDate' }, as.officer);
  await p.do(step.review('2025-11-15', 'intermediate', 3), as.officer);
  await p.rejects(step.review('2026-01-20', 'intermediate', 6), { status: 422, code: 'measure.review_too_early', field: 'reviewDate' }, as.officer);
  await p.do(step.review('2026-03-10', 'intermediate', 6), as.officer);
});
