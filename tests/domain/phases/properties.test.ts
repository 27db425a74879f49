// Properties of the classification over random histories: deterministic, blind to object
// identity and input order, never mutating its input, and never changing an event when a
// pathway is recomputed under another policy version. Settled phases hold under any policy.
import fc from 'fast-check';
import t from 'tap';
import { classifyPathway, comparePathway, type PhasePolicy, type PathwayClassification } from '../../../domain/phases/index.js';
import type { RecordedFact } from '../../../domain/phases/input.js';
import { addDays } from './helpers/facts.js';

const RUNS = Number(process.env.PHASES_PROPERTY_RUNS ?? 10_000);
const START = '2024-01-01';

/** One fact to be: its type, its step in days from the previous fact, and its date field. */
type Spec = { type: string; step: number; hour: number; field?: string; data: Record<string, unknown> };

/**
 * Steps are mostly forward, sometimes back-dated, so histories read like stories with gaps
 * around the thresholds, yet still exercise out-of-order facts.
 */
const dated = (type: string, field: string, extra: fc.Arbitrary<Record<string, unknown>> = fc.constant({})) =>
  fc.record({ step: fc.integer({ min: -15, max: 200 }), hour: fc.integer({ min: 0, max: 23 }), extra }).map(
    ({ step, hour, extra }): Spec => ({ type, step, hour, field, data: { ...extra } }),
  );

const ids = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 3 });
const spec: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 1, arbitrary: dated('HouseholdReferred', 'referredOn', fc.constant({ programme: 'slime-plus' })) },
  { weight: 1, arbitrary: dated('ContactAttempted', 'attemptedOn', fc.record({ channel: fc.constant('phone'), outcome: fc.constantFrom('reached', 'no_answer') })) },
  { weight: 2, arbitrary: dated('DiagnosticVisitCompleted', 'visitDate', fc.record({ season: fc.constantFrom('summer', 'winter', 'mid_season') })) },
  { weight: 2, arbitrary: dated('OrientationProposed', 'proposedOn', fc.record({ orientationId: fc.constantFrom('o1', 'o2', 'o3'), category: fc.constant('health') })) },
  { weight: 1, arbitrary: dated('OrientationStatusChanged', 'changedOn', fc.record({ orientationId: fc.constantFrom('o1', 'o2', 'o4'), status: fc.constantFrom('accepted', 'done', 'in_progress') })) },
  {
    weight: 8,
    arbitrary: dated(
      'SupportContactRecorded',
      'contactDate',
      fc.record(
        {
          contactId: fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6'),
          channel: fc.constantFrom('phone', 'home_visit', 'email', 'digital', 'office', 'mediation'),
          evaluationOnly: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
          declaredPhase: fc.constantFrom('reinforced_support', 'one_year_follow_up', 'evaluation', 'other'),
          newProblemCategory: fc.constantFrom('rehousing', 'health'),
        },
        { requiredKeys: ['contactId', 'channel', 'evaluationOnly'] },
      ),
    ),
  },
  { weight: 1, arbitrary: dated('PauseDeclared', 'startDate', fc.constant({ reason: 'x' })) },
  { weight: 1, arbitrary: dated('PauseEnded', 'endDate') },
  { weight: 1, arbitrary: dated('EvaluationRecorded', 'evaluationDate', fc.record({ contactId: fc.constantFrom('k1', 'k2', 'k9') }, { requiredKeys: [] })) },
  { weight: 1, arbitrary: dated('PathwayExited', 'exitDate', fc.constant({ exitType: 'moved' })) },
  { weight: 1, arbitrary: dated('PathwayReopened', 'reopenedOn') },
  {
    weight: 2,
    arbitrary: dated('PhaseSettled', 'settledOn', fc.record({ refs: ids, phase: fc.constantFrom('pre_diagnostic', 'reinforced_support', 'one_year_follow_up', 'evaluation', 'other') })),
  },
  { weight: 1, arbitrary: fc.constant<Spec>({ type: 'SupportContactRecorded', step: 0, hour: 0, data: { channel: 'phone' } }) },
  { weight: 1, arbitrary: fc.constant<Spec>({ type: 'EntryAccepted', step: 0, hour: 0, data: {} }) },
);

/** Materialises specs as stored facts; settlement refs point at other facts (or at none). */
const STARTED: Spec[] = [
  { type: 'DiagnosticVisitCompleted', step: 0, hour: 9, field: 'visitDate', data: { season: 'summer' } },
  { type: 'OrientationProposed', step: 0, hour: 10, field: 'proposedOn', data: { orientationId: 'o1', category: 'health' } },
];
/** Most histories start with a diagnostic and an orientation, so support rules get exercised. */
const historyArb: fc.Arbitrary<RecordedFact[]> = fc
  .tuple(fc.integer({ min: 0, max: 9 }), fc.array(spec, { maxLength: 30, size: 'medium' }))
  .map(([n, rest]) => (n < 7 ? [...STARTED, ...rest] : rest))
  .map((specs) => {
    let day = 0;
    return specs.map((s, i) => {
      day = Math.max(0, day + s.step);
      const data: Record<string, unknown> = { ...s.data };
      if (s.field) data[s.field] = addDays(START, day);
      if (s.type === 'PhaseSettled') {
        data.eventIds = [...new Set((data.refs as number[]).map((n) => `e${n}`))];
        data.settlementId = `s${i}`;
        delete data.refs;
      }
      const at = addDays(START, day);
      return { eventId: `e${i}`, type: s.type, revision: i + 1, recordedAt: `${at}T${String(s.hour).padStart(2, '0')}:00:00.000Z`, data };
    });
});

