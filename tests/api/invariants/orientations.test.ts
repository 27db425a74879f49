// Orientations over HTTP: each one follows proposed → accepted / refused → in progress →
// done / abandoned on its own, and closing one never blocks anything else.
import t, { type Test } from 'tap';
import { commands, Pathway, setUp, step, type Actors, type Service } from '../journeys/steps.js';

/** A Slime+ pathway after its diagnostic, with orientations proposed on 25 June. */
async function oriented(t: Test, svc: Service, as: Actors, ids: string[]): Promise<Pathway> {
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  for (const id of ids) await p.do(step.propose('2026-06-25', 'financial_aid_fsl', id), as.officer);
  return p;
}

const change = (id: string, status: 'accepted' | 'refused' | 'in_progress' | 'done' | 'abandoned', on: string) => commands.changeStatus(id, status, on);
const invalid = { status: 409, code: 'orientation.invalid_transition', field: 'status' };

t.test('every allowed transition is recorded', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await oriented(t, svc, as, ['full', 'refused', 'dropped', 'quick', 'late-drop', 'stalled']);
  await p.do(change('full', 'accepted', '2026-07-01'), as.officer);
  await p.do(change('full', 'in_progress', '2026-07-10'), as.officer);
  await p.do(change('full', 'done', '2026-08-01'), as.officer);
  await p.do(change('refused', 'refused', '2026-07-01'), as.officer);
  await p.do(change('dropped', 'abandoned', '2026-07-01'), as.officer);
  await p.do(change('quick', 'accepted', '2026-07-01'), as.officer);
  await p.do(change('quick', 'done', '2026-07-02'), as.officer);
  await p.do(change('late-drop', 'accepted', '2026-07-01'), as.officer);
  await p.do(change('late-drop', 'abandoned', '2026-07-20'), as.officer);
  await p.do(change('stalled', 'accepted', '2026-07-01'), as.officer);
  await p.do(change('stalled', 'in_progress', '2026-07-05'), as.officer);
  await p.do(change('stalled', 'abandoned', '2026-09-01'), as.officer);

  const o = (await p.state()).orientations;
  t.same(
    Object.fromEntries(Object.entries(o).map(([id, v]) => [id, (v as { status: string }).status])),
    { full: 'done', refused: 'refused', dropped: 'abandoned', quick: 'done', 'late-drop': 'abandoned', stalled: 'abandoned' },
  );
  t.same(o.full.history.map((h: { status: string; on: string }) => [h.status, h.on]), [
    ['proposed', '2026-06-25'], ['accepted', '2026-07-01'], ['in_progress', '2026-07-10'], ['done', '2026-08-01'],
  ]);
});

t.test('a transition outside the lifecycle is refused with orientation.invalid_transition', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await oriented(t, svc, as, ['a', 'b', 'c', 'd']);
  await p.rejects(change('a', 'in_progress', '2026-07-01'), invalid, as.officer);
  await p.rejects(change('a', 'done', '2026-07-01'), invalid, as.officer);
  await p.do(change('a', 'accepted', '2026-07-01'), as.officer);
  await p.rejects(change('a', 'accepted', '2026-07-02'), invalid, as.officer);
  await p.rejects(change('a', 'refused', '2026-07-02'), invalid, as.officer);
  await p.do(change('a', 'done', '2026-07-03'), as.officer);
  for (const to of ['accepted', 'in_progress', 'abandoned', 'done', 'refused'] as const) {
    await p.rejects(change('a', to, '2026-07-04'), invalid, as.officer);
  }
  await p.do(change('b', 'refused', '2026-07-01'), as.officer);
  await p.rejects(change('b', 'accepted', '2026-07-02'), invalid, as.officer);
  await p.do(change('c', 'abandoned', '2026-07-01'), as.officer);
  await p.rejects(change('c', 'in_progress', '2026-07-02'), invalid, as.officer);
  await p.do(change('d', 'accepted', '2026-07-01'), as.officer);
  await p.do(change('d', 'in_progress', '2026-07-02'), as.officer);
  await p.rejects(change('d', 'accepted', '2026-07-03'), invalid, as.officer);
  await p.rejects(change('d', 'refused', '2026-07-03'), invalid, as.officer);
  const o = (await p.state()).orientations;
  t.same([o.a.status, o.b.status, o.c.status, o.d.status], ['done', 'refused', 'abandoned', 'in_progress']);
});

t.test('one orientation done never blocks the others, a new orientation, or a new contact', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await oriented(t, svc, as, ['fsl', 'landlord']);
  await p.do(change('fsl', 'accepted', '2026-07-01'), as.officer);
  await p.do(change('fsl', 'done', '2026-07-15'), as.officer);

  await p.do(change('landlord', 'accepted', '2026-07-16'), as.officer);
  await p.do(change('landlord', 'in_progress', '2026-07-20'), as.officer);
  await p.do(step.propose('2026-07-21', 'renovation_works', 'anah', { name: 'Opérateur ANAH', kind: 'anah_operator' }), as.officer);
  await p.do(commands.contact('2026-07-22', { orientationIds: ['landlord', 'anah'], declaredPhase: 'reinforced_support' }), as.officer);
  await p.do(commands.contact('2026-07-23', { orientationIds: ['fsl'] }), as.officer);
  await p.do(change('anah', 'accepted', '2026-07-24'), as.officer);
  await p.do(change('landlord', 'done', '2026-08-10'), as.officer);
  await p.do(commands.contact('2026-08-11'), as.officer);

  const s = await p.state();
  t.same([s.orientations.fsl.status, s.orientations.landlord.status, s.orientations.anah.status], ['done', 'done', 'accepted']);
  t.equal(Object.keys(s.contacts).length, 3);
  t.equal(s.stage, 'support');
});

t.test('an orientation must exist, changes go forward in time, ids are unique', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await oriented(t, svc, as, ['fsl']);
  await p.rejects(change('nope', 'accepted', '2026-07-01'), { status: 404, code: 'orientation.not_found', field: 'orientationId' }, as.officer);
  await p.rejects(change('fsl', 'accepted', '2026-06-24'), { status: 422, code: 'date.out_of_order', field: 'changedOn' }, as.officer);
  await p.do(change('fsl', 'accepted', '2026-06-25'), as.officer);
  await p.rejects(step.propose('2026-07-01', 'health', 'fsl'), { status: 409, code: 'id.already_used', field: 'orientationId' }, as.officer);
  await p.rejects(commands.contact('2026-07-02', { orientationIds: ['fsl', 'ghost'] }), { status: 404, code: 'orientation.not_found', field: 'orientationIds.1' }, as.officer);
  await p.rejects(commands.contact('2026-06-24', { orientationIds: ['fsl'] }), { status: 422, code: 'date.out_of_order', field: 'orientationIds.0' }, as.officer);
});

t.test('orientations are not recorded on an exited pathway until it is reopened', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await oriented(t, svc, as, ['fsl']);
  await p.do(step.exit('2026-07-01', 'refusal', 'Le ménage refuse la suite'), as.officer);
  await p.rejects(change('fsl', 'abandoned', '2026-07-02'), { status: 409, code: 'pathway.exited' }, as.officer);
  await p.rejects(step.propose('2026-07-02', 'health', 'health-1'), { status: 409, code: 'pathway.exited' }, as.officer);
  await p.do(step.reopen('2026-07-10'));
  await p.do(change('fsl', 'accepted', '2026-07-11'), as.officer);
  await p.do(step.propose('2026-07-11', 'health', 'health-1'), as.officer);
});
