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
  /** Creates the tables; must be idempotent. */
  setup(db: Database.Database): void;
  /** Drops the tables, for a rebuild. */
  reset(db: Database.Database): void;
  /** Sees every event in global order (it ignores the types it does not need), so its checkpoint tracks the store's head. */
  apply(db: Database.Database, event: StoredEvent): void;
}
