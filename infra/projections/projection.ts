import type Database from 'better-sqlite3';
import type { StoredEvent } from '../eventstore/port.js';

/**
 * A projection: a named handler over events with its own read-model tables. Handlers are
 * synchronous so the runtime can commit each change together with the checkpoint.
 */
export interface Projection {
  name: string;
  /** Bump when the tables or the handler change: the runtime then rebuilds from zero. */
  version: number;
  /** Most events in one batch (one transaction); default 2000. */
  maxBatch?: number;
  /** Creates the tables; must be idempotent. */
  setup(db: Database.Database): void;
  /** Drops the tables, for a rebuild. */
  reset(db: Database.Database): void;
  /**
   * Sees every event in global order (it ignores the types it does not need), so its checkpoint
   * tracks the store's head. The event object may be shared with other projections: read it, never change it.
   */
  apply(db: Database.Database, event: StoredEvent): void;
  /**
   * Called once at the end of each batch, in the same transaction: a projection whose rows are
   * costly to recompute keeps what `apply` changed in memory and writes each row once here.
   */
  flush?(db: Database.Database): void;
  /** Called instead of `flush` when the batch failed: forget what `apply` kept in memory. */
  discard?(db: Database.Database): void;
}
