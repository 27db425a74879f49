import t from 'tap';
import { testService } from '../support/service.js';

t.test('liveness and readiness', async (t) => {
  const { app } = await testService(t);
  const live = await app.inject({ method: 'GET', url: '/health/live' });
  t.equal(live.statusCode, 200);
  t.same(live.json(), { status: 'live' });
  // Ready once the projection worker runs (a fresh service may answer 503 for a moment).
  let ready = await app.inject({ method: 'GET', url: '/health/ready' });
  for (let i = 0; i < 200 && ready.statusCode !== 200; i++) {
    t.equal(ready.json().status, 'not_ready');
    await new Promise((r) => setTimeout(r, 50));
    ready = await app.inject({ method: 'GET', url: '/health/ready' });
  }
  t.equal(ready.statusCode, 200);
  const body = ready.json();
  t.equal(body.status, 'ready');
  t.equal(body.checks.store.status, 'up');
  t.equal(body.checks.store.backend, 'sqlite');
  t.ok(body.checks.projections.length >= 2, 'projection lag is listed');
  for (const p of body.checks.projections) {
    t.equal(p.state, 'running', `${p.name} runs`);
    t.equal(p.lag, 0, `${p.name} has no lag on an empty store`);
  }
});

t.test('readiness fails when the store is gone', async (t) => {
  const { app, store } = await testService(t);
  await store.close();
  const ready = await app.inject({ method: 'GET', url: '/health/ready' });
  t.equal(ready.statusCode, 503);
  t.equal(ready.json().checks.store.status, 'down');
});

t.test('OpenAPI 3.1 description and UI', async (t) => {
  const { app } = await testService(t);
  const doc = await app.inject({ method: 'GET', url: '/docs/json' });
  t.equal(doc.statusCode, 200);
  const spec = doc.json();
  t.equal(spec.openapi, '3.1.0');
  t.ok(spec.paths['/health/ready'], 'routes are documented');
  const ui = await app.inject({ method: 'GET', url: '/docs' });
  t.ok([200, 302].includes(ui.statusCode));
  const page = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(page.statusCode, 200);
  t.match(page.body, /swagger/i);
});

t.test('unknown routes answer problem+json with the request id', async (t) => {
  const { app } = await testService(t);
  const res = await app.inject({ method: 'GET', url: '/nowhere?x=1', headers: { 'x-request-id': 'partner-123' } });
  t.equal(res.statusCode, 404);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.equal(res.headers['x-request-id'], 'partner-123');
  t.match(res.json(), { type: '/problems/route.not_found', status: 404, code: 'route.not_found', requestId: 'partner-123' });
});

t.test('a known path with another method answers 405 with the methods it takes, and records nothing', async (t) => {
  const svc = await testService(t);
  const before = await svc.store.headPosition();
  const cases: Array<[string, string, string]> = [
    ['DELETE', '/v1/pathways/0190a1b2-0000-7000-8000-000000000001', 'GET, HEAD'],
    ['GET', '/v1/pathways/0190a1b2-0000-7000-8000-000000000001/support-contacts', 'POST'],
    ['PUT', '/v1/pathways', 'GET, HEAD, POST'],
    ['POST', '/health/live', 'GET, HEAD'],
    ['DELETE', '/%76%31/pathways', 'GET, HEAD, POST'],
  ];
  for (const [method, url, allow] of cases) {
    const res = await svc.app.inject({ method: method as 'GET', url: `${url}?x=1` });
    t.equal(res.statusCode, 405, `${method} ${url}`);
    t.equal(res.headers.allow, allow, `${method} ${url}: Allow`);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.match(res.json(), { type: '/problems/route.method_not_allowed', status: 405, code: 'route.method_not_allowed' });
  }
  const unknown = await svc.app.inject({ method: 'DELETE', url: '/v1/pathways/x/nothing-here' });
  t.equal(unknown.statusCode, 404, 'a path no route has is still 404');
  t.notOk(unknown.headers.allow);
  t.equal(await svc.store.headPosition(), before, 'nothing was written');
});
