import { SignJWT } from 'jose';
import t from 'tap';
import { resolveSigningSecret } from '../../infra/auth/signing-key.js';
import { signToken } from '../../infra/auth/tokens.js';
import { caller, tokenFor } from '../support/api.js';
import { commands, referHousehold } from '../support/journey.js';
import { testService } from '../support/service.js';

t.test('missing, malformed, forged and expired tokens get 401 problem+json', async (t) => {
  const svc = await testService(t);
  const body = commands.refer().data;
  const before = await svc.store.headPosition();
  const cases: Array<[string, Record<string, string>, string]> = [
    ['missing', {}, 'auth.token_missing'],
    ['not bearer', { authorization: 'Basic abc' }, 'auth.token_missing'],
    ['garbage', { authorization: 'Bearer not.a.jwt' }, 'auth.token_invalid'],
    ['forged', { authorization: `Bearer ${await new SignJWT({ role: 'admin', org: 'x', territories: ['*'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('evil').setExpirationTime('1h').sign(new TextEncoder().encode('another-secret-that-is-long-enough-000'))}` }, 'auth.token_invalid'],
    ['expired', { authorization: `Bearer ${await tokenFor(svc.dataDir, 'admin', 'org', ['*'], -60)}` }, 'auth.token_expired'],
  ];
  for (const [name, headers, code] of cases) {
    const res = await svc.app.inject({ method: 'POST', url: '/v1/pathways', payload: body, headers });
    t.equal(res.statusCode, 401, name);
    t.match(res.headers['content-type'], /application\/problem\+json/, name);
    t.equal(res.json().code, code, name);
    t.match(res.headers['www-authenticate'], /^Bearer/, name);
  }
  const list = await svc.app.inject({ method: 'GET', url: '/v1/pathways' });
  t.equal(list.statusCode, 401, 'reads need a token too');
  t.equal(await svc.store.headPosition(), before, 'nothing was written');
});

t.test('a token issued in the future is refused; a minute of clock skew is tolerated', async (t) => {
  const svc = await testService(t);
  const secret = resolveSigningSecret(svc.dataDir);
  const issuedIn = (seconds: number) =>
    new SignJWT({ role: 'coordinator', org: 'org-op', territories: ['calaisis'] })
      .setProtectedHeader({ alg: 'HS256' }).setSubject('s').setIssuedAt(Math.floor(Date.now() / 1000) + seconds).setExpirationTime('2h').sign(secret);
  const ahead = await svc.app.inject({ method: 'GET', url: '/v1/pathways', headers: { authorization: `Bearer ${await issuedIn(86_400)}` } });
  t.equal(ahead.statusCode, 401);
  t.equal(ahead.json().code, 'auth.token_invalid');
  const skewed = await svc.app.inject({ method: 'GET', url: '/v1/pathways', headers: { authorization: `Bearer ${await issuedIn(30)}` } });
  t.equal(skewed.statusCode, 200);
});

t.test('a token missing role claims is refused', async (t) => {
  const svc = await testService(t);
  const { resolveSigningSecret } = await import('../../infra/auth/signing-key.js');
  const noRole = await new SignJWT({ org: 'x' }).setProtectedHeader({ alg: 'HS256' }).setSubject('s').setExpirationTime('1h').sign(resolveSigningSecret(svc.dataDir));
  const res = await svc.app.inject({ method: 'GET', url: '/v1/pathways', headers: { authorization: `Bearer ${noRole}` } });
  t.equal(res.statusCode, 401);
  t.equal(res.json().code, 'auth.token_invalid');
});

t.test('a token whose subject or organisation the facts could not record is refused, before anything is written', async (t) => {
  const svc = await testService(t);
  const before = await svc.store.headPosition();
  for (const [what, subject, org] of [
    ['an organisation that is a name, not an id', 'sophie', 'CCAS de Lens'],
    ['a subject over 128 characters', 's'.repeat(129), 'org-op'],
  ] as const) {
    const token = await signToken(resolveSigningSecret(svc.dataDir), { subject, role: 'partner_system', organisationId: org, territories: [], ttlSeconds: 600 });
    const res = await svc.app.inject({ method: 'POST', url: '/v1/pathways', headers: { authorization: `Bearer ${token}` }, payload: commands.refer().data });
    t.equal(res.statusCode, 401, what);
    t.equal(res.json().code, 'auth.token_invalid');
    t.match(res.json().detail, /claims/);
  }
  t.equal(await svc.store.headPosition(), before, 'nothing written');
});

