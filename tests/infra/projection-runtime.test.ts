import { join } from 'node:path';
import t from 'tap';
import type Database from 'better-sqlite3';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import type { Projection } from '../../infra/projections/projection.js';
import { openReadModelDb } from '../../infra/projections/read-model-db.js';
import { rebuildProjection, type RebuildProgress } from '../../infra/projections/rebuild.js';
import { ProjectionRuntime } from '../../infra/projections/runtime.js';
import { collect, event } from '../contract/harness.js';
import { applyBatch } from '../../infra/projections/checkpoints.js';
import { tempDir } from '../support/temp-dir.js';

/** Counts events per stream: any double or missed application shows in the totals. */
function counter(version = 1, failOn?: string): Projection {
  return {
    name: 'counter',
    version,
    setup: (db: Database.Database) => db.exec('CREATE TABLE IF NOT EXISTS counts (stream_id TEXT PRIMARY KEY, n INTEGER NOT NULL)'),
    reset: (db: Database.Database) => db.exec('DROP TABLE IF EXISTS counts'),
    apply(db, e) {
      if (failOn && e.type === failOn) throw new Error('handler failure');
      db.prepare('INSERT INTO counts (stream_id, n) VALUES (?, 1) ON CONFLICT (stream_id) DO UPDATE SET n = n + 1').run(e.streamId);
    },
  };
}

function total(db: Database.Database): number {
  return (db.prepare('SELECT coalesce(sum(n), 0) AS n FROM counts').get() as { n: number }).n;
}

t.test('applies every event exactly once, live and across a restart', async (t) => {
  const dir = tempDir(t);
  let store = new SqliteEventStore(join(dir, 'e.sqlite'), { pollIntervalMs: 5 });
  let db = openReadModelDb(join(dir, 'rm.sqlite'));
  let runtime = new ProjectionRuntime(store, db, [counter()]);
  runtime.start();
  await Promise.all(Array.from({ length: 300 }, (_, i) => store.append(`pathway-${i % 7}`, [event('E', { i })])));
  t.ok(await runtime.waitFor(await store.headPosition()), 'caught up');
  t.equal(total(db), 300);
  await runtime.stop();
  await store.close();
  db.close();

  store = new SqliteEventStore(join(dir, 'e.sqlite'), { pollIntervalMs: 5 });
  db = openReadModelDb(join(dir, 'rm.sqlite'));
  for (let i = 0; i < 50; i++) await store.append('pathway-late', [event('E')]);
  runtime = new ProjectionRuntime(store, db, [counter()]);
  runtime.start();
  t.ok(await runtime.waitFor(await store.headPosition()));
  t.equal(total(db), 350, 'resumed from the checkpoint: nothing applied twice');
  t.equal(runtime.status()[0]!.checkpoint, 350);
  await runtime.stop();
  await store.close();
  db.close();
});

t.test('a new projection version rebuilds from zero', async (t) => {
  const dir = tempDir(t);
  const store = new SqliteEventStore(join(dir, 'e.sqlite'), { pollIntervalMs: 5 });
  const db = openReadModelDb(join(dir, 'rm.sqlite'));
  for (let i = 0; i < 20; i++) await store.append('pathway-a', [event('E')]);
  const v1 = new ProjectionRuntime(store, db, [counter(1)]);
  v1.start();
  await v1.waitFor(20);
  await v1.stop();
  db.prepare("UPDATE counts SET n = 999 WHERE stream_id = 'pathway-a'").run();
  const v2 = new ProjectionRuntime(store, db, [counter(2)]);
  v2.start();
  t.ok(await v2.waitFor(20));
  t.equal(total(db), 20, 'tables were rebuilt');
  await v2.stop();
  await store.close();
  db.close();
});

t.test('a failing handler leaves the read model and checkpoint untouched and reports failure', async (t) => {
  const dir = tempDir(t);
  const store = new SqliteEventStore(join(dir, 'e.sqlite'), { pollIntervalMs: 5 });
  const db = openReadModelDb(join(dir, 'rm.sqlite'));
  await store.append('pathway-a', [event('Good')]);
  const runtime = new ProjectionRuntime(store, db, [counter(1, 'Bad')]);
  runtime.start();
  t.ok(await runtime.waitFor(1));
  await store.append('pathway-a', [event('Bad'), event('Good')]);
  t.notOk(await runtime.waitFor(3, 1000), 'never reaches the bad event');
  const status = runtime.status()[0]!;
  t.equal(status.state, 'failed');
  t.equal(status.checkpoint, 1);
  t.equal(total(db), 1, 'the batch with the failure was rolled back whole');
  await runtime.stop();
  await store.close();
  db.close();
});

t.test('state changes are announced as they happen: running on start, failed on a failing handler', async (t) => {
  const dir = tempDir(t);
  const store = new SqliteEventStore(join(dir, 'e.sqlite'), { pollIntervalMs: 5 });
  const db = openReadModelDb(join(dir, 'rm.sqlite'));
  const runtime = new ProjectionRuntime(store, db, [counter(1, 'Bad')]);
  const seen: string[] = [];
  runtime.onStateChange(() => seen.push(runtime.status()[0]!.state));
  runtime.start();
  t.same(seen, ['running'], 'running, announced once');
  await store.append('pathway-a', [event('Good')]);
  t.ok(await runtime.waitFor(1));
  t.same(seen, ['running'], 'a moving checkpoint is not a state change');
  const failed = new Promise<void>((resolve) => runtime.onStateChange(resolve));
  await store.append('pathway-a', [event('Bad')]);
  await failed;
  t.same(seen, ['running', 'failed'], 'then failed, when the handler throws');
  await runtime.stop();
  await store.close();
  db.close();
});

