// `parcours audit replay` and `parcours audit verify`, run as an auditor would, on the data
// folder of a running service.
import t from 'tap';
import { cli } from '../support/cli.js';
import { testService } from '../support/service.js';
import { actors } from './helpers/actors.js';
import { FOLLOW_UP_FROM_300, FOLLOW_UP_FROM_300_ID, recordStory } from './helpers/story.js';
import { tamper } from './helpers/tamper.js';

t.test('audit replay prints the reasoning the API returns for the same inputs', async (t) => {
  const svc = await testService(t);
  const { admin, auditor, coordinator } = await actors(svc);
  const story = await recordStory(coordinator);
  await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300);

  const en = await cli(['audit', 'replay', story.pathwayId, '--lang', 'en'], svc.dataDir);
  t.equal(en.code, 0, en.stderr);
  t.equal(en.stdout, (await auditor.get(`/v1/audit/pathways/${story.pathwayId}/replay?lang=en`)).json().reasoning.text);
  t.match(en.stdout, /one-year follow-up done on 2025-09-01/);

  const asOf = new Date().toISOString();
  const fr = await cli(['audit', 'replay', story.pathwayId, '--as-of', asOf, '--policy', FOLLOW_UP_FROM_300_ID], svc.dataDir);
  t.equal(fr.code, 0, fr.stderr);
  const api = (await auditor.get(`/v1/audit/pathways/${story.pathwayId}/replay?asOf=${encodeURIComponent(asOf)}&policy=${FOLLOW_UP_FROM_300_ID}`)).json();
  t.equal(fr.stdout, api.reasoning.text, 'French by default, same cut, same version');
  t.match(fr.stdout, /suivi à N\+1 non réalisé/);

  const unknown = await cli(['audit', 'replay', 'no-such-pathway'], svc.dataDir);
  t.equal(unknown.code, 1);
  t.match(unknown.stderr, /no pathway no-such-pathway/);
  const policy = await cli(['audit', 'replay', story.pathwayId, '--policy', 'nope@1'], svc.dataDir);
  t.equal(policy.code, 1);
  t.match(policy.stderr, /No policy version nope@1; known versions: slime-plus-2025@2025\.1, slime-plus-2026@2026\.1/);
  const before = await cli(['audit', 'replay', story.pathwayId, '--as-of', '2000-01-01T00:00:00Z'], svc.dataDir);
  t.equal(before.code, 1);
  t.match(before.stderr, /existed at 2000-01-01/);
  for (const args of [['--lang', 'de'], ['--as-of', 'yesterday'], ['--frobnicate', 'x']]) {
    const bad = await cli(['audit', 'replay', story.pathwayId, ...args], svc.dataDir);
    t.equal(bad.code, 2, `usage error for ${args.join(' ')}`);
    t.match(bad.stderr, /usage: parcours audit replay/);
  }
});

t.test('audit verify lists every stream and exits 1 on the first broken link', async (t) => {
  const svc = await testService(t);
  const { coordinator } = await actors(svc);
  const story = await recordStory(coordinator);
  const other = await recordStory(coordinator);

  const ok = await cli(['audit', 'verify'], svc.dataDir);
  t.equal(ok.code, 0, ok.stderr);
  t.match(ok.stdout, new RegExp(`ok\\s+pathway-${story.pathwayId}\\s+5 events`));
  t.match(ok.stdout, /2 streams, 10 events checked: every chain holds/);
  t.match(ok.stderr, /verify: 2\/2 streams/, 'progress on stderr');

  tamper(svc.dataDir, story.firstContactId);
  const broken = await cli(['audit', 'verify'], svc.dataDir);
  t.equal(broken.code, 1);
  t.match(broken.stdout, new RegExp(`BROKEN\\s+pathway-${story.pathwayId}\\s+at revision 3 \\(event ${story.firstContactId}\\): content_altered`));
  t.match(broken.stdout, new RegExp(`ok\\s+pathway-${other.pathwayId}`));
  t.match(broken.stdout, /1 broken \(first: pathway-.* at revision 3\)/);

  const one = await cli(['audit', 'verify', other.pathwayId], svc.dataDir);
  t.equal(one.code, 0);
  t.equal(one.stdout.trim().split('\n').length, 1);
  t.equal((await cli(['audit', 'verify', story.pathwayId], svc.dataDir)).code, 1);
  const none = await cli(['audit', 'verify', 'no-such-pathway'], svc.dataDir);
  t.equal(none.code, 1);
  t.match(none.stderr, /no pathway no-such-pathway/);
});
