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
