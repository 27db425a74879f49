// Exit or rupture, its report, and the household's return, over HTTP.
import t from 'tap';
import { commands, Pathway, setUp, step, urlOf } from '../journeys/steps.js';

t.test('an exit states its type, and a rupture its reason', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.rejects(step.exit('2026-07-01'), { status: 422, code: 'exit.type_required', field: 'exitType' }, as.officer);
  await p.rejects(step.exit('2026-07-01', undefined, 'Le ménage ne répond plus'), { status: 422, code: 'exit.type_required', field: 'exitType' }, as.officer);
  await p.rejects(step.exit('2026-07-01', 'contact_lost'), { status: 422, code: 'exit.reason_required', field: 'reason' }, as.officer);
  await p.rejects(step.exit('2026-06-19', 'completed'), { status: 422, code: 'date.out_of_order', field: 'exitDate' }, as.officer);
  await p.do(step.exit('2026-07-01', 'completed'), as.officer);
  t.match(await p.state(), { status: 'exited', stage: 'exited', currentExit: { exitType: 'completed', exitDate: '2026-07-01' } });
});

t.test('nothing is recorded on an exited pathway until it is reopened; reopening allows recording again', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.do(step.propose('2026-06-25', 'financial_aid_fsl', 'fsl'), as.officer);
  await p.do(step.exit('2026-07-01', 'contact_lost', 'Plus de réponse aux appels'), as.officer);

  const exited = { status: 409, code: 'pathway.exited' };
  await p.rejects(step.assign('2026-07-02'), exited);
  await p.rejects(step.attempt('2026-07-02'), exited, as.officer);
  await p.rejects(step.schedule('2026-07-02', '2026-07-10'), exited, as.officer);
  await p.rejects(commands.diagnostic('2026-07-02'), exited, as.officer);
  await p.rejects(step.issueReport('2026-07-02'), exited, as.officer);
  await p.rejects(step.propose('2026-07-02', 'health', 'health-1'), exited, as.officer);
  await p.rejects(commands.changeStatus('fsl', 'accepted', '2026-07-02'), exited, as.officer);
  await p.rejects(commands.contact('2026-07-02'), exited, as.officer);
  await p.rejects(commands.pause('2026-07-02'), exited, as.officer);
  await p.rejects(step.evaluation('2026-07-02'), exited, as.officer);
  await p.rejects(step.exit('2026-07-02', 'completed'), exited, as.officer);

  await p.rejects(step.reopen('2026-06-30'), { status: 422, code: 'date.out_of_order', field: 'reopenedOn' });
  await p.do(step.reopen('2026-08-01'));
  t.match(await p.state(), { status: 'active', stage: 'reopened', reopenCount: 1, currentExit: null });
  t.same((await p.state()).exits.map((e: { exitDate: string; reopenedOn: string }) => [e.exitDate, e.reopenedOn]), [['2026-07-01', '2026-08-01']]);

  const whileExited = { status: 422, code: 'date.while_exited' };
  await p.rejects(commands.contact('2026-07-15'), { ...whileExited, field: 'contactDate' }, as.officer);
  await p.rejects(commands.changeStatus('fsl', 'accepted', '2026-07-15'), { ...whileExited, field: 'changedOn' }, as.officer);
  await p.do(commands.contact('2026-08-02', { orientationIds: ['fsl'] }), as.officer);
  await p.do(commands.changeStatus('fsl', 'accepted', '2026-08-02'), as.officer);
  await p.do(commands.pause('2026-08-03'), as.officer);
  t.match(await p.state(), { status: 'paused', stage: 'support' });
});

t.test('an exit is reported once to each recipient, after it happened', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  const notExited = { status: 409, code: 'pathway.not_exited' };
  await p.rejects(step.reportExit('2026-06-10', ['coordinator']), notExited, as.officer);
  await p.rejects(step.reopen('2026-06-10'), notExited);
  await p.do(step.exit('2026-06-10', 'refusal', 'Le ménage ne souhaite pas de visite'), as.officer);
  await p.rejects(step.reportExit('2026-06-09', ['coordinator']), { status: 422, code: 'date.out_of_order', field: 'reportedOn' }, as.officer);
  await p.do(step.reportExit('2026-06-10', ['coordinator']), as.officer);
  await p.rejects(step.reportExit('2026-06-11', ['coordinator']), { status: 409, code: 'exit.already_reported', field: 'recipients.0' }, as.officer);
  await p.rejects(step.reportExit('2026-06-11', ['referrer', 'coordinator']), { status: 409, code: 'exit.already_reported', field: 'recipients.1' });
  await p.do(step.reportExit('2026-06-11', ['referrer']));
  t.same((await p.state()).currentExit.reportedTo, [
    { recipient: 'coordinator', reportedOn: '2026-06-10' },
    { recipient: 'referrer', reportedOn: '2026-06-11' },
  ]);
});

