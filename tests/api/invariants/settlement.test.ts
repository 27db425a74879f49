// A coordinator settles how some recorded events are read (PhaseSettled), over HTTP.
import t from 'tap';
import { commands, daysFromToday, Pathway, PRINCIPALS, setUp, step } from '../journeys/steps.js';

t.test('only a coordinator settles the phase of a pathway’s events', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.do(commands.contact('2026-07-02', { declaredPhase: 'one_year_follow_up' }), as.officer);
  const events = (await as.coordinator.get(`/v1/pathways/${p.id}/events`)).json().items as Array<{ id: string; type: string }>;
  const contact = events.find((e) => e.type === 'SupportContactRecorded');
  t.ok(contact, 'the contact is in the history');
  const settle = step.settle([contact!.id], '2026-07-10', 'set-1');

  // an administrator may run every command, but settling is the domain's coordinator decision
  await p.rejects(settle, { status: 403, code: 'settlement.not_allowed' }, as.admin);
  // the access policy stops the visit officer before the domain is asked
  await p.rejects(settle, { status: 403, code: 'auth.role_forbidden' }, as.officer);
  await p.rejects(settle, { status: 403, code: 'auth.read_only' }, as.auditor);
  await p.rejects(settle, { status: 403, code: 'auth.role_forbidden' }, as.partner);

  await p.do(settle, as.coordinator);
  const s = await p.state();
  t.equal(s.settlements.length, 1);
  t.match(s.settlements[0], { settlementId: 'set-1', eventIds: [contact!.id], phase: 'reinforced_support', settledBy: { actorId: PRINCIPALS.coordinator.id, role: 'coordinator' } });
  await p.rejects(step.settle([contact!.id], '2026-07-11', 'set-1'), { status: 409, code: 'id.already_used', field: 'settlementId' });
});

t.test('a settlement is dated like any fact, and may be made on an exited pathway', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.contact('2026-06-10'), as.officer);
  const [, contact] = (await as.coordinator.get(`/v1/pathways/${p.id}/events`)).json().items as Array<{ id: string }>;
  await p.rejects(step.settle([contact!.id], daysFromToday(2)), { status: 422, code: 'date.in_future', field: 'settledOn' });
  await p.rejects(step.settle([contact!.id], '2026-05-01'), { status: 422, code: 'date.before_referral', field: 'settledOn' });
  await p.do(step.exit('2026-06-30', 'contact_lost', 'Plus de nouvelles'), as.officer);
  await p.do(step.settle([contact!.id], '2026-07-05'));
  t.equal((await p.state()).status, 'exited', 'settling changes how the history is read, not where the pathway stands');
});
