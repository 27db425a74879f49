import type Database from 'better-sqlite3';
import type { StoredEvent } from '../eventstore/port.js';
import type { Projection } from './projection.js';
import { prepared } from './statement-cache.js';

export function readCheckpoint(db: Database.Database, name: string): { version: number; position: number } | undefined {
  return prepared(db, 'SELECT version, position FROM projection_checkpoints WHERE name = ?').get(name) as { version: number; position: number } | undefined;
}

/** Drops and recreates the projection's tables and puts its checkpoint back to zero, atomically. */
export function resetProjection(db: Database.Database, p: Projection): void {
  db.transaction(() => {
    p.reset(db);
    p.setup(db);
    prepared(db, 
      `INSERT INTO projection_checkpoints (name, version, position, updated_at) VALUES (?, ?, 0, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = 0, updated_at = excluded.updated_at`,
    ).run(p.name, p.version, new Date().toISOString());
  })();
}

/** Sets up a projection on start; a stored version other than the code's means a rebuild. */
export function prepareProjection(db: Database.Database, p: Projection): number {
  const cp = readCheckpoint(db, p.name);
  if (!cp || cp.version !== p.version) {
    resetProjection(db, p);
    return 0;
  }
  p.setup(db);
  return cp.position;
}

export class CheckpointMovedError extends Error {
  constructor(readonly projection: string) {
    super(`checkpoint of ${projection} moved under us (a rebuild elsewhere?)`);
  }
}

/**
 * Applies events and moves the checkpoint in one transaction: the read model changes exactly
 * once per event. The checkpoint moves only from the position we started from (compare and
 * set), so a rebuild run by another process is noticed instead of being overwritten.
 */
export function applyBatch(db: Database.Database, p: Projection, from: number, events: StoredEvent[]): number {
  if (events.length === 0) return from;
  const to = events[events.length - 1]!.globalPosition;
  db.transaction(() => {
    const moved = prepared(db, 'UPDATE projection_checkpoints SET position = ?, updated_at = ? WHERE name = ? AND position = ? AND version = ?')
      .run(to, new Date().toISOString(), p.name, from, p.version);
    if (moved.changes !== 1) throw new CheckpointMovedError(p.name);
    try {
      for (const e of events) p.apply(db, e);
      p.flush?.(db);
    } catch (error) {
      p.discard?.(db);
      throw error;
    }
  })();
  return to;
}
