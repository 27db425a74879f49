import { join } from 'node:path';
import t from 'tap';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { caller, tokenFor } from '../support/api.js';
import { commands, referHousehold } from '../support/journey.js';
import { testService } from '../support/service.js';

// The store's two writers (PARCOURS_STORE_WRITER) must answer alike.
const WRITERS = ['inline', 'thread'] as const;

for (const writer of WRITERS) t.test(`ETag and If-Match (${writer} writer): a stale revision gets 412 and writes nothing`, async (t) => {
  const svc = await testService(t, { PARCOURS_STORE_WRITER: writer });
  t.equal((svc.store as SqliteEventStore).writerKind, writer, 'the configured writer commits');
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(c);
  const read = await c.get(`/v1/pathways/${id}`);
  t.equal(read.headers.etag, '"0"');
  const first = await c.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic('2026-06-20').data, { 'if-match': read.headers.etag as string });
  t.equal(first.statusCode, 200);
  t.equal(first.headers.etag, '"1"');
  const stale = await c.post(`/v1/pathways/${id}/orientations`, commands.propose('2026-06-25').data, { 'if-match': '"0"' });
  t.equal(stale.statusCode, 412);
  t.match(stale.json(), { code: 'pathway.revision_mismatch', expectedRevision: 0, actualRevision: 1 });
  t.equal(await svc.store.streamRevision(`pathway-${id}`), 1, 'nothing appended');
  const fresh = await c.post(`/v1/pathways/${id}/orientations`, commands.propose('2026-06-25').data, { 'if-match': '"1"' });
  t.equal(fresh.statusCode, 200);
});

t.test('If-Match follows RFC 9110: *, lists, strong comparison only; a referral has no revision to match', async (t) => {
  const svc = await testService(t);
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(c);
  const contact = (day: number) => commands.contact(`2026-07-${String(day).padStart(2, '0')}`).data;
  const post = (day: number, ifMatch: string) => c.post(`/v1/pathways/${id}/support-contacts`, contact(day), { 'if-match': ifMatch });
  t.equal((await post(1, '*')).statusCode, 200, '* matches the pathway at any revision');
  t.equal((await post(2, '"0", "1"')).statusCode, 200, 'a list matches if it names the current revision');
  const before = await svc.store.streamRevision(`pathway-${id}`);
  const unmatched: Array<[string, string]> = [['W/"2"', 'a weak tag never matches'], ['"002"', 'tags compare octet by octet'], ['"abc"', 'a tag this API never gave'], ['"0", "1"', 'a list without the current revision']];
  for (const [tag, why] of unmatched) {
    const res = await post(3, tag);
    t.equal(res.statusCode, 412, why);
    t.equal(res.json().code, 'pathway.revision_mismatch', why);
  }
  for (const tag of ['2', '"2', 'W/2', '"2",, x']) t.equal((await post(3, tag)).json().code, 'request.invalid_if_match', `malformed: ${tag}`);
  t.equal(await svc.store.streamRevision(`pathway-${id}`), before, 'no refused request wrote anything');
  t.equal((await post(3, '"2"')).statusCode, 200);

  const referral = commands.refer().data;
  const tagged = await c.post('/v1/pathways', referral, { 'if-match': '"5"' });
  t.equal(tagged.statusCode, 412, 'no tag matches a pathway not created yet');
  t.equal(tagged.json().code, 'pathway.revision_mismatch');
  t.equal((await c.post('/v1/pathways', referral, { 'if-match': '*' })).statusCode, 201);
  // ...but access and an existing pathway answer first, as for any command
  const elsewhere = caller(svc.app, await tokenFor(svc.dataDir, 'visit_officer', 'org-op', ['artois']));
  t.equal((await elsewhere.post('/v1/pathways', referral, { 'if-match': '"0"' })).json().code, 'auth.out_of_territory');
  t.equal((await c.post('/v1/pathways', { ...referral, pathwayId: id }, { 'if-match': '"0"' })).json().code, 'pathway.already_exists');
  // list syntax: empty elements are allowed, a comma may stand inside a quoted tag
  t.equal((await post(4, '"3", , "4",')).statusCode, 200);
  t.equal((await post(5, '"a,b", "4"')).statusCode, 200);
});

t.test('concurrent commands with the same If-Match: exactly one wins', async (t) => {
  const svc = await testService(t);
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(c);
  await c.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic('2026-06-20').data);
  await c.post(`/v1/pathways/${id}/orientations`, commands.propose('2026-06-25').data);
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, i) => c.post(`/v1/pathways/${id}/support-contacts`, commands.contact(`2026-07-${String(i + 1).padStart(2, '0')}`).data, { 'if-match': '"2"' })),
  );
  const statuses = results.map((r) => r.statusCode).sort();
  t.same(statuses, [200, 412, 412, 412, 412, 412, 412, 412]);
  t.equal(await svc.store.streamRevision(`pathway-${id}`), 3);
});

