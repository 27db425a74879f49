import t from 'tap';
import type { PathwayEvent } from '../../../contracts/events/index.js';
import { commands as c, events as e } from './fixtures.js';
import { given } from './given.js';

const oriented: PathwayEvent[] = [e.referred(), e.diagnostic('visit-1', '2026-06-20'), e.orientation('o-1', '2026-06-25')];

t.test('a support contact records who, how, when, about which orientations', async (t) => {
  const state = given(t, oriented)
    .when(c.contact('2026-07-02', { channel: 'mediation', participants: ['Julie Caron', 'Bailleur'], orientationIds: ['o-1', 'o-1'], declaredPhase: 'reinforced_support' }))
    .then([{
      type: 'SupportContactRecorded',
      data: {
        contactId: 'id-1', contactDate: '2026-07-02', channel: 'mediation', participants: ['Julie Caron', 'Bailleur'],
        orientationIds: ['o-1'], declaredPhase: 'reinforced_support', evaluationOnly: false,
      },
    }]);
  t.equal(state?.stage, 'support');
});

t.test('a contact may reveal a new problem', async (t) => {
  const [event] = given(t, oriented).when(c.contact('2026-07-02', { newProblemCategory: 'health' })).thenAccepts();
  t.equal(event?.type === 'SupportContactRecorded' && event.data.newProblemCategory, 'health');
});

t.test('a contact is about orientations that exist and were proposed by then', async (t) => {
  given(t, oriented).when(c.contact('2026-07-02', { orientationIds: ['o-1', 'o-9'] })).thenRejects('orientation.not_found', 'orientationIds.1');
  given(t, oriented).when(c.contact('2026-06-24', { orientationIds: ['o-1'] })).thenRejects('date.out_of_order', 'orientationIds.0');
});

t.test('digital help before the diagnostic is recorded as a fact; its phase is for the policy to say', async (t) => {
  given(t, [e.referred()]).when(c.contact('2026-06-10', { channel: 'digital' })).thenAccepts();
});

t.test('a declared phase must exist in the programme', async (t) => {
  const pdc = [e.referred({ programme: 'pdc-energy-2026' }), e.accepted(), e.diagnostic()];
  given(t, pdc).when(c.contact('2026-07-02', { declaredPhase: 'one_year_follow_up' })).thenRejects('support.phase_not_in_programme', 'declaredPhase');
  given(t, oriented).when(c.contact('2026-07-02', { declaredPhase: 'one_year_follow_up' })).thenAccepts();
});

t.test('an evaluation-only contact has no support purpose', async (t) => {
  given(t, oriented).when(c.contact('2026-07-02', { evaluationOnly: true, declaredPhase: 'reinforced_support' })).thenRejects('support.evaluation_only_conflict');
  given(t, oriented).when(c.contact('2026-07-02', { evaluationOnly: true, declaredPhase: 'one_year_follow_up' })).thenRejects('support.evaluation_only_conflict');
  given(t, oriented).when(c.contact('2026-07-02', { evaluationOnly: true, declaredPhase: 'evaluation' })).thenAccepts();
  given(t, oriented).when(c.contact('2026-07-02', { evaluationOnly: true })).thenAccepts();
});

