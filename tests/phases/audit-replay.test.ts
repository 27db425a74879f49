// GET /v1/audit/pathways/{id}/replay: the state and classification rebuilt from the events as
// of an instant under a policy version, with the reasoning; equal to the live read model for
// the same inputs.
import t from 'tap';
import { replaySchema } from '../../contracts/api/audit-resources.js';
import { holdsToPublished } from '../support/published.js';
import { collect } from '../contract/harness.js';
import { testService } from '../support/service.js';
import { actors } from './helpers/actors.js';
import { DEFAULT_ID, FOLLOW_UP_FROM_300, FOLLOW_UP_FROM_300_ID, recordStory } from './helpers/story.js';

t.test('the replay equals the live read model for the same inputs', async (t) => {
  const svc = await testService(t);
  const { admin, auditor, coordinator } = await actors(svc);
  const story = await recordStory(coordinator);
  const events = await collect(svc.store.readStream(`pathway-${story.pathwayId}`));
  const afterFirstContact = events[3]!.recordedAt; // revision 3: the first contact
  await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300);
  await svc.projections.waitFor(await svc.store.headPosition());

  const live = (await auditor.get(`/v1/pathways/${story.pathwayId}/classification`)).json();
  t.equal(live.source, 'read_model');
  const replay = await auditor.get(`/v1/audit/pathways/${story.pathwayId}/replay`);
  t.equal(replay.statusCode, 200, replay.body);
  t.match(replay.json(), { pathwayId: story.pathwayId, revision: live.revision, policyId: DEFAULT_ID });
  t.same(replay.json().classification, live.classification, 'rebuilt from the events, it is the live read model');
  t.match(replay.json().state, { id: story.pathwayId, stage: 'support', contacts: Object }, 'the full view of the pathway');
  // Sent as built, not through its schema: it must be what /docs/json publishes, to the field.
  holdsToPublished(t, replaySchema, replay.json(), 'the replay');

  for (const query of [`policy=${FOLLOW_UP_FROM_300_ID}`, `asOf=${encodeURIComponent(afterFirstContact)}`, `asOf=${encodeURIComponent(afterFirstContact)}&policy=${FOLLOW_UP_FROM_300_ID}`]) {
    const read = (await auditor.get(`/v1/pathways/${story.pathwayId}/classification?${query}`)).json();
    const again = (await auditor.get(`/v1/audit/pathways/${story.pathwayId}/replay?${query}`)).json();
    t.same(again.classification, read.classification, `same classification for ${query}`);
    t.equal(again.revision, read.revision);
    t.equal(again.policyId, read.policyId);
  }
  const then = (await auditor.get(`/v1/audit/pathways/${story.pathwayId}/replay?asOf=${encodeURIComponent(afterFirstContact)}`)).json();
  t.equal(then.revision, 3);
  t.equal(Object.keys(then.state.contacts).length, 1, 'the state as it stood: one contact so far');
});

t.test('the reasoning reads as a plain account, in French or English', async (t) => {
  const svc = await testService(t);
  const { auditor, coordinator } = await actors(svc);
  const story = await recordStory(coordinator);
  const en = (await auditor.get(`/v1/audit/pathways/${story.pathwayId}/replay?lang=en`)).json().reasoning;
  t.equal(en.language, 'en');
  t.match(en.text, /^Classification of the pathway under policy slime-plus-2025@2025\.1\.\n1\. Policy slime-plus-2025@2025\.1 applied: pause threshold 90 days/);
  t.equal(en.text, `Classification of the pathway under policy ${DEFAULT_ID}.\n${en.steps.join('\n')}\n`);
  const order = [/referral/, /diagnostic visit/, /orientation/, /start of a reinforced-support episode/, /observed pause/, /one-year follow-up \(rule n1/, /Result for the programme quotas: reinforced support yes; one-year follow-up done on 2025-09-01/];
  let at = 0;
  for (const pattern of order) {
    const found = en.steps.findIndex((s: string, i: number) => i >= at && pattern.test(s));
    t.ok(found >= at, `step ${pattern} comes in order`);
    at = found;
  }
  const fr = (await auditor.get(`/v1/audit/pathways/${story.pathwayId}/replay`)).json().reasoning;
  t.equal(fr.language, 'fr', 'French by default');
  t.match(fr.text, /^Classification du parcours selon la politique slime-plus-2025@2025\.1\./);
  t.match(fr.text, /suivi à N\+1 réalisé le 2025-09-01/);
});

t.test('who may replay, and bad inputs', async (t) => {
  const svc = await testService(t);
  const { admin, auditor, coordinator, elsewhere, officer, referrer } = await actors(svc);
  const story = await recordStory(coordinator);
  const url = `/v1/audit/pathways/${story.pathwayId}/replay`;
  for (const c of [admin, auditor, coordinator]) t.equal((await c.get(url)).statusCode, 200);
  t.equal((await elsewhere.get(url)).json().code, 'auth.out_of_territory');
  t.equal((await officer.get(url)).json().code, 'auth.role_forbidden');
  t.equal((await referrer.get(url)).json().code, 'auth.role_forbidden');
  t.equal((await auditor.get('/v1/audit/pathways/nope/replay')).json().code, 'pathway.not_found');
  t.match((await auditor.get(`${url}?asOf=2000-01-01T00:00:00Z`)).json(), { status: 404, code: 'pathway.not_found' }, 'it did not exist yet');
  t.match((await auditor.get(`${url}?policy=nope@1`)).json(), { status: 400, code: 'policy.unknown', errors: [{ path: '/policy' }] });
  t.match((await auditor.get(`${url}?lang=de`)).json(), { status: 400, code: 'request.invalid', errors: [{ path: '/lang' }] });
});

t.test('a replay as of an instant resolves its version among those known then: a version added later does not change it', async (t) => {
  const svc = await testService(t);
  const { admin, auditor, coordinator } = await actors(svc);
  const story = await recordStory(coordinator);
  const instant = new Date().toISOString();
  const before = (await auditor.get(`/v1/audit/pathways/${story.pathwayId}/replay?asOf=${instant}`)).json();
  t.equal(before.policyId, DEFAULT_ID);
  await new Promise((resolve) => setTimeout(resolve, 5));
  // Added after the instant, but effective long before it: in force on that date now.
  const added = await admin.post('/v1/phase-policies', { ...FOLLOW_UP_FROM_300, effectiveFrom: '2024-01-01' });
  t.equal(added.statusCode, 201, added.body);
  const after = (await auditor.get(`/v1/audit/pathways/${story.pathwayId}/replay?asOf=${instant}`)).json();
  t.equal(after.policyId, DEFAULT_ID, 'the same version as before');
  t.same(after.classification, before.classification, 'the same classification');
  t.equal((await auditor.get(`/v1/audit/pathways/${story.pathwayId}/replay`)).json().policyId, FOLLOW_UP_FROM_300_ID, 'today, the new version is in force');
  t.equal((await auditor.get(`/v1/audit/pathways/${story.pathwayId}/replay?asOf=${instant}&policy=${FOLLOW_UP_FROM_300_ID}`)).json().policyId, FOLLOW_UP_FROM_300_ID, 'named, any version known now replays the past');
});
