// Exit and reopening (droit au recommencement): activity after an exit is ignored until the
// pathway reopens; a new diagnostic after a reopening starts a new cycle.
import t from 'tap';
import { classifyPathway, DEFAULT_PHASE_POLICY } from '../../../domain/phases/index.js';
import { D, activity, episodes, started } from './helpers/facts.js';

t.test('activity after an exit and before a reopening is ignored, with a flag', async (t) => {
  const c = classifyPathway(started().contact(D(10)).exited(D(30), { id: 'x' }).contact(D(40), { id: 'late' }).facts, DEFAULT_PHASE_POLICY);
  t.notOk(c.activities.some((a) => a.eventId === 'late'));
  const [flag] = c.flags;
  t.match(flag, { code: 'activity.after_exit', eventIds: ['late'], rule: 'exit.ignored_activity' });
  t.equal(flag!.explanation.en, `Phone contact on ${D(40)} comes after the exit of ${D(30)} with no reopening: it has no effect on phases.`);
  t.equal(flag!.explanation.fr, `Contact téléphonique du ${D(40)} intervient après la sortie du ${D(30)} sans réouverture : sans effet sur les phases.`);
  t.match(episodes(c, 'exit'), [{ startDate: D(30), eventIds: ['x'] }]);
  t.equal(episodes(c, 'exit')[0]?.endDate, undefined);
});

t.test('a reopening without a new diagnostic continues the cycle; the exit ends the episode', async (t) => {
  const h = started().contact(D(10), { id: 'c1' }).exited(D(30), { id: 'x' }).reopened(D(60), { id: 'r' }).contact(D(70), { id: 'c2' });
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  t.equal(activity(c, 'c2').rule, 'rs.after_orientation', 'a new episode starts after the reopening');
  t.equal(episodes(c, 'reinforced_support').length, 2);
  const [exit] = episodes(c, 'exit');
  t.match(exit, { startDate: D(30), endDate: D(60), eventIds: ['x', 'r'] });
  t.equal(exit!.explanation.en, `Pathway exited on ${D(30)} (contact_lost), reopened on ${D(60)}.`);
  t.equal(exit!.explanation.fr, `Sortie du parcours le ${D(30)} (contact_lost), réouvert le ${D(60)}.`);
});

t.test('a new diagnostic after a reopening starts a new cycle', async (t) => {
  const h = started()
    .contact(D(200), { id: 'n1' })
    .exited(D(250))
    .reopened(D(600), { id: 'r' })
    .contact(D(610), { id: 'sched' })
    .diagnostic(D(620), 'winter', { id: 'dst2' })
    .contact(D(850), { id: 'n1b' });
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  t.equal(activity(c, 'sched').derivedPhase, 'pre_diagnostic', 'contacts before the new diagnostic are pre-diagnostic');
  const d = activity(c, 'dst2');
  t.equal(d.rule, 'diag.new_cycle');
  t.match(d.explanation.en, 'completed after the pathway was reopened, which starts a new cycle');
  t.match(d.explanation.fr, "achevée après la réouverture du parcours, ce qui ouvre un nouveau cycle");
  t.equal(activity(c, 'n1b').rule, 'n1.after_pause_in_window', 'the new cycle has its own follow-up');
  t.same(c.quota, { hasReinforcedSupport: false, hasFollowUp: true, followUpDueOn: D(620 + 365), followUpDone: D(850) });
  t.notOk(c.flags.some((f) => f.code === 'diagnostic.complementary'), 'a new cycle diagnostic is no seasonal complement');
});
