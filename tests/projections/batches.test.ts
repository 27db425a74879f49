// The list and classification projections keep each pathway's fold in memory between batches
// (RowCache), and the timeline and classification extend each pathway's list of positions once
// per batch. Whatever the batch boundaries, and whether a batch is folded on the connection that
// folded the one before (its memory) or on another one (the rows read back), several
// interleaved pathways end with the rows of one pass over their events, and each pathway's
// steps and facts are read back through its list, in order, and no other pathway's. For the classification,
// whose cached row only spares a read, the test holds the outcome to one pass; it also checks that
// each fact is kept with its personal data stripped. pathway-list.test.ts holds the list's columns
// to a fold of the full history after every batch.
import { join } from 'node:path';
import fc from 'fast-check';
import t, { type Test } from 'tap';
import { stripPersonalData } from '../../contracts/personal-data.js';
import type { StoredEvent } from '../../infra/eventstore/port.js';
import { applyBatch, prepareProjection } from '../../infra/projections/checkpoints.js';
import type { Projection } from '../../infra/projections/projection.js';
import { openReadModelDb } from '../../infra/projections/read-model-db.js';
import { classificationProjection, CLASSIFICATION_TABLE, PHASE_FACTS_TABLE, readPhaseFacts } from '../../projections/classification/classification-projection.js';
import { isPhaseFactType, recordedFactOf } from '../../projections/classification/recorded-fact.js';
import { pathwayListProjection } from '../../projections/pathway-list.js';
import { readTimeline, timelineProjection } from '../../projections/timeline/timeline-projection.js';
import { intentsArb, storedHistory } from '../phases/helpers/random-history.js';
import { foldInSplitBatches, splitBatchesArb, type BatchesOn } from '../support/split-batches.js';
import { tempDir } from '../support/temp-dir.js';

type Db = ReturnType<typeof openReadModelDb>;
const dumps: Record<string, (db: Db) => string> = {
  pathway_list: (db) => JSON.stringify(db.prepare('SELECT * FROM pathway_list ORDER BY pathway_id').all()),
  classification: (db) =>
    JSON.stringify([
      db.prepare(`SELECT * FROM ${CLASSIFICATION_TABLE} ORDER BY pathway_id`).all(),
      db.prepare(`SELECT * FROM ${PHASE_FACTS_TABLE} ORDER BY position`).all(),
    ]),
  timeline: (db) =>
    JSON.stringify([db.prepare('SELECT * FROM timeline_steps ORDER BY position').all(), db.prepare('SELECT * FROM timeline_pathways ORDER BY pathway_id').all()]),
};

/** Several pathways' events interleaved in one global order, as the store hands them over. */
function interleaved(histories: Parameters<typeof storedHistory>[1][]): StoredEvent[] {
  return histories
    .flatMap((intents, h) => storedHistory(`p${h}`, intents).map((e, k) => ({ e, order: k * histories.length + h })))
    .sort((a, b) => a.order - b.order)
    .map(({ e }, i) => ({ ...e, globalPosition: i + 1 }));
}


for (const projection of [pathwayListProjection, classificationProjection, timelineProjection] as Projection[]) {
  t.test(`${projection.name}: any batches, on either of two connections, store what one pass stores`, async (t) => {
    const dir = tempDir(t);
    const dump = dumps[projection.name]!;
    let run = 0;
    const batchesOn: BatchesOn = { same: 0, other: 0 };
    fc.assert(
      fc.property(fc.array(intentsArb, { minLength: 1, maxLength: 3 }), splitBatchesArb(8, 10), (histories, batches) => {
        run++;
        const events = interleaved(histories);
        const once = openReadModelDb(join(dir, `once-${run}.sqlite`));
        applyBatch(once, projection, prepareProjection(once, projection), events);
        const expected = dump(once);
        once.close();

        let stored = '';
        foldInSplitBatches(projection, join(dir, `split-${run}.sqlite`), events, batches, batchesOn, (db, last) => {
          if (last === events.length - 1) stored = dump(db);
          return true;
        });
        if (stored !== expected) throw new Error('split batches stored something else than one pass');
      }),
      { numRuns: 150 },
    );
    t.ok(batchesOn.same > 0 && batchesOn.other > 0, `batches folded on the connection of the batch before (${batchesOn.same}) and on the other one (${batchesOn.other})`);
  });
}

