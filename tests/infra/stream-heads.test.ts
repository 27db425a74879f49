// The stream-head cache stays bounded however many streams a service touches, and a head it
// dropped is read again from the table, unchanged.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { StreamHeadCache } from '../../infra/eventstore/sqlite/stream-heads.js';
import { prepareStatements } from '../../infra/eventstore/sqlite/statements.js';
import { event } from '../contract/harness.js';
import { tempDir } from '../support/temp-dir.js';

t.test('at most maxStreams heads are kept; the others are read again', async (t) => {
  const file = join(tempDir(t), 'e.sqlite');
  const store = new SqliteEventStore(file, { writer: 'inline' });
  for (let i = 0; i < 10; i++) await store.append(`pathway-${i}`, Array.from({ length: i + 1 }, () => event('E')), 'no_stream');
  await store.close();

  const db = new Database(file, { readonly: true });
  t.teardown(() => db.close());
  const st = prepareStatements(db);
  const heads = new StreamHeadCache(4);
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 10; i++) {
      t.equal(heads.get(st, `pathway-${i}`)?.revision, i, `pathway-${i}, round ${round}`);
      t.ok(heads.size <= 4, `${heads.size} heads kept`);
    }
  }
  t.equal(heads.get(st, 'pathway-none'), undefined, 'no stream, no head');
});