t.test('without If-Match, concurrent commands are all applied in some order', async (t) => {
  const svc = await testService(t);
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(c);
  await c.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic('2026-06-20').data);
  await c.post(`/v1/pathways/${id}/orientations`, commands.propose('2026-06-25').data);
  const results = await Promise.all(Array.from({ length: 6 }, (_, i) => c.post(`/v1/pathways/${id}/support-contacts`, commands.contact(`2026-07-0${i + 1}`).data)));
  t.ok(results.every((r) => r.statusCode === 200), results.map((r) => r.statusCode).join(','));
  t.equal(await svc.store.streamRevision(`pathway-${id}`), 8);
});

t.test('Idempotency-Key: same key and body replay the response; another body is 422', async (t) => {
  const svc = await testService(t);
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-caf', []));
  const body = commands.refer().data;
  const first = await c.post('/v1/pathways', body, { 'idempotency-key': 'caf-2026-0001' });
  t.equal(first.statusCode, 201);
  const again = await c.post('/v1/pathways', body, { 'idempotency-key': 'caf-2026-0001' });
  t.equal(again.statusCode, 201);
  t.equal(again.body, first.body, 'the same response');
  t.equal(again.headers.location, first.headers.location);
  t.equal(again.headers['idempotent-replayed'], 'true');
  const other = await c.post('/v1/pathways', { ...body, referredOn: '2026-06-03' }, { 'idempotency-key': 'caf-2026-0001' });
  t.equal(other.statusCode, 422);
  t.equal(other.json().code, 'idempotency.key_reused');
  t.equal(await svc.store.headPosition(), 1, 'one pathway, one event');
  const someoneElse = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-msa', [], 3600, 'msa-system'));
  t.equal((await someoneElse.post('/v1/pathways', body, { 'idempotency-key': 'caf-2026-0001' })).statusCode, 201, 'keys are scoped to the caller');
  const rejectedFirst = await c.post('/v1/pathways', { ...body, programme: 'nope' }, { 'idempotency-key': 'bad-1' });
  const rejectedAgain = await c.post('/v1/pathways', { ...body, programme: 'nope' }, { 'idempotency-key': 'bad-1' });
  t.equal(rejectedFirst.statusCode, 400);
  t.equal(rejectedAgain.body, rejectedFirst.body, 'an error response is replayed too');
});

t.test('Idempotency-Key: a 412 is not kept, so the retry with a fresh If-Match runs', async (t) => {
  const svc = await testService(t);
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(c);
  await c.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic('2026-06-20').data);
  const contact = commands.contact('2026-07-01').data;
  const stale = await c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'contact-1', 'if-match': '"0"' });
  t.equal(stale.statusCode, 412);
  const retried = await c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'contact-1', 'if-match': '"1"' });
  t.equal(retried.statusCode, 200, 'the command runs');
  t.equal(retried.headers['idempotent-replayed'], undefined);
  const again = await c.post(`/v1/pathways/${id}/support-contacts`, contact, { 'idempotency-key': 'contact-1', 'if-match': '"1"' });
  t.equal(again.headers['idempotent-replayed'], 'true', 'and its answer is the one kept');
  t.equal(await svc.store.streamRevision(`pathway-${id}`), 2, 'recorded once');
});

t.test('the same referral arriving twice (same external reference) does not open a second pathway', async (t) => {
  const svc = await testService(t);
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-caf', []));
  const body = { ...commands.refer().data, externalReference: { system: 'caf-si', id: 'DOSSIER-42' } };
  const first = await c.post('/v1/pathways', body);
  t.equal(first.statusCode, 201);
  const second = await c.post('/v1/pathways', body);
  t.equal(second.statusCode, 409);
  t.match(second.json(), { code: 'pathway.already_exists', pathwayId: first.json().pathwayId, location: first.headers.location });
  t.equal(await svc.store.headPosition(), 1);
});

/** A second process on the same data folder records a step the service does not see. */
async function assignBehindTheService(dataDir: string, id: string, expectedRevision: number, officerId: string, assignedOn: string): Promise<void> {
  const other = new SqliteEventStore(join(dataDir, 'events.sqlite'));
  await other.append(`pathway-${id}`, [{
    type: 'VisitOfficerAssigned',
    schemaVersion: 1,
    data: { officerId, assignedOn },
    metadata: { principal: { id: 'other-process', role: 'coordinator', organisationId: 'org-op' }, correlationId: `c-${officerId}`, occurredAt: `${assignedOn}T00:00:00.000Z` },
  }], expectedRevision);
  await other.close();
  await new Promise((r) => setTimeout(r, 50));
}