t.test('pauses', async (t) => {
  const supported = [...oriented, e.contact('c-1', '2026-07-02')];

  t.test('a pause is declared with a reason and pauses the pathway', async (t) => {
    const state = given(t, supported).when(c.pause('2026-07-10')).then([
      { type: 'PauseDeclared', data: { startDate: '2026-07-10', reason: 'Ménage indisponible, attente des travaux' } },
    ]);
    t.equal(state?.status, 'paused');
  });
  t.test('one pause at a time', async (t) => {
    given(t, [...supported, e.pause('2026-07-10')]).when(c.pause('2026-07-20')).thenRejects('pause.already_active');
  });
  t.test('a pause cannot start before the last contact with the household', async (t) => {
    given(t, supported).when(c.pause('2026-07-01')).thenRejects('date.out_of_order', 'startDate');
  });
  t.test('a pause cannot start before the previous one ended', async (t) => {
    given(t, [...supported, e.pause('2026-07-10'), e.pauseEnded('2026-08-10')]).when(c.pause('2026-08-01')).thenRejects('date.out_of_order', 'startDate');
  });
  t.test('no contact is recorded after the pause started until it ends', async (t) => {
    const paused = [...supported, e.pause('2026-07-10')];
    given(t, paused).when(c.contact('2026-08-01')).thenRejects('pause.active', 'contactDate');
    given(t, paused).when(c.diagnostic('2026-08-01')).thenRejects('pause.active', 'visitDate');
    given(t, paused).when(c.contact('2026-07-08')).thenAccepts(); // a late entry of a contact before the pause
  });
  t.test('ending the pause', async (t) => {
    given(t, supported).when(c.endPause('2026-08-01')).thenRejects('pause.not_active');
    given(t, [...supported, e.pause('2026-07-10')]).when(c.endPause('2026-07-09')).thenRejects('date.out_of_order', 'endDate');
    const state = given(t, [...supported, e.pause('2026-07-10')]).when(c.endPause('2026-09-01')).then([
      { type: 'PauseEnded', data: { endDate: '2026-09-01' } },
    ]);
    t.equal(state?.status, 'active');
  });
  t.test('a contact cannot fall inside a pause that has ended; the end day resumes support', async (t) => {
    const resumed = [...supported, e.pause('2026-07-10'), e.pauseEnded('2026-09-01')];
    given(t, resumed).when(c.contact('2026-08-15')).thenRejects('date.within_pause', 'contactDate');
    given(t, resumed).when(c.contact('2026-09-01', { declaredPhase: 'one_year_follow_up' })).thenAccepts();
  });
  t.test('a pause needs an active pathway', async (t) => {
    given(t, [e.referred({ programme: 'pdc-energy-2026' })]).when(c.pause('2026-06-10')).thenRejects('entry.validation_required');
  });
});

t.test('evaluations', async (t) => {
  const evaluation = (extra: Record<string, unknown> = {}) => ({
    type: 'RecordEvaluation' as const,
    data: { evaluationDate: '2026-09-01', comfort: { feltColdLastWinter: false, rating: 4 }, satisfaction: { rating: 5 }, annualEnergySpendingAfter: 1400, annualIncomeAfter: 17000, ...extra },
  });
  t.test('need something to evaluate', async (t) => {
    given(t, [e.referred()]).when(evaluation()).thenRejects('evaluation.premature');
  });
  t.test('record comfort, bills, satisfaction and the effort-rate inputs after', async (t) => {
    const state = given(t, oriented).when(evaluation()).then([{
      type: 'EvaluationRecorded',
      data: {
        evaluationId: 'id-1', evaluationDate: '2026-09-01', comfort: { feltColdLastWinter: false, rating: 4 }, billsAfter: [],
        satisfaction: { rating: 5 }, annualEnergySpendingAfter: 1400, annualIncomeAfter: 17000,
      },
    }]);
    t.equal(state?.stage, 'evaluation');
  });
  t.test('may be hosted by a support contact of this pathway, not before it', async (t) => {
    const past = [...oriented, e.contact('c-1', '2026-09-01', { declaredPhase: 'one_year_follow_up' })];
    given(t, past).when(evaluation({ contactId: 'c-1' })).thenAccepts();
    given(t, past).when(evaluation({ contactId: 'c-9' })).thenRejects('contact.not_found', 'contactId');
    given(t, past).when(evaluation({ contactId: 'c-1', evaluationDate: '2026-08-31' })).thenRejects('date.out_of_order', 'evaluationDate');
  });
  t.test('may be administered during a pause (it is not support)', async (t) => {
    given(t, [...oriented, e.pause('2026-07-01')]).when(evaluation()).thenAccepts();
  });
});
