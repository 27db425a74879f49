// Contact attempts, scheduled visits and closed doors over HTTP.
import t from 'tap';
import { Pathway, setUp, step } from '../journeys/steps.js';

t.test('a closed door needs two failed home visits, each counted once', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  const insufficient = { status: 422, code: 'closed_door.insufficient_attempts', field: 'attemptIds' };

  await p.rejects(step.closedDoor('2026-06-10'), insufficient, as.officer);
  await p.do(step.attempt('2026-06-05', 'home_visit', 'no_answer', 'hv-1'), as.officer);
  await p.do(step.attempt('2026-06-06', 'phone', 'no_answer', 'ph-1'), as.officer);
  await p.rejects(step.closedDoor('2026-06-10'), insufficient, as.officer);
  await p.do(step.attempt('2026-06-09', 'home_visit', 'no_answer', 'hv-2'), as.officer);

  await p.do(step.closedDoor('2026-06-10'), as.officer);
  const s = await p.state();
  t.equal(s.stage, 'closed_door');
  t.same(s.closedDoors.map((d: { attemptIds: string[] }) => d.attemptIds), [['hv-1', 'hv-2']], 'the two failed home visits, not the phone call');
  await p.rejects(step.closedDoor('2026-06-11'), insufficient, as.officer);
});

t.test('a closed door naming its attempts: they must exist, differ, be failed home visits not yet counted', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(step.attempt('2026-06-05', 'home_visit', 'no_answer', 'hv-1'), as.officer);
  await p.do(step.attempt('2026-06-06', 'home_visit', 'reached', 'hv-ok'), as.officer);
  await p.do(step.attempt('2026-06-09', 'home_visit', 'no_answer', 'hv-2'), as.officer);

  await p.rejects(step.closedDoor('2026-06-10', ['hv-1', 'hv-404']), { status: 404, code: 'contact_attempt.not_found', field: 'attemptIds.1' }, as.officer);
  await p.rejects(step.closedDoor('2026-06-10', ['hv-1', 'hv-1']), { status: 422, code: 'closed_door.insufficient_attempts', field: 'attemptIds.1' }, as.officer);
  await p.rejects(step.closedDoor('2026-06-10', ['hv-ok', 'hv-2']), { status: 422, code: 'closed_door.insufficient_attempts', field: 'attemptIds.0' }, as.officer);
  await p.rejects(step.closedDoor('2026-06-08', ['hv-1', 'hv-2']), { status: 422, code: 'date.out_of_order', field: 'recordedOn' }, as.officer);
  await p.do(step.closedDoor('2026-06-10', ['hv-1', 'hv-2']), as.officer);
  await p.do(step.attempt('2026-06-12', 'home_visit', 'no_answer', 'hv-3'), as.officer);
  await p.rejects(step.closedDoor('2026-06-12', ['hv-2', 'hv-3']), { status: 422, code: 'closed_door.insufficient_attempts', field: 'attemptIds.0' }, as.officer);
});

t.test('ids are unique within the pathway', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(step.attempt('2026-06-05', 'phone', 'no_answer', 'call-1'), as.officer);
  await p.rejects(step.attempt('2026-06-06', 'phone', 'reached', 'call-1'), { status: 409, code: 'id.already_used', field: 'attemptId' }, as.officer);
  await p.do({ type: 'ScheduleVisit', data: { visitId: 'rdv-1', scheduledOn: '2026-06-06', scheduledFor: '2026-06-18' } }, as.officer);
  await p.rejects({ type: 'ScheduleVisit', data: { visitId: 'rdv-1', scheduledOn: '2026-06-07', scheduledFor: '2026-06-19' } }, { status: 409, code: 'id.already_used', field: 'visitId' }, as.officer);
});

t.test('a visit is scheduled on a past day, for a day that may be to come but not before it was agreed', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(step.schedule('2026-06-05', '2099-03-01'), as.officer);
  t.equal((await p.state()).stage, 'visit_scheduled', 'the agreed date may lie in the future');
  await p.rejects(step.schedule('2026-06-08', '2026-06-07'), { status: 422, code: 'date.out_of_order', field: 'scheduledFor' }, as.officer);
  await p.rejects(step.schedule('2099-03-01', '2099-03-02'), { status: 422, code: 'date.in_future', field: 'scheduledOn' }, as.officer);
});

t.test('closed doors belong to programmes with home diagnostics', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-adsl-2026' });
  await p.do({ type: 'AcceptEntry', data: { decidedOn: '2026-06-05' } });
  await p.do(step.attempt('2026-06-06', 'home_visit', 'no_answer'), as.officer);
  await p.do(step.attempt('2026-06-08', 'home_visit', 'no_answer'), as.officer);
  await p.rejects(step.closedDoor('2026-06-09'), { status: 422, code: 'command.not_applicable_to_programme' }, as.officer);
});

t.test('before the entry is validated a contact may be attempted but no visit scheduled', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await p.do(step.attempt('2026-06-03', 'home_visit', 'no_answer'), as.officer);
  await p.do(step.attempt('2026-06-04', 'home_visit', 'no_answer'), as.officer);
  await p.rejects(step.schedule('2026-06-04', '2026-06-12'), { status: 409, code: 'entry.validation_required' }, as.officer);
  await p.rejects(step.closedDoor('2026-06-04'), { status: 409, code: 'entry.validation_required' }, as.officer);
});
