import Database from 'better-sqlite3';
import t from 'tap';
import { moveKeysFrom } from '../../infra/idempotency/idempotency-db.js';
import { IdempotencyStore } from '../../infra/idempotency/idempotency-store.js';

t.test('reservations: new, in progress, replay, mismatch, abandoned', async (t) => {
  const db = new Database(':memory:');
  const store = new IdempotencyStore(db, 7, 50);
  t.same(store.reserve('p', 'k1', 'f1'), { kind: 'new' });
  t.same(store.reserve('p', 'k1', 'f1'), { kind: 'in_progress' }, 'a second request while the first runs');
  store.complete('p', 'k1', { statusCode: 201, headers: { etag: '"0"' }, body: '{"ok":true}' });
  t.same(store.reserve('p', 'k1', 'f1'), { kind: 'replay', response: { statusCode: 201, headers: { etag: '"0"' }, body: '{"ok":true}' } });
  t.same(store.reserve('p', 'k1', 'f2'), { kind: 'mismatch' });
  t.same(store.reserve('other', 'k1', 'f2'), { kind: 'new' }, 'keys are per caller');

  t.same(store.reserve('p', 'k2', 'f1'), { kind: 'new' });
  await new Promise((r) => setTimeout(r, 80));
  t.same(store.reserve('p', 'k2', 'f9'), { kind: 'new' }, 'a reservation cut off by a crash is taken again after a while');
  t.same(store.reserve('p', 'k2', 'f9'), { kind: 'in_progress' });
  store.release('p', 'k2');
  t.same(store.reserve('p', 'k2', 'f1'), { kind: 'new' }, 'a released key is free');
});

t.test('keys kept by an earlier version in the read-model file are moved to their own file, once', async (t) => {
  const readModels = new Database(':memory:');
  const earlier = new IdempotencyStore(readModels);
  earlier.reserve('p', 'k-old', 'f-old');
  earlier.complete('p', 'k-old', { statusCode: 200, headers: { etag: '"4"' }, body: '{"revision":4}' });
  const keys = new Database(':memory:');
  const store = new IdempotencyStore(keys);
  t.equal(moveKeysFrom(readModels, keys), 1);
  t.same(store.reserve('p', 'k-old', 'f-old'), { kind: 'replay', response: { statusCode: 200, headers: { etag: '"4"' }, body: '{"revision":4}' } }, 'a retry across the upgrade is recognised');
  t.notOk(readModels.prepare("SELECT 1 FROM sqlite_master WHERE name = 'idempotency_keys'").get(), 'the old table is gone');
  t.equal(moveKeysFrom(readModels, keys), 0, 'nothing to move the second time');
});

t.test('keys past their retention are a new request, and are forgotten a chunk at a time as requests come', async (t) => {
  const db = new Database(':memory:');
  let now = Date.parse('2026-03-01T08:00:00.000Z');
  const store = new IdempotencyStore(db, 7, 60_000, () => now);
  const count = () => (db.prepare('SELECT count(*) AS n FROM idempotency_keys').get() as { n: number }).n;
  for (let i = 0; i < 450; i++) {
    store.reserve('p', `k${i}`, 'f');
    store.complete('p', `k${i}`, { statusCode: 200, headers: {}, body: `{"i":${i}}` });
  }
  now += 6 * 86_400_000;
  t.same(store.reserve('p', 'k1', 'f'), { kind: 'replay', response: { statusCode: 200, headers: {}, body: '{"i":1}' } }, 'kept for the retention');
  t.same(store.reserve('p', 'k2', 'other'), { kind: 'mismatch' });
  t.equal(count(), 450);

  now += 2 * 86_400_000;
  t.same(store.reserve('p', 'k1', 'f'), { kind: 'new' }, 'past it, the same key and request are a new request, not the old answer');
  t.ok(count() <= 451 - 200, `one chunk forgotten on that request (${count()} left)`);
  t.same(store.reserve('p', 'k2', 'other'), { kind: 'new' }, 'and another request may take the key');
  store.reserve('p', 'fresh-1', 'f');
  store.reserve('p', 'fresh-2', 'f');
  t.equal(count(), 4, 'a full chunk asks for the next at once, until every expired key is gone');
  const before = count();
  now += 60_000;
  store.reserve('p', 'fresh-3', 'f');
  t.equal(count(), before + 1, 'then nothing more to forget for a while');

  // A key that expires between two purges (the clock set back to make one) is free all the same.
  const purgedAt = now;
  now = purgedAt - 7 * 86_400_000;
  store.reserve('p', 'between', 'f');
  store.complete('p', 'between', { statusCode: 200, headers: {}, body: '{}' });
  now = purgedAt + 1_000;
  t.same(store.reserve('p', 'between', 'f'), { kind: 'new' }, 'not purged yet, and not replayed');
});
