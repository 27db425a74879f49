// A worker's declared phase that differs from the derived one is a conflict: both are shown,
// the derived one counts until a coordinator settles it with a recorded decision (PhaseSettled),
// which then overrides the derived phase, under any policy version.
import t from 'tap';
import { classifyPathway, DEFAULT_PHASE_POLICY, type PhasePolicy } from '../../../domain/phases/index.js';
import { D, activity, episodes, history, started } from './helpers/facts.js';

const SHORT_PAUSE: PhasePolicy = {
  ...DEFAULT_PHASE_POLICY,
  version: '2026.1',
  id: 'slime-plus-2025@2026.1',
  params: { ...DEFAULT_PHASE_POLICY.params, pauseDays: 60 },
};

const conflictHistory = () => started().contact(D(10), { id: 'c1' }).contact(D(200), { id: 'c2', declaredPhase: 'reinforced_support' });

t.test('a declared phase that differs from the derived one is a conflict; the derived one counts', async (t) => {
  const c = classifyPathway(conflictHistory().facts, DEFAULT_PHASE_POLICY);
  const a = activity(c, 'c2');
  t.match(a, { derivedPhase: 'one_year_follow_up', declaredPhase: 'reinforced_support', effectivePhase: 'one_year_follow_up' });
  t.equal(a.settledPhase, undefined);
  const [f] = c.flags;
  t.match(f, { code: 'phase.declared_conflict', eventIds: ['c2'], rule: 'conflict.declared_vs_derived', settled: false });
  t.equal(
    f!.explanation.en,
    `On ${D(200)} the worker declared reinforced support but the policy derives one-year follow-up; the derived phase counts until a coordinator settles it.`,
  );
  t.equal(c.quota.hasFollowUp, true);
});

t.test('no conflict when the declared phase matches', async (t) => {
  const c = classifyPathway(started().contact(D(10), { declaredPhase: 'reinforced_support' }).facts, DEFAULT_PHASE_POLICY);
  t.same(c.flags, []);
});

t.test('a settlement overrides the derived phase and shows it beside the decision', async (t) => {
  const h = conflictHistory().settled(['c2'], 'reinforced_support', D(220), { id: 's1', settlementId: 'set-1', by: 'coord-42', reason: 'support continued by phone' });
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  const a = activity(c, 'c2');
  t.match(a, { derivedPhase: 'one_year_follow_up', settledPhase: 'reinforced_support', effectivePhase: 'reinforced_support', rule: 'n1.after_pause_in_window' });
  const [f] = c.flags;
  t.equal(f!.settled, true);
  t.equal(
    f!.explanation.en,
    `On ${D(200)} the worker declared reinforced support but the policy derives one-year follow-up; a coordinator settled it as reinforced support.`,
  );
  t.equal(
    f!.explanation.fr,
    `Le ${D(200)}, l'intervenant a déclaré « soutien renforcé » mais la politique déduit « suivi à N+1 » ; un coordinateur a tranché : « soutien renforcé ».`,
  );
  const rs = episodes(c, 'reinforced_support');
  t.equal(rs.length, 2);
  t.match(rs[1], { eventIds: ['c2'], rule: 'settlement.override' });
  t.same(rs[1]!.settled, [
    { settlementId: 'set-1', eventId: 'c2', phase: 'reinforced_support', by: 'coord-42', reason: 'support continued by phone', settledOn: D(220), derivedPhase: 'one_year_follow_up' },
  ]);
  t.match(rs[1]!.explanation.en, "opened by a coordinator's settlement.");
  t.same(c.quota, { hasReinforcedSupport: true, hasFollowUp: false, followUpDueOn: D(365) });
  const step = c.reasoning.find((s) => s.eventId === 'c2' && s.rule === 'settlement.override');
  t.equal(
    step?.text.en,
    'settled as reinforced support by coordinator coord-42 (settlement set-1); this phase counts, the derived phase (one-year follow-up) stays visible beside it',
  );
  t.equal(
    step?.text.fr,
    'arbitré en « soutien renforcé » par le coordinateur coord-42 (arbitrage set-1) ; cette phase compte, la phase déduite (« suivi à N+1 ») reste affichée à côté',
  );
});