for (const writer of WRITERS) t.test(`another process's write (${writer} writer): a cached state never answers for the stream, even when nothing is appended`, async (t) => {
  const svc = await testService(t, { PARCOURS_STORE_WRITER: writer });
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(c);
  t.equal((await c.get(`/v1/pathways/${id}`)).headers.etag, '"0"', 'the service has folded and cached revision 0');
  await assignBehindTheService(svc.dataDir, id, 0, 'officer-9', '2026-06-03');

  // Refused on either state, but the caller's revision is stale: 412, not the refusal.
  const refused = await c.post(`/v1/pathways/${id}/support-contacts`, commands.contact('2026-01-01').data, { 'if-match': '"0"' });
  t.equal(refused.statusCode, 412);
  t.match(refused.json(), { code: 'pathway.revision_mismatch', actualRevision: 1 });
  const read = await c.get(`/v1/pathways/${id}`);
  t.equal(read.headers.etag, '"1"');
  t.equal(read.json().pathway.assignedOfficerId, 'officer-9', "the other process's step is in the state");
  const next = await c.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic('2026-06-20').data, { 'if-match': '"1"' });
  t.equal(next.statusCode, 200);
  t.equal(next.headers.etag, '"2"');

  // Again behind the service's back, then a list naming both the revision it cached and the new one.
  await assignBehindTheService(svc.dataDir, id, 2, 'officer-10', '2026-06-21');
  const listed = await c.post(`/v1/pathways/${id}/orientations`, commands.propose('2026-06-25').data, { 'if-match': '"2", "3"' });
  t.equal(listed.statusCode, 200, 'the stream is at a revision the list names: the command runs on it');
  t.equal(listed.headers.etag, '"4"');
});

t.test('every POST route in the API description takes an Idempotency-Key; reads ignore the header', async (t) => {
  const svc = await testService(t);
  const admin = caller(svc.app, await tokenFor(svc.dataDir, 'admin', 'org-dept', ['*']));
  const doc = (await svc.app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
  const posts = Object.entries(doc.paths).filter(([, ops]) => 'post' in ops).map(([path]) => path.replace(/\{[^}]+\}/g, '0190a1b2-0000-7000-8000-000000000001'));
  t.ok(posts.length > 20, `${posts.length} POST routes`);
  for (const [path, ops] of Object.entries(doc.paths)) {
    const post = ops.post as { parameters?: Array<{ in: string; name: string }> } | undefined;
    if (post) t.ok(post.parameters?.some((p) => p.in === 'header' && p.name === 'idempotency-key'), `POST ${path} documents the Idempotency-Key header`);
  }
  for (const url of posts) {
    const res = await admin.post(url, {}, { 'idempotency-key': 'not a valid key!' });
    t.equal(res.json().code, 'idempotency.key_invalid', url);
  }
  const id = await referHousehold(admin);
  t.equal((await admin.get(`/v1/pathways/${id}`, { 'idempotency-key': 'not a valid key!' })).statusCode, 200);
  const gets = Object.entries(doc.paths).filter(([, ops]) => 'get' in ops).map(([path]) => path.replace(/\{[^}]+\}/g, id));
  for (const url of gets) {
    const res = await admin.get(url, { 'idempotency-key': 'not a valid key!' });
    t.not(String(res.headers['content-type']).includes('problem') && res.json().code, 'idempotency.key_invalid', `GET ${url}`);
  }
});

t.test('an external reference names a pathway per organisation: two organisations numbering their files alike get two pathways', async (t) => {
  const svc = await testService(t);
  const caf = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-caf', []));
  const msa = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-msa', []));
  const body = { ...commands.refer().data, externalReference: { system: 'solis', id: 'DOSSIER-42' } };
  const first = await caf.post('/v1/pathways', body);
  const second = await msa.post('/v1/pathways', body);
  t.equal(first.statusCode, 201);
  t.equal(second.statusCode, 201, 'the other organisation is not told the reference is taken');
  t.not(second.json().pathwayId, first.json().pathwayId);
  t.equal((await caf.post('/v1/pathways', body)).json().pathwayId, first.json().pathwayId, 'each one still meets its own first arrival');
  t.equal(await svc.store.headPosition(), 2);
});

t.test('a referral naming an existing pathway it may not read: 409 without saying where it is; out of territory: 403 first', async (t) => {
  const svc = await testService(t);
  const calaisis = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(calaisis);
  const before = await svc.store.headPosition();
  const partner = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-caf', []));
  const taken = await partner.post('/v1/pathways', { ...commands.refer().data, pathwayId: id });
  t.equal(taken.statusCode, 409);
  t.equal(taken.json().code, 'pathway.already_exists');
  t.notOk('location' in taken.json() || 'pathwayId' in taken.json(), 'no location for a pathway the caller may not read');
  const artois = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['artois']));
  const elsewhere = await artois.post('/v1/pathways', { ...commands.refer().data, pathwayId: id });
  t.equal(elsewhere.statusCode, 403, 'the territory is checked before the id');
  t.equal(elsewhere.json().code, 'auth.out_of_territory');
  const stale = await artois.post(`/v1/pathways/${id}/support-contacts`, commands.contact('2026-07-01').data, { 'if-match': '"7"' });
  t.equal(stale.statusCode, 403, 'access is checked before the revision, which a 412 would disclose');
  t.equal(await svc.store.headPosition(), before, 'nothing written');
});

