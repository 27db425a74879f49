// The auditor's replay: a classification rebuilt from the facts as of a timestamp, printed as
// numbered steps a programme auditor can follow, in French and in English.
import t from 'tap';
import { classifyPathway, DEFAULT_PHASE_POLICY, renderReasoning } from '../../../domain/phases/index.js';
import { D, DIAG, history } from './helpers/facts.js';

/** A complete pathway: referral to exit, with a conflict settled by a coordinator. */
const complete = () =>
  history()
    .referred('2024-01-05', { id: 'ref' })
    .attempt('2024-01-08', { id: 'att' })
    .contact('2024-01-20', { id: 'dig', channel: 'digital' })
    .diagnostic(DIAG, 'summer', { id: 'dst' })
    .orientation(DIAG, { id: 'or1', orientationId: 'o1' })
    .contact(D(20), { id: 'c1', channel: 'mediation' })
    .contact(D(60), { id: 'c2' })
    .pauseDeclared(D(70), { id: 'p1' })
    .pauseEnded(D(120), { id: 'p2' })
    .orientationStatus('o1', 'done', D(130), { id: 'st' })
    .contact(D(380), { id: 'n1', contactId: 'k-n1', channel: 'home_visit', declaredPhase: 'reinforced_support' })
    .evaluation(D(380), { id: 'eval', contactId: 'k-n1' })
    .settled(['n1'], 'one_year_follow_up', D(390), { id: 'set', settlementId: 'set-1', by: 'coord-42' })
    .exited(D(400), { id: 'x' });

t.test('the account of a complete history reads step by step, in English', async (t) => {
  const text = renderReasoning(classifyPathway(complete().facts, DEFAULT_PHASE_POLICY), 'en');
  const lines = text.trimEnd().split('\n');
  t.equal(lines[0], 'Classification of the pathway under policy slime-plus-2025@2025.1.');
  t.equal(
    lines[1],
    '1. Policy slime-plus-2025@2025.1 applied: pause threshold 90 days; one-year follow-up window 180 to 730 days after the diagnostic, due at 365 days; a new problem stays in the same episode; 14 facts considered (rule policy.applied).',
  );
  t.ok(lines.slice(1).every((l, i) => l.startsWith(`${i + 1}. `)), 'steps are numbered in order');
  t.ok(lines.slice(1).every((l) => / \(rule [a-z0-9_.]+\)\.$/.test(l)), 'every step names its rule');
  t.ok(
    lines.includes(
      '4. 2024-01-20 — digital help (event dig): before the diagnostic was completed, hence pre-diagnostic (scheduling, digital help), never reinforced support (rule pre.before_diagnostic).',
    ),
  );
  t.ok(
    lines.includes(
      `12. ${D(380)} — home visit (event n1): 320 days after the previous support activity (${D(60)}), at least the 90-day pause threshold, with a pause also declared on ${D(70)}: the support was interrupted by an observed pause (rule pause.observed).`,
    ),
  );
  t.ok(
    lines.includes(
      `13. ${D(380)} — home visit (event n1): first support activity after the pause, 380 days after the diagnostic (${DIAG}), within the 180–730-day window: one-year follow-up (rule n1.after_pause_in_window).`,
    ),
  );
  t.equal(lines.at(-1), `19. Result for the programme quotas: reinforced support yes; one-year follow-up done on ${D(380)} (rule quota.summary).`);
  for (const id of ['ref', 'att', 'dig', 'dst', 'or1', 'c1', 'c2', 'p1', 'p2', 'st', 'n1', 'eval', 'set', 'x']) {
    t.match(text, `(event ${id})`, `the account mentions ${id}`);
  }
});

t.test('the French account uses proper French', async (t) => {
  const lines = renderReasoning(classifyPathway(complete().facts, DEFAULT_PHASE_POLICY), 'fr').trimEnd().split('\n');
  t.equal(lines[0], 'Classification du parcours selon la politique slime-plus-2025@2025.1.');
  t.ok(
    lines.includes(
      `5. ${DIAG} — visite de diagnostic d'été (événement dst) : achevée, ce qui ouvre le cycle ; le suivi à N+1 pourra avoir lieu du ${D(180)} au ${D(730)} et est attendu le ${D(365)} (règle diag.completed).`,
    ),
  );
  t.ok(
    lines.includes(
      `14. ${D(380)} — visite à domicile (événement n1) : arbitré en « suivi à N+1 » par le coordinateur coord-42 (arbitrage set-1) ; cette phase compte, la phase déduite (« suivi à N+1 ») reste affichée à côté (règle settlement.override).`,
    ),
  );
  t.equal(lines.at(-1), `19. Résultat pour les quotas du programme : soutien renforcé oui ; suivi à N+1 réalisé le ${D(380)} (règle quota.summary).`);
  t.ok(lines.slice(1).every((l) => / \(règle [a-z0-9_.]+\)\.$/.test(l)));
});

t.test('a replay as of a timestamp sees only the facts recorded by then', async (t) => {
  const facts = complete().facts;
  const asOf = `${D(381)}T00:00:00.000Z`;
  const replay = classifyPathway(facts, DEFAULT_PHASE_POLICY, { asOf });
  const known = classifyPathway(facts.filter((f) => f.recordedAt <= asOf), DEFAULT_PHASE_POLICY);
  t.same({ ...replay, asOf: undefined, reasoning: replay.reasoning.slice(1) }, { ...known, asOf: undefined, reasoning: known.reasoning.slice(1) });
  t.equal(replay.activities.find((a) => a.eventId === 'n1')?.settledPhase, undefined, 'the settlement came later');
  t.match(renderReasoning(replay, 'en').split('\n')[0], `facts as recorded up to ${asOf}`);
  t.match(renderReasoning(replay, 'fr').split('\n')[0], `faits tels qu'enregistrés au ${asOf}`);
  t.throws(() => classifyPathway(facts, DEFAULT_PHASE_POLICY, { asOf: 'yesterday' }), RangeError);
});

t.test('facts with a missing date are left out, with a flag and a step', async (t) => {
  const h = history().diagnostic(DIAG).add('SupportContactRecorded', { contactId: 'x', channel: 'phone' }, { id: 'bad' }).add('SomethingElse', { foo: 1 });
  const c = classifyPathway(h.facts, DEFAULT_PHASE_POLICY);
  t.match(c.flags, [{ code: 'event.invalid', eventIds: ['bad'] }]);
  t.equal(c.flags[0]!.explanation.en, 'Event bad (SupportContactRecorded) has no valid contactDate: it is left out of the classification.');
  t.equal(c.factsConsidered, 2, 'unknown types are not counted');
  t.match(renderReasoning(c, 'en'), '2. Event bad: flag event.invalid: event bad (SupportContactRecorded) has no valid contactDate');
});
