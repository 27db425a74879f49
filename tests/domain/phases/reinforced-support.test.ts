// Reinforced support (soutien renforcé): support activity after an orientation, continuous
// until a pause; a new problem stays in the episode or opens another, depending on the policy.
import t from 'tap';
import { classifyPathway, DEFAULT_PHASE_POLICY, type PhasePolicy } from '../../../domain/phases/index.js';
import { D, DIAG, activity, episodes, history, started } from './helpers/facts.js';

const SPLIT: PhasePolicy = {
  ...DEFAULT_PHASE_POLICY,
  version: '2025.2-split',
  id: 'slime-plus-2025@2025.2-split',
  params: { ...DEFAULT_PHASE_POLICY.params, splitEpisodeOnNewProblem: true },
};

t.test('the first support activity after an orientation opens reinforced support', async (t) => {
  const c = classifyPathway(started().contact(D(20), { id: 'c1', channel: 'home_visit' }).contact(D(40), { id: 'c2', channel: 'mediation' }).facts, DEFAULT_PHASE_POLICY);
  const a = activity(c, 'c1');
  t.equal(a.rule, 'rs.after_orientation');
  t.equal(
    a.explanation.en,
    `Home visit on ${D(20)}, 20 days after the diagnostic (${DIAG}), under the 90-day pause threshold and with no declared pause in between; an orientation had been proposed (${DIAG}): start of a reinforced-support episode.`,
  );
  t.equal(
    a.explanation.fr,
    `Visite à domicile du ${D(20)}, 20 jours après le diagnostic (${DIAG}), sous le seuil de pause de 90 jours et sans pause déclarée entre les deux ; une orientation avait été proposée (${DIAG}) : début d'un épisode de soutien renforcé.`,
  );
  t.equal(activity(c, 'c2').rule, 'rs.continuation', 'a mediation act continues the support');
  const [rs] = episodes(c, 'reinforced_support');
  t.match(rs, { startDate: D(20), endDate: D(40), eventIds: ['c1', 'c2'], rule: 'rs.after_orientation' });
  t.equal(
    rs!.explanation.en,
    `Reinforced support from ${D(20)} to ${D(40)}: 2 support activities with no pause of 90 days or more between them, opened by the first support activity after an orientation.`,
  );
  t.equal(
    rs!.explanation.fr,
    `Soutien renforcé du ${D(20)} au ${D(40)} : 2 activités de soutien sans pause de 90 jours ou plus entre elles, ouvert par la première activité de soutien après une orientation.`,
  );
  t.same(c.quota, { hasReinforcedSupport: true, hasFollowUp: false, followUpDueOn: D(365) });
});

t.test('a new problem during support stays in the same episode by default', async (t) => {
  const h = started().contact(D(20), { id: 'c1' }).contact(D(50), { id: 'c2', newProblem: 'rehousing' }).contact(D(70), { id: 'c3' });
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  const a = activity(c, 'c2');
  t.equal(a.rule, 'rs.continuation');
  t.equal(
    a.explanation.en,
    `Phone contact on ${D(50)}, 30 days after the previous support activity (${D(20)}), under the 90-day pause threshold and with no declared pause in between; new problem declared (rehousing), kept in the same episode by this policy: continuation of the current reinforced-support episode.`,
  );
  t.equal(
    a.explanation.fr,
    `Contact téléphonique du ${D(50)}, 30 jours après l'activité de soutien précédente (${D(20)}), sous le seuil de pause de 90 jours et sans pause déclarée entre les deux ; nouveau problème signalé (rehousing), maintenu dans le même épisode par cette politique : continuité de l'épisode de soutien renforcé en cours.`,
  );
  t.same(episodes(c, 'reinforced_support').map((e) => e.eventIds), [['c1', 'c2', 'c3']]);
});

t.test('with splitEpisodeOnNewProblem, a new problem opens a second support episode', async (t) => {
  const h = started().contact(D(20), { id: 'c1' }).contact(D(50), { id: 'c2', newProblem: 'rehousing' }).contact(D(70), { id: 'c3' });
  const c = classifyPathway(h.facts, SPLIT);
  const a = activity(c, 'c2');
  t.equal(a.rule, 'rs.new_problem');
  t.equal(a.derivedPhase, 'reinforced_support');
  t.equal(
    a.explanation.en,
    `Phone contact on ${D(50)}, 30 days after the previous support activity (${D(20)}), under the 90-day pause threshold and with no declared pause in between; new problem declared (rehousing), for which this policy opens a new episode: start of a new reinforced-support episode.`,
  );
  t.equal(
    a.explanation.fr,
    `Contact téléphonique du ${D(50)}, 30 jours après l'activité de soutien précédente (${D(20)}), sous le seuil de pause de 90 jours et sans pause déclarée entre les deux ; nouveau problème signalé (rehousing), pour lequel cette politique ouvre un nouvel épisode : début d'un nouvel épisode de soutien renforcé.`,
  );
  const rs = episodes(c, 'reinforced_support');
  t.same(rs.map((e) => e.eventIds), [['c1'], ['c2', 'c3']]);
  t.equal(rs[1]!.rule, 'rs.new_problem');
  t.match(rs[1]!.explanation.en, /opened by a new problem \(rehousing\)\.$/);
  t.match(rs[1]!.explanation.fr, /ouvert par un nouveau problème \(rehousing\)\.$/);
});

