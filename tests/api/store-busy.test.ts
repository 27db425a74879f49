// Another process holding the store's write lock: reads are still answered, and a command that
// cannot get the lock within PARCOURS_STORE_BUSY_TIMEOUT_MS answers 503 store.busy with
// Retry-After, writes nothing, and succeeds when sent again once the lock is free.
import Database from 'better-sqlite3';
import t from 'tap';
import { defaultSqliteFile } from '../../infra/eventstore/open.js';
import { caller, tokenFor } from '../support/api.js';
import { commands, referHousehold } from '../support/journey.js';
import { testService } from '../support/service.js';

for (const writer of ['inline', 'thread'] as const) {
  t.test(`a store locked by another process (${writer} writer): reads answered, commands 503 store.busy, nothing written`, async (t) => {
    const svc = await testService(t, { PARCOURS_STORE_WRITER: writer, PARCOURS_STORE_BUSY_TIMEOUT_MS: '300' });
    const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
    const id = await referHousehold(c);
    const contact = commands.contact('2026-07-02').data;

    const other = new Database(defaultSqliteFile(svc.dataDir));
    t.teardown(() => other.close());
    other.exec('BEGIN IMMEDIATE');
    const command = c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'contact-1' });
    let commandAnswered = false;
    void command.then(() => (commandAnswered = true));
    // Long enough for the command to reach the store and find the lock taken.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const read = await c.get(`/v1/pathways/${id}`);
    t.equal(read.statusCode, 200);
    t.notOk(commandAnswered, 'the read is answered while the command still waits for the lock');
    const refused = await command;
    other.exec('ROLLBACK');

    t.equal(refused.statusCode, 503);
    t.match(refused.headers['content-type'], /^application\/problem\+json/);
    t.equal(refused.headers['retry-after'], '1');
    t.match(refused.json(), { status: 503, code: 'store.busy' });
    t.equal(await svc.store.streamRevision(`pathway-${id}`), 0, 'nothing was written');

    const again = await c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'contact-1' });
    t.equal(again.statusCode, 200, 'the same request, key included, succeeds once the lock is free');
    t.notOk(again.headers['idempotent-replayed'], 'the 503 was not kept as the key’s answer');
    t.equal(await svc.store.streamRevision(`pathway-${id}`), 1);
  });
}