t.test('roles and territories', async (t) => {
  const svc = await testService(t);
  const tok = (role: Parameters<typeof tokenFor>[1], org = 'org-op', territories = ['calaisis']) => tokenFor(svc.dataDir, role, org, territories);
  const coordinator = caller(svc.app, await tok('coordinator'));
  const id = await referHousehold(coordinator);
  const before = await svc.store.headPosition();

  const auditor = caller(svc.app, await tok('auditor', 'org-audit', []));
  const write = await auditor.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic().data);
  t.equal(write.statusCode, 403);
  t.equal(write.json().code, 'auth.read_only');
  const auditorRefers = await auditor.post('/v1/pathways', commands.refer().data);
  t.equal(auditorRefers.json().code, 'auth.read_only');
  t.equal((await auditor.get(`/v1/pathways/${id}`)).statusCode, 200, 'auditors read everything');

  const elsewhere = caller(svc.app, await tok('visit_officer', 'org-op', ['arrageois']));
  const outOfTerritory = await elsewhere.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic().data);
  t.equal(outOfTerritory.statusCode, 403);
  t.equal(outOfTerritory.json().code, 'auth.out_of_territory');
  t.equal((await elsewhere.get(`/v1/pathways/${id}`)).json().code, 'auth.out_of_territory');
  const referElsewhere = await elsewhere.post('/v1/pathways', commands.refer().data);
  t.equal(referElsewhere.json().code, 'auth.out_of_territory', 'officers refer only in their territories');

  const officer = caller(svc.app, await tok('visit_officer'));
  const officerAccepts = await officer.post(`/v1/pathways/${id}/entry-acceptance`, { decidedOn: '2026-06-05' });
  t.equal(officerAccepts.statusCode, 403);
  t.equal(officerAccepts.json().code, 'auth.role_forbidden');

  const referrer = caller(svc.app, await tok('referrer', 'org-other', []));
  const foreign = await referrer.get(`/v1/pathways/${id}`);
  t.equal(foreign.statusCode, 403);
  t.equal(foreign.json().code, 'auth.not_your_referral');
  const referrerWrites = await referrer.post(`/v1/pathways/${id}/support-contacts`, commands.contact('2026-07-01').data);
  t.equal(referrerWrites.json().code, 'auth.role_forbidden');

  // a role that may never send a command is told so, whatever its body: checked before the body is read
  const { commandRoutes } = await import('../../contracts/commands/index.js');
  const steps = Object.entries(commandRoutes).filter(([type]) => type !== 'ReferHousehold').map(([, r]) => `/v1/pathways/${id}/${r.segment}`);
  t.ok(steps.length > 20, 'every step route');
  const refusals: Array<[string, string]> = [['/v1/pathways', 'auth.read_only'], ['/v1/phase-policies', 'auth.role_forbidden'], ...steps.map((u): [string, string] => [u, 'auth.read_only'])];
  for (const [url, code] of refusals) {
    const res = await auditor.post(url, {});
    t.equal(res.statusCode, 403, `auditor, empty body: ${url}`);
    t.equal(res.json().code, code, url);
  }
  for (const [who, url, code] of [
    [referrer, `/v1/pathways/${id}/pauses`, 'auth.role_forbidden'],
    [officer, `/v1/pathways/${id}/entry-acceptance`, 'auth.role_forbidden'],
    [officer, '/v1/phase-policies', 'auth.role_forbidden'],
  ] as const) {
    const res = await who.post(url, { colour: 'blue' });
    t.equal(res.statusCode, 403, url);
    t.equal(res.json().code, code, url);
  }
  t.equal(await svc.store.headPosition(), before, 'no refused request wrote anything');
});

