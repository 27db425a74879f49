// Property (issue 4): for random valid histories, the live read model, built by the
// projection's apply handler event by event, equals a from-scratch classification of every
// stored fact; the row as it stood after k events equals a replay as of the k-th event's
// recording time; and classifying under another policy version changes no event and no fact.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import t from 'tap';
import { classifyPathway, DEFAULT_PHASE_POLICY, makePhasePolicy, type PathwayClassification } from '../../domain/phases/index.js';
import { classificationProjection, CLASSIFICATION_TABLE, PHASE_FACTS_TABLE, readPhaseFacts } from '../../projections/classification/classification-projection.js';
import { readClassification } from '../../projections/classification/classification-queries.js';
import { recordedFactOf } from '../../projections/classification/recorded-fact.js';
import { intentsArb, storedHistory } from './helpers/random-history.js';

const RUNS = Number(process.env.PHASES_PROPERTY_RUNS ?? 10_000);

const otherPolicyArb = fc
  .record({ pauseDays: fc.integer({ min: 1, max: 200 }), n1MinDays: fc.integer({ min: 1, max: 400 }), toTarget: fc.integer({ min: 1, max: 200 }), toMax: fc.integer({ min: 1, max: 400 }), split: fc.boolean() })
  .map((p) =>
    makePhasePolicy({
      name: 'random',
      version: `${p.pauseDays}.${p.n1MinDays}.${p.toTarget}.${p.toMax}.${Number(p.split)}`,
      effectiveFrom: '2020-01-01',
      params: { pauseDays: p.pauseDays, n1MinDays: p.n1MinDays, n1TargetDays: p.n1MinDays + p.toTarget, n1MaxDays: p.n1MinDays + p.toTarget + p.toMax, splitEpisodeOnNewProblem: p.split },
    }),
  );

/** As a read returns it: through JSON, as the row and the API both store and send it. */
const asJson = (c: PathwayClassification): unknown => JSON.parse(JSON.stringify(c));
/** A replay as of T differs from a live read only by saying so (asOf, and the first reasoning step). */
const withoutCut = (c: PathwayClassification) => JSON.stringify({ ...c, asOf: undefined, reasoning: c.reasoning.slice(1) });

t.test('live read model = from-scratch replay; recomputing under another version changes no fact', async (t) => {
  const db = new Database(':memory:');
  classificationProjection.setup(db);
  const forgetRow = db.prepare(`DELETE FROM ${CLASSIFICATION_TABLE} WHERE pathway_id = ?`);
  const forgetFacts = db.prepare(`DELETE FROM ${PHASE_FACTS_TABLE} WHERE pathway_id = ?`);
  /** What a read of the live model returns: the classification, and the revision its row reflects. */
  const live = (pathwayId: string) => {
    const read = readClassification(db, pathwayId)!;
    return { classification: JSON.stringify(read.classification), revision: read.revision };
  };
  // Events arrive in batches of any size (the runtime flushes each batch): cut them every `batch`
  // events, and at the event whose row the test reads.
  const applyAll = db.transaction((events: ReturnType<typeof storedHistory>, cutAt: number, batch: number) => {
    let atCut: string | undefined;
    events.forEach((e, k) => {
      classificationProjection.apply(db, e);
      if (k === cutAt || (k + 1) % batch === 0 || k === events.length - 1) classificationProjection.flush!(db);
      if (k === cutAt) atCut = live(e.streamId.slice('pathway-'.length)).classification;
    });
    return atCut;
  });
  let run = 0;
  const started = Date.now();
  const seen = { events: 0, settled: 0, followUps: 0, reinforced: 0 };

  fc.assert(
    fc.property(intentsArb, otherPolicyArb, fc.nat(), (intents, other, cutPick) => {
      const pathwayId = `p${++run}`;
      const events = storedHistory(pathwayId, intents);
      const cutAt = cutPick % events.length;
      const atCut = applyAll(events, cutAt, 1 + (cutPick % 7))!;
      const stored = live(pathwayId);
      const storedFacts = JSON.stringify(readPhaseFacts(db, pathwayId));

      const facts = events.map(recordedFactOf);
      const scratch = classifyPathway(facts, DEFAULT_PHASE_POLICY);
      if (stored.classification !== JSON.stringify(scratch)) {
        t.same(JSON.parse(stored.classification), asJson(scratch), 'live read model equals the replay of every fact');
        throw new Error('the live read model differs from the replay of every fact');
      }
      if (stored.revision !== events[events.length - 1]!.revision) {
        throw new Error(`the row reflects revision ${stored.revision}, not the last event's ${events[events.length - 1]!.revision}`);
      }

      const asOf = events[cutAt]!.recordedAt;
      const replayAsOf = classifyPathway(facts, DEFAULT_PHASE_POLICY, { asOf });
      if (withoutCut(JSON.parse(atCut)) !== withoutCut(asJson(replayAsOf) as PathwayClassification)) {
        throw new Error(`the row after event ${cutAt} differs from a replay as of ${asOf}`);
      }

      const eventsBefore = JSON.stringify(events);
      classifyPathway(facts, other);
      if (JSON.stringify(events) !== eventsBefore) throw new Error('classifying under another version changed an event');
      if (JSON.stringify(readPhaseFacts(db, pathwayId)) !== storedFacts) throw new Error('the read model facts changed');

      seen.events += events.length;
      seen.settled += scratch.activities.filter((a) => a.settledPhase).length;
      seen.followUps += Number(scratch.quota.hasFollowUp);
      seen.reinforced += Number(scratch.quota.hasReinforcedSupport);
      forgetRow.run(pathwayId); // keeps the in-memory tables small over 10,000 runs
      forgetFacts.run(pathwayId);
    }),
    { numRuns: RUNS },
  );
  db.close();
  const seconds = (Date.now() - started) / 1000;
  t.comment(`${RUNS} histories, ${seen.events} events, ${seconds.toFixed(1)} s; ${seen.settled} settled activities, ${seen.reinforced} with reinforced support, ${seen.followUps} with a follow-up`);
  // Guards against vacuity: the generated histories do reach the interesting places.
  t.ok(seen.settled > 0 && seen.followUps > 0 && seen.reinforced > 0, 'histories exercise settlements, reinforced support and follow-ups');
});
