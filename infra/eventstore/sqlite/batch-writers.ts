import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { AppendRequest } from './append-one.js';
import { commitBatchUnlessLocked, isSqliteBusy, type BeginWrite, type Outcome } from './batch-committer.js';
import { StoreBusyError } from '../errors.js';
import type { Statements } from './statements.js';
import type { StreamHeadCache } from './stream-heads.js';
import { fromWire, type WireOutcome, type WriterData, type WriterRequest } from './writer-wire.js';
import { entryScript } from '../../runtime/entry-script.js';

/** Where a batch of append calls is committed, and what this thread knows of stream heads. */
export interface BatchWriter {
  commit(batch: AppendRequest[]): Promise<Outcome[]>;
  /** The stream's last revision (null: no stream), including every commit this writer made. */
  streamRevision(streamId: string): number | null;
  /** Resolves once the writer can commit; rejects if it cannot start. */
  ready(): Promise<void>;
  /** Why the writer can no longer commit, or null while it can. */
  failure(): Error | null;
  close(): Promise<void>;
}

/**
 * On the store's own connection, in the calling thread: the fsync blocks it. `checkEveryMs`: how
 * long stream revisions trust what this connection knows before asking SQLite whether another
 * connection has committed (a statement, about as costly as the rest of a cached read).
 *
 * Another process's write lock is waited for here, not in SQLite: SQLite's busy wait would
 * block the thread, so no request at all would be answered until the lock came free. A batch
 * that finds the lock taken waits (asynchronously, in growing steps) until `busyTimeoutMs`
 * has passed, then fails with StoreBusyError; batches handed over meanwhile queue behind it, so
 * they commit in the order they came.
 */
export function inlineWriter(db: Database.Database, st: Statements, heads: StreamHeadCache, checkEveryMs = 0, busyTimeoutMs = 5000): BatchWriter {
  let checkedAt = Number.NEGATIVE_INFINITY;
  const begin = beginWithoutWaiting(db, st, busyTimeoutMs);
  const attempt = (batch: AppendRequest[]) => commitBatchUnlessLocked(db, st, heads, batch, begin, busyTimeoutMs);
  /** Settles once every batch waiting for the lock has committed or given up; null when none waits. */
  let queue: Promise<unknown> | null = null;

  const commitOnceFree = async (batch: AppendRequest[], deadline: number): Promise<Outcome[]> => {
    for (let pause = 1; ; pause = Math.min(pause * 2, LOCK_RETRY_MAX_MS)) {
      const outcomes = attempt(batch);
      if (outcomes) return outcomes;
      const left = deadline - performance.now();
      if (left <= 0) return batch.map(() => ({ ok: false, error: new StoreBusyError(busyTimeoutMs) }));
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    }
  };

  return {
    commit(batch) {
      const deadline = performance.now() + busyTimeoutMs;
      if (!queue) {
        const outcomes = attempt(batch);
        if (outcomes) return Promise.resolve(outcomes);
      }
      const run = (queue ?? Promise.resolve()).then(() => commitOnceFree(batch, deadline));
      const settled = run.then(
        () => undefined,
        () => undefined,
      );
      queue = settled;
      void settled.then(() => {
        if (queue === settled) queue = null;
      });
      return run;
    },
    // Another connection's commit changes PRAGMA data_version; this connection's own do not.
    streamRevision(streamId) {
      const now = performance.now();
      if (now - checkedAt >= checkEveryMs) {
        heads.sync(st);
        checkedAt = now;
      }
      return heads.get(st, streamId)?.revision ?? null;
    },
    ready: async () => undefined,
    failure: () => null,
    close: async () => undefined,
  };
}

/** The longest pause between two looks at a taken write lock (ms). */
const LOCK_RETRY_MAX_MS = 20;

/**
 * BEGIN IMMEDIATE with SQLite's busy wait switched off for that statement only: reads and the
 * COMMIT keep the connection's busy timeout.
 */