t.test('reporting and reopening apply only after an exit, also while the entry awaits validation', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-astre-2026', tenure: 'owner_occupier' });
  await p.rejects(step.reportExit('2026-06-10', ['referrer']), { status: 409, code: 'pathway.not_exited' });
  await p.rejects(step.reopen('2026-06-10'), { status: 409, code: 'pathway.not_exited' });
  await p.do(step.exit('2026-06-10', 'out_of_scope', 'Ménage hors des critères ASTRE'));
  await p.do(step.reportExit('2026-06-10', ['referrer', 'coordinator']));
});

t.test('energy accompaniment: a completed exit during the measure needs the signed final review', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await p.do(commands.acceptEntry('2026-06-05'));
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.do(step.contract('2026-07-01', 3));
  await p.rejects(step.exit('2026-09-28', 'completed'), { status: 409, code: 'exit.final_review_required', field: 'exitType' }, as.officer);
  await p.do(step.review('2026-09-25', 'final', undefined, true), as.officer);
  await p.do(step.exit('2026-09-28', 'completed'), as.officer);
  t.same((await p.state()).pastMeasures, [], 'the measure stays current until a reopening');
  t.match((await p.state()).measure, { closedOn: '2026-09-28' });

  // a re-entry in this programme is a new entry: validated again before any work
  await p.do(step.reopen('2026-10-05'));
  t.match(await p.state(), { status: 'awaiting_validation', entry: null, measure: null });
  await p.rejects(commands.diagnostic('2026-10-06'), { status: 409, code: 'entry.validation_required' }, as.officer);
  await p.do(commands.acceptEntry('2026-10-06'));
  await p.do(commands.diagnostic('2026-10-07'), as.officer);
});

t.test('ADSL: the housing-first coordinator’s validation carries over a re-entry', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-adsl-2026' });
  await p.do(commands.acceptEntry('2026-06-05'));
  await p.do(step.exit('2026-06-20', 'non_adherence', 'Rendez-vous manqués'), as.officer);
  await p.do(step.reopen('2026-07-01'));
  t.match(await p.state(), { status: 'active', entry: { decision: 'accepted', decidedOn: '2026-06-05' } });
  await p.do(commands.contact('2026-07-02'), as.officer);
});

t.test('ADSL: a household that left before its entry was decided waits for a decision when it comes back', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-adsl-2026' });
  await p.do(step.exit('2026-06-10', 'refusal', 'Ne souhaite pas être accompagné'));
  await p.do(step.reopen('2026-07-01'));
  const s = await p.state();
  t.equal(s.entry, null, 'no entry decision was ever taken');
  t.same(s.entryDecisions, []);
  t.equal(s.status, 'awaiting_validation', 'so the returning household waits for one');
  const res = await as.coordinator.post(urlOf(p.id, 'SignMeasureContract'), step.contract('2026-07-02', 12).data);
  t.equal(res.statusCode, 409, 'no funded measure on an unvalidated household');
  t.equal(res.json().code, 'entry.validation_required', 'the answer asks for the validation');
});

t.test('after a reopening nothing is dated back into the closed stay', async (t) => {
  const { svc, as } = await setUp(t);
  // exited, then back: the new entry decision and a pause cannot be dated before the reopening
  const exited = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await exited.do(commands.acceptEntry('2026-06-05'));
  await exited.do(commands.diagnostic('2026-06-20'), as.officer);
  await exited.do(commands.contact('2026-06-25'), as.officer);
  await exited.do(step.exit('2026-07-01', 'contact_lost', 'Plus de réponse'), as.officer);
  await exited.do(step.reopen('2026-08-01'));
  await exited.rejects(commands.acceptEntry('2026-06-10'), { status: 422, code: 'date.before_reopening', field: 'decidedOn' });
  await exited.do(commands.acceptEntry('2026-08-03'));
  await exited.rejects(commands.pause('2026-06-26'), { status: 422, code: 'date.before_reopening', field: 'startDate' }, as.officer);
  t.equal((await exited.state()).stayStartedOn, '2026-08-01');
  t.match((await exited.state()).reopenings, [{ reopenedOn: '2026-08-01', after: 'exit', reason: /./ }]);
  // rejected, then reopened: the days after the rejection are no more open than those of an exit
  const rejected = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await rejected.do(commands.rejectEntry('2026-06-05'));
  await rejected.do(step.reopen('2026-08-01'));
  await rejected.rejects(commands.acceptEntry('2026-07-01'), { status: 422, code: 'date.before_reopening', field: 'decidedOn' });
  await rejected.do(commands.acceptEntry('2026-08-01'));
  await rejected.rejects(commands.contact('2026-07-02'), { status: 422, code: 'date.before_reopening', field: 'contactDate' }, as.officer);
  await rejected.do(commands.contact('2026-08-02'), as.officer);
  // the full view says when and why it was reopened, though no exit preceded it
  const reopened = await rejected.state();
  t.same(reopened.exits, []);
  t.match(reopened.reopenings, [{ reopenedOn: '2026-08-01', after: 'rejection', reason: /./ }]);
});

