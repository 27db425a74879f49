// Tamper evidence: an auditor verifies one pathway's hash chain, or every stream, and gets the
// first broken link.
import t from 'tap';
import { loadConfig } from '../../infra/config/config.js';
import { createLogger } from '../../infra/logging/logger.js';
import { startService } from '../../services/server.js';
import { collect } from '../contract/harness.js';
import { caller, tokenFor } from '../support/api.js';
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
  t.same(
    unreadable,
    { streamId: `pathway-${other.pathwayId}`, checked: 1, intact: false, broken: { streamId: `pathway-${other.pathwayId}`, revision: 1, eventId: other.diagnosticId, reason: 'unreadable' } },
    'an event that no longer parses is a break too, named',
  );
  const scan = await auditor.get('/v1/audit/verification');
  t.equal(scan.statusCode, 200, 'the whole-store scan goes on past it');
  t.match(scan.json(), { streams: 3, intact: false });
  t.same(scan.json().brokenStreams, [broken.broken, unreadable.broken], 'each broken stream with its first broken link, the unreadable one included');

  // After a restart nothing is cached: the pathway's reads must still say what is wrong.
  const restarted = await startService(loadConfig({ PARCOURS_DATA_DIR: svc.dataDir, LOG_LEVEL: 'silent' }), createLogger('silent'));
  t.teardown(() => restarted.stop());
  const again = caller(restarted.app, await tokenFor(svc.dataDir, 'auditor', 'org-audit', ['*']));
  t.same((await again.get(`/v1/audit/pathways/${other.pathwayId}/verification`)).json(), unreadable, 'the verification does not fold the pathway');
  for (const url of [`/v1/pathways/${other.pathwayId}`, `/v1/audit/pathways/${other.pathwayId}/replay`]) {
    const res = await again.get(url);
    t.equal(res.statusCode, 500, url);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.match(res.json(), { code: 'store.event_unreadable' }, url);
    t.notMatch(res.body, other.diagnosticId, `${url}: the event is named in the log only`);
  }
});

t.test('a pathway whose referral no longer reads: auditors verify it, coordinators cannot place it', async (t) => {
  const svc = await testService(t);
  const { auditor, coordinator } = await actors(svc);
  const story = await recordStory(coordinator);
  const [referral] = await collect(svc.store.readStream(`pathway-${story.pathwayId}`, { maxCount: 1 }));
  tamper(svc.dataDir, referral!.id, "'{not json'");
  const audited = (await auditor.get(`/v1/audit/pathways/${story.pathwayId}/verification`)).json();
  t.match(audited, { checked: 0, intact: false, broken: { revision: 0, eventId: referral!.id, reason: 'unreadable' } });
  const refused = await coordinator.get(`/v1/audit/pathways/${story.pathwayId}/verification`);
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'audit.territory_unknown');
  t.match((await auditor.get('/v1/audit/verification')).json(), { streams: 1, brokenStreams: [{ revision: 0, eventId: referral!.id, reason: 'unreadable' }] }, 'the unscoped scan lists it');
  t.match((await coordinator.get('/v1/audit/verification')).json(), { scope: 'territories', streams: 0 }, 'a scoped scan cannot tell whose it is');
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
