// Evaluation: no support purpose, so it is never a follow-up nor support, and it does not
// interrupt a gap; a follow-up contact may host an evaluation, not the other way round.
import t from 'tap';
import { classifyPathway, DEFAULT_PHASE_POLICY } from '../../../domain/phases/index.js';
import { D, activity, episodes, started } from './helpers/facts.js';

const classify = (h: ReturnType<typeof started>) => classifyPathway(h.facts, DEFAULT_PHASE_POLICY);

t.test('an evaluation-only contact inside the follow-up window is not the follow-up', async (t) => {
  const c = classify(started().contact(D(10), { id: 'c1' }).contact(D(250), { id: 'ev', evaluationOnly: true }).contact(D(260), { id: 'n1' }));
  const e = activity(c, 'ev');
  t.equal(e.derivedPhase, 'evaluation');
  t.equal(e.rule, 'eval.never_support');
  t.equal(
    e.explanation.en,
    `Phone contact on ${D(250)}, evaluation only, with no support purpose: it never counts as one-year follow-up or reinforced support.`,
  );
  t.equal(
    e.explanation.fr,
    `Contact téléphonique du ${D(250)}, évaluation seule, sans objectif d'accompagnement : ne compte jamais comme suivi à N+1 ni comme soutien renforcé.`,
  );
  // The gap is measured from c1, as if the evaluation had not taken place.
  t.equal(activity(c, 'n1').rule, 'n1.after_pause_in_window');
  t.match(activity(c, 'n1').explanation.en, `250 days after the previous support activity (${D(10)})`);
  t.same(episodes(c, 'evaluation').map((x) => x.eventIds), [['ev']]);
});

t.test('an evaluation-only contact does not bridge a pause', async (t) => {
  const c = classify(started().contact(D(10), { id: 'c1' }).contact(D(95), { id: 'ev', evaluationOnly: true }).contact(D(105), { id: 'c2' }));
  t.equal(activity(c, 'c2').rule, 'rs.after_pause');
  t.match(activity(c, 'c2').explanation.en, `95 days after the previous support activity (${D(10)})`);
});

t.test('a follow-up contact may host an evaluation; it stays the follow-up', async (t) => {
  const h = started().contact(D(10)).contact(D(380), { id: 'n1', contactId: 'k-n1', channel: 'home_visit' }).evaluation(D(380), { id: 'eval', contactId: 'k-n1' });
  const c = classify(h);
  t.equal(activity(c, 'n1').effectivePhase, 'one_year_follow_up');
  const e = activity(c, 'eval');
  t.equal(e.derivedPhase, 'evaluation');
  t.equal(
    e.explanation.en,
    `Evaluation on ${D(380)}, with no support purpose: it never counts as one-year follow-up or reinforced support; carried out during contact n1, which keeps its own phase.`,
  );
  t.equal(
    e.explanation.fr,
    `Évaluation du ${D(380)}, sans objectif d'accompagnement : ne compte jamais comme suivi à N+1 ni comme soutien renforcé ; menée lors du contact n1, qui garde sa propre phase.`,
  );
  t.same(episodes(c, 'evaluation').map((x) => x.eventIds), [['eval']]);
  t.equal(c.quota.hasFollowUp, true);
});

t.test('a standalone evaluation one year on never counts as the follow-up', async (t) => {
  const c = classify(started().contact(D(10)).evaluation(D(365), { id: 'eval' }));
  t.equal(activity(c, 'eval').effectivePhase, 'evaluation');
  t.equal(c.quota.hasFollowUp, false);
  t.equal(c.quota.followUpDone, undefined);
});

t.test('an evaluation recorded on an evaluation-only contact forms one evaluation episode', async (t) => {
  const c = classify(started().contact(D(300), { id: 'ev', contactId: 'k-ev', evaluationOnly: true }).evaluation(D(300), { id: 'eval', contactId: 'k-ev' }));
  t.same(episodes(c, 'evaluation').map((x) => x.eventIds), [['ev', 'eval']]);
  t.equal(c.quota.hasFollowUp, false);
});

t.test('a worker declaring an evaluation contact as the follow-up gets a conflict, not a follow-up', async (t) => {
  const c = classify(started().contact(D(300), { id: 'ev', evaluationOnly: true, declaredPhase: 'one_year_follow_up' }));
  t.equal(activity(c, 'ev').effectivePhase, 'evaluation');
  t.match(c.flags, [{ code: 'phase.declared_conflict', declaredPhase: 'one_year_follow_up', derivedPhase: 'evaluation' }]);
  t.equal(c.quota.hasFollowUp, false);
});

t.test('an evaluation after the exit still counts as an evaluation', async (t) => {
  const c = classify(started().contact(D(10)).exited(D(100)).evaluation(D(200), { id: 'eval' }));
  t.equal(activity(c, 'eval').effectivePhase, 'evaluation');
  t.notOk(c.flags.some((f) => f.code === 'activity.after_exit'));
});