t.test('a closed door is made of home visits of the current stay', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(step.attempt('2026-06-10', 'home_visit', 'no_answer', 'visit-a'), as.officer);
  await p.do(step.attempt('2026-06-12', 'home_visit', 'no_answer', 'visit-b'), as.officer);
  await p.do(step.exit('2026-06-20', 'contact_lost', 'Plus de réponse'), as.officer);
  await p.do(step.reopen('2026-08-01'));
  const insufficient = { status: 422, code: 'closed_door.insufficient_attempts' };
  await p.rejects(step.closedDoor('2026-08-02'), insufficient, as.officer);
  await p.rejects(step.closedDoor('2026-08-02', ['visit-a', 'visit-b']), { ...insufficient, field: 'attemptIds.0' }, as.officer);
  await p.do(step.attempt('2026-08-03', 'home_visit', 'no_answer'), as.officer);
  await p.do(step.attempt('2026-08-05', 'home_visit', 'no_answer'), as.officer);
  await p.do(step.closedDoor('2026-08-06'), as.officer);
});

t.test('an exit is reported even after the household came back: the report names it, dated when it was made', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.do(step.exit('2026-07-01', 'contact_lost', 'Plus de réponse'), as.officer);
  await p.do(step.reopen('2026-08-01'));
  const report = (reportedOn: string, exitDate?: string) => ({ type: 'ReportExit' as const, data: { reportedOn, recipients: ['referrer' as const], ...(exitDate ? { exitDate } : {}) } });
  await p.rejects(report('2026-07-02'), { status: 409, code: 'pathway.not_exited', field: 'exitDate' }, as.officer);
  await p.rejects(report('2026-07-02', '2026-06-30'), { status: 404, code: 'exit.not_found', field: 'exitDate' }, as.officer);
  await p.rejects(report('2026-06-30', '2026-07-01'), { status: 422, code: 'date.out_of_order', field: 'reportedOn' }, as.officer);
  // told the day after the exit, while the pathway was closed, and recorded only now
  await p.do(report('2026-07-02', '2026-07-01'), as.officer);
  await p.rejects(report('2026-08-02', '2026-07-01'), { status: 409, code: 'exit.already_reported', field: 'recipients.0' }, as.officer);
  t.match((await p.state()).exits, [{ exitDate: '2026-07-01', reopenedOn: '2026-08-01', reportedTo: [{ recipient: 'referrer', reportedOn: '2026-07-02' }] }]);
  // the other recipient, told after the household came back
  await p.do({ type: 'ReportExit', data: { reportedOn: '2026-08-02', recipients: ['coordinator'], exitDate: '2026-07-01' } }, as.officer);
});

t.test('two exits on one day are reported each in turn', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.do(step.exit('2026-07-01', 'contact_lost', 'Plus de réponse'), as.officer);
  await p.do(step.reopen('2026-07-01'));
  await p.do(step.exit('2026-07-01', 'moved', 'Déménagement'), as.officer);
  await p.do(step.reportExit('2026-07-02', ['coordinator']), as.officer);
  await p.do({ type: 'ReportExit', data: { reportedOn: '2026-07-02', recipients: ['coordinator'], exitDate: '2026-07-01' } }, as.officer);
  t.same((await p.state()).exits.map((e: { reportedTo: unknown[] }) => e.reportedTo.length), [1, 1], 'each exit told once');
  await p.rejects({ type: 'ReportExit', data: { reportedOn: '2026-07-03', recipients: ['coordinator'], exitDate: '2026-07-01' } }, { status: 409, code: 'exit.already_reported' }, as.officer);
});

t.test('an earlier exit can be reported after a re-entry was rejected', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await p.do(commands.acceptEntry('2026-06-05'));
  await p.do(step.exit('2026-07-01', 'contact_lost', 'Plus de réponse'), as.officer);
  await p.do(step.reopen('2026-08-01'));
  await p.do(commands.rejectEntry('2026-08-02'));
  await p.do({ type: 'ReportExit', data: { reportedOn: '2026-08-03', recipients: ['referrer'], exitDate: '2026-07-01' } }, as.officer);
  t.match((await p.state()).exits, [{ exitDate: '2026-07-01', reportedTo: [{ recipient: 'referrer' }] }]);
});
