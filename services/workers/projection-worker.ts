// The projection worker: runs every projection on its own thread (its own store and
// read-model connections), so read-model work never competes with HTTP requests.
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { openReadModelDb } from '../../infra/projections/read-model-db.js';
import { ProjectionRuntime } from '../../infra/projections/runtime.js';
import { allProjections } from '../../projections/index.js';

export interface ProjectionWorkerData {
  storeFile: string;
  readModelFile: string;
}

export type ProjectionWorkerMessage = { kind: 'status'; status: ReturnType<ProjectionRuntime['status']> };

const { storeFile, readModelFile } = workerData as ProjectionWorkerData;
const store = new SqliteEventStore(storeFile, { pollIntervalMs: 10 });
const db = openReadModelDb(readModelFile);
const runtime = new ProjectionRuntime(store, db, allProjections());
runtime.start();

// Status changes (running, failed) are pushed; checkpoints are read from the shared file.
let last = '';
const report = setInterval(() => {
  const status = runtime.status();
  const states = JSON.stringify(status.map((s) => [s.name, s.state, s.error]));
  if (states !== last) {
    last = states;
    parentPort?.postMessage({ kind: 'status', status } satisfies ProjectionWorkerMessage);
  }
}, 20);

parentPort?.on('message', async (message: { kind: string }) => {
  if (message.kind !== 'stop') return;
  clearInterval(report);
  await runtime.stop();
  await store.close();
  db.close();
  parentPort?.close();
});
