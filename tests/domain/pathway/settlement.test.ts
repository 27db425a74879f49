import t from 'tap';
import { events as e } from './fixtures.js';
import { COORDINATOR, fixedContext, given, VISIT_OFFICER } from './given.js';

const settle = (extra: Record<string, unknown> = {}) => ({
  type: 'SettlePhase' as const,
  data: { eventIds: ['evt-12', 'evt-13'], phase: 'one_year_follow_up' as const, reason: 'Pause de quatre mois avant la reprise de contact', settledOn: '2026-09-10', ...extra },
});
const past = [e.referred(), e.diagnostic(), e.contact('c-1', '2026-07-02')];

t.test('a coordinator settles the phase of some events', async (t) => {
  const state = given(t, past).when(settle()).then([{
    type: 'PhaseSettled',
    data: {
      settlementId: 'id-1', eventIds: ['evt-12', 'evt-13'], phase: 'one_year_follow_up',
      reason: 'Pause de quatre mois avant la reprise de contact', settledOn: '2026-09-10',
      settledBy: { actorId: COORDINATOR.id, role: COORDINATOR.role, organisationId: COORDINATOR.organisationId },
    },
  }]);
  t.equal(state?.settlements.length, 1);
  t.equal(state?.lastActivityOn, '2026-07-02', 'a settlement is not an activity with the household');
});

t.test('only a coordinator settles', async (t) => {
  given(t, past).when(settle(), fixedContext({ principal: VISIT_OFFICER })).thenRejects('settlement.not_allowed');
});

t.test('a settlement can be made after the pathway exited', async (t) => {
  given(t, [...past, e.exited('2026-07-20')]).when(settle()).thenAccepts();
});

t.test('a settlement is dated', async (t) => {
  given(t, past).when(settle({ settledOn: '2026-09-16' })).thenRejects('date.in_future', 'settledOn');
  given(t, past).when(settle({ settlementId: 's-1' })).thenAccepts();
  given(t, [...past, { type: 'PhaseSettled', data: { settlementId: 's-1', eventIds: ['x'], phase: 'other', reason: 'r', settledOn: '2026-09-01' } }])
    .when(settle({ settlementId: 's-1' }))
    .thenRejects('id.already_used', 'settlementId');
});