t.test('referrers and partner systems see only outcome-level data of their own referrals', async (t) => {
  const svc = await testService(t);
  const partner = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-caf', []));
  const id = await referHousehold(partner);
  const coordinator = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  t.equal((await coordinator.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic('2026-06-20').data)).statusCode, 200);
  t.equal((await coordinator.post(`/v1/pathways/${id}/orientations`, commands.propose('2026-06-25').data)).statusCode, 200);

  const res = await partner.get(`/v1/pathways/${id}`);
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.equal(body.view, 'outcome');
  const text = JSON.stringify(body);
  for (const secret of ['Martin', 'Claire', 'rue des Tilleuls', '16800', '1850', 'EDF', '640', '06 12 34 56 78', 'income', 'debts', 'bills']) {
    t.notOk(text.includes(secret), `outcome view holds no "${secret}"`);
  }
  t.equal(body.pathway.orientations[0].category, 'financial_aid_fsl', 'orientation categories and statuses are shown');
  t.equal((await coordinator.post(`/v1/pathways/${id}/orientations`, commands.propose('2026-06-26', 'health').data)).statusCode, 200);
  const withHealth = (await partner.get(`/v1/pathways/${id}`)).json();
  t.same(withHealth.pathway.orientations.map((o: { category: string }) => o.category), ['financial_aid_fsl'], 'an orientation towards health services is not shown: it tells of the household’s health');
  t.notOk(JSON.stringify(withHealth).includes('sante'), 'nor its data·inclusion theme');
  t.same(Object.values((await coordinator.get(`/v1/pathways/${id}`)).json().pathway.orientations).map((o) => (o as { category: string }).category), ['financial_aid_fsl', 'health'], 'staff see it');
  t.equal((await partner.get(`/v1/pathways/${id}/events`)).json().code, 'auth.outcome_only');
  t.equal((await partner.get(`/v1/pathways/${id}/timeline`)).json().code, 'auth.outcome_only');

  await svc.projections.waitFor(await svc.store.headPosition());
  t.equal((await coordinator.post(`/v1/pathways/${id}/visit-officer`, { officerId: 'julie-caron', assignedOn: '2026-06-21' })).statusCode, 200);
  await svc.projections.waitFor(await svc.store.headPosition());
  const list = await partner.get('/v1/pathways');
  t.same(list.json().items.map((i: { pathwayId: string }) => i.pathwayId), [id], 'lists only its own referrals');
  t.notOk('assignedOfficerId' in list.json().items[0], 'the list does not tell a partner who is assigned');
  t.notOk(list.body.includes('julie-caron'));
  const byOfficer = await partner.get('/v1/pathways?assignedOfficer=julie-caron');
  t.equal(byOfficer.statusCode, 403, 'nor may a partner filter by officer');
  t.equal(byOfficer.json().code, 'auth.outcome_only');
  t.equal((await coordinator.get('/v1/pathways?assignedOfficer=julie-caron')).json().items[0].assignedOfficerId, 'julie-caron', 'staff see and filter by it');
  const stranger = caller(svc.app, await tokenFor(svc.dataDir, 'referrer', 'org-someone-else', []));
  t.same((await stranger.get('/v1/pathways')).json().items, []);

  const full = await coordinator.get(`/v1/pathways/${id}`);
  t.equal(full.json().view, 'full');
  t.ok(JSON.stringify(full.json()).includes('Martin'), 'the coordinator of the territory sees the whole record');
});

t.test('a household sent to health services only: referrers see neither the orientation nor a stage that would tell of it', async (t) => {
  const svc = await testService(t);
  const partner = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-caf', []));
  const id = await referHousehold(partner);
  const coordinator = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  t.equal((await coordinator.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic('2026-06-20').data)).statusCode, 200);
  t.equal((await coordinator.post(`/v1/pathways/${id}/orientations`, commands.propose('2026-06-25', 'health').data)).statusCode, 200);
  const seen = (await partner.get(`/v1/pathways/${id}`)).json().pathway;
  t.same([seen.stage, seen.orientations], ['diagnosed', []]);
  t.equal((await coordinator.get(`/v1/pathways/${id}`)).json().pathway.stage, 'orientation', 'staff see it oriented');
  await svc.projections.waitFor(await svc.store.headPosition());
  t.same((await partner.get('/v1/pathways')).json().items.map((i: { stage: string }) => i.stage), ['diagnosed'], 'the list tells the partner the same stage');
  t.same((await coordinator.get('/v1/pathways')).json().items.map((i: { stage: string }) => i.stage), ['orientation'], 'and staff theirs');
});