const policyArb: fc.Arbitrary<PhasePolicy> = fc
  .record({
    pauseDays: fc.integer({ min: 1, max: 200 }),
    n1MinDays: fc.integer({ min: 1, max: 400 }),
    toTarget: fc.integer({ min: 1, max: 200 }),
    toMax: fc.integer({ min: 1, max: 400 }),
    split: fc.boolean(),
  })
  .map(({ pauseDays, n1MinDays, toTarget, toMax, split }) => ({
    name: 'random',
    version: `${pauseDays}.${n1MinDays}.${toTarget}.${toMax}.${split ? 1 : 0}`,
    id: `random@${pauseDays}.${n1MinDays}.${toTarget}.${toMax}.${split ? 1 : 0}`,
    effectiveFrom: '2020-01-01',
    params: { pauseDays, n1MinDays, n1TargetDays: n1MinDays + toTarget, n1MaxDays: n1MinDays + toTarget + toMax, splitEpisodeOnNewProblem: split },
  }));

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

function assertWellFormed(c: PathwayClassification, facts: RecordedFact[]): void {
  const known = new Set(facts.map((f) => f.eventId));
  const seen = new Set<string>();
  for (const a of c.activities) {
    if (!known.has(a.eventId) || seen.has(a.eventId)) throw new Error(`bad activity ${a.eventId}`);
    seen.add(a.eventId);
    if (a.effectivePhase !== (a.settledPhase ?? a.derivedPhase)) throw new Error(`effective phase of ${a.eventId}`);
  }
  if (c.quota.hasReinforcedSupport !== c.activities.some((a) => a.effectivePhase === 'reinforced_support')) throw new Error('quota rs');
  if (c.quota.hasFollowUp !== c.activities.some((a) => a.effectivePhase === 'one_year_follow_up')) throw new Error('quota n1');
  c.reasoning.forEach((s, i) => {
    if (s.n !== i + 1) throw new Error('step numbering');
  });
  for (let i = 1; i < c.episodes.length; i++) if (c.episodes[i - 1]!.startDate > c.episodes[i]!.startDate) throw new Error('episode order');
  for (const e of c.episodes) for (const id of e.eventIds) if (!known.has(id)) throw new Error(`episode names unknown ${id}`);
  const texts = JSON.stringify([c.activities, c.episodes, c.flags, c.reasoning]);
  if (/undefined|NaN|\[object/.test(texts)) throw new Error('a sentence has a hole in it');
}

t.test('classification is deterministic, blind to input order and identity, never mutates its input', async (t) => {
  fc.assert(
    fc.property(historyArb, policyArb, fc.integer(), (facts, policy, seed) => {
      const before = JSON.stringify(facts);
      const first = classifyPathway(facts, policy);
      assertWellFormed(first, facts);
      // Same facts as other objects, in another order, frozen so that any write would throw.
      const other = deepFreeze(structuredClone(shuffled(facts, seed)));
      const second = classifyPathway(other, policy);
      if (JSON.stringify(second) !== JSON.stringify(first)) throw new Error('depends on input order or identity');
      // Returned structures are not aliases of the input: changing them leaves the facts alone.
      for (const e of first.episodes) e.eventIds.push('x');
      if (JSON.stringify(facts) !== before) throw new Error('input mutated');
    }),
    { numRuns: RUNS },
  );
  t.pass(`${RUNS} random histories`);
});

t.test('recomputing under another policy version never changes an event, nor a settled phase', async (t) => {
  fc.assert(
    fc.property(historyArb, policyArb, policyArb, (facts, p1, p2) => {
      const before = JSON.stringify(facts);
      const a = classifyPathway(facts, p1);
      const b = classifyPathway(facts, p2);
      if (JSON.stringify(facts) !== before) throw new Error('an event changed');
      const settledB = new Map(b.activities.filter((x) => x.settledPhase).map((x) => [x.eventId, x.effectivePhase]));
      for (const x of a.activities.filter((y) => y.settledPhase)) {
        if (settledB.get(x.eventId) !== x.effectivePhase) throw new Error(`settled ${x.eventId} moved`);
      }
      const cmp = comparePathway(a, b);
      if (cmp.activityChanges.some((ch) => settledB.has(ch.eventId))) throw new Error('settled activity reported as changed');
      if (p1.id === p2.id && cmp.changed) throw new Error('same policy, yet changed');
    }),
    { numRuns: RUNS },
  );
  t.pass(`${RUNS} random histories under two random policies`);
});

t.test('a replay as of a timestamp equals the classification of the facts known then', async (t) => {
  fc.assert(
    fc.property(historyArb, policyArb, fc.integer({ min: 0, max: 2000 }), (facts, policy, day) => {
      const asOf = `${addDays(START, day)}T12:00:00.000Z`;
      const replay = classifyPathway(facts, policy, { asOf });
      const known = classifyPathway(facts.filter((f) => Date.parse(f.recordedAt) <= Date.parse(asOf)), policy);
      const strip = (c: PathwayClassification) => JSON.stringify({ ...c, asOf: undefined, reasoning: c.reasoning.slice(1) });
      if (strip(replay) !== strip(known)) throw new Error('replay differs');
    }),
    { numRuns: Math.ceil(RUNS / 5) },
  );
  t.pass('replays match');
});
