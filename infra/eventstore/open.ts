import { join } from 'node:path';
import type { EventStore } from './port.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

/** `writer`, `foreignWritesCheckMs` and `busyTimeoutMs`: see SqliteStoreOptions. */
export type StoreConfig = {
  backend: 'sqlite';
  file: string;
  pollIntervalMs?: number;
  writer?: 'thread' | 'inline';
  foreignWritesCheckMs?: number;
  busyTimeoutMs?: number;
};

/** The one place that turns configuration into an adapter (later backends add their case here). */
export async function openEventStore(config: StoreConfig): Promise<EventStore> {
  switch (config.backend) {
    case 'sqlite': {
      const store = new SqliteEventStore(config.file, {
        pollIntervalMs: config.pollIntervalMs,
        writer: config.writer,
        foreignWritesCheckMs: config.foreignWritesCheckMs,
        busyTimeoutMs: config.busyTimeoutMs,
      });
      try {
        await store.ready();
      } catch (error) {
        await store.close().catch(() => undefined);
        throw error;
      }
      return store;
    }
  }
}

export function defaultSqliteFile(dataDir: string): string {
  return join(dataDir, 'events.sqlite');
}
