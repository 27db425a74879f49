// The diagnostic visit (DST) and its report over HTTP.
import t from 'tap';
import { commands, Pathway, setUp, step } from '../journeys/steps.js';

t.test('a report follows a diagnostic visit that exists, and is not dated before it', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.rejects(step.issueReport('2026-06-25'), { status: 409, code: 'diagnostic.required' }, as.officer);
  await p.do(commands.diagnostic('2026-06-20', 'dst-1'), as.officer);
  await p.rejects(step.issueReport('2026-06-25', { visitId: 'dst-9' }), { status: 404, code: 'diagnostic.not_found', field: 'visitId' }, as.officer);
  await p.rejects(step.issueReport('2026-06-19'), { status: 422, code: 'date.out_of_order', field: 'issuedOn' }, as.officer);
  await p.do(step.issueReport('2026-06-25', { reportId: 'rap-1' }), as.officer);
  await p.rejects(step.issueReport('2026-06-26', { reportId: 'rap-1' }), { status: 409, code: 'id.already_used', field: 'reportId' }, as.officer);
  const s = await p.state();
  t.equal(s.reports['rap-1'].visitId, 'dst-1', 'the report is on the latest visit by default');
});

t.test('a report is sent once issued, not before it was issued', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.rejects(step.sendReport('2026-06-26', 'household'), { status: 404, code: 'report.not_found', field: 'reportId' }, as.officer);
  await p.do(step.issueReport('2026-06-25', { reportId: 'rap-1' }), as.officer);
  await p.rejects(step.sendReport('2026-06-26', 'household', { reportId: 'rap-2' }), { status: 404, code: 'report.not_found', field: 'reportId' }, as.officer);
  await p.rejects(step.sendReport('2026-06-24', 'household'), { status: 422, code: 'date.out_of_order', field: 'sentOn' }, as.officer);
  await p.do(step.sendReport('2026-06-26', 'household'), as.officer);
  await p.do(step.sendReport('2026-06-27', 'landlord', { landlordKind: 'private' }), as.officer);
  t.same((await p.state()).reports['rap-1'].sendings.map((s: { recipient: string }) => s.recipient), ['household', 'landlord']);
});

t.test('an owner-occupier has no landlord to send the technical summary to', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { tenure: 'owner_occupier' });
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.do(step.issueReport('2026-06-25'), as.officer);
  await p.rejects(step.sendReport('2026-06-26', 'landlord', { landlordKind: 'private' }), { status: 422, code: 'report.no_landlord', field: 'recipient' }, as.officer);
  await p.do(step.sendReport('2026-06-26', 'referrer'), as.officer);
});

t.test('a diagnostic visit id is used once', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20', 'dst-1'), as.officer);
  await p.rejects(commands.diagnostic('2026-07-10', 'dst-1'), { status: 409, code: 'id.already_used', field: 'visitId' }, as.officer);
  await p.do(commands.diagnostic('2026-07-20', 'dst-winter'), as.officer);
  t.equal((await p.state()).diagnostics.length, 2, 'a second seasonal visit is recorded');
});

t.test('Pas-de-Calais energy: no diagnostic before the entry validation, nor dated before it', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026' });
  await p.rejects(commands.diagnostic('2026-06-04'), { status: 409, code: 'entry.validation_required' }, as.officer);
  await p.do(commands.acceptEntry('2026-06-10'));
  await p.rejects(commands.diagnostic('2026-06-08'), { status: 422, code: 'date.before_entry_validation', field: 'visitDate' }, as.officer);
  await p.do(commands.diagnostic('2026-06-10'), as.officer);
  t.equal((await p.state()).stage, 'diagnosed', 'a visit on the day of the validation is funded work');
});

t.test('Pas-de-Calais ASTRE checks entries too; the housing-first measure has no home diagnostic', async (t) => {
  const { svc, as } = await setUp(t);
  const astre = await Pathway.refer(t, svc, as, { programme: 'pdc-astre-2026', tenure: 'owner_occupier' });
  await astre.rejects(commands.diagnostic('2026-06-20'), { status: 409, code: 'entry.validation_required' }, as.officer);
  const adsl = await Pathway.refer(t, svc, as, { programme: 'pdc-adsl-2026' });
  await adsl.do(commands.acceptEntry('2026-06-05'));
  await adsl.rejects(commands.diagnostic('2026-06-20'), { status: 422, code: 'command.not_applicable_to_programme' }, as.officer);
  await adsl.rejects(step.issueReport('2026-06-25'), { status: 422, code: 'command.not_applicable_to_programme' }, as.officer);
  await adsl.rejects(step.sendReport('2026-06-26', 'household'), { status: 422, code: 'command.not_applicable_to_programme' }, as.officer);
});

t.test('a diagnostic visit is not held while the support is paused', async (t) => {
  const { svc, as } = await setUp(t);
  const p = await Pathway.refer(t, svc, as);
  await p.do(commands.diagnostic('2026-06-20'), as.officer);
  await p.do(commands.pause('2026-07-01'), as.officer);
  await p.rejects(commands.diagnostic('2026-07-15'), { status: 409, code: 'pause.active', field: 'visitDate' }, as.officer);
  await p.do(commands.endPause('2026-08-01'), as.officer);
  await p.rejects(commands.diagnostic('2026-07-15'), { status: 422, code: 'date.within_pause', field: 'visitDate' }, as.officer);
  await p.do(commands.diagnostic('2026-08-01'), as.officer);
});
