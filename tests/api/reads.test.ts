import t from 'tap';
import { caller, tokenFor } from '../support/api.js';
import { commands, referHousehold } from '../support/journey.js';
import { testService } from '../support/service.js';

t.test('list: filters by programme, territory, status and officer, with cursor pagination', async (t) => {
  const svc = await testService(t);
  const admin = caller(svc.app, await tokenFor(svc.dataDir, 'admin', 'org-dept', ['*']));
  const ids: string[] = [];
  for (let i = 0; i < 7; i++) ids.push(await referHousehold(admin, { programme: i % 2 ? 'pdc-energy-2026' : 'slime-plus' }));
  const other = await referHousehold(admin, {}, { territory: { code: 'arrageois' } });
  await admin.post(`/v1/pathways/${ids[0]}/visit-officer`, { officerId: 'officer-7', assignedOn: '2026-06-03' });
  await admin.post(`/v1/pathways/${ids[2]}/exit`, { exitDate: '2026-06-10', exitType: 'refusal', reason: 'Le ménage ne souhaite pas de visite' });
  await svc.projections.waitFor(await svc.store.headPosition());

  const page = async (query: string) => (await admin.get(`/v1/pathways?${query}`)).json();
  t.equal((await page('programme=pdc-energy-2026')).items.length, 3);
  t.same((await page('territory=arrageois')).items.map((i: { pathwayId: string }) => i.pathwayId), [other]);
  t.same((await page('assignedOfficer=officer-7')).items.map((i: { pathwayId: string }) => i.pathwayId), [ids[0]]);
  t.same((await page('status=exited')).items.map((i: { pathwayId: string }) => i.pathwayId), [ids[2]]);
  t.equal((await page('status=awaiting_validation')).items.length, 3, 'the Pas-de-Calais referrals wait for the SLISL');

  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const body: { items: Array<{ pathwayId: string }>; nextCursor: string | null } = await page(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...body.items.map((i) => i.pathwayId));
    cursor = body.nextCursor;
    pages++;
  } while (cursor);
  t.equal(pages, 3);
  t.same(seen.sort(), [...ids, other].sort(), 'every pathway once across pages');

  const officer = caller(svc.app, await tokenFor(svc.dataDir, 'visit_officer', 'org-op', ['arrageois']));
  t.same((await officer.get('/v1/pathways')).json().items.map((i: { pathwayId: string }) => i.pathwayId), [other], 'officers list their territories only');
});

t.test('asOf: the state as it stood then', async (t) => {
  const svc = await testService(t);
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(c);
  await new Promise((r) => setTimeout(r, 15));
  const between = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 15));
  await c.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic().data);
  const now = (await c.get(`/v1/pathways/${id}`)).json();
  t.equal(now.revision, 1);
  t.equal(now.pathway.stage, 'diagnosed');
  const then = await c.get(`/v1/pathways/${id}?asOf=${encodeURIComponent(between)}`);
  t.equal(then.statusCode, 200);
  t.equal(then.json().revision, 0);
  t.equal(then.json().asOf, between);
  t.equal(then.json().pathway.diagnostics.length, 0);
  const before = await c.get(`/v1/pathways/${id}?asOf=2000-01-01T00:00:00Z`);
  t.equal(before.statusCode, 404, 'it did not exist yet');
});

t.test('events: the raw history, paginated; timeline: readable steps', async (t) => {
  const svc = await testService(t);
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis'], 3600, 'coord-1'));
  const id = await referHousehold(c);
  await c.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic('2026-06-20').data);
  await c.post(`/v1/pathways/${id}/orientations`, commands.propose('2026-06-25').data);
  await c.post(`/v1/pathways/${id}/support-contacts`, commands.contact('2026-07-02').data);
  const first = (await c.get(`/v1/pathways/${id}/events?limit=3`)).json();
  t.same(first.items.map((e: { type: string }) => e.type), ['HouseholdReferred', 'DiagnosticVisitCompleted', 'OrientationProposed']);
  t.equal(first.nextAfter, 2);
  const second = (await c.get(`/v1/pathways/${id}/events?limit=3&after=${first.nextAfter}`)).json();
  t.same(second.items.map((e: { type: string }) => e.type), ['SupportContactRecorded']);
  t.equal(second.nextAfter, null);
  const diag = first.items[1];
  t.equal(diag.occurredAt, '2026-06-20T00:00:00.000Z', 'occurred-at is the business date');
  t.not(diag.recordedAt, diag.occurredAt, 'recorded-at is when the store committed it');
  t.equal(diag.schemaVersion, 1);

  await svc.projections.waitFor(await svc.store.headPosition());
  const timeline = (await c.get(`/v1/pathways/${id}/timeline`)).json();
  t.equal(timeline.steps.length, 4);
  t.same(timeline.steps.map((s: { occurredAt: string }) => s.occurredAt.slice(0, 10)), ['2026-06-02', '2026-06-20', '2026-06-25', '2026-07-02']);
  t.match(timeline.steps[1].text.en, /Diagnostic visit \(summer\) by 2 visitors/);
  t.match(timeline.steps[1].text.fr, /Diagnostic sociotechnique/);
  t.same(timeline.steps[0].actor, { id: 'coord-1', role: 'coordinator', organisationId: 'org-op' });
  t.notOk(JSON.stringify(timeline).includes('16800'), 'no income in the timeline');
  t.match(timeline, { pathwayRevision: 3, upToDate: true });
  const events = await c.get(`/v1/pathways/${id}/events`);
  t.equal(events.headers['cache-control'], 'no-store', 'the raw facts hold personal data: no cache keeps them');
  t.equal(events.headers.vary, 'Authorization');
});

