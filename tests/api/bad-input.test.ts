import type { Test } from 'tap';
import t from 'tap';
import { caller, tokenFor } from '../support/api.js';
import { commands, referHousehold } from '../support/journey.js';
import { testService } from '../support/service.js';

t.test('bad input gets 4xx problem+json with field paths, and the store is unchanged', async (t) => {
  const svc = await testService(t, { PARCOURS_BODY_LIMIT_BYTES: '65536' });
  const token = await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']);
  const c = caller(svc.app, token);
  const id = await referHousehold(c);
  const referral = commands.refer().data as Record<string, unknown>;
  const before = await svc.store.headPosition();
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  const raw = (url: string, payload: string, headers: Record<string, string> = auth) => svc.app.inject({ method: 'POST', url, payload, headers });
  const expectProblem = (t: Test, res: Awaited<ReturnType<typeof raw>>, status: number, code: string) => {
    t.equal(res.statusCode, status, `${code}: status`);
    t.match(res.headers['content-type'], /application\/problem\+json/, `${code}: media type`);
    const body = res.json();
    t.equal(body.code, code, `${code}: code`);
    t.equal(body.status, status);
    t.type(body.detail, 'string');
    return body;
  };

  await t.test('malformed JSON', async (t) => {
    expectProblem(t, await raw('/v1/pathways', '{"programme": "slime-plus",'), 400, 'request.malformed_json');
  });
  await t.test('wrong content type', async (t) => {
    expectProblem(t, await raw('/v1/pathways', 'programme=slime-plus', { authorization: auth.authorization, 'content-type': 'application/x-www-form-urlencoded' }), 415, 'request.unsupported_media_type');
    expectProblem(t, await raw('/v1/pathways', JSON.stringify(referral), { authorization: auth.authorization, 'content-type': 'text/plain' }), 415, 'request.unsupported_media_type');
  });
  await t.test('oversized body', async (t) => {
    expectProblem(t, await raw('/v1/pathways', JSON.stringify({ ...referral, padding: 'x'.repeat(70_000) })), 413, 'request.too_large');
  });
  await t.test('wrong types', async (t) => {
    const body = expectProblem(t, await c.post('/v1/pathways', { ...referral, consent: { ...(referral.consent as object), given: 'yes' } }), 400, 'request.invalid');
    t.ok(body.errors.some((e: { path: string }) => e.path === '/consent/given'), 'the path names the field');
  });
  await t.test('unknown fields', async (t) => {
    const body = expectProblem(t, await c.post(`/v1/pathways/${id}/pauses`, { startDate: '2026-07-01', reason: 'Travaux', colour: 'blue' }), 400, 'request.invalid');
    t.same(body.errors.map((e: { path: string }) => e.path), ['/colour']);
  });
  await t.test('missing required field', async (t) => {
    const { programme: _drop, ...withoutProgramme } = referral;
    const body = expectProblem(t, await c.post('/v1/pathways', withoutProgramme), 400, 'request.invalid');
    t.ok(body.errors.some((e: { path: string }) => e.path === '/programme'));
  });
  await t.test('invalid dates', async (t) => {
    const body = expectProblem(t, await c.post('/v1/pathways', { ...referral, referredOn: '2026-02-30' }), 400, 'request.invalid');
    t.ok(body.errors.some((e: { path: string }) => e.path === '/referredOn'));
    expectProblem(t, await c.post(`/v1/pathways/${id}/pauses`, { startDate: '01/07/2026', reason: 'x' }), 400, 'request.invalid');
  });
  await t.test('future dates', async (t) => {
    const body = expectProblem(t, await c.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic('2099-01-01').data), 422, 'date.in_future');
    t.type(body.detail, 'string');
  });
  await t.test('unknown enumeration values', async (t) => {
    const body = expectProblem(t, await c.post(`/v1/pathways/${id}/orientations`, { ...commands.propose().data, category: 'teleportation' }), 400, 'request.invalid');
    t.ok(body.errors.some((e: { path: string }) => e.path === '/category'));
    expectProblem(t, await c.post('/v1/pathways', { ...referral, programme: 'slime-minus' }), 400, 'request.invalid');
  });
  await t.test('bad path and query parameters', async (t) => {
    expectProblem(t, await c.post('/v1/pathways/not a valid id!/pauses', { startDate: '2026-07-01', reason: 'x' }), 400, 'request.invalid');
    expectProblem(t, await c.get('/v1/pathways?limit=0'), 400, 'request.invalid');
    expectProblem(t, await c.get('/v1/pathways?sort=name'), 400, 'request.invalid');
    expectProblem(t, await c.get('/v1/pathways?programme=slime-minus'), 400, 'request.invalid');
    expectProblem(t, await c.get('/v1/pathways?cursor=garbage'), 400, 'request.invalid_cursor');
    expectProblem(t, await c.get(`/v1/pathways/${id}?asOf=yesterday`), 400, 'request.invalid');
    // a route that declares no query parameter takes none, rather than ignoring it and recording the command
    const dryRun = expectProblem(t, await c.post(`/v1/pathways/${id}/pauses?dryRun=true`, { startDate: '2026-07-01', reason: 'x' }), 400, 'request.invalid');
    t.match(dryRun.errors, [{ in: 'querystring' }]);
    expectProblem(t, await c.get(`/v1/pathways/${id}/timeline?colour=blue`), 400, 'request.invalid');
    expectProblem(t, await c.get('/v1/phase-policies?x=1'), 400, 'request.invalid');
  });
  await t.test('unknown pathway', async (t) => {
    expectProblem(t, await c.post('/v1/pathways/01a20000-0000-7000-8000-000000000000/pauses', { startDate: '2026-07-01', reason: 'x' }), 404, 'pathway.not_found');
    expectProblem(t, await c.get('/v1/pathways/01a20000-0000-7000-8000-000000000000'), 404, 'pathway.not_found');
  });
  await t.test('bad If-Match and Idempotency-Key headers', async (t) => {
    expectProblem(t, await c.post(`/v1/pathways/${id}/pauses`, { startDate: '2026-07-01', reason: 'x' }, { 'if-match': 'banana' }), 400, 'request.invalid_if_match');
    expectProblem(t, await c.post(`/v1/pathways/${id}/pauses`, { startDate: '2026-07-01', reason: 'x' }, { 'idempotency-key': 'white space' }), 400, 'idempotency.key_invalid');
  });

  await t.test('a body nested thousands of levels deep, with or without a key', async (t) => {
    const deep = `{"contactDate":"2026-06-10","channel":"phone","participants":["J"],"x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expectProblem(t, await raw(`/v1/pathways/${id}/support-contacts`, deep), 400, 'request.invalid');
    expectProblem(t, await raw(`/v1/pathways/${id}/support-contacts`, deep, { ...auth, 'idempotency-key': 'deep-1' }), 400, 'request.too_deep');
    expectProblem(t, await raw('/v1/pathways', deep, { ...auth, 'idempotency-key': 'deep-2' }), 400, 'request.too_deep');
  });

  t.equal(await svc.store.headPosition(), before, 'no bad request wrote an event');
});

t.test('paths the router cannot take (malformed percent-encoding, a segment too long) get problem+json with the request id', async (t) => {
  const svc = await testService(t);
  const token = await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']);
  const cases: Array<[string, number, string]> = [
    ['/v1/pathways/%ZZ', 400, 'request.malformed_url'],
    ['/v1/phase-policies/%E0%A4%A', 400, 'request.malformed_url'],
    ['/v1/audit/pathways/%ZZ/replay', 400, 'request.malformed_url'],
    [`/v1/pathways/${'a'.repeat(300)}`, 414, 'request.uri_too_long'],
  ];
  for (const [url, status, code] of cases) {
    const res = await svc.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, 'x-request-id': 'req-bad-url' } });
    t.equal(res.statusCode, status, url);
    t.match(res.headers['content-type'], /^application\/problem\+json/, `${url}: media type`);
    t.match(res.json(), { status, code, requestId: 'req-bad-url' }, url);
    t.equal(res.headers['x-request-id'], 'req-bad-url');
  }
});
