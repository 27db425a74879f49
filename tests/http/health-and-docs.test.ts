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
