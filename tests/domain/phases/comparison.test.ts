// Comparing two policy versions: for one pathway, which episodes, phases, flags and quota
// status change; for a programme, the counts and the households whose quota status changes.
import t from 'tap';
import { classifyPathway, comparePathway, compareProgramme, DEFAULT_PHASE_POLICY, type PhasePolicy } from '../../../domain/phases/index.js';
import { D, started } from './helpers/facts.js';

const LONG_PAUSE: PhasePolicy = {
  ...DEFAULT_PHASE_POLICY,
  version: '2026.1',
  id: 'slime-plus-2025@2026.1',
  params: { ...DEFAULT_PHASE_POLICY.params, pauseDays: 120 },
};
const both = (facts: ReturnType<typeof started>['facts']) => ({
  a: classifyPathway(facts, DEFAULT_PHASE_POLICY),
  b: classifyPathway(facts, LONG_PAUSE),
});

t.test('a longer pause threshold turns a follow-up back into support', async (t) => {
  const { a, b } = both(started().contact(D(100), { id: 'c1' }).contact(D(200), { id: 'c2' }).facts);
  const cmp = comparePathway(a, b);
  t.equal(cmp.changed, true);
  t.equal(cmp.policyA, 'slime-plus-2025@2025.1');
  t.equal(cmp.policyB, 'slime-plus-2025@2026.1');
  // c1 stays reinforced support (for another reason): only phase changes are listed.
  t.same(cmp.activityChanges, [
    { eventId: 'c2', phaseA: 'one_year_follow_up', ruleA: 'n1.after_pause_in_window', phaseB: 'reinforced_support', ruleB: 'rs.continuation' },
  ]);
  t.same(cmp.episodesOnlyInA.map((e) => e.kind).sort(), ['observed_pause', 'observed_pause', 'one_year_follow_up', 'reinforced_support']);
  t.same(cmp.episodesOnlyInB.map((e) => [e.kind, e.eventIds]), [['reinforced_support', ['c1', 'c2']]]);
  t.same(cmp.flagsOnlyInA.map((f) => f.code), ['follow_up.too_early']);
  t.same(cmp.quotaChange, { hasFollowUp: { a: true, b: false } });
});

t.test('the same history under the same policy shows no change', async (t) => {
  const facts = started().contact(D(10)).contact(D(300)).facts;
  const cmp = comparePathway(classifyPathway(facts, DEFAULT_PHASE_POLICY), classifyPathway(facts, DEFAULT_PHASE_POLICY));
  t.same(cmp, {
    policyA: DEFAULT_PHASE_POLICY.id, policyB: DEFAULT_PHASE_POLICY.id, changed: false,
    episodesOnlyInA: [], episodesOnlyInB: [], activityChanges: [], settledUnchanged: [], flagsOnlyInA: [], flagsOnlyInB: [],
  });
});

t.test('a settled activity is reported unchanged across policy versions', async (t) => {
  const h = started()
    .contact(D(100), { id: 'c1' })
    .contact(D(200), { id: 'c2', declaredPhase: 'one_year_follow_up' })
    .settled(['c2'], 'one_year_follow_up', D(210), { by: 'coord-1' });
  const { a, b } = both(h.facts);
  t.equal(b.activities.find((x) => x.eventId === 'c2')?.derivedPhase, 'reinforced_support', 'the new policy derives otherwise');
  const cmp = comparePathway(a, b);
  t.notOk(cmp.activityChanges.some((x) => x.eventId === 'c2'));
  t.same(cmp.settledUnchanged, ['c2']);
  t.notOk(cmp.flagsOnlyInB.some((f) => f.code === 'phase.declared_conflict'), 'the settled conflict is no news');
  t.equal(cmp.quotaChange, undefined, 'the follow-up still counts under both versions');
});

t.test('a programme comparison counts changes and names the households whose quota changes', async (t) => {
  const rows = [
    { pathwayId: 'p-3', facts: started().contact(D(100)).contact(D(200)).facts }, // follow-up lost under B
    { pathwayId: 'p-1', facts: started().contact(D(10)).contact(D(50)).facts }, // unchanged
    { pathwayId: 'p-2', facts: started().contact(D(10)).contact(D(115)).facts }, // episodes change, quota does not
  ].map(({ pathwayId, facts }) => ({ pathwayId, ...both(facts) }));
  const r = compareProgramme(rows);
  t.equal(r.pathways, 3);
  t.equal(r.changed, 2);
  t.equal(r.unchanged, 1);
  t.same(r.changedPathwayIds, ['p-2', 'p-3']);
  t.same(r.quotaChanges, [{ pathwayId: 'p-3', hasFollowUp: { a: true, b: false } }]);
  t.same(r.reinforcedSupport, { a: 3, b: 3, shareA: 1, shareB: 1 });
  t.same(r.followUp, { a: 1, b: 0, shareA: 1 / 3, shareB: 0 });
  t.ok(r.episodeChanges > 0);
  t.same(compareProgramme([]), {
    pathways: 0, changed: 0, unchanged: 0, reinforcedSupport: { a: 0, b: 0, shareA: 0, shareB: 0 }, followUp: { a: 0, b: 0, shareA: 0, shareB: 0 },
    episodeChanges: 0, activityChanges: 0, changedPathwayIds: [], quotaChanges: [],
  });
});
