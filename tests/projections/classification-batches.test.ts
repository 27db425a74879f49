// The classification projection keeps each pathway's row in memory between batches (RowCache).
// Whatever the batch boundaries, and whether a batch continues from memory or from the row read
// back by another connection, the stored facts and rows are those of one pass over the events,
// and each fact is kept with its personal data stripped.
import { join } from 'node:path';
import fc from 'fast-check';
import t from 'tap';
import { stripPersonalData } from '../../contracts/personal-data.js';
import { applyBatch, prepareProjection } from '../../infra/projections/checkpoints.js';
import { openReadModelDb } from '../../infra/projections/read-model-db.js';
import { classificationProjection, CLASSIFICATION_TABLE, PHASE_FACTS_TABLE } from '../../projections/classification/classification-projection.js';
import { isPhaseFactType, recordedFactOf } from '../../projections/classification/recorded-fact.js';
import { intentsArb, storedHistory } from '../phases/helpers/random-history.js';
import { tempDir } from '../support/temp-dir.js';

const tables = (db: ReturnType<typeof openReadModelDb>) =>
  JSON.stringify([
    db.prepare(`SELECT * FROM ${CLASSIFICATION_TABLE} ORDER BY pathway_id`).all(),
    db.prepare(`SELECT * FROM ${PHASE_FACTS_TABLE} ORDER BY pathway_id, revision`).all(),
  ]);

t.test('any batches, on either of two connections, store what one pass stores', async (t) => {
  const dir = tempDir(t);
  let run = 0;
  const paths = { cached: 0, readBack: 0 };
  fc.assert(
    fc.property(fc.array(intentsArb, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.boolean()), { minLength: 1, maxLength: 10 }), (histories, batches) => {
      run++;
      // Several pathways, their events interleaved in one global order, as the store hands them over.
      const events = histories
        .flatMap((intents, h) => storedHistory(`p${h}`, intents).map((e, k) => ({ e, order: k * histories.length + h })))
        .sort((a, b) => a.order - b.order)
        .map(({ e }, i) => ({ ...e, globalPosition: i + 1 }));

      const once = openReadModelDb(join(dir, `once-${run}.sqlite`));
      applyBatch(once, classificationProjection, prepareProjection(once, classificationProjection), events);
      const expected = tables(once);
      once.close();

      const file = join(dir, `split-${run}.sqlite`);
      const dbs = [openReadModelDb(file), openReadModelDb(file)] as const;
      try {
        let checkpoint = prepareProjection(dbs[0], classificationProjection);
        let previous = -1;
        for (let at = 0, k = 0; at < events.length; k++) {
          const [size, other] = batches[k % batches.length]!;
          const which = Number(other);
          if (previous !== -1) paths[which === previous ? 'cached' : 'readBack']++;
          previous = which;
          checkpoint = applyBatch(other ? dbs[1] : dbs[0], classificationProjection, checkpoint, events.slice(at, at + size));
          at += size;
        }
        if (tables(dbs[0]) !== expected) throw new Error('split batches stored something else than one pass');
      } finally {
        dbs.forEach((db) => db.close());
      }

      // Each fact the engine reads is kept once, without personal data (a settlement keeps its reason).
      const db = openReadModelDb(file);
      const kept = db.prepare(`SELECT fact FROM ${PHASE_FACTS_TABLE} ORDER BY pathway_id, revision`).pluck().all() as string[];
      db.close();
      const wanted = events
        .filter((e) => e.type === 'HouseholdReferred' || isPhaseFactType(e.type))
        .map((e) => recordedFactOf(e))
        .map((f) => (f.type === 'PhaseSettled' ? f : { ...f, data: stripPersonalData(f.data) }))
        .sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
      const keptFacts = kept.map((text) => JSON.parse(text) as { eventId: string }).sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
      if (JSON.stringify(keptFacts) !== JSON.stringify(wanted)) throw new Error('the kept facts are not the stripped facts');
    }),
    { numRuns: 150 },
  );
  t.ok(paths.cached > 0 && paths.readBack > 0, `batches continued from memory (${paths.cached}) and from the row read back (${paths.readBack})`);
});
