// Referral and entry validation over HTTP: every refusal is problem+json with its stable code,
// and a refused command leaves the pathway exactly where it was.
import t from 'tap';
import { commands, isProblem, Pathway, setUp, step } from '../journeys/steps.js';

t.test('a household is referred only with its consent: nothing is created without it', async (t) => {
  const { svc, as } = await setUp(t);
  const body = { ...commands.refer({ pathwayId: 'pw-no-consent' }).data } as Record<string, any>;
  const res = await as.partner.post('/v1/pathways', { ...body, consent: { ...body.consent, given: false } });
  t.equal(res.statusCode, 422);
  t.match(res.headers['content-type'], isProblem);
  t.match(res.json(), { code: 'referral.consent_required', errors: [{ path: '/consent/given' }] });
  t.equal(await svc.store.headPosition(), 0, 'no event stored');
  t.equal((await as.admin.get('/v1/pathways/pw-no-consent')).statusCode, 404, 'no pathway');
  // a consent given after the referral date means the household was referred without it
  const late = await as.partner.post('/v1/pathways', { ...body, consent: { ...body.consent, givenOn: '2026-06-03' }, referredOn: '2026-06-02' });
  t.equal(late.statusCode, 422);
  t.match(late.json(), { code: 'referral.consent_required', errors: [{ path: '/consent/givenOn' }] });
  t.equal(await svc.store.headPosition(), 0, 'no event stored');
});

t.test('a referral dated in the future, or with a consent given in the future, is refused', async (t) => {
  const { svc, as } = await setUp(t);
  const future = '2099-01-15';
  const body = commands.refer({ referredOn: future }).data as Record<string, any>;
  const referral = await as.partner.post('/v1/pathways', { ...body, consent: { ...body.consent, givenOn: '2026-06-01' } });
  t.equal(referral.statusCode, 422);
  t.match(referral.headers['content-type'], isProblem);
  t.match(referral.json(), { code: 'date.in_future', errors: [{ path: '/referredOn' }] });
  const consent = await as.partner.post('/v1/pathways', { ...commands.refer().data, consent: { ...body.consent, givenOn: future } });
  t.equal(consent.statusCode, 422);
  t.match(consent.json(), { code: 'date.in_future', errors: [{ path: '/consent/givenOn' }] });
  t.equal(await svc.store.headPosition(), 0, 'no event stored');
});

t.test('an unknown programme never reaches the decider: the schema answers 400 (programme.unknown is pre-empted)', async (t) => {
  const { svc, as } = await setUp(t);
  const res = await as.partner.post('/v1/pathways', { ...commands.refer().data, programme: 'slime-2019' });
  t.equal(res.statusCode, 400);
  t.match(res.headers['content-type'], isProblem);
  t.match(res.json(), { code: 'request.invalid', errors: [{ path: '/programme' }] });
  t.equal(await svc.store.headPosition(), 0);
});

t.test('the same pathway is not referred twice; an unknown pathway is 404', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { pathwayId: 'pw-caf-42' });
  t.equal(p.id, 'pw-caf-42', 'the partner system named the pathway');
  const again = await as.partner.post('/v1/pathways', commands.refer({ pathwayId: 'pw-caf-42', referredOn: '2026-06-03' }).data);
  await p.refused(again, 'a second referral of pw-caf-42', { status: 409, code: 'pathway.already_exists' });
  t.equal(again.json().location, '/v1/pathways/pw-caf-42', 'the answer points at the existing pathway');

  const missing = await as.coordinator.post('/v1/pathways/pw-never-referred/diagnostic-visits', commands.diagnostic('2026-06-20').data);
  t.equal(missing.statusCode, 404);
  t.match(missing.headers['content-type'], isProblem);
  t.equal(missing.json().code, 'pathway.not_found');
  t.equal(await svc.store.streamRevision('pathway-pw-never-referred'), null, 'no stream was opened');
});

