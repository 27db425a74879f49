import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { cli } from '../support/cli.js';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { verifyChain } from '../../infra/eventstore/hash-chain.js';
import { collect, event } from '../contract/harness.js';
import { tempDir } from '../support/temp-dir.js';

t.test('parcours backup copies the store consistently while writes go on', async (t) => {
  const dataDir = tempDir(t);
  const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
  for (let i = 0; i < 200; i++) await store.append(`pathway-${i % 10}`, [event('E', { i, text: 'é'.repeat(500) })]);
  let writing = true;
  const writer = (async () => {
    let i = 0;
    while (writing) await store.append(`pathway-live-${i++ % 3}`, [event('Live', { i })]);
  })();
  const target = join(tempDir(t), 'copy.sqlite');
  const res = await cli(['backup', target], dataDir);
  writing = false;
  await writer;
  t.equal(res.code, 0, res.stderr);
  t.match(res.stdout, /backup written to/);
  const copy = new SqliteEventStore(target);
  const events = await collect(copy.readAll());
  t.ok(events.length >= 200, 'the copy holds at least what was there before');
  t.ok(events.every((e, i) => e.globalPosition === i + 1), 'no gap: a consistent snapshot');
  for (const s of new Set(events.map((e) => e.streamId))) {
    const { broken } = await verifyChain(copy.readStream(s));
    t.equal(broken, null, `chain intact in ${s}`);
  }
  await copy.close();
  await store.close();
  const again = await cli(['backup', target], dataDir);
  t.equal(again.code, 2, 'refuses to overwrite');
  t.match(again.stderr, /exists/);
});

t.test('usage errors are clear', async (t) => {
  const dataDir = tempDir(t);
  const none = spawnSync(process.execPath, ['bin/parcours.js', 'frobnicate'], { encoding: 'utf8', env: { ...process.env, PARCOURS_DATA_DIR: dataDir } });
  t.equal(none.status, 2);
  t.match(none.stderr, /unknown command/);
  const missing = await cli(['backup', join(dataDir, 'x.sqlite')], dataDir);
  t.equal(missing.code, 2);
  t.match(missing.stderr, /no event store/);
  const unknown = await cli(['projections', 'rebuild', 'nope'], dataDir);
  t.equal(unknown.code, 2);
  t.match(unknown.stderr, /unknown projection nope/);
});

t.test('a mistyped data folder is refused, not given an empty store', async (t) => {
  const dataDir = join(tempDir(t), 'no-such-folder');
  const rebuilt = await cli(['projections', 'rebuild'], dataDir);
  t.equal(rebuilt.code, 2);
  t.match(rebuilt.stderr, /no event store at/);
  t.notOk(existsSync(dataDir), 'nothing created');
});

t.test('backup: a destination folder that does not exist, and extra arguments, are usage errors', async (t) => {
  const dataDir = tempDir(t);
  const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
  await store.append('pathway-a', [event('E')]);
  await store.close();
  const nowhere = await cli(['backup', join(tempDir(t), 'missing', 'copy.sqlite')], dataDir);
  t.equal(nowhere.code, 2);
  t.match(nowhere.stderr, /the folder .*missing does not exist/);
  const extra = await cli(['backup', join(tempDir(t), 'copy.sqlite'), 'extra'], dataDir);
  t.equal(extra.code, 2);
  t.match(extra.stderr, /unexpected argument: extra/);
  const done = await cli(['backup', join(tempDir(t), 'copy.sqlite')], dataDir);
  t.equal(done.code, 0, done.stderr);
  t.match(done.stderr, /backup: 100% \((\d+)\/\1 pages\)/, 'the progress ends at 100%');
});