t.test('a follow-up settled as support frees the follow-up for a later contact', async (t) => {
  const h = conflictHistory().contact(D(400), { id: 'c3' }).settled(['c2'], 'reinforced_support', D(410));
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  t.equal(activity(c, 'c3').effectivePhase, 'one_year_follow_up');
  t.equal(c.quota.followUpDone, D(400));
});

t.test('a settlement survives a policy change', async (t) => {
  const h = started().contact(D(10), { id: 'c1' }).contact(D(80), { id: 'c2' }).settled(['c2'], 'one_year_follow_up', D(90));
  const a = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  const b = classifyPathway(h.facts, SHORT_PAUSE);
  t.equal(activity(a, 'c2').derivedPhase, 'reinforced_support');
  t.equal(activity(b, 'c2').rule, 'rs.after_pause', 'the derived phase moved with the policy');
  t.equal(activity(a, 'c2').effectivePhase, 'one_year_follow_up');
  t.equal(activity(b, 'c2').effectivePhase, 'one_year_follow_up', 'the decision did not');
});

t.test('an unclassifiable activity can be settled; its flag is then settled', async (t) => {
  const h = history().diagnostic(D(0)).contact(D(20), { id: 'c1' }).settled(['c1'], 'reinforced_support', D(30));
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  t.equal(activity(c, 'c1').effectivePhase, 'reinforced_support');
  t.match(c.flags, [{ code: 'activity.unclassifiable', settled: true }]);
  t.equal(c.quota.hasReinforcedSupport, true);
});

t.test('a settlement naming unknown events is ignored for them, with a flag', async (t) => {
  const h = conflictHistory().settled(['c1', 'nope', 'or1'], 'other', D(220), { settlementId: 'set-9' });
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  t.equal(activity(c, 'c1').effectivePhase, 'other', 'known events are settled');
  const f = c.flags.find((x) => x.code === 'settlement.unknown_event');
  t.same(f?.eventIds, ['nope', 'or1']);
  t.equal(f?.explanation.en, `Settlement set-9 of ${D(220)} refers to events this pathway does not classify (nope, or1): it is ignored for them.`);
  t.equal(f?.explanation.fr, `L'arbitrage set-9 du ${D(220)} vise des événements que ce parcours ne classe pas (nope, or1) : il est sans effet pour eux.`);
});

t.test('the latest settlement of an event wins; one recorded after asOf does not count yet', async (t) => {
  const h = conflictHistory()
    .settled(['c2'], 'other', D(210), { settlementId: 'first', recordedAt: `${D(210)}T09:00:00Z` })
    .settled(['c2'], 'reinforced_support', D(230), { settlementId: 'second', recordedAt: `${D(230)}T09:00:00Z` });
  t.equal(activity(classifyPathway(h.facts, DEFAULT_PHASE_POLICY), 'c2').settledPhase, 'reinforced_support');
  const replay = classifyPathway(h.facts, DEFAULT_PHASE_POLICY, { asOf: `${D(220)}T00:00:00Z` });
  t.equal(activity(replay, 'c2').settledPhase, 'other');
  t.equal(replay.asOf, `${D(220)}T00:00:00Z`);
});

t.test('the settler comes from settledBy, else from the recording actor', async (t) => {
  const h = conflictHistory().settled(['c2'], 'reinforced_support', D(220), { actor: 'principal-7' });
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  t.equal(episodes(c, 'reinforced_support')[1]?.settled?.[0]?.by, 'principal-7');
  const anonymous = classifyPathway(conflictHistory().settled(['c2'], 'reinforced_support', D(220)).facts, DEFAULT_PHASE_POLICY);
  t.equal(episodes(anonymous, 'reinforced_support')[1]?.settled?.[0]?.by, 'unknown');
  t.match(anonymous.reasoning.find((s) => s.rule === 'settlement.override')?.text.fr, 'par un coordinateur non identifié');
});
