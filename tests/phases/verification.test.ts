// Tamper evidence: an auditor verifies one pathway's hash chain, or every stream, and gets the
// first broken link.
import t from 'tap';
import { testService } from '../support/service.js';
import { actors } from './helpers/actors.js';
import { FOLLOW_UP_FROM_300, recordStory } from './helpers/story.js';
import { tamper } from './helpers/tamper.js';

t.test('an intact store verifies; a tampered event is the first broken link of its stream', async (t) => {
  const svc = await testService(t);
  const { admin, auditor, coordinator } = await actors(svc);
  const story = await recordStory(coordinator);
  const other = await recordStory(coordinator);
  await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300);

  const one = await auditor.get(`/v1/audit/pathways/${story.pathwayId}/verification`);
  t.equal(one.statusCode, 200, one.body);
  t.same(one.json(), { streamId: `pathway-${story.pathwayId}`, checked: 5, intact: true, broken: null });
  const all = (await auditor.get('/v1/audit/verification')).json();
  t.match(all, { scope: 'all', streams: 3, checked: 11, intact: true, brokenStreams: [], firstBroken: null, verifiedAt: String });

  tamper(svc.dataDir, story.firstContactId);
  const broken = (await auditor.get(`/v1/audit/pathways/${story.pathwayId}/verification`)).json();
  t.same(broken, {
    streamId: `pathway-${story.pathwayId}`,
    checked: 3,
    intact: false,
    broken: { streamId: `pathway-${story.pathwayId}`, revision: 3, eventId: story.firstContactId, reason: 'content_altered' },
  });
  const after = (await auditor.get('/v1/audit/verification')).json();
  t.match(after, { streams: 3, checked: 9, intact: false, firstBroken: broken.broken });
  t.same(after.brokenStreams, [broken.broken]);
  t.same((await auditor.get(`/v1/audit/pathways/${other.pathwayId}/verification`)).json().intact, true, 'the other pathway still holds');

  tamper(svc.dataDir, other.diagnosticId, "'{not json'");
  const unreadable = (await auditor.get(`/v1/audit/pathways/${other.pathwayId}/verification`)).json();
  t.match(unreadable, { intact: false, checked: 1, broken: { revision: 1, reason: 'unreadable' } }, 'an event that no longer parses is a break too');
  const scan = await auditor.get('/v1/audit/verification');
  t.match(scan.json(), { status: 500, code: 'audit.store_unreadable' }, 'the whole-store scan says where it stopped');
});

t.test('who may verify: coordinators their territories only', async (t) => {
  const svc = await testService(t);
  const { admin, coordinator, elsewhere, officer, referrer } = await actors(svc);
  const mine = await recordStory(coordinator);
  await recordStory(elsewhere, 'arrageois');
  await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300);

  const scoped = (await coordinator.get('/v1/audit/verification')).json();
  t.match(scoped, { scope: 'territories', streams: 1, checked: 5, intact: true }, 'neither the other territory nor the policy catalogue');
  t.equal((await admin.get('/v1/audit/verification')).json().streams, 3);
  t.equal((await coordinator.get(`/v1/audit/pathways/${mine.pathwayId}/verification`)).statusCode, 200);
  t.equal((await elsewhere.get(`/v1/audit/pathways/${mine.pathwayId}/verification`)).json().code, 'auth.out_of_territory');
  for (const c of [officer, referrer]) t.equal((await c.get('/v1/audit/verification')).json().code, 'auth.role_forbidden');
  t.equal((await admin.get('/v1/audit/pathways/nope/verification')).json().code, 'pathway.not_found');
});
