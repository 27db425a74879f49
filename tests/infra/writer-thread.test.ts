// The writer thread's failure is the store's: appends fail with a clear error and ping() says so
// (so /health/ready turns 503) instead of a store that reads but silently cannot write.
// And how soon each writer, thread or inline, sees another process's commits.
import { join } from 'node:path';
import t from 'tap';
import { WrongExpectedRevisionError } from '../../infra/eventstore/errors.js';
import { WriterStoppedError } from '../../infra/eventstore/sqlite/batch-writers.js';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { openEventStore } from '../../infra/eventstore/open.js';
import { event } from '../contract/harness.js';
import { tempDir } from '../support/temp-dir.js';

t.test('openEventStore resolves once the writer thread is ready to commit', async (t) => {
  const store = await openEventStore({ backend: 'sqlite', file: join(tempDir(t), 'e.sqlite'), writer: 'thread' });
  const started = Date.now();
  await store.append('pathway-a', [event('A')], 'no_stream');
  t.ok(Date.now() - started < 1000, 'the first append does not wait for the thread to start');
  await store.ping();
  await store.close();
});

t.test('a writer thread that dies: appends and ping fail with WriterStoppedError, reads go on', async (t) => {
  const store = new SqliteEventStore(join(tempDir(t), 'e.sqlite'), { writer: 'thread' });
  await store.ready();
  await store.append('pathway-a', [event('A')], 'no_stream');
  // Fault injection: the thread is ended from outside, as a crash would.
  await (store as unknown as { writer: { worker: { terminate(): Promise<number> } } }).writer.worker.terminate();
  await t.rejects(store.append('pathway-a', [event('B')], 0), WriterStoppedError);
  await t.rejects(store.ping(), WriterStoppedError, 'readiness reports it');
  t.equal(await store.streamRevision('pathway-a'), 0, 'what was committed is still read');
  await store.close();
});

/** How long until `holds` is true, polled every millisecond (Infinity after timeoutMs). */
async function msUntil(holds: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<number> {
  const started = Date.now();
  while (!(await holds())) {
    if (Date.now() - started > timeoutMs) return Infinity;
    await new Promise((r) => setTimeout(r, 1));
  }
  return Date.now() - started;
}

const seenWithin = (store: SqliteEventStore, streamId: string, revision: number) => msUntil(async () => (await store.streamRevision(streamId)) === revision);

t.test("another process's write shows in stream revisions quickly while the store is busy, and within 25 ms or so when it is idle", async (t) => {
  const file = join(tempDir(t), 'e.sqlite');
  const store = new SqliteEventStore(file, { writer: 'thread' });
  await store.ready();
  const other = new SqliteEventStore(file, { writer: 'inline' });
  t.teardown(() => other.close());
  await store.append('pathway-a', [event('A')], 'no_stream');
  t.equal(await store.streamRevision('pathway-a'), 0);

  // Just after this store's own commit: the thread looks every 2 ms.
  await other.append('pathway-a', [event('B')], 0);
  const busy = await seenWithin(store, 'pathway-a', 1);
  t.ok(busy < 50, `seen after ${busy} ms while busy`);

  // Idle for over a second: the thread looks every 25 ms.
  await new Promise((r) => setTimeout(r, 1300));
  await other.append('pathway-a', [event('C')], 1);
  const idle = await seenWithin(store, 'pathway-a', 2);
  t.ok(idle < 250, `seen after ${idle} ms while idle (polled every 25 ms; generous bound for a loaded machine)`);
  await store.close();
});

t.test("the inline writer: another process's write shows in stream revisions at once, or within foreignWritesCheckMs when set", async (t) => {
  const file = join(tempDir(t), 'e.sqlite');
  const eager = new SqliteEventStore(file, { writer: 'inline' });
  const lazy = new SqliteEventStore(file, { writer: 'inline', foreignWritesCheckMs: 2000 });
  const other = new SqliteEventStore(file, { writer: 'inline' });
  t.teardown(async () => {
    await Promise.all([eager.close(), lazy.close(), other.close()]);
  });
  await other.append('pathway-a', [event('A')], 'no_stream');
  t.equal(await eager.streamRevision('pathway-a'), 0);
  t.equal(await lazy.streamRevision('pathway-a'), 0);

  await other.append('pathway-a', [event('B')], 0);
  t.equal(await eager.streamRevision('pathway-a'), 1, 'checked at every call by default');
  t.equal(await lazy.streamRevision('pathway-a'), 0, 'trusted for up to 2 s after its last look');
  const seen = await msUntil(async () => (await lazy.streamRevision('pathway-a')) === 1, 5000);
  t.ok(seen < 5000, `seen after ${seen} ms`);

  await other.append('pathway-a', [event('C')], 1);
  t.equal(await lazy.streamRevision('pathway-a'), 1, 'stale again, having just looked');
  // A command decided on that stale state cannot append: the commit looks again, under the lock.
  await t.rejects(lazy.append('pathway-a', [event('stale')], 1), WrongExpectedRevisionError);
  t.equal(await lazy.streamRevision('pathway-a'), 2, 'and the commit refreshed what it knows');
});

t.test("live subscriptions see another process's commits, busy or idle, with one poll for all of them", async (t) => {
  const file = join(tempDir(t), 'e.sqlite');
  const reader = new SqliteEventStore(file, { writer: 'inline', pollIntervalMs: 5, idlePollIntervalMs: 40 });
  const other = new SqliteEventStore(file, { writer: 'inline' });
  await other.append('pathway-a', [event('A')], 'no_stream');
  const seen: string[][] = [[], [], []];
  const subs = seen.map((into) => {
    const sub = reader.subscribe();
    void (async () => {
      for await (const e of sub) into.push(e.type);
    })();
    return sub;
  });
  const allSeen = (n: number) => msUntil(() => seen.every((s) => s.length >= n));
  t.ok((await allSeen(1)) < 1000, 'the catch-up');
  await other.append('pathway-a', [event('B')], 0);
  const busy = await allSeen(2);
  t.ok(busy < 200, `every subscription saw it after ${busy} ms, busy`);
  await new Promise((r) => setTimeout(r, 1300));
  await other.append('pathway-a', [event('C')], 1);
  const idle = await allSeen(3);
  t.ok(idle < 400, `every subscription saw it after ${idle} ms, idle (polled every 40 ms)`);
  t.same(seen, [['A', 'B', 'C'], ['A', 'B', 'C'], ['A', 'B', 'C']]);
  for (const sub of subs) await sub.close();
  await other.close();
  await reader.close();
});
