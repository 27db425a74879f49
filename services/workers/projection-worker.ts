// The projection worker: a child process running every projection with its own store and
// read-model connections, at a lower scheduling priority, so read-model work never competes
// with request handling for the CPU; it catches up when the service is quieter.
import { SqliteEventStore } from '../../infra/eventstore/sqlite/sqlite-event-store.js';
import { openReadModelDb } from '../../infra/projections/read-model-db.js';
import { ProjectionRuntime } from '../../infra/projections/runtime.js';
import { allProjections } from '../../projections/index.js';
import { lowerOwnPriority } from './lower-priority.js';

export interface ProjectionWorkerData {
  storeFile: string;
  readModelFile: string;
  /** Scheduling priority (nice value) of all the worker's threads. */
  nice: number;
}

export type ProjectionWorkerMessage = { kind: 'status'; status: ReturnType<ProjectionRuntime['status']> };

const { storeFile, readModelFile, nice } = JSON.parse(process.env.PARCOURS_PROJECTION_WORKER ?? '{}') as ProjectionWorkerData;
if (nice > 0) lowerOwnPriority(nice);
const store = new SqliteEventStore(storeFile, { pollIntervalMs: 10 });
const db = openReadModelDb(readModelFile);
const runtime = new ProjectionRuntime(store, db, allProjections());
runtime.start();

// Status changes (running, failed) are pushed as they happen (checking for them every 20 ms was
// about half of an idle worker's CPU); checkpoints are read from the shared file.
let last = '';
function report(): void {
  const status = runtime.status();
  const states = JSON.stringify(status.map((s) => [s.name, s.state, s.error]));
  if (states !== last) {
    last = states;
    process.send?.({ kind: 'status', status } satisfies ProjectionWorkerMessage);
  }
}
runtime.onStateChange(report);
report();

async function stop(): Promise<void> {
  await runtime.stop();
  await store.close();
  db.close();
  process.disconnect?.();
}

process.on('message', (message: { kind: string }) => {
  if (message.kind === 'stop') void stop();
});
// Orphaned (the service died without stopping us): stop too.
process.on('disconnect', () => void stop().finally(() => process.exit(0)));
