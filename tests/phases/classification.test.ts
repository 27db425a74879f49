// GET /v1/pathways/{id}/classification: the live read model, the same history under another
// policy version, and as it was known at an instant; who may read it.
import t from 'tap';
import { classifyPathway, DEFAULT_PHASE_POLICY } from '../../domain/phases/index.js';
import { readPathwayFacts } from '../../services/phases/pathway-facts.js';
import { testService } from '../support/service.js';
import { actors } from './helpers/actors.js';
import { DEFAULT_ID, FOLLOW_UP_FROM_300, FOLLOW_UP_FROM_300_ID, recordStory } from './helpers/story.js';

type Activity = { eventId: string; effectivePhase: string; derivedPhase: string; rule: string };
const phaseOf = (body: { classification: { activities: Activity[] } }, eventId: string) =>
  body.classification.activities.find((a) => a.eventId === eventId)?.effectivePhase;

t.test('live, under another version, and as of an instant', async (t) => {
  const svc = await testService(t);
  const { admin, coordinator } = await actors(svc);
  const story = await recordStory(coordinator);
  const afterFirstContact = (await svc.store.readStream(`pathway-${story.pathwayId}`, { fromRevision: 3, maxCount: 1 })[Symbol.asyncIterator]().next()).value!.recordedAt;
  await svc.projections.waitFor(await svc.store.headPosition());

  const live = await coordinator.get(`/v1/pathways/${story.pathwayId}/classification`);
  t.equal(live.statusCode, 200, live.body);
  const body = live.json();
  t.match(body, { pathwayId: story.pathwayId, revision: 4, source: 'read_model', policyId: DEFAULT_ID });
  t.equal(phaseOf(body, story.firstContactId), 'reinforced_support');
  t.equal(phaseOf(body, story.visitId), 'one_year_follow_up');
  t.match(body.classification.quota, { hasReinforcedSupport: true, hasFollowUp: true, followUpDone: '2025-09-01', followUpDueOn: '2026-01-20' });
  const followUp = body.classification.episodes.find((e: { kind: string }) => e.kind === 'one_year_follow_up');
  t.match(followUp, { startDate: '2025-09-01', eventIds: [story.visitId], rule: 'n1.after_pause_in_window' });
  t.match(followUp.explanation, { fr: /suivi/i, en: /follow-up/i }, 'each episode is explained in both languages');
  const facts = (await readPathwayFacts(svc.store, story.pathwayId))!.facts;
  t.same(body.classification, JSON.parse(JSON.stringify(classifyPathway(facts, DEFAULT_PHASE_POLICY))), 'the API returns the whole classification, nothing dropped');

  t.equal((await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300)).statusCode, 201);
  const other = (await coordinator.get(`/v1/pathways/${story.pathwayId}/classification?policy=${FOLLOW_UP_FROM_300_ID}`)).json();
  t.match(other, { source: 'replay', policyId: FOLLOW_UP_FROM_300_ID, revision: 4 });
  t.equal(phaseOf(other, story.visitId), 'reinforced_support', '224 days is before a 300-day window opens');
  t.equal(other.classification.quota.hasFollowUp, false);
  const again = (await coordinator.get(`/v1/pathways/${story.pathwayId}/classification`)).json();
  t.match(again, { source: 'read_model', policyId: DEFAULT_ID }, 'a version that is not yet in force leaves the live read alone');

  const then = await coordinator.get(`/v1/pathways/${story.pathwayId}/classification?asOf=${encodeURIComponent(afterFirstContact)}`);
  t.equal(then.statusCode, 200, then.body);
  t.match(then.json(), { source: 'replay', revision: 3, asOf: afterFirstContact, policyId: DEFAULT_ID });
  t.equal(phaseOf(then.json(), story.visitId), undefined, 'the visit was not recorded yet');
  t.equal(then.json().classification.quota.hasFollowUp, false);

  const both = (await coordinator.get(`/v1/pathways/${story.pathwayId}/classification?asOf=${encodeURIComponent(afterFirstContact)}&policy=${FOLLOW_UP_FROM_300_ID}`)).json();
  t.match(both, { source: 'replay', revision: 3, policyId: FOLLOW_UP_FROM_300_ID });

  const before = await coordinator.get(`/v1/pathways/${story.pathwayId}/classification?asOf=2000-01-01T00:00:00Z`);
  t.equal(before.statusCode, 404);
  t.equal(before.json().code, 'pathway.not_found');
});

t.test('reads its own writes, even before the projection has caught up', async (t) => {
  const svc = await testService(t);
  const { coordinator } = await actors(svc);
  const story = await recordStory(coordinator);
  const res = await coordinator.post(`/v1/pathways/${story.pathwayId}/support-contacts`, { contactDate: '2025-09-20', channel: 'phone', participants: ['Julie Caron'] });
  const read = (await coordinator.get(`/v1/pathways/${story.pathwayId}/classification`)).json();
  t.equal(read.revision, res.json().revision, 'the classification reflects the write just made (from the read model or computed)');
  t.ok(read.classification.activities.some((a: Activity) => a.eventId === res.json().events[0].id));
});

t.test('a version in force today becomes the live policy; the read says it was computed', async (t) => {
  const svc = await testService(t);
  const { admin, coordinator } = await actors(svc);
  const story = await recordStory(coordinator);
  await admin.post('/v1/phase-policies', { ...FOLLOW_UP_FROM_300, version: '2026.0', effectiveFrom: '2024-01-01' });
  await svc.projections.waitFor(await svc.store.headPosition());
  const read = (await coordinator.get(`/v1/pathways/${story.pathwayId}/classification`)).json();
  t.match(read, { source: 'replay', policyId: 'slime-plus-2026@2026.0' }, 'the read model (built-in version) is not passed off as the policy in force');
  t.equal(phaseOf(read, story.visitId), 'reinforced_support');
});

t.test('bad parameters and access', async (t) => {
  const svc = await testService(t);
  const { auditor, coordinator, elsewhere, officer, referrer, admin } = await actors(svc);
  const story = await recordStory(coordinator);
  const url = `/v1/pathways/${story.pathwayId}/classification`;

  const unknown = await coordinator.get(`${url}?policy=nope@1`);
  t.equal(unknown.statusCode, 400);
  t.match(unknown.json(), { code: 'policy.unknown', errors: [{ in: 'querystring', path: '/policy' }] });
  t.match(unknown.headers['content-type'], /application\/problem\+json/);
  const badAsOf = await coordinator.get(`${url}?asOf=yesterday`);
  t.equal(badAsOf.statusCode, 400);
  t.match(badAsOf.json(), { code: 'request.invalid', errors: [{ path: '/asOf' }] });
  t.equal((await coordinator.get('/v1/pathways/nope/classification')).json().code, 'pathway.not_found');

  for (const [who, c] of [['auditor', auditor], ['admin', admin], ['visit officer of the territory', officer]] as const) {
    t.equal((await c.get(url)).statusCode, 200, `${who} reads it`);
  }
  t.match((await elsewhere.get(url)).json(), { status: 403, code: 'auth.out_of_territory' });
  t.match((await referrer.get(url)).json(), { status: 403, code: 'auth.outcome_only' }, 'a referrer sees outcomes, not classifications');
});