t.test('timeline: sentences in words, not codes; an orientation named by its category; read right after a write', async (t) => {
  const svc = await testService(t);
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(c);
  await c.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic('2026-06-20').data);
  const proposed = (await c.post(`/v1/pathways/${id}/orientations`, { ...commands.propose('2026-06-25').data, orientationId: undefined })).json();
  const orientationId = proposed.events[0].ids.orientationId;
  await c.post(`/v1/pathways/${id}/orientation-status-changes`, { orientationId, status: 'accepted', changedOn: '2026-06-26' });
  await c.post(`/v1/pathways/${id}/contact-attempts`, { channel: 'home_visit', outcome: 'no_answer', attemptedOn: '2026-06-27' });
  // Right after the write: the read waits a moment for the projection, and says whether its steps caught up.
  const early = (await c.get(`/v1/pathways/${id}/timeline`)).json();
  t.equal(early.pathwayRevision, 4);
  t.equal(early.upToDate, early.steps.some((s: { revision: number }) => s.revision === 4), 'upToDate says whether the last fact is in');
  await svc.projections.waitFor(await svc.store.headPosition());
  const timeline = (await c.get(`/v1/pathways/${id}/timeline`)).json();
  t.match(timeline, { pathwayRevision: 4, upToDate: true });
  const fr = timeline.steps.map((s: { text: { fr: string } }) => s.text.fr);
  t.match(fr[2], /Orientation proposée : aides financières/i);
  t.match(fr[3], /^Orientation « aides financières[^»]* » : accept/i, 'named by its category, not its id');
  t.notOk(fr[3].includes(orientationId));
  t.match(fr[4], /Tentative de contact \(visite à domicile\) : pas de réponse/);
  for (const text of fr) t.notMatch(text, /\b[a-z]+_[a-z_]+\b/, `no enumeration code in "${text}"`);
  t.match(timeline.steps[1].text.en, /by 2 visitors \(/, 'the visitors are described by their roles');
});

