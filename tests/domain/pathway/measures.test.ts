import t from 'tap';
import type { PathwayEvent } from '../../../contracts/events/index.js';
import { commands as c, events as e } from './fixtures.js';
import { given } from './given.js';

const energy: PathwayEvent[] = [e.referred({ programme: 'pdc-energy-2026' }), e.accepted('2026-06-05'), e.diagnostic('visit-1', '2026-06-20')];
const astre: PathwayEvent[] = [e.referred({ programme: 'pdc-astre-2026', tenure: 'owner_occupier' }), e.accepted('2026-06-05')];
const adsl: PathwayEvent[] = [e.referred({ programme: 'pdc-adsl-2026', referredOn: '2024-01-10' }), e.accepted('2024-01-15')];

const review = (reviewDate: string, kind: 'intermediate' | 'final', monthMark?: number, signedByHousehold = true) => ({
  type: 'RecordPeriodicReview' as const,
  data: { reviewDate, kind, signedByHousehold, ...(monthMark === undefined ? {} : { monthMark }) },
});
const renew = (renewedOn: string, additionalMonths: number, exceptional = false) => ({
  type: 'RenewMeasure' as const,
  data: { renewedOn, additionalMonths, exceptional, reason: 'Travaux pas terminés' },
});
const note = (month: string, signedOn: string, homeVisitDates: string[]) => ({
  type: 'SignMonthlyProgressNote' as const,
  data: { month, signedOn, homeVisitDates },
});

t.test('measures exist only where the programme contracts them', async (t) => {
  given(t, [e.referred(), e.diagnostic()]).when(c.contract()).thenRejects('command.not_applicable_to_programme');
  given(t, [e.referred(), e.diagnostic()]).when(review('2026-07-01', 'final')).thenRejects('command.not_applicable_to_programme');
});

t.test('the energy accompaniment follows the diagnostic and lasts 3 to 6 months', async (t) => {
  given(t, energy.slice(0, 2)).when(c.contract('2026-07-01', 3)).thenRejects('diagnostic.required');
  given(t, energy).when(c.contract('2026-07-01', 2)).thenRejects('measure.limit_exceeded', 'durationMonths');
  given(t, energy).when(c.contract('2026-07-01', 7)).thenRejects('measure.limit_exceeded', 'durationMonths');
  const state = given(t, energy).when(c.contract('2026-07-01', 3)).then([
    { type: 'MeasureContractSigned', data: { contractId: 'id-1', signedOn: '2026-07-01', measureStartDate: '2026-07-01', durationMonths: 3 } },
  ]);
  t.equal(state?.measure?.endsOn, '2026-09-30');
  t.equal(state?.stage, 'measure');
});

t.test('one measure at a time', async (t) => {
  given(t, [...energy, e.contract('2026-07-01', 3)]).when(c.contract('2026-08-01', 3)).thenRejects('measure.already_started');
});

t.test('reviews happen inside a measure', async (t) => {
  given(t, energy).when(review('2026-07-15', 'final')).thenRejects('measure.not_started');
  given(t, [...energy, e.contract('2026-07-01', 3)]).when(review('2026-06-30', 'final')).thenRejects('measure.outside_period', 'reviewDate');
});

t.test('ASTRE: 12 months, reviews at 3, 6 and 9 months', async (t) => {
  given(t, astre).when(c.contract('2026-07-01', 6)).thenRejects('measure.limit_exceeded', 'durationMonths');
  given(t, astre).when(c.contract('2026-07-01', 12)).thenAccepts();
  const relabelled = [e.referred({ programme: 'pdc-astre-2026', referredOn: '2025-08-01', tenure: 'owner_occupier' }), e.accepted('2025-08-05'), e.contract('2025-09-01', 12)];
  for (const mark of [3, 6, 9]) {
    given(t, relabelled).when(review('2026-06-01', 'intermediate', mark)).thenAccepts();
  }
  given(t, relabelled).when(review('2026-06-01', 'intermediate', 4)).thenRejects('measure.review_not_scheduled', 'monthMark');
  given(t, [...relabelled, e.review('r-3', '2025-12-01', 'intermediate', 3)]).when(review('2025-12-05', 'intermediate', 3)).thenRejects('measure.review_already_recorded', 'monthMark');
  given(t, relabelled).when(renew('2026-06-01', 6)).thenRejects('command.not_applicable_to_programme');
  given(t, relabelled).when(note('2026-06', '2026-06-30', [])).thenRejects('command.not_applicable_to_programme');
});

t.test('the energy accompaniment has no intermediate review but a final one signed by the household', async (t) => {
  const running = [...energy, e.contract('2026-07-01', 3)];
  given(t, running).when(review('2026-08-01', 'intermediate', 1)).thenRejects('measure.review_not_scheduled');
  given(t, running).when(review('2026-09-10', 'final', undefined, false)).thenRejects('measure.signature_required', 'signedByHousehold');
  given(t, running).when(review('2026-09-10', 'final')).thenAccepts();
  given(t, [...running, e.review('r-f', '2026-09-10', 'final')]).when(review('2026-09-12', 'final')).thenRejects('measure.review_already_recorded');
});

