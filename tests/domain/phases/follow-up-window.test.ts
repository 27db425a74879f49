// One-year follow-up (suivi à N+1): the first support activity after a pause that falls within
// [n1MinDays, n1MaxDays] after the diagnostic; at most one per diagnostic; outside the window,
// support resumes and is flagged too early or too late.
import t from 'tap';
import { classifyPathway, DEFAULT_PHASE_POLICY, type PhasePolicy } from '../../../domain/phases/index.js';
import { D, DIAG, activity, episodes, started } from './helpers/facts.js';

const classify = (h: ReturnType<typeof started>, policy: PhasePolicy = DEFAULT_PHASE_POLICY) => classifyPathway(h.facts, policy);

t.test('179 days after the diagnostic is too early for a follow-up', async (t) => {
  const c = classify(started().contact(D(179), { id: 'c1' }));
  const a = activity(c, 'c1');
  t.equal(a.derivedPhase, 'reinforced_support');
  t.equal(a.rule, 'rs.after_pause');
  t.equal(
    a.explanation.en,
    `Phone contact on ${D(179)}, 179 days after the diagnostic (${DIAG}), at least the 90-day pause threshold; support resumes after the pause only 179 days after the diagnostic (${DIAG}), before the 180-day minimum: too early for a one-year follow-up, so start of a new reinforced-support episode.`,
  );
  const [flag] = c.flags;
  t.match(flag, { code: 'follow_up.too_early', eventIds: ['c1'], rule: 'n1.window', settled: false });
  t.equal(
    flag!.explanation.en,
    `Support resumed on ${D(179)} after a pause, 179 days after the diagnostic of ${DIAG}, before the 180-day minimum: too early for a one-year follow-up.`,
  );
  t.equal(
    flag!.explanation.fr,
    `Reprise de l'accompagnement le ${D(179)} après une pause, 179 jours après le diagnostic du ${DIAG}, avant le minimum de 180 jours : trop tôt pour un suivi à N+1.`,
  );
  t.same(c.quota, { hasReinforcedSupport: true, hasFollowUp: false, followUpDueOn: D(365) });
});

for (const day of [180, 730]) {
  t.test(`${day} days after the diagnostic is inside the window`, async (t) => {
    const c = classify(started().contact(D(day), { id: 'c1' }));
    const a = activity(c, 'c1');
    t.equal(a.derivedPhase, 'one_year_follow_up');
    t.equal(a.rule, 'n1.after_pause_in_window');
    t.equal(
      a.explanation.en,
      `Phone contact on ${D(day)}, ${day} days after the diagnostic (${DIAG}), at least the 90-day pause threshold; first support activity after the pause, ${day} days after the diagnostic (${DIAG}), within the 180–730-day window: one-year follow-up.`,
    );
    t.equal(
      a.explanation.fr,
      `Contact téléphonique du ${D(day)}, ${day} jours après le diagnostic (${DIAG}), soit au moins le seuil de pause de 90 jours ; première activité de soutien après la pause, ${day} jours après le diagnostic (${DIAG}), dans la fenêtre de 180 à 730 jours : suivi à N+1.`,
    );
    t.same(c.flags, []);
    t.same(c.quota, { hasReinforcedSupport: false, hasFollowUp: true, followUpDueOn: D(365), followUpDone: D(day) });
    const [n1] = episodes(c, 'one_year_follow_up');
    t.equal(
      n1!.explanation.en,
      `One-year follow-up on ${D(day)}: 1 support activity, starting ${day} days after the diagnostic of ${DIAG} (due on ${D(365)}), opened by the first support activity after a pause within the follow-up window.`,
    );
    t.equal(
      n1!.explanation.fr,
      `Suivi à N+1 le ${D(day)} : 1 activité de soutien, débutant ${day} jours après le diagnostic du ${DIAG} (attendu le ${D(365)}), ouvert par la première activité de soutien après une pause dans la fenêtre du suivi.`,
    );
  });
}

