// The writer thread's failure is the store's: appends fail with a clear error and ping() says so
// (so /health/ready turns 503) instead of a store that reads but silently cannot write.
import { join } from 'node:path';
import t from 'tap';
import { WriterStoppedError } from '../../infra/eventstore/sqlite/batch-writers.js';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { openEventStore } from '../../infra/eventstore/open.js';
import { event } from '../contract/harness.js';
import { tempDir } from '../support/temp-dir.js';

t.test('openEventStore resolves once the writer thread is ready to commit', async (t) => {
  const store = await openEventStore({ backend: 'sqlite', file: join(tempDir(t), 'e.sqlite') });
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
