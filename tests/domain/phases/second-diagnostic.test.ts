// A second diagnostic visit (seasonal complement, e.g. a winter visit after a summer one) is
// classified by the same rules as any support activity, and flagged complementary. It does not
// move the follow-up window, which stays anchored on the first diagnostic.
import t from 'tap';
import { classifyPathway, DEFAULT_PHASE_POLICY } from '../../../domain/phases/index.js';
import { addDays, activity, episodes, history } from './helpers/facts.js';

const SUMMER = '2024-06-15';
const S = (n: number) => addDays(SUMMER, n);
const summerStart = () => history().diagnostic(SUMMER, 'summer', { id: 'dst1' }).orientation(SUMMER).contact(S(20), { id: 'c1' });

t.test('a winter diagnostic after a pause, within the window, is the follow-up, flagged complementary', async (t) => {
  const winter = '2025-01-10'; // 209 days after the summer diagnostic, 189 after the last contact
  const c = classifyPathway(summerStart().diagnostic(winter, 'winter', { id: 'dst2' }).facts, DEFAULT_PHASE_POLICY);
  const a = activity(c, 'dst2');
  t.equal(a.derivedPhase, 'one_year_follow_up');
  t.equal(a.rule, 'n1.after_pause_in_window');
  t.equal(
    a.explanation.en,
    `Complementary winter diagnostic visit on ${winter}, 189 days after the previous support activity (${S(20)}), at least the 90-day pause threshold; first support activity after the pause, 209 days after the diagnostic (${SUMMER}), within the 180–730-day window: one-year follow-up.`,
  );
  t.equal(
    a.explanation.fr,
    `Visite de diagnostic complémentaire d'hiver du ${winter}, 189 jours après l'activité de soutien précédente (${S(20)}), soit au moins le seuil de pause de 90 jours ; première activité de soutien après la pause, 209 jours après le diagnostic (${SUMMER}), dans la fenêtre de 180 à 730 jours : suivi à N+1.`,
  );
  const flag = c.flags.find((f) => f.code === 'diagnostic.complementary');
  t.match(flag, { eventIds: ['dst2'], rule: 'diag.complementary', derivedPhase: 'one_year_follow_up' });
  t.equal(
    flag!.explanation.en,
    `Second diagnostic visit on ${winter} (winter) after the diagnostic of ${SUMMER}: a seasonal complement, classified by the same rules as one-year follow-up.`,
  );
  t.equal(
    flag!.explanation.fr,
    `Seconde visite de diagnostic le ${winter} (hiver) après le diagnostic du ${SUMMER} : complément saisonnier, classé selon les mêmes règles en « suivi à N+1 ».`,
  );
  t.same(episodes(c, 'diagnostic').map((e) => e.eventIds), [['dst1']], 'only the first visit is the diagnostic');
  t.same(episodes(c, 'one_year_follow_up')[0]?.flags, ['diagnostic.complementary']);
});

t.test('a winter diagnostic during continuous support is reinforced support', async (t) => {
  const h = summerStart().contact(S(80)).diagnostic(S(150), 'winter', { id: 'dst2' });
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  t.equal(activity(c, 'dst2').rule, 'rs.continuation');
  t.match(c.flags, [{ code: 'diagnostic.complementary', derivedPhase: 'reinforced_support' }]);
  t.match(c.flags[0]!.explanation.fr, 'classé selon les mêmes règles en « soutien renforcé »');
});

t.test('a complementary diagnostic does not reset the follow-up window', async (t) => {
  const h = summerStart().diagnostic(S(120), 'winter', { id: 'dst2' }).contact(S(250), { id: 'n1' });
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  t.equal(activity(c, 'dst2').rule, 'rs.after_pause');
  t.same(c.flags.map((f) => f.code).sort(), ['diagnostic.complementary', 'follow_up.too_early']);
  t.equal(activity(c, 'n1').rule, 'n1.after_pause_in_window');
  t.match(activity(c, 'n1').explanation.en, `250 days after the diagnostic (${SUMMER})`);
  t.equal(c.quota.followUpDueOn, S(365));
});

t.test('a second diagnostic before any orientation is unclassifiable and complementary', async (t) => {
  const c = classifyPathway(history().diagnostic(SUMMER, 'summer').diagnostic(S(200), 'winter', { id: 'dst2' }).facts, DEFAULT_PHASE_POLICY);
  t.equal(activity(c, 'dst2').derivedPhase, 'unclassifiable');
  t.same(c.flags.map((f) => f.code), ['activity.unclassifiable', 'diagnostic.complementary']);
});
