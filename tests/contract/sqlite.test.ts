import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { eventStoreContract } from './event-store-contract.js';

let dir = '';
const file = () => join(dir, 'events.sqlite');

eventStoreContract(t, {
  name: 'sqlite',
  async open() {
    dir = mkdtempSync(join(tmpdir(), 'parcours-contract-'));
    return new SqliteEventStore(file(), { pollIntervalMs: 10 });
  },
  async reopen() {
    return new SqliteEventStore(file(), { pollIntervalMs: 10 });
  },
  childProcessConfig: () => ({ backend: 'sqlite', file: file(), pollIntervalMs: 10, writer: 'inline' }),
  async cleanup() {
    rmSync(dir, { recursive: true, force: true });
  },
});
