// Pauses: a gap of at least pauseDays between support activities (or between the diagnostic
// and the first one), or a declared pause inside the gap, interrupts the support.
import t from 'tap';
import { classifyPathway, DEFAULT_PHASE_POLICY } from '../../../domain/phases/index.js';
import { D, activity, episodes, started } from './helpers/facts.js';

const classify = (h: ReturnType<typeof started>) => classifyPathway(h.facts, DEFAULT_PHASE_POLICY);

t.test('a gap of 89 days between support activities is no pause', async (t) => {
  const c = classify(started().contact(D(10), { id: 'c1' }).contact(D(99), { id: 'c2' }));
  const a = activity(c, 'c2');
  t.equal(a.rule, 'rs.continuation');
  t.equal(a.derivedPhase, 'reinforced_support');
  t.equal(
    a.explanation.en,
    `Phone contact on ${D(99)}, 89 days after the previous support activity (${D(10)}), under the 90-day pause threshold and with no declared pause in between; continuation of the current reinforced-support episode.`,
  );
  t.equal(
    a.explanation.fr,
    `Contact téléphonique du ${D(99)}, 89 jours après l'activité de soutien précédente (${D(10)}), sous le seuil de pause de 90 jours et sans pause déclarée entre les deux ; continuité de l'épisode de soutien renforcé en cours.`,
  );
  t.equal(episodes(c, 'observed_pause').length, 0);
  t.equal(episodes(c, 'reinforced_support').length, 1);
});

for (const gap of [90, 91]) {
  t.test(`a gap of ${gap} days is an observed pause`, async (t) => {
    const c = classify(started().contact(D(10), { id: 'c1' }).contact(D(10 + gap), { id: 'c2' }));
    const a = activity(c, 'c2');
    // 10 + gap days after the diagnostic is before the window: support again, not a follow-up.
    t.equal(a.rule, 'rs.after_pause');
    t.match(a.explanation.en, `${gap} days after the previous support activity (${D(10)}), at least the 90-day pause threshold;`);
    t.match(a.explanation.fr, `${gap} jours après l'activité de soutien précédente (${D(10)}), soit au moins le seuil de pause de 90 jours ;`);
    const [pause] = episodes(c, 'observed_pause');
    t.match(pause, { kind: 'observed_pause', startDate: D(10), endDate: D(10 + gap), rule: 'pause.observed' });
    t.same(pause!.eventIds, [], 'a pause contains no fact');
    t.equal(
      pause!.explanation.en,
      `No support activity for ${gap} days between ${D(10)} and ${D(10 + gap)}, at least the 90-day threshold: observed pause.`,
    );
    t.equal(
      pause!.explanation.fr,
      `Aucune activité de soutien pendant ${gap} jours entre le ${D(10)} et le ${D(10 + gap)}, soit au moins le seuil de 90 jours : pause observée.`,
    );
    t.equal(episodes(c, 'reinforced_support').length, 2, 'the pause ends the episode; the next activity opens another');
  });
}

t.test('the gap between the diagnostic and the first support activity counts too', async (t) => {
  const c89 = classify(started().contact(D(89), { id: 'c1' }));
  t.equal(activity(c89, 'c1').rule, 'rs.after_orientation');
  t.match(activity(c89, 'c1').explanation.en, `89 days after the diagnostic (${D(0)}), under the 90-day pause threshold`);
  const c90 = classify(started().contact(D(90), { id: 'c1' }));
  t.equal(activity(c90, 'c1').rule, 'rs.after_pause');
  t.match(activity(c90, 'c1').explanation.en, `90 days after the diagnostic (${D(0)}), at least the 90-day pause threshold`);
  t.same(episodes(c90, 'observed_pause').map((e) => [e.startDate, e.endDate]), [[D(0), D(90)]]);
});

t.test('a declared pause shorter than the threshold still interrupts the support', async (t) => {
  const h = started().contact(D(10), { id: 'c1' }).pauseDeclared(D(20), { id: 'p1' }).pauseEnded(D(40), { id: 'p2' }).contact(D(50), { id: 'c2' });
  const c = classify(h);
  const a = activity(c, 'c2');
  t.equal(a.rule, 'rs.after_pause');
  t.equal(
    a.explanation.en,
    `Phone contact on ${D(50)}, 40 days after the previous support activity (${D(10)}), under the 90-day pause threshold, but a pause was declared on ${D(20)} in between; support resumes after the pause only 50 days after the diagnostic (${D(0)}), before the 180-day minimum: too early for a one-year follow-up, so start of a new reinforced-support episode.`,
  );
  t.equal(
    a.explanation.fr,
    `Contact téléphonique du ${D(50)}, 40 jours après l'activité de soutien précédente (${D(10)}), sous le seuil de pause de 90 jours, mais une pause a été déclarée le ${D(20)} entre les deux ; reprise après la pause 50 jours seulement après le diagnostic (${D(0)}), avant le minimum de 180 jours : trop tôt pour un suivi à N+1, donc début d'un nouvel épisode de soutien renforcé.`,
  );
  const [declared] = episodes(c, 'declared_pause');
  t.match(declared, { kind: 'declared_pause', startDate: D(20), endDate: D(40), eventIds: ['p1', 'p2'], rule: 'pause.declared' });
  t.equal(declared!.explanation.en, `Pause declared from ${D(20)} to ${D(40)}.`);
  t.equal(declared!.explanation.fr, `Pause déclarée du ${D(20)} au ${D(40)}.`);
  t.equal(episodes(c, 'observed_pause').length, 0, 'a 40-day gap is not an observed pause');
  t.ok(c.reasoning.some((s) => s.eventId === 'c2' && s.rule === 'pause.declared'));
});

t.test('a declared pause makes a follow-up possible a few months after the last contact', async (t) => {
  const h = started().contact(D(150), { id: 'c1' }).pauseDeclared(D(160)).contact(D(200), { id: 'c2' });
  const a = activity(classify(h), 'c2');
  t.equal(a.derivedPhase, 'one_year_follow_up');
  t.equal(a.rule, 'n1.after_pause_in_window');
});

t.test('a pause declared before the previous activity does not count for the next gap', async (t) => {
  const h = started().pauseDeclared(D(5)).contact(D(10), { id: 'c1' }).contact(D(50), { id: 'c2' });
  t.equal(activity(classify(h), 'c2').rule, 'rs.continuation');
});

t.test('a pause left open still counts; an end with no pause is flagged', async (t) => {
  const c = classify(started().contact(D(10)).pauseDeclared(D(20), { id: 'p1' }).pauseEnded(D(30), { id: 'p2' }).pauseEnded(D(35), { id: 'p3' }));
  t.same(episodes(c, 'declared_pause').map((e) => e.eventIds), [['p1', 'p2']]);
  const f = c.flags.find((x) => x.code === 'pause.end_without_declaration');
  t.same(f?.eventIds, ['p3']);
  t.equal(f?.explanation.en, `End of pause on ${D(35)} with no declared pause in progress: it has no effect.`);
  const open = classify(started().pauseDeclared(D(20), { id: 'p1' }));
  t.equal(episodes(open, 'declared_pause')[0]?.endDate, undefined);
  t.equal(episodes(open, 'declared_pause')[0]?.explanation.fr, `Pause déclarée à partir du ${D(20)}, non terminée.`);
});
