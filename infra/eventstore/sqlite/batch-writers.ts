import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { AppendRequest } from './append-one.js';
import { commitBatch, type Outcome } from './batch-committer.js';
import type { Statements } from './statements.js';
import type { StreamHeadCache } from './stream-heads.js';
import { fromWire, type WireOutcome, type WriterData, type WriterRequest } from './writer-wire.js';

/** Where a batch of append calls is committed. */
export interface BatchWriter {
  commit(batch: AppendRequest[]): Promise<Outcome[]>;
  close(): Promise<void>;
}

/** On the store's own connection, in the calling thread: the fsync blocks it (tools, tests, readers). */
export function inlineWriter(db: Database.Database, st: Statements, heads: StreamHeadCache): BatchWriter {
  return {
    commit: async (batch) => commitBatch(db, st, heads, batch),
    close: async () => undefined,
  };
}

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
  private readonly inFlight: Array<{ resolve(o: Outcome[]): void; reject(e: unknown): void }> = [];
  private stopped: Error | null = null;
  private readonly exited: Promise<void>;

  constructor(data: WriterData) {
    this.worker = new Worker(new URL('./writer-thread-entry.js', import.meta.url), { workerData: data, execArgv: [] /* no test hooks or loaders of the parent: the entry registers tsx */ });
    // Idle, the thread does not keep the process alive; a batch in flight does.
    this.worker.unref();
    // Each reply answers the oldest batches sent, one outcome list per batch.
    this.worker.on('message', (replies: WireOutcome[][]) => {
      for (const outcomes of replies) this.inFlight.shift()?.resolve(outcomes.map(fromWire));
      if (this.inFlight.length === 0) this.worker.unref();
    });
    this.worker.on('error', (error) => this.stop(error.message));
    this.exited = new Promise((resolve) => this.worker.once('exit', (code) => {
      this.stop(`exit code ${code}`);
      resolve();
    }));
  }

  commit(batch: AppendRequest[]): Promise<Outcome[]> {
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => {
      this.inFlight.push({ resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ kind: 'commit', batch } satisfies WriterRequest);
    });
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
