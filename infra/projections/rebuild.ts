import type Database from 'better-sqlite3';
import type { EventStore, StoredEvent } from '../eventstore/port.js';
import { applyBatch, CheckpointMovedError, resetProjection } from './checkpoints.js';
import type { Projection } from './projection.js';

export interface RebuildProgress {
  projection: string;
  done: number;
  total: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
  /**
   * Set when a running service (its projection runtime, on the same read models) moved the
   * checkpoint while this rebuild ran: the position the rebuild had reached. The service goes
   * on from it, so the rebuild stops there instead of fighting it for the checkpoint.
   */
  takenOverAt?: number;
}

/**
 * Rebuilds one projection from zero, in page-sized transactions, reporting progress. Each page
 * moves the checkpoint by compare and set, so a service that resumed from the reset checkpoint
 * and applied a batch first is noticed: the rebuild then leaves the rest to it.
 */
export async function rebuildProjection(
  store: EventStore,
  db: Database.Database,
  p: Projection,
  onProgress: (p: RebuildProgress) => void = () => {},
  pageSize = 2000,
): Promise<RebuildProgress> {
  resetProjection(db, p);
  const total = await store.headPosition();
  const started = Date.now();
  let checkpoint = 0;
  let done = 0;
  let page: StoredEvent[] = [];
  const progress = (): RebuildProgress => {
    const seconds = Math.max((Date.now() - started) / 1000, 1e-3);
    const rate = done / seconds;
    const remaining = Math.max(total - checkpoint, 0);
    return { projection: p.name, done, total, eventsPerSecond: Math.round(rate), etaSeconds: rate > 0 ? Math.round(remaining / rate) : null };
  };
  const apply = (): boolean => {
    try {
      checkpoint = applyBatch(db, p, checkpoint, page);
    } catch (error) {
      if (error instanceof CheckpointMovedError) return false;
      throw error;
    }
    done += page.length;
    page = [];
    return true;
  };
  for await (const e of store.readAll({ after: 0 })) {
    page.push(e);
    if (page.length >= pageSize) {
      if (!apply()) return { ...progress(), takenOverAt: checkpoint };
      onProgress(progress());
    }
  }
  if (!apply()) return { ...progress(), takenOverAt: checkpoint };
  const final = progress();
  onProgress(final);
  return final;
}
