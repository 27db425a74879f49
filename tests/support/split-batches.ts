import fc from 'fast-check';
import type { StoredEvent } from '../../infra/eventstore/port.js';
import { applyBatch, prepareProjection } from '../../infra/projections/checkpoints.js';
import type { Projection } from '../../infra/projections/projection.js';
import { openReadModelDb } from '../../infra/projections/read-model-db.js';

type Db = ReturnType<typeof openReadModelDb>;

/** Batches as [size, on the second connection?], repeated in turn until the events run out. */
export const splitBatchesArb = (maxSize: number, maxLength: number) =>
  fc.array(fc.tuple(fc.integer({ min: 1, max: maxSize }), fc.boolean()), { minLength: 1, maxLength });

/** How many batches were folded on the connection of the batch before, and on the other one. */
export interface BatchesOn {
  same: number;
  other: number;
}

/**
 * Folds `events` through `projection` in the batches given, each on one of two connections to
 * `file`: a batch on the connection of the one before continues from what that connection keeps
 * in memory, one on the other connection reads the rows back. `afterEach` sees the first
 * connection and the index of the batch's last event; false stops the fold, which then returns false.
 */
export function foldInSplitBatches(
  projection: Projection,
  file: string,
  events: readonly StoredEvent[],
  batches: ReadonlyArray<readonly [number, boolean]>,
  batchesOn: BatchesOn,
  afterEach: (db: Db, last: number) => boolean = () => true,
): boolean {
  const dbs = [openReadModelDb(file), openReadModelDb(file)] as const;
  try {
    let checkpoint = prepareProjection(dbs[0], projection);
    let previous: boolean | null = null;
    for (let at = 0, k = 0; at < events.length; k++) {
      const [size, other] = batches[k % batches.length]!;
      if (previous !== null) batchesOn[other === previous ? 'same' : 'other']++;
      previous = other;
      checkpoint = applyBatch(other ? dbs[1] : dbs[0], projection, checkpoint, events.slice(at, at + size));
      at = Math.min(at + size, events.length);
      if (!afterEach(dbs[0], at - 1)) return false;
    }
    return true;
  } finally {
    dbs.forEach((db) => db.close());
  }
}
