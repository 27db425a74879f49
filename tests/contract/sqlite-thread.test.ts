// The contract suite again, with commits in the store's writer thread (what the service runs),
// and small batches, so that joining and splitting batches in the thread is exercised too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { eventStoreContract } from './event-store-contract.js';

let dir = '';
const file = () => join(dir, 'events.sqlite');

eventStoreContract(t, {
  name: 'sqlite (writer thread)',
  async open() {
    dir = mkdtempSync(join(tmpdir(), 'parcours-contract-thread-'));
    return new SqliteEventStore(file(), { pollIntervalMs: 10, writer: 'thread', maxBatch: 3 });
  },
  async reopen() {
    return new SqliteEventStore(file(), { pollIntervalMs: 10, writer: 'thread', maxBatch: 3 });
  },
  childProcessConfig: () => ({ backend: 'sqlite', file: file(), pollIntervalMs: 10, writer: 'thread' }),
  async cleanup() {
    rmSync(dir, { recursive: true, force: true });
  },
});
