// The body of the store's writer thread: its own connection, the group commit, nothing else.
// The fsync of each commit blocks this thread, not the one answering requests. Batches that
// arrive while a commit runs are committed together in the next transaction.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { AppendRequest } from './append-one.js';
import { commitBatch } from './batch-committer.js';
import { FOREIGN_WRITES_CHECK_MS, pollDelay } from './poll-delay.js';
import { openPragmas } from './schema.js';
import { prepareStatements } from './statements.js';
import { StreamHeadCache } from './stream-heads.js';
import { toWire, type WireOutcome, type WriterData, type WriterRequest } from './writer-wire.js';

const { file, busyTimeoutMs, maxBatch, foreignWrites } = workerData as WriterData;
const db = new Database(file, { timeout: busyTimeoutMs });
openPragmas(db);
const st = prepareStatements(db);
const heads = new StreamHeadCache();
const port = parentPort!;

// This connection is the process's only writer, so its data_version moves only when another
// process commits. Looked at before each commit (not during one) and on a timer: every 2 ms
// within a second of a commit or of another process's write, every 25 ms once the store is idle
// (500 wake-ups a second kept an idle service at a few percent of a CPU). The service's stream
// revisions lag another process's write by that much.
const ACTIVE_POLL_MS = FOREIGN_WRITES_CHECK_MS;
const IDLE_POLL_MS = 25;
const foreign = new Int32Array(foreignWrites);
let dataVersion = st.dataVersion.get()!.data_version;
let lastActivity = Date.now();
function lookForForeignWrites(): void {
  const now = st.dataVersion.get()!.data_version;
  if (now !== dataVersion) {
    dataVersion = now;
    lastActivity = Date.now();
    Atomics.add(foreign, 0, 1);
  }
}
let poll: NodeJS.Timeout | null = null;
function schedulePoll(): void {
  poll = setTimeout(() => {
    lookForForeignWrites();
    schedulePoll();
  }, pollDelay(lastActivity, ACTIVE_POLL_MS, IDLE_POLL_MS));
}
schedulePoll();
port.postMessage({ kind: 'ready' });
let waiting: AppendRequest[][] = [];
let scheduled = false;

/**
 * One transaction for the batches received so far (up to maxBatch calls; the rest go in the
 * next one), one reply listing each batch's outcomes, in order.
 */
function commitWaiting(): void {
  scheduled = false;
  let calls = 0;
  let take = 0;
  while (take < waiting.length && (take === 0 || calls + waiting[take]!.length <= maxBatch)) calls += waiting[take++]!.length;
  const batches = waiting.slice(0, take);
  waiting = waiting.slice(take);
  if (waiting.length > 0) {
    scheduled = true;
    setImmediate(commitWaiting);
  }
  if (batches.length === 0) return;
  lookForForeignWrites();
  lastActivity = Date.now();
  const outcomes = commitBatch(db, st, heads, batches.flat(), busyTimeoutMs).map(toWire);
  const replies: WireOutcome[][] = [];
  let at = 0;
  for (const b of batches) {
    replies.push(outcomes.slice(at, at + b.length));
    at += b.length;
  }
  port.postMessage(replies);
}

port.on('message', (m: WriterRequest) => {
  if (m.kind === 'commit') {
    waiting.push(JSON.parse(m.batch) as AppendRequest[]);
    // Messages already queued are delivered before this runs: they join the same transaction.
    if (!scheduled) {
      scheduled = true;
      setImmediate(commitWaiting);
    }
    return;
  }
  while (waiting.length > 0) commitWaiting();
  if (poll) clearTimeout(poll);
  db.close();
  port.close();
});
