import { join } from 'node:path';
import type { EventStore } from './port.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

export type StoreConfig = { backend: 'sqlite'; file: string; pollIntervalMs?: number };

/** The one place that turns configuration into an adapter (later backends add their case here). */
export async function openEventStore(config: StoreConfig): Promise<EventStore> {
  switch (config.backend) {
    case 'sqlite':
      return new SqliteEventStore(config.file, { pollIntervalMs: config.pollIntervalMs });
  }
}

export function defaultSqliteFile(dataDir: string): string {
  return join(dataDir, 'events.sqlite');
}