function beginWithoutWaiting(db: Database.Database, st: Statements, busyTimeoutMs: number): BeginWrite {
  const noWait = db.prepare('PRAGMA busy_timeout = 0');
  const restore = db.prepare(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  return () => {
    noWait.get();
    try {
      st.begin.run();
      return true;
    } catch (error) {
      if (isSqliteBusy(error)) return false;
      throw error;
    } finally {
      restore.get();
    }
  };
}

const MAX_KNOWN_STREAMS = 100_000;

/** The writer thread crashed or stopped: what it was committing may or may not be stored. */
export class WriterStoppedError extends Error {
  readonly code = 'store.writer_stopped';
  constructor(cause: string) {
    super(`The store's writer thread stopped (${cause}); the outcome of appends in flight is unknown: read the stream before retrying`);
    this.name = 'WriterStoppedError';
  }
}

/**
 * On a connection of its own in a worker thread, so the service keeps answering requests while
 * a commit waits for the disk. Batches may be sent while earlier ones commit (the thread joins
 * them into its next transaction); they are answered in the order they were sent.
 */
export class ThreadWriter implements BatchWriter {
  private readonly worker: Worker;
  private readonly inFlight: Array<{ streamIds: string[]; resolve(o: Outcome[]): void; reject(e: unknown): void }> = [];
  private stopped: Error | null = null;
  private readonly exited: Promise<void>;
  private readonly started: Promise<void>;
  /**
   * Stream revisions known here: from this writer's own commits, else read from the table.
   * Every commit of the writer thread bumps this connection's data_version, so it cannot tell
   * other processes' writes; the thread, whose connection sees only those, counts them here.
   */
  private readonly revisions = new Map<string, number>();
  private readonly foreignWrites = new Int32Array(new SharedArrayBuffer(4));
  private foreignSeen = 0;

  /** `readHead`: the stream's last revision read from the table, on the caller's connection. */
  constructor(data: Omit<WriterData, 'foreignWrites'>, private readonly readHead: (streamId: string) => number | null) {
    const workerData: WriterData = { ...data, foreignWrites: this.foreignWrites.buffer as SharedArrayBuffer };
    // No test hooks or loaders of the parent (execArgv): the entry registers tsx itself (sources)
    // or is already JavaScript (compiled).
    this.worker = new Worker(entryScript('writer-thread', import.meta.url), { workerData, execArgv: [] });
    // Idle, the thread does not keep the process alive; a batch in flight does.
    this.worker.unref();
    let startedOk: () => void = () => undefined;
    let startFailed: (e: Error) => void = () => undefined;
    this.started = new Promise((resolve, reject) => {
      startedOk = resolve;
      startFailed = reject;
    });
    this.started.catch(() => undefined); // reported by ready() and failure()
    // The first message says the thread's connection is open; then each reply answers the
    // oldest batches sent, one outcome list per batch.
    this.worker.on('message', (message: WireOutcome[][] | { kind: 'ready' }) => {
      if (!Array.isArray(message)) return startedOk();
      for (const outcomes of message) {
        const batch = this.inFlight.shift();
        if (!batch) continue;
        outcomes.forEach((o, i) => {
          // Only known revisions are moved forward: a replayed append reports its original
          // (older) revision, and an unknown stream is read from the table when asked.
          if (o.ok && this.revisions.has(batch.streamIds[i]!)) this.advance(batch.streamIds[i]!, o.result.nextExpectedRevision);
        });
        batch.resolve(outcomes.map(fromWire));
      }
      if (this.inFlight.length === 0) this.worker.unref();
    });
    this.worker.on('error', (error) => {
      this.stop(error.message);
      startFailed(this.stopped!);
    });
    this.exited = new Promise((resolve) => this.worker.once('exit', (code) => {
      this.stop(`exit code ${code}`);
      startFailed(this.stopped!);
      resolve();
    }));
  }

  /**
   * A batch crosses to the thread as one JSON text: cheaper for this thread than a structured
   * clone of every event's object graph (which cost several microseconds per call), and it
   * stores what the inline writer stores, since events are kept as their JSON either way.
   */
  commit(batch: AppendRequest[]): Promise<Outcome[]> {
    if (this.stopped) return Promise.reject(this.stopped);
    try {
      return this.send(JSON.stringify(batch), batch);
    } catch {
      return this.commitEachAlone(batch);
    }
  }

  /**
   * Some call has no JSON form (a cycle, a BigInt): it fails alone, as it would inline; the
   * others are sent as the texts just written (each call is turned into JSON once here).
   */
  private async commitEachAlone(batch: AppendRequest[]): Promise<Outcome[]> {
    const outcomes: Array<Outcome | null> = [];
    const texts: string[] = [];
    const sendable: AppendRequest[] = [];
    for (const req of batch) {
      try {
        texts.push(JSON.stringify(req));
        sendable.push(req);
        outcomes.push(null);
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    const committed = sendable.length ? await this.send(`[${texts.join(',')}]`, sendable) : [];
    let next = 0;
    return outcomes.map((o) => o ?? committed[next++]!);
  }

  /** Posts a batch's JSON text; replies come back in the order batches were posted. */
  private send(text: string, batch: AppendRequest[]): Promise<Outcome[]> {
    return new Promise((resolve, reject) => {
      this.worker.postMessage({ kind: 'commit', batch: text } satisfies WriterRequest);
      this.inFlight.push({ streamIds: batch.map((r) => r.streamId), resolve, reject });
      this.worker.ref();
    });
  }

  ready(): Promise<void> {
    return this.started;
  }

  failure(): Error | null {
    return this.stopped;
  }

  streamRevision(streamId: string): number | null {
    const foreign = Atomics.load(this.foreignWrites, 0);
    if (foreign !== this.foreignSeen) {
      this.foreignSeen = foreign;
      this.revisions.clear();
    }
    const known = this.revisions.get(streamId);
    if (known !== undefined) return known;
    const read = this.readHead(streamId);
    if (read !== null) this.advance(streamId, read);
    return read;
  }

  /** Revisions only move forward: a reply and a table read may arrive in either order. */
  private advance(streamId: string, revision: number): void {
    if (this.revisions.size >= MAX_KNOWN_STREAMS) this.revisions.clear(); // bounded: the table can answer again
    const known = this.revisions.get(streamId);
    if (known === undefined || revision > known) this.revisions.set(streamId, revision);
  }

  /** Batches sent before are committed first; then the thread closes its connection and ends. */
  async close(): Promise<void> {
    if (!this.stopped) this.worker.postMessage({ kind: 'close' } satisfies WriterRequest);
    this.worker.ref();
    await this.exited;
  }

  private stop(cause: string): void {
    if (this.stopped) return;
    this.stopped = new WriterStoppedError(cause);
    for (const waiting of this.inFlight.splice(0)) waiting.reject(this.stopped);
  }
}
