// Support contacts, pauses and evaluations over HTTP.
import t from 'tap';
import { commands, Pathway, setUp, step } from '../journeys/steps.js';

t.test('one pause at a time; ending a pause needs one in progress, ended after it started', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.rejects(commands.endPause('2026-07-01'), { status: 409, code: 'pause.not_active' }, as.officer);
  await p.do(commands.pause('2026-07-01'), as.officer);
  t.equal((await p.state()).status, 'paused');
  await p.rejects(commands.pause('2026-07-05'), { status: 409, code: 'pause.already_active' }, as.officer);
  await p.rejects(commands.endPause('2026-06-30'), { status: 422, code: 'date.out_of_order', field: 'endDate' }, as.officer);
  await p.do(commands.endPause('2026-09-01'), as.officer);
  const s = await p.state();
  t.equal(s.status, 'active');
  t.same(s.pauses.map((x: { startDate: string; endDate: string }) => [x.startDate, x.endDate]), [['2026-07-01', '2026-09-01']]);
  await p.rejects(commands.endPause('2026-09-02'), { status: 409, code: 'pause.not_active' }, as.officer);
});

t.test('a pause starts after the last contact and after the previous pause ended', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.do(commands.contact('2026-07-10'), as.officer);
  await p.rejects(commands.pause('2026-07-09'), { status: 422, code: 'date.out_of_order', field: 'startDate' }, as.officer);
  await p.do(commands.pause('2026-07-10'), as.officer);
  await p.do(commands.endPause('2026-08-10'), as.officer);
  await p.rejects(commands.pause('2026-08-09'), { status: 422, code: 'date.out_of_order', field: 'startDate' }, as.officer);
});

t.test('while paused no contact is recorded after the pause began; once ended, none inside it', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.do(commands.pause('2026-07-01'), as.officer);
  await p.do(commands.contact('2026-07-01'), as.officer); // the last contact before the break
  await p.rejects(commands.contact('2026-07-02'), { status: 409, code: 'pause.active', field: 'contactDate' }, as.officer);
  await p.rejects(commands.contact('2026-08-15'), { status: 409, code: 'pause.active', field: 'contactDate' }, as.officer);
  await p.do(commands.endPause('2026-09-01'), as.officer);
  await p.rejects(commands.contact('2026-08-15'), { status: 422, code: 'date.within_pause', field: 'contactDate' }, as.officer);
  await p.do(commands.contact('2026-09-01'), as.officer); // the contact that resumes support
  await p.do(commands.contact('2026-09-20'), as.officer);
  t.equal(Object.keys((await p.state()).contacts).length, 3);
});

t.test('a worker declares only phases the programme has, and an evaluation-only contact has no support purpose', async (t) => {
  const { svc, as } = await setUp(t);
  const energy = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await energy.do(commands.acceptEntry('2026-06-05'));
  await energy.do(commands.diagnostic('2026-06-20'), as.officer);
  await energy.rejects(commands.contact('2026-07-01', { declaredPhase: 'one_year_follow_up' }), { status: 422, code: 'support.phase_not_in_programme', field: 'declaredPhase' }, as.officer);
  await energy.do(commands.contact('2026-07-01', { declaredPhase: 'reinforced_support' }), as.officer);

  const slime = await Pathway.refer(t, svc, as);
  await slime.do(commands.diagnostic('2026-06-20'), as.officer);
  const conflict = { status: 422, code: 'support.evaluation_only_conflict', field: 'declaredPhase' };
  await slime.rejects(commands.contact('2026-07-01', { evaluationOnly: true, declaredPhase: 'reinforced_support' }), conflict, as.officer);
  await slime.rejects(commands.contact('2026-07-01', { evaluationOnly: true, declaredPhase: 'one_year_follow_up' }), conflict, as.officer);
  await slime.do(commands.contact('2026-07-01', { evaluationOnly: true, declaredPhase: 'evaluation' }), as.officer);
  await slime.do(commands.contact('2026-07-02', { declaredPhase: 'one_year_follow_up' }), as.officer);
});

t.test('a contact id is used once', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.contact('2026-06-10', { contactId: 'c-1' }), as.officer);
  await p.rejects(commands.contact('2026-06-11', { contactId: 'c-1' }), { status: 409, code: 'id.already_used', field: 'contactId' }, as.officer);
});

t.test('an evaluation needs something to evaluate, and follows the contact that hosts it', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.contact('2026-06-10', { contactId: 'c-digital' }), as.officer);
  await p.rejects(step.evaluation('2026-06-12'), { status: 409, code: 'evaluation.premature' }, as.officer);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.do(commands.contact('2026-09-10', { contactId: 'c-eval', evaluationOnly: true }), as.officer);
  await p.rejects(step.evaluation('2026-09-10', { contactId: 'c-404' }), { status: 404, code: 'contact.not_found', field: 'contactId' }, as.officer);
  await p.rejects(step.evaluation('2026-09-09', { contactId: 'c-eval' }), { status: 422, code: 'date.out_of_order', field: 'evaluationDate' }, as.officer);
  await p.do(step.evaluation('2026-09-10', { contactId: 'c-eval', evaluationId: 'ev-1' }), as.officer);
  await p.rejects(step.evaluation('2026-09-11', { evaluationId: 'ev-1' }), { status: 409, code: 'id.already_used', field: 'evaluationId' }, as.officer);
  t.equal((await p.state()).stage, 'evaluation');
});

t.test('an evaluation in a housing-first measure needs the measure', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-adsl-2026', referredOn: '2025-09-01' });
  await p.do(commands.acceptEntry('2025-09-05'));
  await p.rejects(step.evaluation('2025-09-20'), { status: 409, code: 'evaluation.premature' }, as.officer);
  await p.do(step.contract('2025-10-01', 12));
  await p.do(step.evaluation('2026-09-20'), as.officer);
});
