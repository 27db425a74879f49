// Another process (a second service on the same data folder) holding the idempotency file's
// write lock: a keyed request waits for it (a second at most) without holding the thread, then
// answers 503 idempotency.busy with nothing recorded; a completion or a release that meets the
// lock is tried again in the background, so the answer is kept and a 503 frees its key.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import { defaultSqliteFile } from '../../infra/eventstore/open.js';
import { caller, tokenFor, type Caller } from '../support/api.js';
import { commands, referHousehold } from '../support/journey.js';
import { testService } from '../support/service.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function staffOnPathway(t: Test) {
  const svc = await testService(t, { PARCOURS_STORE_BUSY_TIMEOUT_MS: '600' });
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(c);
  const keys = new Database(join(svc.dataDir, 'idempotency.sqlite'));
  t.teardown(() => keys.close());
  return { svc, c, id, keys };
}

/**
 * Sends a keyed contact and holds it at the store's lock (taken first, by another connection)
 * once it has reserved its key; then takes the key file's lock too, so the key's completion or
 * release meets it. The caller releases `events` (the store's lock) and `keys`.
 */
async function keyedBehindBothLocks(t: Test, svc: Svc, c: Caller, id: string, contact: unknown, key: string, keys: Database.Database) {
  const events = new Database(defaultSqliteFile(svc.dataDir));
  t.teardown(() => events.close());
  events.exec('BEGIN IMMEDIATE');
  const answer = c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': key });
  await sleep(100);
  keys.exec('BEGIN IMMEDIATE');
  return { answer, events };
}

type Svc = Awaited<ReturnType<typeof testService>>;

t.test('a keyed request meeting a locked key file waits a second without holding the thread, then answers 503 idempotency.busy, nothing recorded', async (t) => {
  const { svc, c, id, keys } = await staffOnPathway(t);
  const contact = commands.contact('2026-07-02').data;
  keys.exec('BEGIN IMMEDIATE');
  const started = performance.now();
  const pending = c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-busy' });
  let answered = false;
  void pending.then(() => (answered = true));
  await sleep(50);
  const read = await c.get(`/v1/pathways/${id}`);
  t.equal(read.statusCode, 200);
  t.notOk(answered, 'a read is answered while the keyed request waits for the lock');
  const unkeyed = await c.post(`/v1/pathways/${id}/support-contacts`, contact);
  t.equal(unkeyed.statusCode, 200, 'a request without a key does not need the file');
  const refused = await pending;
  const waited = performance.now() - started;
  t.equal(refused.statusCode, 503);
  t.match(refused.headers['content-type'], /^application\/problem\+json/);
  t.equal(refused.headers['retry-after'], '1');
  t.match(refused.json(), { status: 503, code: 'idempotency.busy' });
  t.ok(waited >= 900 && waited < 4000, `refused after about a second (${Math.round(waited)} ms)`);
  t.equal(await svc.store.streamRevision(`pathway-${id}`), 1, 'nothing recorded for it (the unkeyed contact only)');
  keys.exec('ROLLBACK');
  const again = await c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-busy' });
  t.equal(again.statusCode, 200, 'the same request succeeds once the lock is free');
  t.notOk(again.headers['idempotent-replayed']);
});

t.test('a completion that meets the lock is tried again in the background: the answer is kept, and replayed once the lock is free', async (t) => {
  const { svc, c, id, keys } = await staffOnPathway(t);
  const contact = commands.contact('2026-07-02').data;
  const { answer, events } = await keyedBehindBothLocks(t, svc, c, id, contact, 'k-late', keys);
  events.exec('ROLLBACK');
  const first = await answer;
  t.equal(first.statusCode, 200, 'the recorded command is answered as recorded');
  t.equal(first.json().revision, 1);
  const soon = await c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-late' });
  t.equal(soon.statusCode, 409, 'while the file is locked the key is still reserved');
  t.match(soon.json(), { code: 'idempotency.in_progress' });
  keys.exec('ROLLBACK');
  await sleep(200);
  const retry = await c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-late' });
  t.equal(retry.statusCode, 200);
  t.equal(retry.headers['idempotent-replayed'], 'true', 'the answer was kept once the lock came free');
  t.same(retry.json(), first.json());
  t.equal(await svc.store.streamRevision(`pathway-${id}`), 1, 'recorded once');
});

t.test('a release that meets the lock is tried again too: after a 503 the caller may retry at once, not after a minute', async (t) => {
  const { svc, c, id, keys } = await staffOnPathway(t);
  const contact = commands.contact('2026-07-02').data;
  const { answer, events } = await keyedBehindBothLocks(t, svc, c, id, contact, 'k-503', keys);
  const refused = await answer; // the store's lock outlasts PARCOURS_STORE_BUSY_TIMEOUT_MS
  t.equal(refused.statusCode, 503);
  t.match(refused.json(), { code: 'store.busy' });
  events.exec('ROLLBACK');
  keys.exec('ROLLBACK');
  await sleep(200);
  const retry = await c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-503' });
  t.equal(retry.statusCode, 200, 'the key was released once the lock came free');
  t.notOk(retry.headers['idempotent-replayed']);
  t.equal(await svc.store.streamRevision(`pathway-${id}`), 1);
});
