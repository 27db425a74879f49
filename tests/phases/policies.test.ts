// The phase policy catalogue: admins add versions at runtime, as events; anything else is
// refused with a stable code and field paths.
import t from 'tap';
import { POLICY_CATALOGUE_STREAM, PolicyCatalogueStore } from '../../services/phases/policy-catalogue-store.js';
import { collect } from '../contract/harness.js';
import { testService } from '../support/service.js';
import { actors } from './helpers/actors.js';
import { DEFAULT_ID, FOLLOW_UP_FROM_300, FOLLOW_UP_FROM_300_ID } from './helpers/story.js';

t.test('a fresh store lists the built-in version, which is never written', async (t) => {
  const svc = await testService(t);
  const { referrer } = await actors(svc);
  const res = await referrer.get('/v1/phase-policies');
  t.equal(res.statusCode, 200);
  t.match(res.json(), { items: [{ id: DEFAULT_ID, params: { pauseDays: 90, n1MinDays: 180 } }], inForce: DEFAULT_ID, builtIn: DEFAULT_ID });
  t.equal(await svc.store.streamRevision(POLICY_CATALOGUE_STREAM), null);
});

t.test('an admin adds a version; it is an event, listed, readable, and never replaced', async (t) => {
  const svc = await testService(t);
  const { admin } = await actors(svc);
  const created = await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300);
  t.equal(created.statusCode, 201, created.body);
  t.equal(created.headers.location, `/v1/phase-policies/${encodeURIComponent(FOLLOW_UP_FROM_300_ID)}`);
  t.same(created.json(), { ...FOLLOW_UP_FROM_300, id: FOLLOW_UP_FROM_300_ID });
  t.same((await admin.get(created.headers.location as string)).json(), created.json());
  const list = (await admin.get('/v1/phase-policies')).json();
  t.same(list.items.map((p: { id: string }) => p.id), [DEFAULT_ID, FOLLOW_UP_FROM_300_ID], 'oldest first');
  t.equal(list.inForce, DEFAULT_ID, 'a version taking effect in the future is not in force yet');

  const events = await collect(svc.store.readStream(POLICY_CATALOGUE_STREAM));
  t.equal(events.length, 1);
  t.match(events[0], { type: 'PhasePolicyVersionAdded', schemaVersion: 1, data: { policy: { id: FOLLOW_UP_FROM_300_ID } }, metadata: { principal: { role: 'admin' } } });
  const elsewhere = await new PolicyCatalogueStore(svc.store).current();
  t.ok(elsewhere.catalogue.get(FOLLOW_UP_FROM_300_ID), 'another process sharing the store loads it from the events');

  const again = await admin.post('/v1/phase-policies', { ...FOLLOW_UP_FROM_300, params: { ...FOLLOW_UP_FROM_300.params, pauseDays: 60 } });
  t.equal(again.statusCode, 409);
  t.match(again.json(), { code: 'policy.duplicate', policyId: FOLLOW_UP_FROM_300_ID });
  t.same(
    again.json().errors.map((e: { in: string; path: string; code: string }) => [e.in, e.path, e.code]),
    [['body', '/name', 'duplicate'], ['body', '/version', 'duplicate']],
    'the fields that make the id are named',
  );
  const builtIn = await admin.post('/v1/phase-policies', { ...FOLLOW_UP_FROM_300, name: 'slime-plus-2025', version: '2025.1' });
  t.equal(builtIn.json().code, 'policy.duplicate', 'the built-in version cannot be shadowed');
  t.equal((await admin.get('/v1/phase-policies/nope@1')).json().code, 'policy.not_found');

  const inForce = await admin.post('/v1/phase-policies', { ...FOLLOW_UP_FROM_300, version: '2026.0', effectiveFrom: '2024-01-01' });
  t.equal(inForce.statusCode, 201);
  t.equal((await admin.get('/v1/phase-policies')).json().inForce, 'slime-plus-2026@2026.0', 'the latest version to take effect wins');
});

t.test('only admins add versions', async (t) => {
  const svc = await testService(t);
  const { auditor, coordinator } = await actors(svc);
  for (const c of [coordinator, auditor]) {
    const res = await c.post('/v1/phase-policies', FOLLOW_UP_FROM_300);
    t.equal(res.statusCode, 403);
    t.equal(res.json().code, 'auth.role_forbidden');
  }
  t.equal(await svc.store.streamRevision(POLICY_CATALOGUE_STREAM), null, 'nothing was written');
});

t.test('invalid versions: 400 for the shape, 422 for the rules across fields, each with field paths', async (t) => {
  const svc = await testService(t);
  const { admin } = await actors(svc);
  const post = (body: unknown) => admin.post('/v1/phase-policies', body);

  const shape = await post({ ...FOLLOW_UP_FROM_300, name: 'Slime Plus', params: { ...FOLLOW_UP_FROM_300.params, pauseDays: 0, extra: true } });
  t.equal(shape.statusCode, 400);
  t.equal(shape.json().code, 'request.invalid');
  const paths = shape.json().errors.map((e: { path: string }) => e.path).sort();
  t.same(paths, ['/name', '/params/extra', '/params/pauseDays']);

  const window = await post({ ...FOLLOW_UP_FROM_300, params: { ...FOLLOW_UP_FROM_300.params, n1TargetDays: 200, n1MinDays: 300 } });
  t.equal(window.statusCode, 422);
  t.match(window.json(), { code: 'policy.invalid', errors: [{ in: 'body', path: '/params/n1TargetDays' }] });

  const dates = await post({ ...FOLLOW_UP_FROM_300, effectiveTo: '2089-12-31' });
  t.match(dates.json(), { status: 422, code: 'policy.invalid', errors: [{ path: '/effectiveTo' }] });
  const id = await post({ ...FOLLOW_UP_FROM_300, id: 'something-else@1' });
  t.match(id.json(), { status: 422, code: 'policy.invalid', errors: [{ path: '/id' }] });
  t.equal(await svc.store.streamRevision(POLICY_CATALOGUE_STREAM), null, 'nothing was written');
});

t.test("a version added with an Idempotency-Key records the key as its event's causation id", async (t) => {
  const svc = await testService(t);
  const { admin } = await actors(svc);
  const created = await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300, { 'idempotency-key': 'policy-key-1' });
  t.equal(created.statusCode, 201, created.body);
  const replayed = await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300, { 'idempotency-key': 'policy-key-1' });
  t.equal(replayed.statusCode, 201, 'the same key and body answer the same');
  t.equal(replayed.headers['idempotent-replayed'], 'true');
  const events = await collect(svc.store.readStream(POLICY_CATALOGUE_STREAM));
  t.equal(events.length, 1, 'recorded once');
  t.equal(events[0]!.metadata.causationId, 'policy-key-1');
  const plain = await admin.post('/v1/phase-policies', { ...FOLLOW_UP_FROM_300, version: '2026.9' });
  t.equal(plain.statusCode, 201);
  const all = await collect(svc.store.readStream(POLICY_CATALOGUE_STREAM));
  t.notOk('causationId' in all[1]!.metadata, 'no key, no causation id');
});
