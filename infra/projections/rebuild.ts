import type Database from 'better-sqlite3';
import type { EventStore, StoredEvent } from '../eventstore/port.js';
import { applyBatch, resetProjection } from './checkpoints.js';
import type { Projection } from './projection.js';

export interface RebuildProgress {
  projection: string;
  done: number;
  total: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
}

/** Rebuilds one projection from zero, in page-sized transactions, reporting progress. */
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
  for await (const e of store.readAll({ after: 0 })) {
    page.push(e);
    if (page.length >= pageSize) {
      checkpoint = applyBatch(db, p, checkpoint, page);
      done += page.length;
      page = [];
      onProgress(progress());
    }
  }
  checkpoint = applyBatch(db, p, checkpoint, page);
  done += page.length;
  const final = progress();
  onProgress(final);
  return final;
}