t.test('731 days after the diagnostic is too late for a follow-up', async (t) => {
  const c = classify(started().contact(D(731), { id: 'c1' }));
  const a = activity(c, 'c1');
  t.equal(a.rule, 'rs.after_pause');
  t.match(a.explanation.en, `beyond the 730-day maximum: too late for a one-year follow-up, so start of a new reinforced-support episode.`);
  t.match(a.explanation.fr, `au-delà du maximum de 730 jours : trop tard pour un suivi à N+1, donc début d'un nouvel épisode de soutien renforcé.`);
  const [flag] = c.flags;
  t.match(flag, { code: 'follow_up.too_late', eventIds: ['c1'] });
  t.equal(
    flag!.explanation.en,
    `Support resumed on ${D(731)} after a pause, 731 days after the diagnostic of ${DIAG}, beyond the 730-day maximum: too late for a one-year follow-up.`,
  );
  t.equal(
    flag!.explanation.fr,
    `Reprise de l'accompagnement le ${D(731)} après une pause, 731 jours après le diagnostic du ${DIAG}, au-delà du maximum de 730 jours : trop tard pour un suivi à N+1.`,
  );
});

t.test('activities that continue the follow-up without a pause belong to it', async (t) => {
  const c = classify(started().contact(D(200), { id: 'n1' }).contact(D(230), { id: 'n2' }).contact(D(300), { id: 'n3' }));
  t.equal(activity(c, 'n2').rule, 'n1.continuation');
  t.match(activity(c, 'n2').explanation.en, /; continuation of the one-year follow-up\.$/);
  t.match(activity(c, 'n2').explanation.fr, / ; continuité du suivi à N\+1\.$/);
  t.same(episodes(c, 'one_year_follow_up').map((e) => [e.startDate, e.endDate, e.eventIds]), [[D(200), D(300), ['n1', 'n2', 'n3']]]);
});

t.test('at most one follow-up per diagnostic', async (t) => {
  const c = classify(started().contact(D(200), { id: 'n1' }).contact(D(400), { id: 'c2' }));
  const a = activity(c, 'c2');
  t.equal(a.derivedPhase, 'reinforced_support');
  t.equal(a.rule, 'rs.after_pause');
  t.match(
    a.explanation.en,
    `support resumes after the pause, but the one-year follow-up of this diagnostic already took place (${D(200)}): start of a new reinforced-support episode.`,
  );
  t.match(a.explanation.fr, `mais le suivi à N+1 de ce diagnostic a déjà eu lieu (${D(200)})`);
  t.same(c.flags, [], 'no window flag once the follow-up is done');
});

t.test('a follow-up may come after a long reinforced support, once a pause separates them', async (t) => {
  const h = started();
  for (let day = 10; day <= 490; day += 60) h.contact(D(day), { id: `rs-${day}` });
  h.contact(D(600), { id: 'n1', channel: 'home_visit' });
  const c = classify(h);
  // Contacts inside the window but in continuity remain reinforced support.
  t.equal(activity(c, 'rs-250').rule, 'rs.continuation');
  const rs = episodes(c, 'reinforced_support');
  t.equal(rs.length, 1);
  t.equal(rs[0]!.eventIds.length, 9);
  t.match(rs[0]!.explanation.en, `Reinforced support from ${D(10)} to ${D(490)}: 9 support activities`);
  t.equal(activity(c, 'n1').rule, 'n1.after_pause_in_window');
  t.match(activity(c, 'n1').explanation.en, `Home visit on ${D(600)}, 110 days after the previous support activity (${D(490)}), at least the 90-day pause threshold; first support activity after the pause, 600 days after the diagnostic`);
  t.same(c.quota, { hasReinforcedSupport: true, hasFollowUp: true, followUpDueOn: D(365), followUpDone: D(600) });
});

t.test('a support that runs past the window leaves no room for a follow-up', async (t) => {
  const h = started();
  for (let day = 10; day <= 700; day += 60) h.contact(D(day));
  h.contact(D(820), { id: 'late' });
  const c = classify(h);
  t.equal(activity(c, 'late').rule, 'rs.after_pause');
  t.same(c.flags.map((f) => f.code), ['follow_up.too_late']);
});

t.test('the window and the due date are policy parameters', async (t) => {
  const wide: PhasePolicy = {
    name: 'test', version: '1', id: 'test@1', effectiveFrom: '2020-01-01',
    params: { pauseDays: 60, n1MinDays: 150, n1MaxDays: 900, n1TargetDays: 300, splitEpisodeOnNewProblem: false },
  };
  const c = classify(started().contact(D(10)).contact(D(170), { id: 'c1' }), wide);
  t.equal(activity(c, 'c1').rule, 'n1.after_pause_in_window');
  t.match(activity(c, 'c1').explanation.en, 'at least the 60-day pause threshold; first support activity after the pause, 170 days after the diagnostic');
  t.match(activity(c, 'c1').explanation.en, 'within the 150–900-day window');
  t.equal(c.quota.followUpDueOn, D(300));
});
