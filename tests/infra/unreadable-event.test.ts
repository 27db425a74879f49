// A stored event edited outside the store so that it no longer decodes: readers get every event
// before it, then UnreadableEventError naming it (never the text it failed on, which may hold
// personal data), and a scan may go on after it.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { UnreadableEventError } from '../../infra/eventstore/errors.js';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { collect, event } from '../contract/harness.js';
import { tempDir } from '../support/temp-dir.js';

t.test('readAll and readStream stop at an unreadable event with its place; a read after it goes on', async (t) => {
  const file = join(tempDir(t), 'events.sqlite');
  const store = new SqliteEventStore(file);
  t.teardown(() => store.close());
  for (let i = 0; i < 10; i++) await store.append(`s-${i % 2}`, [event('E', { i, income: 12345 })]);
  const raw = new Database(file);
  raw.prepare(`UPDATE events SET data = '{"income": 12345, broken' WHERE position = 7`).run();
  raw.close();

  const seen: number[] = [];
  let failure: unknown;
  try {
    for await (const e of store.readAll()) seen.push(e.globalPosition);
  } catch (error) {
    failure = error;
  }
  t.same(seen, [1, 2, 3, 4, 5, 6], 'every event before it');
  t.type(failure, UnreadableEventError);
  const e = failure as UnreadableEventError;
  t.match(e, { code: 'store.event_unreadable', globalPosition: 7, streamId: 's-0', revision: 3 });
  t.notMatch(e.message, /12345|broken/, 'the stored text is not quoted');
  t.same((await collect(store.readAll({ after: 7 }))).map((x) => x.globalPosition), [8, 9, 10], 'a scan goes on after it');

  const stream: number[] = [];
  await t.rejects(
    (async () => {
      for await (const x of store.readStream('s-0')) stream.push(x.revision);
    })(),
    UnreadableEventError,
  );
  t.same(stream, [0, 1, 2], 'the stream up to it');
});
