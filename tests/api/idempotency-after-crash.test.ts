// A partner's retry after the service stopped between the store's commit and the key's
// completion (the key left reserved, then retaken), or after a power cut lost the key's record:
// the facts' ids derive from the request (caller's rights, key, body), so the retry finds them in
// the store and is answered as first answered, instead of being recorded a second time.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import { caller, tokenFor } from '../support/api.js';
import { commands, referHousehold } from '../support/journey.js';
import { FOLLOW_UP_FROM_300 } from '../phases/helpers/story.js';
import { testService } from '../support/service.js';

type Svc = Awaited<ReturnType<typeof testService>>;

/** What a crash leaves of a key: its reservation, without the answer. */
function leaveReserved(svc: Svc, key: string): void {
  const db = new Database(join(svc.dataDir, 'idempotency.sqlite'));
  const changed = db
    // Reserved a little over a minute ago: abandoned, so retaken (not expired, which frees it otherwise).
    .prepare("UPDATE idempotency_keys SET state = 'in_progress', status_code = NULL, headers = NULL, body = NULL, created_at = ? WHERE idempotency_key = ?")
    .run(new Date(Date.now() - 61_000).toISOString(), key).changes;
  db.close();
  if (changed !== 1) throw new Error(`no record of key ${key}`);
}

/** What a power cut may leave: no record of the key at all. */
function forget(svc: Svc, key: string): void {
  const db = new Database(join(svc.dataDir, 'idempotency.sqlite'));
  db.prepare('DELETE FROM idempotency_keys WHERE idempotency_key = ?').run(key);
  db.close();
}

async function oriented(t: Test, env: Record<string, string> = {}) {
  const svc = await testService(t, env);
  const staff = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis'], 3600, 'coordinator-1'));
  const id = await referHousehold(staff);
  await staff.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic('2026-06-20').data);
  return { svc, staff, id };
}
// The store's two writers (PARCOURS_STORE_WRITER) must answer alike.
for (const writer of ['inline', 'thread'] as const)
for (const [lost, losing] of [
  ['left reserved by a crash', leaveReserved],
  ['lost in a power cut', forget],
] as const) {
  t.test(`a retried command whose key was ${lost} is answered as first answered, and records nothing (${writer} writer)`, async (t) => {
    const { svc, staff, id } = await oriented(t, { PARCOURS_STORE_WRITER: writer });
    const contact = commands.contact('2026-07-02').data;
    const first = await staff.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'contact-7', 'if-match': '"1"' });
    t.equal(first.statusCode, 200);
    losing(svc, 'contact-7');

    const retry = await staff.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'contact-7', 'if-match': '"1"' });
    t.equal(retry.statusCode, 200, 'not a 412: the If-Match is the one the first attempt moved on from');
    t.same(retry.json(), first.json(), 'the same pathway, revision, fact id and contact id');
    t.equal(retry.headers.etag, first.headers.etag);
    t.equal(retry.headers['idempotent-replayed'], 'true');
    t.equal(await svc.store.streamRevision(`pathway-${id}`), 2, 'the contact is recorded once');

    const again = await staff.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'contact-7' });
    t.same(again.json(), first.json(), 'the answer is kept under the key again');
    t.equal(again.headers['idempotent-replayed'], 'true');
  });
}

t.test('the store answers only the caller that recorded it: another caller with the same key string records its own fact', async (t) => {
  const { svc, staff, id } = await oriented(t);
  const contact = commands.contact('2026-07-02').data;
  await staff.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-1' });
  const colleague = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis'], 3600, 'coordinator-2'));
  const theirs = await colleague.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-1' });
  t.equal(theirs.statusCode, 200);
  t.notOk(theirs.headers['idempotent-replayed']);
  t.equal(theirs.json().revision, 3, 'a fact of its own');
  forget(svc, 'k-1');
  const mine = await staff.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-1' });
  t.equal(mine.json().revision, 2, 'the first caller still gets its own fact back, not its colleague’s');
  t.equal(await svc.store.streamRevision(`pathway-${id}`), 3);
});

