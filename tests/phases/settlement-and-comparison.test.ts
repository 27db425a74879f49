// A coordinator's settlement survives a policy change and is shown beside the derived phase;
// comparisons between two versions, for one pathway and for a programme.
import t from 'tap';
import { testService } from '../support/service.js';
import { actors } from './helpers/actors.js';
import { DEFAULT_ID, FOLLOW_UP_FROM_300, FOLLOW_UP_FROM_300_ID, recordStory } from './helpers/story.js';

const comparison = (from: string, to: string) => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

t.test('a settlement survives a policy change; the comparison reports it unchanged', async (t) => {
  const svc = await testService(t);
  const { admin, coordinator } = await actors(svc);
  const story = await recordStory(coordinator);
  const settled = await coordinator.post(`/v1/pathways/${story.pathwayId}/phase-settlements`, {
    eventIds: [story.visitId],
    phase: 'one_year_follow_up',
    reason: 'Visite de suivi annuel convenue avec le ménage',
    settledOn: '2025-09-10',
  });
  t.equal(settled.statusCode, 200, settled.body);
  t.equal((await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300)).statusCode, 201);

  const under = (await coordinator.get(`/v1/pathways/${story.pathwayId}/classification?policy=${FOLLOW_UP_FROM_300_ID}`)).json();
  const visit = under.classification.activities.find((a: { eventId: string }) => a.eventId === story.visitId);
  t.match(visit, { derivedPhase: 'reinforced_support', settledPhase: 'one_year_follow_up', effectivePhase: 'one_year_follow_up' }, 'the decision holds; the derived phase is shown beside it');
  const episode = under.classification.episodes.find((e: { kind: string }) => e.kind === 'one_year_follow_up');
  t.match(episode.settled, [{ eventId: story.visitId, phase: 'one_year_follow_up', derivedPhase: 'reinforced_support', by: 'coord-calaisis', reason: /suivi annuel/, settledOn: '2025-09-10' }]);
  t.equal(under.classification.quota.hasFollowUp, true, 'and it counts for the quota');
  t.ok(under.classification.reasoning.some((s: { rule: string }) => s.rule === 'settlement.override'), 'the reasoning says a coordinator decided');

  const res = await coordinator.get(`/v1/pathways/${story.pathwayId}/classification-comparison?${comparison(DEFAULT_ID, FOLLOW_UP_FROM_300_ID)}`);
  t.equal(res.statusCode, 200, res.body);
  t.match(res.json(), {
    pathwayId: story.pathwayId,
    revision: 5,
    from: DEFAULT_ID,
    to: FOLLOW_UP_FROM_300_ID,
    comparison: { changed: false, activityChanges: [], episodesOnlyInA: [], episodesOnlyInB: [], settledUnchanged: [story.visitId] },
  });
  t.notOk('quotaChange' in res.json().comparison);
});

t.test('without a settlement the same history changes; the programme comparison names the households whose quota status changes', async (t) => {
  const svc = await testService(t);
  const { admin, auditor, coordinator, elsewhere, officer } = await actors(svc);
  const settledStory = await recordStory(coordinator);
  await coordinator.post(`/v1/pathways/${settledStory.pathwayId}/phase-settlements`, { eventIds: [settledStory.visitId], phase: 'one_year_follow_up', reason: 'Suivi annuel', settledOn: '2025-09-10' });
  const plain = await recordStory(coordinator);
  const otherTerritory = await recordStory(elsewhere, 'arrageois');
  await admin.post('/v1/phase-policies', FOLLOW_UP_FROM_300);

  const one = (await coordinator.get(`/v1/pathways/${plain.pathwayId}/classification-comparison?${comparison(DEFAULT_ID, FOLLOW_UP_FROM_300_ID)}`)).json();
  t.match(one.comparison, {
    changed: true,
    activityChanges: [{ eventId: plain.visitId, phaseA: 'one_year_follow_up', phaseB: 'reinforced_support', ruleA: 'n1.after_pause_in_window', ruleB: 'rs.after_pause' }],
    quotaChange: { hasFollowUp: { a: true, b: false } },
  });
  t.ok(one.comparison.episodesOnlyInA.some((e: { kind: string }) => e.kind === 'one_year_follow_up'), 'the follow-up episode exists under the first version only');

  await svc.projections.waitFor(await svc.store.headPosition());
  const url = `/v1/programmes/slime-plus/classification-comparison?${comparison(DEFAULT_ID, FOLLOW_UP_FROM_300_ID)}`;
  const all = (await auditor.get(url)).json();
  t.match(all, { programme: 'slime-plus', scope: 'all', comparison: { pathways: 3, changed: 2, unchanged: 1, followUp: { a: 3, b: 1 } } });
  t.same(all.comparison.quotaChanges.map((q: { pathwayId: string }) => q.pathwayId).sort(), [plain.pathwayId, otherTerritory.pathwayId].sort());
  t.match(all.comparison.quotaChanges[0], { hasFollowUp: { a: true, b: false } });
  t.notOk(all.comparison.changedPathwayIds.includes(settledStory.pathwayId), 'the settled pathway does not change');

  const mine = (await coordinator.get(url)).json();
  t.match(mine, { scope: 'territories', territories: ['calaisis'], comparison: { pathways: 2, changed: 1, quotaChanges: [{ pathwayId: plain.pathwayId }] } });
  t.equal((await admin.get(url)).json().comparison.pathways, 3);
  const empty = (await auditor.get(`/v1/programmes/pdc-astre-2026/classification-comparison?${comparison(DEFAULT_ID, FOLLOW_UP_FROM_300_ID)}`)).json();
  t.match(empty.comparison, { pathways: 0, changed: 0, quotaChanges: [] });

  t.equal((await elsewhere.get(`/v1/pathways/${plain.pathwayId}/classification-comparison?${comparison(DEFAULT_ID, FOLLOW_UP_FROM_300_ID)}`)).json().code, 'auth.out_of_territory');
  t.equal((await officer.get(url)).json().code, 'auth.role_forbidden', 'comparisons are for coordinators, auditors and admins');
  const unknown = await auditor.get(`/v1/pathways/${plain.pathwayId}/classification-comparison?${comparison(DEFAULT_ID, 'nope@1')}`);
  t.match(unknown.json(), { status: 400, code: 'policy.unknown', errors: [{ path: '/to' }] });
  const missing = await auditor.get(`/v1/pathways/${plain.pathwayId}/classification-comparison?from=${DEFAULT_ID}`);
  t.match(missing.json(), { status: 400, code: 'request.invalid', errors: [{ path: '/to' }] });
  t.equal((await auditor.get(`/v1/programmes/nope/classification-comparison?${comparison(DEFAULT_ID, DEFAULT_ID)}`)).statusCode, 400);
});
