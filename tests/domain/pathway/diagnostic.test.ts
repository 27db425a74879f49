import t from 'tap';
import { commands as c, diagnosticData, events as e } from './fixtures.js';
import { given } from './given.js';

const slime = [e.referred()];
const pdc = [e.referred({ programme: 'pdc-energy-2026' }), e.accepted('2026-06-05')];

t.test('a diagnostic visit is recorded with everything the pair found', async (t) => {
  const state = given(t, slime).when(c.diagnostic('2026-06-20')).then([
    { type: 'DiagnosticVisitCompleted', data: diagnosticData('id-1', '2026-06-20') },
  ]);
  t.equal(state?.stage, 'diagnosed');
  t.equal(state?.diagnostics.length, 1);
});

t.test('a second, seasonal diagnostic is a new visit', async (t) => {
  given(t, [...slime, e.diagnostic('visit-1', '2026-06-20')]).when(c.diagnostic('2026-09-01')).thenAccepts();
});

t.test('a supplied visit id is not reused', async (t) => {
  given(t, [...slime, e.diagnostic('visit-1')]).when(c.diagnostic('2026-07-01', 'visit-1')).thenRejects('id.already_used', 'visitId');
});

t.test('where the entry is validated, a diagnostic is not dated before the validation', async (t) => {
  given(t, pdc).when(c.diagnostic('2026-06-04')).thenRejects('date.before_entry_validation', 'visitDate');
  given(t, pdc).when(c.diagnostic('2026-06-05')).thenAccepts();
});

t.test('a diagnostic is not dated in the future nor before the referral', async (t) => {
  given(t, slime).when(c.diagnostic('2026-09-16')).thenRejects('date.in_future', 'visitDate');
  given(t, slime).when(c.diagnostic('2026-05-30')).thenRejects('date.before_referral', 'visitDate');
});

t.test('the report', async (t) => {
  t.test('follows a diagnostic visit', async (t) => {
    given(t, slime).when({ type: 'IssueDiagnosticReport', data: { issuedOn: '2026-06-25' } }).thenRejects('diagnostic.required');
  });
  t.test('names a visit of this pathway', async (t) => {
    given(t, [...slime, e.diagnostic()])
      .when({ type: 'IssueDiagnosticReport', data: { issuedOn: '2026-06-25', visitId: 'visit-9' } })
      .thenRejects('diagnostic.not_found', 'visitId');
  });
  t.test('is issued after the visit, on the latest visit by default', async (t) => {
    given(t, [...slime, e.diagnostic('visit-1', '2026-06-20')])
      .when({ type: 'IssueDiagnosticReport', data: { issuedOn: '2026-06-19' } })
      .thenRejects('date.out_of_order', 'issuedOn');
    given(t, [...slime, e.diagnostic('visit-1', '2026-06-20')])
      .when({ type: 'IssueDiagnosticReport', data: { issuedOn: '2026-06-25', validatedBy: 'Cheffe de service' } })
      .then([{
        type: 'DiagnosticReportIssued',
        data: { reportId: 'id-1', visitId: 'visit-1', issuedOn: '2026-06-25', parts: ['family_summary', 'technical_summary'], validatedBy: 'Cheffe de service' },
      }]);
  });
  t.test('is sent to the household, the referrer and, for a tenant, the landlord', async (t) => {
    const past = [...slime, e.diagnostic(), e.report('report-1')];
    given(t, past)
      .when({ type: 'SendDiagnosticReport', data: { sentOn: '2026-06-26', recipient: 'landlord', landlordKind: 'private' } })
      .then([{ type: 'DiagnosticReportSent', data: { reportId: 'report-1', sentOn: '2026-06-26', recipient: 'landlord', landlordKind: 'private' } }]);
    given(t, past).when({ type: 'SendDiagnosticReport', data: { sentOn: '2026-06-24', recipient: 'household' } }).thenRejects('date.out_of_order', 'sentOn');
  });
  t.test('cannot go to a landlord the household does not have', async (t) => {
    const owner = [e.referred({ tenure: 'owner_occupier' }), e.diagnostic(), e.report()];
    given(t, owner)
      .when({ type: 'SendDiagnosticReport', data: { sentOn: '2026-06-26', recipient: 'landlord', landlordKind: 'private' } })
      .thenRejects('report.no_landlord', 'recipient');
  });
  t.test('must have been issued to be sent', async (t) => {
    given(t, [...slime, e.diagnostic()]).when({ type: 'SendDiagnosticReport', data: { sentOn: '2026-06-26', recipient: 'household' } }).thenRejects('report.not_found');
    given(t, [...slime, e.diagnostic(), e.report('report-1')])
      .when({ type: 'SendDiagnosticReport', data: { reportId: 'report-2', sentOn: '2026-06-26', recipient: 'household' } })
      .thenRejects('report.not_found', 'reportId');
  });
});
