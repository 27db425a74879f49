import Database from 'better-sqlite3';
import t from 'tap';
import { RowCache } from '../../infra/projections/row-cache.js';

t.test('an entry serves only the event right after its revision, on its own connection', async (t) => {
  const a = new Database(':memory:');
  const b = new Database(':memory:');
  t.teardown(() => (a.close(), b.close()));
  const cache = new RowCache<{ revision: number; v: string }>(10);
  cache.set(a, 'p1', { revision: 4, v: 'after 4' });
  t.same(cache.before(a, 'p1', 5), { revision: 4, v: 'after 4' }, 'the next event gets it');
  t.equal(cache.before(a, 'p1', 4), undefined, 'not the event it already folded');
  t.equal(cache.before(a, 'p1', 7), undefined, 'nor a later one: events in between were folded elsewhere');
  t.equal(cache.before(a, 'p1', 0), undefined, 'nor a stream starting over (a rebuild)');
  t.equal(cache.before(b, 'p1', 5), undefined, 'another connection keeps its own');
  cache.clear(a);
  t.equal(cache.before(a, 'p1', 5), undefined, 'cleared with its tables');
});

t.test('bounded: the entry used longest ago goes first', async (t) => {
  const db = new Database(':memory:');
  t.teardown(() => db.close());
  const cache = new RowCache<{ revision: number }>(2);
  cache.set(db, 'p1', { revision: 0 });
  cache.set(db, 'p2', { revision: 0 });
  cache.set(db, 'p1', { revision: 1 }); // p1 used again: p2 is now the oldest
  cache.set(db, 'p3', { revision: 0 });
  t.ok(cache.before(db, 'p1', 2), 'the entry used last stays');
  t.ok(cache.before(db, 'p3', 1), 'the new one is kept');
  t.equal(cache.before(db, 'p2', 1), undefined, 'the oldest went');
});
