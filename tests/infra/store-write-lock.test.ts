// Another connection holding the store's write lock (another service process, a maintenance
// tool): the inline writer waits for it without blocking the thread that answers requests, keeps
// the order of the appends that queue meanwhile, and gives up with StoreBusyError after the
// busy timeout, having written nothing. The writer thread gives up with the same error.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import { StoreBusyError } from '../../infra/eventstore/errors.js';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { event } from '../contract/harness.js';
import { tempDir } from '../support/temp-dir.js';

/** A second connection that takes the write lock now and releases it when asked. */
function lockHolder(file: string) {
  const db = new Database(file);
  db.exec('BEGIN IMMEDIATE');
  return {
    release() {
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

async function types(store: SqliteEventStore, streamId: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of store.readStream(streamId)) out.push(e.type);
  return out;
}

/** A store holding one referral, with the writer and busy timeout under test. */
async function referredStore(t: Test, options: { writer: 'inline' | 'thread'; busyTimeoutMs: number }) {
  const file = join(tempDir(t), 'events.sqlite');
  const store = new SqliteEventStore(file, options);
  await store.ready();
  t.teardown(() => store.close());
  await store.append('pathway-a', [event('Referred')], 'no_stream');
  return { file, store };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

t.test('inline writer: a taken write lock is waited for while the thread goes on, and the queued appends commit in order', async (t) => {
  const { file, store } = await referredStore(t, { writer: 'inline', busyTimeoutMs: 5000 });

  const lock = lockHolder(file);
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 5);
  const settled: string[] = [];
  // One append per turn of the event loop, each expecting the revision the one before it makes:
  // each is its own batch, queued behind the first while the lock is taken, and a batch committed
  // out of order would fail its expected revision.
  const appends: ReturnType<typeof store.append>[] = [];
  for (const [expected, type] of ['First', 'Second', 'Third'].entries()) {
    appends.push(
      store.append('pathway-a', [event(type)], expected).then((r) => {
        settled.push(type);
        return r;
      }),
    );
    await sleep(30);
  }
  await sleep(100);
  t.same(settled, [], 'nothing is acknowledged while the lock is taken');
  t.ok(ticks >= 10, `timers still run while the appends wait (${ticks} ticks in 190 ms)`);
  t.same(await types(store, 'pathway-a'), ['Referred'], 'reads are answered meanwhile');

  lock.release();
  const results = await Promise.all(appends);
  clearInterval(ticker);
  t.same(results.map((r) => r.nextExpectedRevision), [1, 2, 3], 'each append got the next revision, in the order of the calls');
  t.same(settled, ['First', 'Second', 'Third']);
  t.same(await types(store, 'pathway-a'), ['Referred', 'First', 'Second', 'Third']);
  const after = await store.append('pathway-a', [event('Fourth')], 3);
  t.equal(after.nextExpectedRevision, 4, 'the writer is back on its fast path');
});

t.test('inline writer: a lock kept past the busy timeout fails the appends with StoreBusyError, nothing written', async (t) => {
  const { file, store } = await referredStore(t, { writer: 'inline', busyTimeoutMs: 200 });

  const lock = lockHolder(file);
  const started = performance.now();
  const outcomes = await Promise.allSettled([store.append('pathway-a', [event('Lost')], 0), store.append('pathway-b', [event('AlsoLost')], 'no_stream')]);
  const waited = performance.now() - started;
  lock.release();
  for (const o of outcomes) {
    t.equal(o.status, 'rejected');
    if (o.status === 'rejected') {
      t.type(o.reason, StoreBusyError);
      t.equal((o.reason as StoreBusyError).code, 'store.busy');
    }
  }
  t.ok(waited >= 190 && waited < 3000, `gave up after the busy timeout (${Math.round(waited)} ms)`);
  t.equal(await store.streamRevision('pathway-a'), 0, 'nothing was written');
  t.equal(await store.streamRevision('pathway-b'), null);
  const retried = await store.append('pathway-a', [event('Lost')], 0);
  t.equal(retried.nextExpectedRevision, 1, 'the same append succeeds once the lock is free');
});

t.test('writer thread: a lock kept past the busy timeout fails the append with StoreBusyError', async (t) => {
  const { file, store } = await referredStore(t, { writer: 'thread', busyTimeoutMs: 200 });

  const lock = lockHolder(file);
  const error = await store.append('pathway-a', [event('Lost')], 0).then(
    () => null,
    (e: unknown) => e,
  );
  lock.release();
  t.type(error, StoreBusyError, 'the error keeps its class across the thread');
  t.equal(await store.streamRevision('pathway-a'), 0, 'nothing was written');
  t.equal((await store.append('pathway-a', [event('Lost')], 0)).nextExpectedRevision, 1);
});