t.test('a completed exit during the energy accompaniment needs the signed final review', async (t) => {
  const running = [...energy, e.contract('2026-07-01', 3)];
  given(t, running).when(c.exit('2026-09-10', 'completed')).thenRejects('exit.final_review_required');
  given(t, [...running, e.review('r-f', '2026-09-10', 'final')]).when(c.exit('2026-09-10', 'completed')).thenAccepts();
  given(t, running).when(c.exit('2026-09-10', 'non_adherence', 'Ne se présente plus')).thenAccepts();
});

t.test('renewals stay within the programme’s ceiling', async (t) => {
  const running = [...energy, e.contract('2026-07-01', 3)];
  const state = given(t, running).when(renew('2026-09-01', 3)).then([
    { type: 'MeasureRenewed', data: { renewedOn: '2026-09-01', additionalMonths: 3, exceptional: false, reason: 'Travaux pas terminés' } },
  ]);
  t.equal(state?.measure?.totalMonths, 6);
  t.equal(state?.measure?.endsOn, '2026-12-31');
  given(t, running).when(renew('2026-09-01', 4)).thenRejects('measure.limit_exceeded', 'additionalMonths');
  given(t, [...running, e.renewed('2026-09-01', 3)]).when(renew('2026-09-10', 1)).thenRejects('measure.limit_exceeded', 'additionalMonths');
  given(t, running).when(renew('2026-09-01', 1, true)).thenRejects('measure.limit_exceeded', 'exceptional');
  given(t, running).when(renew('2026-06-30', 1)).thenRejects('measure.outside_period', 'renewedOn');
  given(t, energy).when(renew('2026-09-01', 1)).thenRejects('measure.not_started');
});

t.test('ADSL: renewals by 6 months up to 24 months in all', async (t) => {
  const running = [...adsl, e.contract('2024-02-01', 12)];
  given(t, running).when(renew('2025-01-15', 6)).thenAccepts();
  const once = [...running, e.renewed('2025-01-15', 6)];
  given(t, once).when(renew('2025-07-15', 6)).thenAccepts();
  given(t, [...once, e.renewed('2025-07-15', 6)]).when(renew('2026-01-15', 6)).thenRejects('measure.limit_exceeded');
  given(t, running).when(review('2024-05-01', 'intermediate', 3)).thenAccepts();
  given(t, running).when(review('2025-01-20', 'intermediate', 12)).thenAccepts();
});

t.test('monthly progress notes', async (t) => {
  const running = [...energy, e.contract('2026-07-01', 3)];
  t.test('one per month of the measure, signed after the month began', async (t) => {
    given(t, running)
      .when(note('2026-07', '2026-07-31', ['2026-07-21', '2026-07-07', '2026-07-07']))
      .then([{ type: 'MonthlyProgressNoteSigned', data: { noteId: 'id-1', month: '2026-07', signedOn: '2026-07-31', homeVisitDates: ['2026-07-07', '2026-07-21'], orientationIds: [] } }]);
    given(t, running).when(note('2026-06', '2026-07-02', [])).thenRejects('measure.outside_period', 'month');
    given(t, running).when(note('2026-10', '2026-09-10', [])).thenRejects('measure.outside_period', 'month');
    given(t, running).when(note('2026-08', '2026-07-31', [])).thenRejects('date.out_of_order', 'signedOn');
  });
  t.test('not twice for the same month', async (t) => {
    const signed = [...running, { type: 'MonthlyProgressNoteSigned' as const, data: { noteId: 'n-7', month: '2026-07', signedOn: '2026-07-31', homeVisitDates: [], orientationIds: [] } }];
    given(t, signed).when(note('2026-07', '2026-08-01', [])).thenRejects('measure.progress_note_already_signed', 'month');
  });
  t.test('its home visits fall in its month, not in a pause', async (t) => {
    given(t, running).when(note('2026-07', '2026-08-02', ['2026-08-01'])).thenRejects('date.out_of_order', 'homeVisitDates.0');
    const paused = [...running, e.pause('2026-08-05')];
    given(t, paused).when(note('2026-08', '2026-08-31', ['2026-08-20'])).thenRejects('pause.active', 'homeVisitDates.0');
  });
});

t.test('an exit closes the measure; after a reopening a new one can be signed', async (t) => {
  const past = [...energy, e.contract('2026-07-01', 3), e.exited('2026-07-20', 'moved')];
  t.equal(given(t, past).state?.measure?.closedOn, '2026-07-20');
  const back = [...past, e.reopened('2026-08-01'), e.accepted('2026-08-02')];
  // the accompaniment follows a diagnostic of this stay: the one of June described the first
  given(t, back).when(c.contract('2026-08-03', 3)).thenRejects('diagnostic.required');
  const state = given(t, [...back, e.diagnostic('visit-2', '2026-08-03')]).when(c.contract('2026-08-03', 3)).then([
    { type: 'MeasureContractSigned', data: { contractId: 'id-1', signedOn: '2026-08-03', measureStartDate: '2026-08-03', durationMonths: 3 } },
  ]);
  t.equal(state?.pastMeasures.length, 1);
});