t.test('a new problem during the follow-up opens support under the split option only', async (t) => {
  const h = started().contact(D(200), { id: 'n1' }).contact(D(220), { id: 'c2', newProblem: 'health' });
  t.equal(activity(classifyPathway(h.facts, DEFAULT_PHASE_POLICY), 'c2').rule, 'n1.continuation');
  const split = classifyPathway(h.facts, SPLIT);
  t.equal(activity(split, 'c2').rule, 'rs.new_problem');
  t.same(split.quota, { hasReinforcedSupport: true, hasFollowUp: true, followUpDueOn: D(365), followUpDone: D(200) });
});

t.test('support activity when no orientation was ever proposed is unclassifiable', async (t) => {
  const h = history().referred('2024-01-05').diagnostic(DIAG, 'summer', { id: 'dst' }).contact(D(20), { id: 'c1' }).contact(D(40), { id: 'c2' });
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  const a = activity(c, 'c1');
  t.equal(a.derivedPhase, 'unclassifiable');
  t.equal(a.rule, 'unclassifiable.no_orientation');
  t.equal(
    a.explanation.en,
    `Phone contact on ${D(20)}, after the diagnostic, no orientation had been proposed yet, and reinforced support requires one: unclassifiable.`,
  );
  t.equal(
    a.explanation.fr,
    `Contact téléphonique du ${D(20)}, après le diagnostic, aucune orientation n'avait encore été proposée, or le soutien renforcé en suppose une : non classable.`,
  );
  const flags = c.flags.filter((f) => f.code === 'activity.unclassifiable');
  t.same(flags.map((f) => f.eventIds), [['c1'], ['c2']]);
  t.equal(
    flags[0]!.explanation.en,
    `Phone contact on ${D(20)} follows the diagnostic but no orientation had been proposed: the policy cannot classify this activity and a coordinator should settle it.`,
  );
  t.equal(
    flags[0]!.explanation.fr,
    `Contact téléphonique du ${D(20)} suit le diagnostic sans qu'aucune orientation ait été proposée : la politique ne peut pas classer cette activité et un coordinateur doit trancher.`,
  );
  t.equal(flags[0]!.settled, false);
  t.equal(c.quota.hasReinforcedSupport, false);
  t.equal(episodes(c, 'reinforced_support').length, 0);
});

t.test('an orientation counts from the day it is proposed, whatever came before', async (t) => {
  const h = history().diagnostic(DIAG).contact(D(10), { id: 'c1' }).orientation(D(30)).contact(D(30), { id: 'c2' });
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  t.equal(activity(c, 'c1').derivedPhase, 'unclassifiable');
  t.equal(activity(c, 'c2').rule, 'rs.after_orientation');
  t.match(activity(c, 'c2').explanation.en, `20 days after the previous support activity (${D(10)})`);
});

t.test('contact attempts and schedulings after the diagnostic are not support activity', async (t) => {
  const c = classifyPathway(started().attempt(D(10), { id: 'a1' }).scheduled(D(12), D(30), { id: 's1' }).facts, DEFAULT_PHASE_POLICY);
  t.equal(activity(c, 'a1').derivedPhase, 'other');
  t.equal(activity(c, 's1').rule, 'other.scheduling_after_diagnostic');
  t.equal(
    activity(c, 'a1').explanation.en,
    `Contact attempt on ${D(10)}, after the diagnostic, a scheduling step or contact attempt is not a support activity: other.`,
  );
  t.equal(c.quota.hasReinforcedSupport, false);
});

t.test('orientations are episodes that end when they are closed', async (t) => {
  const c = classifyPathway(started().orientationStatus('o1', 'in_progress', D(20), { id: 'st1' }).orientationStatus('o1', 'done', D(90), { id: 'st2' }).facts, DEFAULT_PHASE_POLICY);
  const [o] = episodes(c, 'orientation');
  t.match(o, { startDate: DIAG, endDate: D(90), eventIds: ['or1', 'st1', 'st2'], rule: 'orientation.proposed' });
  t.equal(o!.explanation.en, `Orientation o1 (landlord_mediation, relay: private_landlord) proposed on ${DIAG}; status done on ${D(90)}.`);
  t.equal(o!.explanation.fr, `Orientation o1 (landlord_mediation, relais : private_landlord) proposée le ${DIAG} ; statut « done » le ${D(90)}.`);
});
