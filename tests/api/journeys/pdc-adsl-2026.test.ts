// A Pas-de-Calais housing-first ADSL measure: the housing-first coordinator validates the entry,
// a 12-month measure with reviews at 3 (informal), 6 and 12 months and a 6-month renewal, then a
// rupture (the household moved away), reported, and its return without a new validation.
// This programme has no home diagnostic: the officer's visits are support contacts.
// The real clock stands in late 2026, so the measure starts in September 2025.
import t from 'tap';
import { checkHistory, checkReferrerView, checkTimeline, commands, Pathway, setUp, step, type Entry } from './steps.js';

t.test('Pas-de-Calais ADSL: validation, measure with reviews and a renewal, rupture, return', async (t) => {
  const { svc, as } = await setUp(t);
  const { coordinator, officer } = as;

  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-adsl-2026', referredOn: '2025-08-25', tenure: 'social_tenant' });
  p.ifMatch = true;
  await p.do({ type: 'AcceptEntry', data: { decidedOn: '2025-09-01', deciderName: 'Coordinateur Logement d’abord' } }, coordinator);
  await p.do(step.assign('2025-09-01'), coordinator);

  // First meeting, the contract, the two orientations the measure works on.
  await p.do(step.attempt('2025-09-03', 'phone', 'reached'), officer);
  await p.do(step.schedule('2025-09-03', '2025-09-10', 'other'), officer);
  await p.do(step.contract('2025-09-15', 12, { signedOn: '2025-09-10', contractId: 'adsl-1' }), coordinator);
  await p.do(step.propose('2025-09-10', 'rehousing', 'rehouse', { name: 'Bailleur social', kind: 'social_landlord' }), officer);
  await p.do(step.propose('2025-09-10', 'budget_support', 'budget', { name: 'CCAS', kind: 'ccas' }), officer);

  // The support: home visits, the informal 3-month review, the 6-month review signed.
  await p.do(commands.contact('2025-10-06', { channel: 'home_visit', orientationIds: ['rehouse', 'budget'], declaredPhase: 'reinforced_support' }), officer);
  await p.do(commands.changeStatus('budget', 'accepted', '2025-10-06'), officer);
  await p.do(step.review('2025-12-15', 'intermediate', 3, false), officer);
  await p.do(commands.changeStatus('rehouse', 'accepted', '2026-01-12'), officer);
  await p.do(commands.changeStatus('budget', 'in_progress', '2026-01-12'), officer);
  await p.do(step.review('2026-03-16', 'intermediate', 6), officer);

  // A hospital stay pauses the support; rehousing takes longer: the measure is renewed by 6 months.
  await p.do({ type: 'DeclarePause', data: { startDate: '2026-04-01', reason: 'Ménage hospitalisé' } }, officer);
  await p.do(commands.endPause('2026-05-04'), officer);
  await p.do(commands.contact('2026-05-04', { channel: 'home_visit', orientationIds: ['rehouse'] }), officer);
  await p.do({ type: 'RenewMeasure', data: { renewedOn: '2026-08-24', additionalMonths: 6, reason: 'Relogement pas encore obtenu', approvedBy: 'Coordinateur Logement d’abord' } }, coordinator);
  await p.do({ type: 'RecordPeriodicReview', data: { reviewDate: '2026-09-14', kind: 'intermediate', monthMark: 12, signedByHousehold: true, conclusion: 'renew' } }, officer);
  await p.do(commands.changeStatus('budget', 'done', '2026-09-14'), officer);
  await p.do(step.evaluation('2026-09-30'), officer);

  // The household moves away: a rupture, explained, reported to the coordinator then the referrer.
  await p.do(step.exit('2026-10-12', 'moved', 'Parti vivre chez sa fille hors du département'), officer);
  await p.do(step.reportExit('2026-10-12', ['coordinator']), officer);
  await p.do(step.reportExit('2026-10-13', ['referrer']), coordinator);

  // It comes back: the housing-first validation carries over, support resumes at once.
  await p.do(step.reopen('2026-11-02'), coordinator);
  await p.do(commands.contact('2026-11-04', { orientationIds: ['rehouse'], declaredPhase: 'reinforced_support' }), officer);
  await p.unchanged('at the end of the journey');

  const s = await p.state();
  t.match(s, {
    programme: 'pdc-adsl-2026', status: 'active', stage: 'support', reopenCount: 1, measure: null, currentExit: null,
    entry: { decision: 'accepted', decidedOn: '2025-09-01' },
  });
  t.same(s.diagnostics, [], 'no home diagnostic in a housing-first measure');
  t.equal(s.entryDecisions.length, 1, 'no second validation in this programme');
  t.same(s.pastMeasures.map((m: any) => [m.contractId, m.startDate, m.initialMonths, m.totalMonths, m.endsOn, m.closedOn]), [
    ['adsl-1', '2025-09-15', 12, 18, '2027-03-14', '2026-10-12'],
  ]);
  t.same(s.pastMeasures[0].reviews.map((r: any) => [r.monthMark, r.signedByHousehold]), [[3, false], [6, true], [12, true]]);
  t.same(Object.values(s.orientations).map((o: any) => [o.orientationId, o.status]), [['rehouse', 'accepted'], ['budget', 'done']]);
  t.same(s.exits.map((e: any) => [e.exitType, e.reason, e.exitDate, e.reopenedOn]), [
    ['moved', 'Parti vivre chez sa fille hors du département', '2026-10-12', '2026-11-02'],
  ]);

  const history: Entry[] = [
    ['HouseholdReferred', 'partner', '2025-08-25'],
    ['EntryAccepted', 'coordinator', '2025-09-01'],
    ['VisitOfficerAssigned', 'coordinator', '2025-09-01'],
    ['ContactAttempted', 'officer', '2025-09-03'],
    ['VisitScheduled', 'officer', '2025-09-03'],
    ['MeasureContractSigned', 'coordinator', '2025-09-10'],
    ['OrientationProposed', 'officer', '2025-09-10'],
    ['OrientationProposed', 'officer', '2025-09-10'],
    ['SupportContactRecorded', 'officer', '2025-10-06'],
    ['OrientationStatusChanged', 'officer', '2025-10-06'],
    ['PeriodicReviewRecorded', 'officer', '2025-12-15'],
    ['OrientationStatusChanged', 'officer', '2026-01-12'],
    ['OrientationStatusChanged', 'officer', '2026-01-12'],
    ['PeriodicReviewRecorded', 'officer', '2026-03-16'],
    ['PauseDeclared', 'officer', '2026-04-01'],
    ['PauseEnded', 'officer', '2026-05-04'],
    ['SupportContactRecorded', 'officer', '2026-05-04'],
    ['MeasureRenewed', 'coordinator', '2026-08-24'],
    ['PeriodicReviewRecorded', 'officer', '2026-09-14'],
    ['OrientationStatusChanged', 'officer', '2026-09-14'],
    ['EvaluationRecorded', 'officer', '2026-09-30'],
    ['PathwayExited', 'officer', '2026-10-12'],
    ['ExitReported', 'officer', '2026-10-12'],
    ['ExitReported', 'coordinator', '2026-10-13'],
    ['PathwayReopened', 'coordinator', '2026-11-02'],
    ['SupportContactRecorded', 'officer', '2026-11-04'],
  ];
  t.equal(p.revision, history.length - 1);
  await checkHistory(t, p, history);
  await checkTimeline(t, p, history, [
    [10, /Intermediate review at 3 months$/],
    [17, /Measure renewed for 6 more months/],
    [18, /Intermediate review at 12 months, signed by the household/],
    [21, /Pathway exited: moved/],
  ]);

  await checkReferrerView(t, p, {
    programme: 'pdc-adsl-2026', status: 'active', stage: 'support', referredOn: '2025-08-25',
    entry: { decision: 'accepted', decidedOn: '2025-09-01' },
    diagnosticVisitDates: [],
    orientations: [
      { orientationId: 'rehouse', category: 'rehousing', status: 'accepted', statusChangedOn: '2026-01-12' },
      { orientationId: 'budget', category: 'budget_support', status: 'done', statusChangedOn: '2026-09-14' },
    ],
    measure: null, exit: null,
    exits: [{ exitType: 'moved', exitDate: '2026-10-12', reopenedOn: '2026-11-02' }],
    reopenCount: 1, lastActivityOn: '2026-11-04',
  });
  t.notOk(JSON.stringify((await as.referrer.get(`/v1/pathways/${p.id}`)).json()).includes('fille'), 'not even the exit’s reason');
});