t.test('a retried referral whose key was lost gets its 201 again, not a 409', async (t) => {
  const svc = await testService(t);
  const partner = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-caf', ['calaisis']));
  const body = { ...commands.refer({}).data, pathwayId: '01890000-0000-7000-8000-00000000abcd' };
  const first = await partner.post('/v1/pathways', body, { 'idempotency-key': 'caf-42' });
  t.equal(first.statusCode, 201);
  forget(svc, 'caf-42');
  const retry = await partner.post('/v1/pathways', body, { 'idempotency-key': 'caf-42' });
  t.equal(retry.statusCode, 201);
  t.same(retry.json(), first.json());
  t.equal(retry.headers.location, first.headers.location);
  t.equal(retry.headers['idempotent-replayed'], 'true');
  const withoutKey = await partner.post('/v1/pathways', body);
  t.equal(withoutKey.statusCode, 409, 'without the key, the same referral is still a conflict');
});

t.test('a retried referral the service named (no id, no reference) meets its first pathway instead of opening another', async (t) => {
  const svc = await testService(t);
  const partner = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-caf', ['calaisis']));
  const body = commands.refer({}).data;
  const first = await partner.post('/v1/pathways', body, { 'idempotency-key': 'caf-43' });
  t.equal(first.statusCode, 201);
  leaveReserved(svc, 'caf-43');
  const retry = await partner.post('/v1/pathways', body, { 'idempotency-key': 'caf-43' });
  t.equal(retry.statusCode, 201);
  t.equal(retry.headers.location, first.headers.location, 'the same pathway');
  t.same(retry.json(), first.json());
  t.equal(retry.headers['idempotent-replayed'], 'true');
  const referrals: string[] = [];
  for await (const e of svc.store.readAll()) if (e.type === 'HouseholdReferred') referrals.push(e.streamId);
  t.same(referrals, [`pathway-${first.json().pathwayId}`], 'one pathway in the store');
});

t.test('after a lost key, only the very same request is recognised: other rights or another body record their own fact', async (t) => {
  const { svc, id } = await oriented(t);
  const wide = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis', 'montreuillois'], 3600, 'coordinator-1'));
  const narrow = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis'], 3600, 'coordinator-1'));
  const contact = commands.contact('2026-07-02').data;
  const first = await wide.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-9' });
  t.equal(first.json().revision, 2);
  forget(svc, 'k-9');
  const sameSubject = await narrow.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'k-9' });
  t.equal(sameSubject.statusCode, 200);
  t.notOk(sameSubject.headers['idempotent-replayed'], 'the same subject with other territories is another caller');
  t.equal(sameSubject.json().revision, 3);
  forget(svc, 'k-9');
  const otherBody = await wide.post(`/v1/pathways/${id}/support-contacts`, commands.contact('2026-07-03').data, { 'idempotency-key': 'k-9' });
  t.notOk(otherBody.headers['idempotent-replayed'], 'another body with the lost key is a new command');
  t.equal(otherBody.json().revision, 4);
  t.equal(await svc.store.streamRevision(`pathway-${id}`), 4);
});

t.test('a retried policy version whose key was lost gets its 201 again, not a 409 duplicate', async (t) => {
  const svc = await testService(t);
  const admin = caller(svc.app, await tokenFor(svc.dataDir, 'admin', 'org-dept', ['*']));
  const first = await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300, { 'idempotency-key': 'policy-1' });
  t.equal(first.statusCode, 201);
  forget(svc, 'policy-1');
  const retry = await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300, { 'idempotency-key': 'policy-1' });
  t.equal(retry.statusCode, 201);
  t.same(retry.json(), first.json());
  t.equal(retry.headers['idempotent-replayed'], 'true');
  const again = await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300, { 'idempotency-key': 'policy-1' });
  t.equal(again.statusCode, 201, 'kept under the key again');
  const withoutKey = await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300);
  t.equal(withoutKey.statusCode, 409, 'without the key, the same version is still a duplicate');
});