t.test('Idempotency-Key: a token of the same subject with other rights does not get the first answer replayed', async (t) => {
  const svc = await testService(t);
  const calaisis = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis'], 3600, 'anne'));
  const artois = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['artois'], 3600, 'anne'));
  const body = commands.refer().data;
  const first = await calaisis.post('/v1/pathways', body, { 'idempotency-key': 'k-1' });
  t.equal(first.statusCode, 201);
  const other = await artois.post('/v1/pathways', body, { 'idempotency-key': 'k-1' });
  t.equal(other.statusCode, 403, 'the request runs, and its own rights refuse it');
  t.equal(other.json().code, 'auth.out_of_territory');
  t.notOk(other.headers['idempotent-replayed']);
  t.equal((await calaisis.post('/v1/pathways', body, { 'idempotency-key': 'k-1' })).headers['idempotent-replayed'], 'true', 'the first token still replays');
  t.equal(await svc.store.headPosition(), 1);
});

t.test('a refusal by role comes before the lookup: a missing and an existing pathway answer alike', async (t) => {
  const svc = await testService(t);
  const coordinator = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(coordinator);
  const partner = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-caf', []));
  const auditor = caller(svc.app, await tokenFor(svc.dataDir, 'auditor', 'org-audit', ['*']));
  for (const [who, c, code] of [['partner', partner, 'auth.role_forbidden'], ['auditor', auditor, 'auth.read_only']] as const) {
    for (const target of [id, '0190a000-0000-7000-8000-000000000000']) {
      const res = await c.post(`/v1/pathways/${target}/support-contacts`, commands.contact('2026-07-01').data);
      t.equal(res.statusCode, 403, `${who}, ${target === id ? 'existing' : 'missing'} pathway`);
      t.equal(res.json().code, code);
    }
  }
});

t.test('ids of the derived form are the service’s: no caller can take another organisation’s reference first', async (t) => {
  const svc = await testService(t);
  const msa = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-msa', []));
  const caf = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-caf', []));
  const ref = { system: 'caf-si', id: 'DOSSIER-42' };
  const derived = (await caf.post('/v1/pathways', { ...commands.refer().data, externalReference: ref })).json().pathwayId as string;
  const other = { ...ref, id: 'DOSSIER-43' };
  const squat = await msa.post('/v1/pathways', { ...commands.refer().data, pathwayId: derived.replace(/^./, derived[0] === 'a' ? 'b' : 'a') });
  t.equal(squat.statusCode, 422);
  t.match(squat.json(), { code: 'pathway.id_reserved', errors: [{ path: '/pathwayId' }] });
  t.equal((await caf.post('/v1/pathways', { ...commands.refer().data, externalReference: other })).statusCode, 201, 'the owner’s next reference is its own');
  t.equal(await svc.store.headPosition(), 2, 'the refused referral wrote nothing');
});

t.test('a referral a coordinator recorded for an organisation and the same referral from that organisation meet', async (t) => {
  const svc = await testService(t);
  const coordinator = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const mds = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-mds-calais', []));
  const body = { ...commands.refer().data, externalReference: { system: 'mds-si', id: 'F-7' } };
  const byPhone = await coordinator.post('/v1/pathways', body);
  t.equal(byPhone.statusCode, 201);
  const fromSystem = await mds.post('/v1/pathways', body);
  t.equal(fromSystem.statusCode, 409, 'the body names the MDS, whose reference it is');
  t.match(fromSystem.json(), { code: 'pathway.already_exists', pathwayId: byPhone.json().pathwayId, location: byPhone.headers.location });
});

t.test('a partner system’s referral records its own organisation, whatever its body names', async (t) => {
  const svc = await testService(t);
  const caf = caller(svc.app, await tokenFor(svc.dataDir, 'partner_system', 'org-caf', []));
  const id = await referHousehold(caf);
  let referral: { data: unknown } | undefined;
  for await (const e of svc.store.readStream(`pathway-${id}`)) referral ??= e;
  t.equal((referral!.data as { referrer: { organisationId: string } }).referrer.organisationId, 'org-caf', 'the stored fact');
  t.same((await caf.get(`/v1/pathways/${id}`)).json().pathway.referringOrganisation, { id: 'org-caf', kind: 'department_service' }, 'and the outcome view');
});