t.test('Pas-de-Calais energy: no work before the SLISL validates the entry', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  t.equal((await p.state()).status, 'awaiting_validation');

  // preparing contact is allowed before the decision
  await p.do(step.assign('2026-06-03'));
  await p.do(step.attempt('2026-06-03', 'phone', 'reached'), as.officer);
  // funded work is not
  const blocked = { status: 409, code: 'entry.validation_required' };
  await p.rejects(commands.diagnostic('2026-06-04'), blocked, as.officer);
  await p.rejects(step.schedule('2026-06-04', '2026-06-10'), blocked, as.officer);
  await p.rejects(commands.propose('2026-06-04'), blocked, as.officer);
  await p.rejects(commands.contact('2026-06-04'), blocked, as.officer);
  await p.rejects(commands.pause('2026-06-04'), blocked, as.officer);
  await p.rejects(step.contract('2026-06-04', 3), blocked);

  await p.do(commands.acceptEntry('2026-06-05'));
  const s = await p.state();
  t.equal(s.status, 'active');
  t.equal(s.entry.decision, 'accepted');
  t.equal(s.entry.decidedBy.actorId, 'coord-anne', 'the deciding service is the authenticated principal');
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  t.equal((await p.state()).stage, 'diagnosed');
});

t.test('an entry is decided once', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-astre-2026', tenure: 'owner_occupier' });
  await p.do(commands.acceptEntry('2026-06-05'));
  await p.rejects(commands.acceptEntry('2026-06-06'), { status: 409, code: 'entry.already_decided' });
  await p.rejects(commands.rejectEntry('2026-06-06'), { status: 409, code: 'entry.already_decided' });
  t.equal((await p.state()).entry.decidedOn, '2026-06-05', 'the first decision stands');
});

t.test('Slime+ has no entry validation: deciding one is not applicable', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  t.equal((await p.state()).status, 'active', 'a Slime+ pathway is active from its referral');
  await p.rejects(commands.acceptEntry('2026-06-05'), { status: 422, code: 'command.not_applicable_to_programme' });
  await p.rejects(commands.rejectEntry('2026-06-05'), { status: 422, code: 'command.not_applicable_to_programme' });
});

t.test('a rejected entry: nothing is recorded until the pathway is reopened and decided again', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await p.do(commands.rejectEntry('2026-06-05'));
  t.match(await p.state(), { status: 'rejected', stage: 'entry_rejected' });
  const rejected = { status: 409, code: 'pathway.rejected' };
  await p.rejects(step.attempt('2026-06-06'), rejected, as.officer);
  await p.rejects(step.assign('2026-06-06'), rejected);
  await p.rejects(commands.acceptEntry('2026-06-06'), rejected);
  await p.rejects(step.exit('2026-06-06', 'out_of_scope', 'Hors critères'), rejected);
  await p.rejects(step.reportExit('2026-06-06', ['referrer']), rejected);

  await p.do(step.reopen('2026-06-20'));
  t.match(await p.state(), { status: 'awaiting_validation', stage: 'reopened', reopenCount: 1, entry: null });
  await p.do(commands.acceptEntry('2026-06-22'));
  await p.do(commands.diagnostic('2026-06-25'), as.officer);
  const s = await p.state();
  t.equal(s.status, 'active');
  t.same(s.entryDecisions.map((d: { decision: string }) => d.decision), ['rejected', 'accepted']);
});

t.test('only a coordinator decides entries; assigning the officer already in charge records nothing', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-adsl-2026' });
  const forbidden = await as.officer.post(`/v1/pathways/${p.id}/entry-acceptance`, commands.acceptEntry('2026-06-05').data);
  await p.refused(forbidden, 'AcceptEntry by a visit officer', { status: 403, code: 'auth.role_forbidden' });
  const byReferrer = await as.partner.post(`/v1/pathways/${p.id}/entry-acceptance`, commands.acceptEntry('2026-06-05').data);
  await p.refused(byReferrer, 'AcceptEntry by the referring system', { status: 403, code: 'auth.role_forbidden' });

  await p.do(step.assign('2026-06-05', 'officer-julie'));
  await p.do(step.assign('2026-06-06', 'officer-julie'), as.coordinator, 0);
  await p.unchanged('after assigning the same officer again');
  await p.do(step.assign('2026-06-07', 'officer-marc'));
  t.equal((await p.state()).assignedOfficerId, 'officer-marc');
});