t.test('classification: each fact the engine reads is kept once, without personal data (a settlement keeps its reason)', async (t) => {
  const dir = tempDir(t);
  let run = 0;
  fc.assert(
    fc.property(fc.array(intentsArb, { minLength: 1, maxLength: 3 }), (histories) => {
      const events = interleaved(histories);
      const db = openReadModelDb(join(dir, `facts-${run++}.sqlite`));
      try {
        applyBatch(db, classificationProjection, prepareProjection(db, classificationProjection), events);
        const kept = db.prepare(`SELECT fact FROM ${PHASE_FACTS_TABLE}`).pluck().all() as string[];
        const byId = (a: { eventId: string }, b: { eventId: string }) => (a.eventId < b.eventId ? -1 : 1);
        const wanted = events
          .filter((e) => e.type === 'HouseholdReferred' || isPhaseFactType(e.type))
          .map((e) => recordedFactOf(e))
          .map((f) => (f.type === 'PhaseSettled' ? f : { ...f, data: stripPersonalData(f.data) }))
          .sort(byId);
        return JSON.stringify(kept.map((text) => JSON.parse(text) as { eventId: string }).sort(byId)) === JSON.stringify(wanted);
      } finally {
        db.close();
      }
    }),
    { numRuns: 150 },
  );
  t.pass('150 sets of histories');
});

t.test("timeline and classification: whatever the batches, each pathway's steps and facts are read back in order, and only its own", async (t) => {
  const dir = tempDir(t);
  let run = 0;
  let pathwaysRead = 0;
  const batchesOn: BatchesOn = { same: 0, other: 0 };
  fc.assert(
    fc.property(fc.array(intentsArb, { minLength: 1, maxLength: 3 }), splitBatchesArb(8, 10), (histories, batches) => {
      run++;
      // Dates out of recording order (random histories date every event alike), so the
      // timeline's order by date is tested, not only its order of positions.
      const events = interleaved(histories).map((e, i) => ({ ...e, metadata: { ...e.metadata, occurredAt: new Date(Date.UTC(2026, 0, 1 + ((i * 37) % 29))).toISOString() } }));
      const ids = [...new Set(events.map((e) => e.streamId.slice('pathway-'.length)))];
      for (const projection of [timelineProjection, classificationProjection]) {
        foldInSplitBatches(projection, join(dir, `reads-${run}-${projection.name}.sqlite`), events, batches, batchesOn, (db, last) => {
          // After every batch: what has been folded so far, pathway by pathway.
          const folded = events.slice(0, last + 1);
          for (const id of ids) {
            const own = folded.filter((e) => e.streamId === `pathway-${id}`);
            if (projection === timelineProjection) {
              const steps = readTimeline(db, id);
              const wanted = [...own].sort((a, b) => (a.metadata.occurredAt < b.metadata.occurredAt ? -1 : a.metadata.occurredAt > b.metadata.occurredAt ? 1 : a.revision - b.revision));
              if (JSON.stringify(steps.map((s) => s.eventId)) !== JSON.stringify(wanted.map((e) => e.id))) throw new Error(`timeline of ${id} after event ${last}`);
            } else {
              const facts = readPhaseFacts(db, id);
              // Facts exist once the pathway's referral was folded; then one per event the engine reads.
              const wanted = own.some((e) => e.type === 'HouseholdReferred') ? own.filter((e) => e.type === 'HouseholdReferred' || isPhaseFactType(e.type)) : [];
              if (JSON.stringify(facts.map((f) => f.eventId)) !== JSON.stringify(wanted.map((e) => e.id))) throw new Error(`facts of ${id} after event ${last}`);
            }
            pathwaysRead++;
          }
          return true;
        });
      }
    }),
    { numRuns: 100 },
  );
  t.ok(pathwaysRead > 0, `${pathwaysRead} reads after a batch, on both connections (${batchesOn.same} and ${batchesOn.other} batches)`);
  t.same(readTimeline(openReadModelDbFor(t, dir), 'nobody'), [], 'a pathway the read model does not know has no steps');
});

function openReadModelDbFor(t: Test, dir: string): Db {
  const db = openReadModelDb(join(dir, 'empty.sqlite'));
  t.teardown(() => db.close());
  prepareProjection(db, timelineProjection);
  prepareProjection(db, classificationProjection);
  t.same(readPhaseFacts(db, 'nobody'), [], 'nor facts');
  return db;
}
