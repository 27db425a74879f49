// A second OS process for the contract suite: opens the store described by argv[2] (JSON),
// appends argv[4] single events to streams named `${argv[3]}-<i mod 8>`, then exits.
import { openEventStore, type StoreConfig } from '../../infra/eventstore/open.js';
import { event } from './harness.js';

const config = JSON.parse(process.argv[2]!) as StoreConfig;
const prefix = process.argv[3]!;
const count = Number(process.argv[4]);
const store = await openEventStore(config);
const writes: Promise<unknown>[] = [];
for (let i = 0; i < count; i++) {
  writes.push(store.append(`${prefix}-${i % 8}`, [event('ChildWrote', { i, pid: process.pid })]));
  if (i % 16 === 15) await Promise.all(writes.splice(0));
}
await Promise.all(writes);
await store.close();
