import Database from 'better-sqlite3';
import t from 'tap';
import { moveKeysFrom } from '../../infra/idempotency/idempotency-db.js';
import { IdempotencyStore } from '../../infra/idempotency/idempotency-store.js';

const NEW = { kind: 'new', reservedAt: String };

t.test('reservations: new, in progress, replay, mismatch, abandoned', async (t) => {
  const db = new Database(':memory:');
  const store = new IdempotencyStore(db, 7, 50);
  const first = store.reserve('p', 'k1', 'f1');
  t.match(first, NEW);
  t.same(store.reserve('p', 'k1', 'f1'), { kind: 'in_progress' }, 'a second request while the first runs');
  store.complete('p', 'k1', reservedAt(first), { statusCode: 201, headers: { etag: '"0"' }, body: '{"ok":true}' });
  t.same(store.reserve('p', 'k1', 'f1'), { kind: 'replay', response: { statusCode: 201, headers: { etag: '"0"' }, body: '{"ok":true}' } });
  t.same(store.reserve('p', 'k1', 'f2'), { kind: 'mismatch' });
  t.match(store.reserve('other', 'k1', 'f2'), NEW, 'keys are per caller');

  const cutOff = store.reserve('p', 'k2', 'f1');
  await new Promise((r) => setTimeout(r, 80));
  const retaken = store.reserve('p', 'k2', 'f9');
  t.match(retaken, NEW, 'a reservation cut off by a crash is taken again after a while');
  t.same(store.reserve('p', 'k2', 'f9'), { kind: 'in_progress' });
  store.release('p', 'k2', reservedAt(cutOff));
  store.complete('p', 'k2', reservedAt(cutOff), { statusCode: 200, headers: {}, body: 'late' });
  t.same(store.reserve('p', 'k2', 'f9'), { kind: 'in_progress' }, 'the first holder, finishing late, neither releases nor completes the retaken key');
  store.release('p', 'k2', reservedAt(retaken));
  t.match(store.reserve('p', 'k2', 'f1'), NEW, 'a key released by its holder is free');
});

function reservedAt(r: ReturnType<IdempotencyStore['reserve']>): string {
  if (r.kind !== 'new') throw new Error(`not reserved: ${r.kind}`);
  return r.reservedAt;
}

t.test('keys kept by an earlier version in the read-model file are moved to their own file, once', async (t) => {
  const readModels = new Database(':memory:');
  const earlier = new IdempotencyStore(readModels);
  earlier.complete('p', 'k-old', reservedAt(earlier.reserve('p', 'k-old', 'f-old')), { statusCode: 200, headers: { etag: '"4"' }, body: '{"revision":4}' });
  const keys = new Database(':memory:');
  const store = new IdempotencyStore(keys);
  t.equal(moveKeysFrom(readModels, keys), 1);
  t.same(store.reserve('p', 'k-old', 'f-old'), { kind: 'replay', response: { statusCode: 200, headers: { etag: '"4"' }, body: '{"revision":4}' } }, 'a retry across the upgrade is recognised');
  t.notOk(readModels.prepare("SELECT 1 FROM sqlite_master WHERE name = 'idempotency_keys'").get(), 'the old table is gone');
  t.equal(moveKeysFrom(readModels, keys), 0, 'nothing to move the second time');
});

t.test('keys past their retention are a new request, and are purged a chunk per turn of the event loop', async (t) => {
  const db = new Database(':memory:');
  let now = Date.parse('2026-03-01T08:00:00.000Z');
  const store = new IdempotencyStore(db, 7, 60_000, () => now);
  t.teardown(() => store.close());
  const count = () => (db.prepare('SELECT count(*) AS n FROM idempotency_keys').get() as { n: number }).n;
  for (let i = 0; i < 120; i++) store.complete('p', `k${i}`, reservedAt(store.reserve('p', `k${i}`, 'f')), { statusCode: 200, headers: {}, body: `{"i":${i}}` });
  now += 6 * 86_400_000;
  store.complete('p', 'fresh', reservedAt(store.reserve('p', 'fresh', 'f')), { statusCode: 200, headers: {}, body: '{}' });
  t.same(store.reserve('p', 'k1', 'f'), { kind: 'replay', response: { statusCode: 200, headers: {}, body: '{"i":1}' } }, 'kept for the retention');
  t.equal(await store.purgeExpired(), 0, 'nothing to purge yet');

  now += 2 * 86_400_000;
  t.match(store.reserve('p', 'k1', 'f'), NEW, 'past it, the same key and request are a new request, not the old answer (before any purge)');
  t.match(store.reserve('p', 'k2', 'other'), NEW, 'and another request may take the key');
  t.equal(count(), 121);
  let turns = 0;
  let ticking = true;
  const tick = () => {
    turns++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const removed = await store.purgeExpired();
  ticking = false;
  t.equal(removed, 118, 'every expired key purged (k1 and k2 were taken again)');
  t.same(
    (db.prepare('SELECT idempotency_key AS k FROM idempotency_keys ORDER BY k').all() as Array<{ k: string }>).map((r) => r.k),
    ['fresh', 'k1', 'k2'],
  );
  t.ok(turns >= 3, `the event loop ran between the three chunks of 50 (${turns} turns during the purge)`);
});

t.test('a failed purge is reported, not left as an unhandled rejection', async (t) => {
  const db = new Database(':memory:');
  let broken = false;
  const store = new IdempotencyStore(db, 7, 60_000, () => {
    if (broken) throw new Error('clock unavailable');
    return Date.now();
  });
  t.teardown(() => store.close());
  broken = true;
  const reported = await new Promise<unknown>((resolve) => store.schedulePurges(resolve));
  t.match(reported, { message: 'clock unavailable' });
});
