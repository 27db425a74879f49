// A Slime+ household, from the referral by the MDS's information system to its return a year
// later, told over HTTP by the people who would record each step, with If-Match throughout.
import t from 'tap';
import {
  checkHistory, checkReferrerView, checkTimeline, commands, diagnosticIn, Pathway, setUp, step, type Entry,
} from './steps.js';

t.test('Slime+: referral, diagnostic, orientations, reinforced support, pause, N+1 with evaluation, exit, return', async (t) => {
  const { svc, as } = await setUp(t);
  const { coordinator, officer } = as;

  // The MDS's social information system refers the household (no entry validation in Slime+).
  const p = await Pathway.refer(t, svc, as, { referredOn: '2025-09-08' });
  p.ifMatch = true;

  // The coordinator gives the case to a visit officer, who phones and books the diagnostic visit.
  await p.do(step.assign('2025-09-09'), coordinator);
  await p.do(step.attempt('2025-09-10', 'phone', 'reached'), officer);
  await p.do(step.schedule('2025-09-10', '2025-09-24'), officer);
  await p.do(step.attempt('2025-09-24', 'home_visit', 'no_answer'), officer);
  await p.do(step.schedule('2025-09-25', '2025-10-02'), officer);

  // The diagnostic visit, its report to the household and the referrer, and two orientations
  // (recorded after the report was sent, though proposed the day it was issued).
  await p.do(diagnosticIn('mid_season', '2025-10-02', 'dst-1'), officer);
  await p.do(step.issueReport('2025-10-09', { reportId: 'rap-1' }), officer);
  await p.do(step.sendReport('2025-10-10', 'household'), officer);
  await p.do(step.sendReport('2025-10-10', 'referrer'), officer);
  await p.do(step.propose('2025-10-09', 'financial_aid_fsl', 'fsl'), officer);
  await p.do(step.propose('2025-10-09', 'landlord_mediation', 'landlord', { name: 'Propriétaire bailleur', kind: 'private_landlord' }), officer);

  // Reinforced support: the FSL aid goes through, the landlord is brought round.
  await p.do(commands.changeStatus('fsl', 'accepted', '2025-10-15'), officer);
  await p.do(commands.contact('2025-11-05', { channel: 'mediation', orientationIds: ['landlord'], declaredPhase: 'reinforced_support' }), officer);
  await p.do(commands.changeStatus('landlord', 'accepted', '2025-11-05'), officer);
  await p.do(commands.changeStatus('fsl', 'done', '2025-11-20'), officer);
  await p.do(commands.changeStatus('landlord', 'in_progress', '2025-12-01'), officer);
  await p.do(commands.contact('2026-01-12', { channel: 'home_visit', orientationIds: ['landlord'], declaredPhase: 'reinforced_support' }), officer);

  // A break while the landlord's works are done, then the one-year follow-up, hosting the evaluation.
  await p.do(commands.pause('2026-02-01'), officer);
  await p.do(commands.endPause('2026-09-15'), officer);
  await p.do(commands.contact('2026-10-05', { contactId: 'n1', orientationIds: ['fsl', 'landlord'], declaredPhase: 'one_year_follow_up' }), officer);
  await p.do(commands.changeStatus('landlord', 'done', '2026-10-05'), officer);
  await p.do(step.evaluation('2026-10-05', { contactId: 'n1', annualEnergySpendingAfter: 1400, annualIncomeAfter: 17200 }), officer);

  // The pathway is completed and reported without delay, to the coordinator then the referrer.
  await p.do(step.exit('2026-10-20', 'completed'), officer);
  await p.do(step.reportExit('2026-10-20', ['coordinator']), officer);
  await p.do(step.reportExit('2026-10-22', ['referrer']), coordinator);

  // The household comes back with a water debt: the pathway is reopened and support resumes.
  await p.do(step.reopen('2026-11-09'), coordinator);
  await p.do(step.propose('2026-11-12', 'supplier_arrangement', 'water', { name: 'Régie des eaux', kind: 'water_supplier' }), officer);
  await p.do(commands.contact('2026-11-12', { orientationIds: ['water'], declaredPhase: 'reinforced_support' }), officer);
  await p.unchanged('at the end of the journey');

  // Where the pathway stands.
  const s = await p.state();
  t.match(s, {
    programme: 'slime-plus', status: 'active', stage: 'support', reopenCount: 1, assignedOfficerId: 'officer-julie',
    entry: null, measure: null, currentExit: null, activePause: null,
  });
  t.same(
    Object.values(s.orientations).map((o: any) => [o.orientationId, o.category, o.status]),
    [['fsl', 'financial_aid_fsl', 'done'], ['landlord', 'landlord_mediation', 'done'], ['water', 'supplier_arrangement', 'proposed']],
  );
  t.same(s.exits, [{
    exitDate: '2026-10-20', exitType: 'completed', reopenedOn: '2026-11-09', reopenReason: 'Nouvelle demande du ménage',
    reportedTo: [{ recipient: 'coordinator', reportedOn: '2026-10-20' }, { recipient: 'referrer', reportedOn: '2026-10-22' }],
  }]);
  t.same(s.pauses.map((x: any) => [x.startDate, x.endDate]), [['2026-02-01', '2026-09-15']]);
  t.same(s.diagnostics.map((d: any) => [d.visitId, d.season]), [['dst-1', 'mid_season']]);
  t.same(s.reports['rap-1'].sendings.map((x: any) => x.recipient), ['household', 'referrer']);
  t.same(s.evaluations.map((e: any) => e.contactId), ['n1']);
  t.equal(s.lastActivityOn, '2026-11-12');

  // The raw history, and who recorded each step.
  const history: Entry[] = [
    ['HouseholdReferred', 'partner', '2025-09-08'],
    ['VisitOfficerAssigned', 'coordinator', '2025-09-09'],
    ['ContactAttempted', 'officer', '2025-09-10'],
    ['VisitScheduled', 'officer', '2025-09-10'],
    ['ContactAttempted', 'officer', '2025-09-24'],
    ['VisitScheduled', 'officer', '2025-09-25'],
    ['DiagnosticVisitCompleted', 'officer', '2025-10-02'],
    ['DiagnosticReportIssued', 'officer', '2025-10-09'],
    ['DiagnosticReportSent', 'officer', '2025-10-10'],
    ['DiagnosticReportSent', 'officer', '2025-10-10'],
    ['OrientationProposed', 'officer', '2025-10-09'],
    ['OrientationProposed', 'officer', '2025-10-09'],
    ['OrientationStatusChanged', 'officer', '2025-10-15'],
    ['SupportContactRecorded', 'officer', '2025-11-05'],
    ['OrientationStatusChanged', 'officer', '2025-11-05'],
    ['OrientationStatusChanged', 'officer', '2025-11-20'],
    ['OrientationStatusChanged', 'officer', '2025-12-01'],
    ['SupportContactRecorded', 'officer', '2026-01-12'],
    ['PauseDeclared', 'officer', '2026-02-01'],
    ['PauseEnded', 'officer', '2026-09-15'],
    ['SupportContactRecorded', 'officer', '2026-10-05'],
    ['OrientationStatusChanged', 'officer', '2026-10-05'],
    ['EvaluationRecorded', 'officer', '2026-10-05'],
    ['PathwayExited', 'officer', '2026-10-20'],
    ['ExitReported', 'officer', '2026-10-20'],
    ['ExitReported', 'coordinator', '2026-10-22'],
    ['PathwayReopened', 'coordinator', '2026-11-09'],
    ['OrientationProposed', 'officer', '2026-11-12'],
    ['SupportContactRecorded', 'officer', '2026-11-12'],
  ];
  t.equal(p.revision, history.length - 1);
  await checkHistory(t, p, history);

  // The timeline tells it in business-date order: the orientations of 9 October before the sendings of the 10th.
  await checkTimeline(t, p, history, [
    [0, /Household referred to slime-plus \(territory calaisis\)/],
    [6, /Diagnostic visit \(mid season\) by 2 visitors/],
    [20, /Support contact by phone with \d+ participants?(, about \d+ orientations?)?, declared one year follow up/],
    [23, /Pathway exited: completed/],
    [25, /Exit reported to the referrer/],
    [26, /Pathway reopened on 2026-11-09/],
  ]);

  // The referrer learns the outcome: the kinds of help, the exit and the return, nothing personal.
  await checkReferrerView(t, p, {
    programme: 'slime-plus', status: 'active', stage: 'support', referredOn: '2025-09-08', entry: null,
    diagnosticVisitDates: ['2025-10-02'],
    orientations: [
      { orientationId: 'fsl', category: 'financial_aid_fsl', status: 'done', proposedOn: '2025-10-09', statusChangedOn: '2025-11-20' },
      { orientationId: 'landlord', category: 'landlord_mediation', status: 'done', statusChangedOn: '2026-10-05' },
      { orientationId: 'water', category: 'supplier_arrangement', status: 'proposed' },
    ],
    measure: null, exit: null,
    exits: [{ exitType: 'completed', exitDate: '2026-10-20', reopenedOn: '2026-11-09' }],
    reopenCount: 1, lastActivityOn: '2026-11-12',
  });
});
