// Another process (a second service on the same data folder) holding the idempotency file's
// write lock: a keyed request waits at most a moment for it, then answers 503 idempotency.busy
// with nothing recorded; an answer already decided is sent even if its key cannot be completed,
// and its retry is then recognised from the store.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import { defaultSqliteFile } from '../../infra/eventstore/open.js';
import { caller, tokenFor } from '../support/api.js';
import { commands, referHousehold } from '../support/journey.js';
import { testService } from '../support/service.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function staffOnPathway(t: Test) {
  const svc = await testService(t, { PARCOURS_STORE_BUSY_TIMEOUT_MS: '2000' });
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(c);
  const keys = new Database(join(svc.dataDir, 'idempotency.sqlite'));
  t.teardown(() => keys.close());
  return { svc, c, id, keys };
}

t.test('a keyed request meeting a locked key file answers 503 idempotency.busy at once and records nothing', async (t) => {
  const { svc, c, id, keys } = await staffOnPathway(t);
  const contact = commands.contact('2026-07-02').data;
  keys.exec('BEGIN IMMEDIATE');
  const started = performance.now();
  const refused = await c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-busy' });
  const waited = performance.now() - started;
  t.equal(refused.statusCode, 503);
  t.match(refused.headers['content-type'], /^application\/problem\+json/);
  t.equal(refused.headers['retry-after'], '1');
  t.match(refused.json(), { status: 503, code: 'idempotency.busy' });
  t.ok(waited < 1500, `refused within a moment, not after SQLite's default wait (${Math.round(waited)} ms)`);
  t.equal(await svc.store.streamRevision(`pathway-${id}`), 0, 'nothing recorded');
  const unkeyed = await c.post(`/v1/pathways/${id}/support-contacts`, contact);
  t.equal(unkeyed.statusCode, 200, 'a request without a key does not need the file');
  keys.exec('ROLLBACK');
  const again = await c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-busy' });
  t.equal(again.statusCode, 200, 'the same request succeeds once the lock is free');
  t.notOk(again.headers['idempotent-replayed']);
});

t.test('a key that cannot be completed does not turn a recorded command into an error; its retry is answered from the store', async (t) => {
  const { svc, c, id, keys } = await staffOnPathway(t);
  const contact = commands.contact('2026-07-02').data;
  // The store's lock holds the command after it has reserved its key; the key file's lock is
  // then taken, so the completion meets it.
  const events = new Database(defaultSqliteFile(svc.dataDir));
  t.teardown(() => events.close());
  events.exec('BEGIN IMMEDIATE');
  const answer = c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-late' });
  await sleep(100);
  keys.exec('BEGIN IMMEDIATE');
  events.exec('ROLLBACK');
  const first = await answer;
  t.equal(first.statusCode, 200, 'the recorded command is answered as recorded');
  t.equal(first.json().revision, 1);
  keys.exec('ROLLBACK');

  const soon = await c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-late' });
  t.equal(soon.statusCode, 409, 'the key is still reserved');
  t.match(soon.json(), { code: 'idempotency.in_progress' });
  // A minute later the reservation is retaken, and the retry finds its fact in the store.
  keys.prepare("UPDATE idempotency_keys SET created_at = '2026-01-01T00:00:00.000Z' WHERE idempotency_key = 'k-late'").run();
  const retry = await c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-late' });
  t.equal(retry.statusCode, 200);
  t.equal(retry.headers['idempotent-replayed'], 'true');
  t.same(retry.json(), first.json());
  t.equal(await svc.store.streamRevision(`pathway-${id}`), 1, 'recorded once');
});
