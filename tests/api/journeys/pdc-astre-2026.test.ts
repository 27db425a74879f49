// A Pas-de-Calais ASTRE measure (social support to an owner-occupier's renovation works): the
// SPSLH checks the entry, a feasibility diagnostic, a 12-month measure with reviews at 3, 6 and
// 9 months, the works done, a completed exit; the household returns for the next call and a
// new measure is signed after its entry is checked again.
// The real clock stands in late 2026, so the first measure runs from December 2025: reviews
// are facts and cannot be dated in the future.
import t from 'tap';
import {
  checkHistory, checkReferrerView, checkTimeline, commands, diagnosticIn, Pathway, setUp, step, type Entry,
} from './steps.js';

t.test('Pas-de-Calais ASTRE: validation, feasibility diagnostic, 12-month measure with its reviews, exit, new measure', async (t) => {
  const { svc, as } = await setUp(t);
  const { coordinator, officer } = as;

  const p = await Pathway.refer(t, svc, as, { programme: 'pdc-astre-2026', referredOn: '2025-11-03', tenure: 'owner_occupier' });
  p.ifMatch = true;
  await p.do({ type: 'AcceptEntry', data: { decidedOn: '2025-11-10', deciderName: 'SPSLH', reason: 'Projet de travaux MaPrimeRénov’ éligible' } }, coordinator);
  await p.do(step.assign('2025-11-10'), coordinator);

  // The officer phones, visits for a complete feasibility diagnostic, and orients towards the works.
  await p.do(step.attempt('2025-11-12', 'phone', 'reached'), officer);
  await p.do(step.schedule('2025-11-12', '2025-11-20'), officer);
  await p.do(diagnosticIn('winter', '2025-11-20', 'faisabilite'), officer);
  await p.do(step.propose('2025-11-25', 'renovation_works', 'works', { name: 'Opérateur Anah du Calaisis', kind: 'anah_operator' }), officer);

  // The 12-month measure: contract signed and sent to the department within the month.
  await p.do(step.contract('2025-12-01', 12, { contractId: 'astre-1', sentToFunderOn: '2025-12-15' }), coordinator);
  await p.do(commands.changeStatus('works', 'accepted', '2025-12-10'), officer);
  await p.do(commands.contact('2025-12-10', { channel: 'home_visit', orientationIds: ['works'], declaredPhase: 'reinforced_support' }), officer);
  await p.do(commands.contact('2026-01-14', { channel: 'home_visit', orientationIds: ['works'], declaredPhase: 'reinforced_support' }), officer);
  await p.do(commands.changeStatus('works', 'in_progress', '2026-02-01'), officer);
  await p.do({ type: 'RecordPeriodicReview', data: { reviewDate: '2026-03-02', kind: 'intermediate', monthMark: 3, signedByHousehold: true, conclusion: 'continue' } }, officer);
  await p.do(commands.contact('2026-04-08', { channel: 'home_visit', orientationIds: ['works'] }), officer);
  await p.do(step.review('2026-06-01', 'intermediate', 6), officer);

  // The household lives elsewhere during the works: a declared pause.
  await p.do({ type: 'DeclarePause', data: { startDate: '2026-06-15', reason: 'Travaux en cours, ménage hébergé chez un proche' } }, officer);
  await p.do({ type: 'EndPause', data: { endDate: '2026-08-20', reason: 'Retour dans le logement' } }, officer);
  await p.do(step.review('2026-09-01', 'intermediate', 9), officer);
  await p.do(commands.changeStatus('works', 'done', '2026-10-15'), officer);
  await p.do(step.evaluation('2026-10-20', { energySavedKwh: 3200, comfort: { feltColdLastWinter: true, rating: 5 } }), officer);

  // Works done: a completed exit, told to the coordinator and the referrer the same day.
  await p.do(step.exit('2026-10-30', 'completed'), officer);
  await p.do(step.reportExit('2026-10-30', ['coordinator', 'referrer']), officer);

  // A second project under the 2026-2027 call: reopened, checked again, a new measure signed.
  await p.do(step.reopen('2026-11-09'), coordinator);
  t.equal((await p.state()).status, 'awaiting_validation', 'ASTRE re-entries are checked again');
  await p.do(commands.acceptEntry('2026-11-10'), coordinator);
  await p.do(step.contract('2026-11-16', 12, { contractId: 'astre-2' }), coordinator);
  await p.unchanged('at the end of the journey');

  const s = await p.state();
  t.match(s, {
    programme: 'pdc-astre-2026', status: 'active', stage: 'measure', reopenCount: 1, currentExit: null, activePause: null,
    entry: { decision: 'accepted', decidedOn: '2026-11-10' },
    measure: { contractId: 'astre-2', startDate: '2026-11-16', endsOn: '2027-11-15', totalMonths: 12, closedOn: null },
  });
  t.same(s.measure.reviews, [], 'the new measure has no review yet');
  t.same(s.pastMeasures.map((m: any) => [m.contractId, m.startDate, m.endsOn, m.closedOn, m.sentToFunderOn]), [
    ['astre-1', '2025-12-01', '2026-11-30', '2026-10-30', '2025-12-15'],
  ]);
  t.same(s.pastMeasures[0].reviews.map((r: any) => [r.kind, r.monthMark]), [['intermediate', 3], ['intermediate', 6], ['intermediate', 9]]);
  t.same(Object.values(s.orientations).map((o: any) => [o.orientationId, o.status, o.history.length]), [['works', 'done', 4]]);
  t.same(s.pauses.map((x: any) => [x.startDate, x.endDate]), [['2026-06-15', '2026-08-20']]);
  t.same(s.exits.map((e: any) => [e.exitType, e.exitDate, e.reopenedOn, e.reportedTo.map((r: any) => r.recipient)]), [
    ['completed', '2026-10-30', '2026-11-09', ['coordinator', 'referrer']],
  ]);

  const history: Entry[] = [
    ['HouseholdReferred', 'partner', '2025-11-03'],
    ['EntryAccepted', 'coordinator', '2025-11-10'],
    ['VisitOfficerAssigned', 'coordinator', '2025-11-10'],
    ['ContactAttempted', 'officer', '2025-11-12'],
    ['VisitScheduled', 'officer', '2025-11-12'],
    ['DiagnosticVisitCompleted', 'officer', '2025-11-20'],
    ['OrientationProposed', 'officer', '2025-11-25'],
    ['MeasureContractSigned', 'coordinator', '2025-12-01'],
    ['OrientationStatusChanged', 'officer', '2025-12-10'],
    ['SupportContactRecorded', 'officer', '2025-12-10'],
    ['SupportContactRecorded', 'officer', '2026-01-14'],
    ['OrientationStatusChanged', 'officer', '2026-02-01'],
    ['PeriodicReviewRecorded', 'officer', '2026-03-02'],
    ['SupportContactRecorded', 'officer', '2026-04-08'],
    ['PeriodicReviewRecorded', 'officer', '2026-06-01'],
    ['PauseDeclared', 'officer', '2026-06-15'],
    ['PauseEnded', 'officer', '2026-08-20'],
    ['PeriodicReviewRecorded', 'officer', '2026-09-01'],
    ['OrientationStatusChanged', 'officer', '2026-10-15'],
    ['EvaluationRecorded', 'officer', '2026-10-20'],
    ['PathwayExited', 'officer', '2026-10-30'],
    ['ExitReported', 'officer', '2026-10-30'],
    ['PathwayReopened', 'coordinator', '2026-11-09'],
    ['EntryAccepted', 'coordinator', '2026-11-10'],
    ['MeasureContractSigned', 'coordinator', '2026-11-16'],
  ];
  t.equal(p.revision, history.length - 1);
  await checkHistory(t, p, history);
  await checkTimeline(t, p, history, [
    [7, /Measure contract signed for 12 months from 2025-12-01/],
    [12, /Intermediate review at 3 months, signed by the household/],
    [17, /Intermediate review at 9 months/],
    [21, /Exit reported to the coordinator and the referrer/],
    [24, /Measure contract signed for 12 months from 2026-11-16/],
  ]);

  await checkReferrerView(t, p, {
    programme: 'pdc-astre-2026', status: 'active', stage: 'measure', referredOn: '2025-11-03',
    entry: { decision: 'accepted', decidedOn: '2026-11-10' },
    diagnosticVisitDates: ['2025-11-20'],
    orientations: [{ orientationId: 'works', category: 'renovation_works', status: 'done', statusChangedOn: '2026-10-15' }],
    measure: { startDate: '2026-11-16', endsOn: '2027-11-15', totalMonths: 12, closedOn: null },
    exit: null,
    exits: [{ exitType: 'completed', exitDate: '2026-10-30', reopenedOn: '2026-11-09' }],
    reopenCount: 1, lastActivityOn: '2026-11-16',
  });
});