t.test('rebuild reports progress and equals the live result; a running runtime notices it', async (t) => {
  const dir = tempDir(t);
  const store = new SqliteEventStore(join(dir, 'e.sqlite'), { pollIntervalMs: 5 });
  const db = openReadModelDb(join(dir, 'rm.sqlite'));
  for (let i = 0; i < 50; i++) await store.append(`pathway-${i % 5}`, Array.from({ length: 100 }, () => event('E')));
  const runtime = new ProjectionRuntime(store, db, [counter()]);
  runtime.start();
  t.ok(await runtime.waitFor(5000));
  const live = db.prepare('SELECT * FROM counts ORDER BY stream_id').all();
  const reports: RebuildProgress[] = [];
  const otherDb = openReadModelDb(join(dir, 'rm.sqlite'));
  const final = await rebuildProjection(store, otherDb, counter(), (p) => reports.push(p), 1000);
  t.equal(final.done, 5000);
  t.ok(reports.length >= 5, 'progress reported page by page');
  t.ok(reports.every((r) => r.total === 5000 && r.eventsPerSecond >= 0));
  t.same(db.prepare('SELECT * FROM counts ORDER BY stream_id').all(), live, 'rebuilt model equals the live one');
  await store.append('pathway-0', [event('E')]);
  t.ok(await runtime.waitFor(5001), 'the running runtime resumed from the rebuilt checkpoint');
  t.equal(total(db), 5001);
  await runtime.stop();
  otherDb.close();
  await store.close();
  db.close();
});

t.test('a rebuild that a running service overtakes stops where it was and leaves it the rest; every event counts once', async (t) => {
  const dir = tempDir(t);
  const store = new SqliteEventStore(join(dir, 'e.sqlite'), { pollIntervalMs: 5 });
  const db = openReadModelDb(join(dir, 'rm.sqlite'));
  for (let i = 0; i < 50; i++) await store.append(`pathway-${i % 5}`, Array.from({ length: 100 }, () => event('E')));
  const afterFirstPage = (await collect(store.readAll({ after: 1000 }))).slice(0, 500);
  // The service's runtime, on its own connection: it resumes from the reset checkpoint and
  // commits a batch while the rebuild reads its second page.
  const serviceDb = openReadModelDb(join(dir, 'rm.sqlite'));
  let overtaken = false;
  const final = await rebuildProjection(store, db, counter(), (p) => {
    if (overtaken || p.done !== 1000) return;
    overtaken = true;
    applyBatch(serviceDb, counter(), 1000, afterFirstPage);
  }, 1000);
  t.equal(final.takenOverAt, 1000, 'the rebuild stopped at the page it had reached');
  t.equal(final.done, 1000);
  const runtime = new ProjectionRuntime(store, serviceDb, [counter()]);
  runtime.start();
  t.ok(await runtime.waitFor(5000), 'the service finishes it');
  t.equal(total(db), 5000, 'each event applied exactly once between the two');
  await runtime.stop();
  serviceDb.close();
  await store.close();
  db.close();
});

t.test('a projection may bound its batches: each flush sees at most maxBatch events', async (t) => {
  const dir = tempDir(t);
  const store = new SqliteEventStore(join(dir, 'e.sqlite'), { pollIntervalMs: 5 });
  const db = openReadModelDb(join(dir, 'rm.sqlite'));
  for (let i = 0; i < 40; i++) await store.append('pathway-b', [event('E', { i })]);
  const batches: number[] = [];
  let inBatch = 0;
  const bounded: Projection = {
    ...counter(),
    maxBatch: 7,
    apply(db2, e) {
      inBatch++;
      counter().apply(db2, e);
    },
    flush() {
      batches.push(inBatch);
      inBatch = 0;
    },
  };
  const runtime = new ProjectionRuntime(store, db, [bounded]);
  runtime.start();
  t.ok(await runtime.waitFor(await store.headPosition()));
  t.equal(total(db), 40, 'every event applied');
  t.ok(batches.length >= 6 && batches.every((n) => n <= 7), `batches of at most 7 events (${batches.join(', ')})`);
  await runtime.stop();
  await store.close();
  db.close();
});

t.test('a long catch-up leaves the event loop turns: timers fire while a projection works through the backlog', async (t) => {
  const dir = tempDir(t);
  const store = new SqliteEventStore(join(dir, 'e.sqlite'), { pollIntervalMs: 5 });
  const db = openReadModelDb(join(dir, 'rm.sqlite'));
  await Promise.all(Array.from({ length: 200 }, (_, i) => store.append(`pathway-${i}`, Array.from({ length: 100 }, () => event('E')))));
  // About 40 µs of work per event: 20,000 events are most of a second of catch-up.
  const slow: Projection = {
    ...counter(),
    apply(db2, e) {
      const until = performance.now() + 0.04;
      while (performance.now() < until);
      counter().apply(db2, e);
    },
  };
  let worstGap = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    worstGap = Math.max(worstGap, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const runtime = new ProjectionRuntime(store, db, [slow]);
  runtime.start();
  t.ok(await runtime.waitFor(20_000, 60_000), 'caught up');
  const took = performance.now() - started;
  clearInterval(ticker);
  t.equal(total(db), 20_000);
  t.ok(took > 500, `the catch-up takes long enough to tell (${Math.round(took)} ms)`);
  t.ok(worstGap < took / 2, `the longest the event loop was held: ${Math.round(worstGap)} ms of ${Math.round(took)} ms`);
  await runtime.stop();
  await store.close();
  db.close();
});