t.test('every event records the acting principal', async (t) => {
  const svc = await testService(t);
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis'], 3600, 'claire.coord'));
  const id = await referHousehold(c);
  await c.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic().data);
  const events = (await c.get(`/v1/pathways/${id}/events`)).json().items;
  t.equal(events.length, 2);
  for (const e of events) t.same(e.principal, { id: 'claire.coord', role: 'coordinator', organisationId: 'org-op' });
});

t.test('a referral recorded by staff belongs to the organisation it names; a referrer refers for its own', async (t) => {
  const svc = await testService(t);
  const coordinator = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const mds = caller(svc.app, await tokenFor(svc.dataDir, 'referrer', 'org-mds-calais', []));
  const op = caller(svc.app, await tokenFor(svc.dataDir, 'referrer', 'org-op', []));
  // A referral received by phone: the coordinator records it, the body names the MDS.
  const byPhone = await referHousehold(coordinator);
  t.equal((await mds.get(`/v1/pathways/${byPhone}`)).json().view, 'outcome', 'the organisation the referral names sees its outcome');
  t.equal((await op.get(`/v1/pathways/${byPhone}`)).json().code, 'auth.not_your_referral', 'not the recorder’s organisation');
  const nameless = await referHousehold(coordinator, {}, { referrer: { organisationName: 'Voisin', organisationKind: 'other', personName: 'M. Voisin' } });
  t.equal((await op.get(`/v1/pathways/${nameless}`)).json().view, 'outcome', 'a referral naming no organisation is the recorder’s');
  // A referrer naming another organisation in its body still refers for its own.
  const ownBody = await referHousehold(op);
  t.equal((await op.get(`/v1/pathways/${ownBody}`)).json().view, 'outcome');
  t.equal((await mds.get(`/v1/pathways/${ownBody}`)).json().code, 'auth.not_your_referral', 'a body cannot hand a referral to another organisation');
  await svc.projections.waitFor(await svc.store.headPosition());
  const listed = (await mds.get('/v1/pathways')).json().items.map((p: { pathwayId: string }) => p.pathwayId);
  t.same(listed, [byPhone], 'the list scopes alike');
});

t.test('a route reached through another spelling of its URL still needs a token', async (t) => {
  const svc = await testService(t);
  const ghost = '01a23c85-1fc0-7000-ab55-c15eff898988';
  const expectRefused = (res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }, what: string) => {
    t.equal(res.statusCode, 401, what);
    t.equal(res.json().code, 'auth.token_missing', what);
    t.match(res.headers['www-authenticate'], /^Bearer/, what);
  };
  // percent-encoded: the router decodes it to /v1/...; an unknown id must not answer 404 to a stranger
  for (const url of ['/%76%31/pathways', `/%76%31/pathways/${ghost}/classification`, `/%76%31/audit/pathways/${ghost}/replay`]) {
    expectRefused(await svc.app.inject({ method: 'GET', url }), url);
  }
  // nor may a stranger leave idempotency keys behind: the second body would otherwise meet the first's key
  for (const payload of ['{"a":1}', '{"a":2}']) {
    const res = await svc.app.inject({ method: 'POST', url: '/%76%31/pathways', payload, headers: { 'content-type': 'application/json', 'idempotency-key': 'anon-k1' } });
    expectRefused(res, `keyed POST ${payload}`);
  }
  // absolute-form request target, which only a real socket can send
  await svc.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = svc.app.server.address() as { port: number };
  const { connect } = await import('node:net');
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET http://127.0.0.1:${port}/v1/pathways/${ghost}/classification HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (d) => (text += d));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  t.match(raw.split('\r\n')[0], /^HTTP\/1\.1 401 /, 'absolute-form target');
  t.match(raw, /auth\.token_missing/);
});
