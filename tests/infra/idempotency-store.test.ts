import Database from 'better-sqlite3';
import t from 'tap';
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
