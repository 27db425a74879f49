// A Pas-de-Calais energy-poverty accompaniment (project 1, 2026): the SLISL validates the entry,
// a diagnostic leads to a 3-month accompaniment renewed to 6, monthly notes and a final review
// signed by the household; the household comes back and its re-entry is validated again.
import t from 'tap';
import {
  checkHistory, checkReferrerView, checkTimeline, commands, diagnosticIn, Pathway, setUp, step, type Entry,
} from './steps.js';

t.test('Pas-de-Calais energy 2026: validation, diagnostic, accompaniment with notes, final review, exit, re-entry', async (t) => {
  const { svc, as } = await setUp(t);
  const { coordinator, officer } = as;

  // Referred by the MDS's information system; the SLISL validates the entry and an officer is named.
  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-energy-2026', referredOn: '2026-06-02' });
  p.ifMatch = true;
  t.equal((await p.state()).status, 'awaiting_validation');
  await p.do({ type: 'AcceptEntry', data: { decidedOn: '2026-06-05', deciderName: 'SLISL du Calaisis', reason: 'Impayés et logement froid' } }, coordinator);
  await p.do(step.assign('2026-06-05'), coordinator);

  // Contact, diagnostic, the report to the household and to the private landlord, two orientations.
  await p.do(step.attempt('2026-06-08', 'phone', 'reached'), officer);
  await p.do(step.schedule('2026-06-08', '2026-06-18'), officer);
  await p.do(diagnosticIn('summer', '2026-06-18', 'dst-1'), officer);
  await p.do(step.issueReport('2026-06-22', { reportId: 'rap-1' }), officer);
  await p.do(step.propose('2026-06-22', 'habits_eco_gestures', 'habits', { name: 'Espace conseil France Rénov’', kind: 'other' }), officer);
  await p.do(step.propose('2026-06-22', 'landlord_mediation', 'landlord', { name: 'Propriétaire bailleur', kind: 'private_landlord' }), officer);
  await p.do(step.sendReport('2026-06-23', 'household'), officer);
  await p.do(step.sendReport('2026-06-24', 'landlord', { landlordKind: 'private' }), officer);

  // The SLISL sets a 3-month accompaniment; two home visits a month, each month a signed note.
  await p.do(step.contract('2026-07-01', 3, { contractId: 'acc-1' }), coordinator);
  await p.do(commands.changeStatus('habits', 'accepted', '2026-07-07'), officer);
  await p.do(commands.contact('2026-07-07', { channel: 'home_visit', orientationIds: ['habits'], declaredPhase: 'reinforced_support' }), officer);
  await p.do(commands.contact('2026-07-21', { channel: 'home_visit', orientationIds: ['habits', 'landlord'], declaredPhase: 'reinforced_support' }), officer);
  await p.do(step.note('2026-07', '2026-07-31', ['2026-07-07', '2026-07-21'], ['habits', 'landlord']), officer);
  await p.do(commands.changeStatus('landlord', 'accepted', '2026-08-04'), officer);
  await p.do(commands.contact('2026-08-04', { channel: 'mediation', orientationIds: ['landlord'], declaredPhase: 'reinforced_support' }), officer);
  await p.do(step.note('2026-08', '2026-08-19', ['2026-08-04', '2026-08-18']), officer);

  // A hospital stay pauses the support; the landlord's works take longer: the SLISL extends to 6 months.
  await p.do(commands.pause('2026-08-20'), officer);
  await p.do(commands.endPause('2026-09-01'), officer);
  await p.do({ type: 'RenewMeasure', data: { renewedOn: '2026-09-15', additionalMonths: 3, reason: 'Travaux du bailleur en cours', approvedBy: 'SLISL du Calaisis' } }, coordinator);
  await p.do(step.note('2026-09', '2026-09-30', ['2026-09-08', '2026-09-22']), officer);
  await p.do(commands.changeStatus('habits', 'done', '2026-10-06'), officer);
  await p.do(commands.changeStatus('landlord', 'in_progress', '2026-10-06'), officer);
  await p.do(step.note('2026-10', '2026-10-30', ['2026-10-06', '2026-10-20']), officer);
  await p.do(commands.changeStatus('landlord', 'done', '2026-10-30'), officer);

  // Evaluation, the final review signed by the household, the completed exit reported at once.
  await p.do(step.evaluation('2026-11-03', { annualEnergySpendingAfter: 1400, energySavedKwh: 2100 }), officer);
  await p.do({ type: 'RecordPeriodicReview', data: { reviewDate: '2026-11-05', kind: 'final', signedByHousehold: true, conclusion: 'end' } }, officer);
  await p.do(step.exit('2026-11-05', 'completed'), officer);
  await p.do(step.reportExit('2026-11-05', ['coordinator']), officer);
  await p.do(step.reportExit('2026-11-06', ['referrer']), coordinator);

  // The household comes back: a new entry, validated again by the SLISL before any work.
  await p.do(step.reopen('2026-11-16'), coordinator);
  t.match(await p.state(), { status: 'awaiting_validation', entry: null });
  await p.do(commands.acceptEntry('2026-11-18'), coordinator);
  await p.do(step.attempt('2026-11-19', 'phone', 'reached'), officer);
  await p.unchanged('at the end of the journey');

  const s = await p.state();
  t.match(s, {
    programme: 'pdc-energy-2026', status: 'active', stage: 'contact', reopenCount: 1,
    entry: { decision: 'accepted', decidedOn: '2026-11-18' }, measure: null, currentExit: null, activePause: null,
  });
  t.same(s.entryDecisions.map((d: any) => [d.decision, d.decidedOn, d.decidedBy.actorId]), [
    ['accepted', '2026-06-05', 'coord-anne'], ['accepted', '2026-11-18', 'coord-anne'],
  ]);
  t.same(Object.values(s.orientations).map((o: any) => [o.orientationId, o.status]), [['habits', 'done'], ['landlord', 'done']]);
  t.equal(s.pastMeasures.length, 1, 'the accompaniment belongs to the first stay');
  const [m] = s.pastMeasures;
  t.match(m, { contractId: 'acc-1', startDate: '2026-07-01', initialMonths: 3, totalMonths: 6, endsOn: '2026-12-31', closedOn: '2026-11-05' });
  t.same(m.progressNotes.map((n: any) => [n.month, n.homeVisitDates.length]), [['2026-07', 2], ['2026-08', 2], ['2026-09', 2], ['2026-10', 2]]);
  t.same(m.reviews.map((r: any) => [r.kind, r.signedByHousehold]), [['final', true]]);
  t.same(m.renewals.map((r: any) => r.additionalMonths), [3]);
  t.same(s.exits.map((e: any) => [e.exitType, e.exitDate, e.reopenedOn, e.reportedTo.length]), [['completed', '2026-11-05', '2026-11-16', 2]]);

  const history: Entry[] = [
    ['HouseholdReferred', 'partner', '2026-06-02'],
    ['EntryAccepted', 'coordinator', '2026-06-05'],
    ['VisitOfficerAssigned', 'coordinator', '2026-06-05'],
    ['ContactAttempted', 'officer', '2026-06-08'],
    ['VisitScheduled', 'officer', '2026-06-08'],
    ['DiagnosticVisitCompleted', 'officer', '2026-06-18'],
    ['DiagnosticReportIssued', 'officer', '2026-06-22'],
    ['OrientationProposed', 'officer', '2026-06-22'],
    ['OrientationProposed', 'officer', '2026-06-22'],
    ['DiagnosticReportSent', 'officer', '2026-06-23'],
    ['DiagnosticReportSent', 'officer', '2026-06-24'],
    ['MeasureContractSigned', 'coordinator', '2026-07-01'],
    ['OrientationStatusChanged', 'officer', '2026-07-07'],
    ['SupportContactRecorded', 'officer', '2026-07-07'],
    ['SupportContactRecorded', 'officer', '2026-07-21'],
    ['MonthlyProgressNoteSigned', 'officer', '2026-07-31'],
    ['OrientationStatusChanged', 'officer', '2026-08-04'],
    ['SupportContactRecorded', 'officer', '2026-08-04'],
    ['MonthlyProgressNoteSigned', 'officer', '2026-08-19'],
    ['PauseDeclared', 'officer', '2026-08-20'],
    ['PauseEnded', 'officer', '2026-09-01'],
    ['MeasureRenewed', 'coordinator', '2026-09-15'],
    ['MonthlyProgressNoteSigned', 'officer', '2026-09-30'],
    ['OrientationStatusChanged', 'officer', '2026-10-06'],
    ['OrientationStatusChanged', 'officer', '2026-10-06'],
    ['MonthlyProgressNoteSigned', 'officer', '2026-10-30'],
    ['OrientationStatusChanged', 'officer', '2026-10-30'],
    ['EvaluationRecorded', 'officer', '2026-11-03'],
    ['PeriodicReviewRecorded', 'officer', '2026-11-05'],
    ['PathwayExited', 'officer', '2026-11-05'],
    ['ExitReported', 'officer', '2026-11-05'],
    ['ExitReported', 'coordinator', '2026-11-06'],
    ['PathwayReopened', 'coordinator', '2026-11-16'],
    ['EntryAccepted', 'coordinator', '2026-11-18'],
    ['ContactAttempted', 'officer', '2026-11-19'],
  ];
  t.equal(p.revision, history.length - 1);
  await checkHistory(t, p, history);
  await checkTimeline(t, p, history, [
    [1, /Entry accepted on 2026-06-05/],
    [10, /Diagnostic report sent to the landlord/],
    [11, /Measure contract signed for 3 months from 2026-07-01/],
    [21, /Measure renewed for 3 more months/],
    [22, /Progress note for 2026-09 signed \(2 home visits\)/],
    [28, /Final review, signed by the household/],
    [33, /Entry accepted on 2026-11-18/],
  ]);

  await checkReferrerView(t, p, {
    programme: 'pdc-energy-2026', status: 'active', stage: 'contact', referredOn: '2026-06-02',
    entry: { decision: 'accepted', decidedOn: '2026-11-18' },
    diagnosticVisitDates: ['2026-06-18'],
    orientations: [
      { orientationId: 'habits', category: 'habits_eco_gestures', status: 'done', statusChangedOn: '2026-10-06' },
      { orientationId: 'landlord', category: 'landlord_mediation', status: 'done', statusChangedOn: '2026-10-30' },
    ],
    measure: null, exit: null,
    exits: [{ exitType: 'completed', exitDate: '2026-11-05', reopenedOn: '2026-11-16' }],
    reopenCount: 1, lastActivityOn: '2026-11-19',
  });
});
