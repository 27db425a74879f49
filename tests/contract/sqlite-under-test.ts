import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type SqliteStoreOptions } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import type { StoreUnderTest } from './harness.js';

/** The embedded store for the contract suite, with one writer mode; each open() is a fresh folder. */
export function sqliteUnderTest(name: string, options: SqliteStoreOptions & { writer: 'thread' | 'inline' }): StoreUnderTest {
  let dir = '';
  const file = () => join(dir, 'events.sqlite');
  const opts = { pollIntervalMs: 10, ...options };
  return {
    name,
    async open() {
      dir = mkdtempSync(join(tmpdir(), 'parcours-contract-'));
      return new SqliteEventStore(file(), opts);
    },
    async reopen() {
      return new SqliteEventStore(file(), opts);
    },
    childProcessConfig: () => ({ backend: 'sqlite', file: file(), pollIntervalMs: opts.pollIntervalMs, writer: opts.writer }),
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