t.test('GET pathway: the body written for a revision follows every change, and each caller gets its own view', async (t) => {
  const svc = await testService(t);
  const referrer = caller(svc.app, await tokenFor(svc.dataDir, 'referrer', 'org-mds', ['calaisis']));
  const coordinator = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(referrer);
  const first = await coordinator.get(`/v1/pathways/${id}`);
  t.equal(first.headers.etag, '"0"');
  t.match(first.headers['content-type'], /^application\/json/);
  t.same(first.json(), (await coordinator.get(`/v1/pathways/${id}`)).json(), 'the same revision reads the same');

  const outcome = (await referrer.get(`/v1/pathways/${id}`)).json();
  t.equal(outcome.view, 'outcome', 'the referrer is not served the full body written for the coordinator');
  t.notOk('household' in outcome.pathway, 'no household data in the outcome view');
  t.equal(first.json().view, 'full');

  await coordinator.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic().data);
  const after = await coordinator.get(`/v1/pathways/${id}`);
  t.equal(after.headers.etag, '"1"', 'the new revision');
  t.equal(after.json().pathway.stage, 'diagnosed', 'and its content');
  t.equal((await referrer.get(`/v1/pathways/${id}`)).json().pathway.stage, 'diagnosed', 'for every view');
  const then = (await coordinator.get(`/v1/pathways/${id}?asOf=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).json();
  t.equal(then.asOf !== undefined && then.revision, 1, 'a read as of a date says so, apart from the cached body');
  t.notOk('asOf' in after.json());
});

t.test('GET pathway: If-None-Match with the current ETag answers 304 without a body, only to a caller who may read it', async (t) => {
  const svc = await testService(t);
  const referrer = caller(svc.app, await tokenFor(svc.dataDir, 'referrer', 'org-mds', ['calaisis']));
  const coordinator = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const elsewhere = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['artois']));
  const id = await referHousehold(referrer);
  const first = await coordinator.get(`/v1/pathways/${id}`);
  t.equal(first.statusCode, 200);
  t.equal(first.headers['cache-control'], 'no-store', 'the full view, with personal data, is kept by no cache');
  t.equal(first.headers.vary, 'Authorization', 'the answer depends on who asks');

  for (const header of ['"0"', 'W/"0"', '"7", "0"', '*']) {
    const res = await coordinator.get(`/v1/pathways/${id}`, { 'if-none-match': header });
    t.equal(res.statusCode, 304, `If-None-Match: ${header}`);
    t.equal(res.body, '', 'no body');
    t.equal(res.headers['content-length'], undefined, 'no Content-Length (it would have to be the full body\'s)');
    t.equal(res.headers['content-type'], undefined, 'no media type for no body');
    t.equal(res.headers.etag, '"0"');
  }
  for (const header of ['"1"', 'garbage', '']) {
    t.equal((await coordinator.get(`/v1/pathways/${id}`, { 'if-none-match': header })).statusCode, 200, `If-None-Match: ${header || '(empty)'} gets the body`);
  }

  const outcome = await referrer.get(`/v1/pathways/${id}`, { 'if-none-match': '"1"' });
  t.equal(outcome.statusCode, 200);
  t.equal(outcome.headers['cache-control'], 'private, no-cache', 'the outcome view may be kept by its caller, and revalidated');

  const denied = await elsewhere.get(`/v1/pathways/${id}`, { 'if-none-match': '*' });
  t.equal(denied.statusCode, 403, 'access is checked before the ETag');
  t.equal(denied.json().code, 'auth.out_of_territory');
  const unknown = await coordinator.get('/v1/pathways/01900000-0000-7000-8000-000000000000', { 'if-none-match': '*' });
  t.equal(unknown.statusCode, 404);

  await coordinator.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic().data);
  const changed = await coordinator.get(`/v1/pathways/${id}`, { 'if-none-match': '"0"' });
  t.equal(changed.statusCode, 200, 'a new revision is sent in full');
  t.equal(changed.headers.etag, '"1"');
  t.equal(changed.json().pathway.stage, 'diagnosed');
});

t.test('a command answer gives the ids the service minted, enough to act on what it recorded', async (t) => {
  const svc = await testService(t);
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(c);
  const visit = (await c.post(`/v1/pathways/${id}/diagnostic-visits`, commands.diagnostic('2026-06-20').data)).json();
  t.match(visit.events[0], { type: 'DiagnosticVisitCompleted', ids: { visitId: /^[0-9a-f-]{36}$/ } });
  const { orientationId: _named, ...unnamed } = commands.propose('2026-06-25').data as Record<string, unknown>;
  const proposed = (await c.post(`/v1/pathways/${id}/orientations`, unnamed)).json();
  const orientationId = proposed.events[0].ids?.orientationId;
  t.type(orientationId, 'string', 'the orientation the service named');
  const accepted = await c.post(`/v1/pathways/${id}/orientation-status-changes`, { orientationId, status: 'accepted', changedOn: '2026-07-01' });
  t.equal(accepted.statusCode, 200, 'is the one its status change finds');
  t.same(accepted.json().events[0].ids, { orientationId });
  const read = (await c.get(`/v1/pathways/${id}`)).json();
  t.same(Object.keys(read.pathway.orientations), [orientationId]);
  t.equal(read.pathway.orientations[orientationId].status, 'accepted');
});

t.test('the full view reads back what the officer assignment, the measure contract and the exit report said', async (t) => {
  const svc = await testService(t);
  const c = caller(svc.app, await tokenFor(svc.dataDir, 'coordinator', 'org-op', ['calaisis']));
  const id = await referHousehold(c, { programme: 'pdc-energy-2026' });
  const ok = async (path: string, body: unknown) => t.equal((await c.post(`/v1/pathways/${id}/${path}`, body)).statusCode, 200, path);
  await ok('visit-officer', { officerId: 'officer-julie', officerName: 'Julie Caron', assignedOn: '2026-06-03' });
  await ok('entry-acceptance', { decidedOn: '2026-06-05' });
  await ok('diagnostic-visits', commands.diagnostic('2026-06-20').data);
  await ok('measure-contract', { signedOn: '2026-06-21', measureStartDate: '2026-06-21', durationMonths: 3, objectives: 'Réduire les factures de chauffage' });
  await ok('exit', { exitDate: '2026-07-01', exitType: 'moved', reason: 'Déménagement' });
  await ok('exit-reports', { reportedOn: '2026-07-02', recipients: ['coordinator'], channel: 'email', note: 'Signalé au SLISL' });
  const view = (await c.get(`/v1/pathways/${id}`)).json().pathway;
  t.same(view.assignedOfficer, { officerId: 'officer-julie', officerName: 'Julie Caron', assignedOn: '2026-06-03' });
  t.equal(view.measure.objectives, 'Réduire les factures de chauffage');
  t.match(view.currentExit.reportedTo, [{ recipient: 'coordinator', reportedOn: '2026-07-02', channel: 'email', note: 'Signalé au SLISL' }]);
});
