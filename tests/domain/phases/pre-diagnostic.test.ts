// Pre-diagnostic: contacts before the completed diagnostic (scheduling, digital help) are
// never reinforced support, whatever the worker declared.
import t from 'tap';
import { classifyPathway, DEFAULT_PHASE_POLICY } from '../../../domain/phases/index.js';
import { DIAG, activity, episodes, history } from './helpers/facts.js';

t.test('digital help before the diagnostic is pre-diagnostic, never reinforced support', async (t) => {
  const h = history()
    .referred('2024-01-05', { id: 'ref' })
    .orientation('2024-01-10', { id: 'or0' }) // even an early orientation does not make it support
    .contact('2024-01-20', { id: 'dig', channel: 'digital', declaredPhase: 'reinforced_support' })
    .diagnostic(DIAG);
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  const a = activity(c, 'dig');
  t.equal(a.derivedPhase, 'pre_diagnostic');
  t.equal(a.effectivePhase, 'pre_diagnostic');
  t.equal(a.rule, 'pre.before_diagnostic');
  t.equal(
    a.explanation.en,
    'Digital help on 2024-01-20, before the diagnostic was completed, hence pre-diagnostic (scheduling, digital help), never reinforced support.',
  );
  t.equal(
    a.explanation.fr,
    "Aide numérique du 2024-01-20, avant l'achèvement du diagnostic, donc pré-diagnostic (prise de rendez-vous, aide numérique), jamais du soutien renforcé.",
  );
  const [conflict] = c.flags;
  t.match(conflict, { code: 'phase.declared_conflict', eventIds: ['dig'], declaredPhase: 'reinforced_support', derivedPhase: 'pre_diagnostic' });
  t.equal(
    conflict!.explanation.en,
    'On 2024-01-20 the worker declared reinforced support but the policy derives pre-diagnostic; the derived phase counts until a coordinator settles it.',
  );
  t.equal(
    conflict!.explanation.fr,
    "Le 2024-01-20, l'intervenant a déclaré « soutien renforcé » mais la politique déduit « pré-diagnostic » ; la phase déduite compte tant qu'un coordinateur n'a pas tranché.",
  );
  t.equal(c.quota.hasReinforcedSupport, false);
});

t.test('referral, attempts, scheduling and early contacts form the pre-diagnostic episode', async (t) => {
  const h = history()
    .referred('2024-01-05', { id: 'ref' })
    .attempt('2024-01-08', { id: 'a1' })
    .scheduled('2024-01-09', DIAG, { id: 's1' })
    .contact('2024-01-20', { id: 'dig', channel: 'digital' })
    .diagnostic(DIAG, 'winter', { id: 'dst' });
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  const [pre] = episodes(c, 'pre_diagnostic');
  t.match(pre, { startDate: '2024-01-05', endDate: '2024-01-20', eventIds: ['ref', 'a1', 's1', 'dig'], rule: 'pre.before_diagnostic' });
  t.equal(
    pre!.explanation.en,
    'Pre-diagnostic phase from 2024-01-05 to 2024-01-20 (4 events: referral, scheduling, contacts before the diagnostic), never reinforced support.',
  );
  t.equal(
    pre!.explanation.fr,
    'Phase pré-diagnostic du 2024-01-05 au 2024-01-20 (4 événements : repérage, prise de rendez-vous, contacts avant le diagnostic), jamais du soutien renforcé.',
  );
  t.equal(activity(c, 's1').explanation.en, 'Visit scheduling on 2024-01-09, before the diagnostic was completed, hence pre-diagnostic (scheduling, digital help), never reinforced support.');
  t.same(episodes(c, 'diagnostic').map((e) => e.eventIds), [['dst']]);
});

t.test('on the diagnostic day, the recording order decides what came first', async (t) => {
  const before = history().orientation(DIAG).contact(DIAG, { id: 'c' }).diagnostic(DIAG);
  t.equal(activity(classifyPathway(before.facts, DEFAULT_PHASE_POLICY), 'c').derivedPhase, 'pre_diagnostic');
  const after = history().orientation(DIAG).diagnostic(DIAG).contact(DIAG, { id: 'c' });
  const a = activity(classifyPathway(after.facts, DEFAULT_PHASE_POLICY), 'c');
  t.equal(a.derivedPhase, 'reinforced_support');
  t.match(a.explanation.en, `0 days after the diagnostic (${DIAG})`);
  t.match(a.explanation.fr, `0 jour après le diagnostic (${DIAG})`);
});

t.test('without a diagnostic, there is no follow-up due yet', async (t) => {
  const c = classifyPathway(history().referred('2024-01-05').contact('2024-01-20').facts, DEFAULT_PHASE_POLICY);
  t.same(c.quota, { hasReinforcedSupport: false, hasFollowUp: false });
  t.match(c.reasoning.at(-1)?.text.en, 'one-year follow-up not done (no diagnostic yet)');
  t.match(c.reasoning.at(-1)?.text.fr, 'suivi à N+1 non réalisé (pas encore de diagnostic)');
});
