import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { IdempotencyMismatchError, StoreClosedError, WrongExpectedRevisionError } from '../errors.js';
import { pollingSubscription, type Page } from '../polling-subscription.js';
import type {
  AllFilter,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../port.js';
import { appendOne, validateRequest, type AppendRequest, type StreamHeads } from './append-one.js';
import { migrate, openPragmas } from './schema.js';
import { filteredPageQuery, POSITION, prepareStatements, REVISION, rowToEvent, type Statements } from './statements.js';

export interface SqliteStoreOptions {
  /** How long a writer waits for another process's write lock before failing (ms). */
  busyTimeoutMs?: number;
  /** How often a live subscription looks for commits made by other processes (ms). */
  pollIntervalMs?: number;
  /** Most append calls committed in one transaction. */
  maxBatch?: number;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

function isCheckError(error: unknown): boolean {
  return error instanceof WrongExpectedRevisionError || error instanceof IdempotencyMismatchError;
}

interface Pending extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

const PAGE = 1000;
/** readAll pages are larger: a full scan pays the per-page cost less often. */
const SCAN_PAGE = 4000;

/**
 * The embedded default store. Appends are queued and committed in groups: every call waiting
 * when the writer runs shares one transaction (one fsync), each inside its own savepoint so a
 * failed expectation rolls back that call alone.
 */
export class SqliteEventStore implements EventStore {
  readonly backend = 'sqlite';
  private readonly db: Database.Database;
  private readonly st: Statements;
  private readonly filterCache = new Map<string, Database.Statement>();
  private readonly committed = new EventEmitter();
  private queue: Pending[] = [];
  private flushScheduled = false;
  private flushing: Promise<void> | null = null;
  private closed = false;
  /** Stream heads cached across batches; dropped whenever another connection has written (PRAGMA data_version). */
  private readonly heads: StreamHeads = new Map();
  private dataVersion = -1;
  private readonly pollIntervalMs: number;
  private readonly maxBatch: number;

  constructor(readonly file: string, options: SqliteStoreOptions = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
    openPragmas(this.db);
    migrate(this.db);
    this.st = prepareStatements(this.db);
    this.pollIntervalMs = options.pollIntervalMs ?? 25;
    this.maxBatch = options.maxBatch ?? 1000;
    this.committed.setMaxListeners(0);
  }

  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision = 'any'): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreClosedError());
    const req: AppendRequest = { streamId, events, expected: expectedRevision };
    try {
      validateRequest(req);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ ...req, resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate lets every writer that is ready in this turn join the same transaction.
    this.flushing = new Promise((done) =>
      setImmediate(() => {
        this.flushScheduled = false;
        try {
          this.flush();
        } finally {
          done();
        }
      }),
    );
  }

  private flush(): void {
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.queue.length > 0) this.scheduleFlush();
    if (batch.length === 0) return;
    const settled = this.commitBatch(batch);
    batch.forEach((req, i) => {
      const outcome = settled[i]!;
      if (outcome.ok) req.resolve(outcome.result);
      else req.reject(outcome.error);
    });
    this.committed.emit('commit');
  }

  /**
   * One transaction for the whole batch. appendOne makes every check (expected revision,
   * idempotency) before its first write, so a rejected call leaves nothing behind and needs
   * no savepoint. Should a write itself fail (disk full, constraint), the transaction is
   * rolled back and the batch is retried without that call: per-call atomicity holds.
   */
  private commitBatch(batch: Pending[]): Outcome[] {
    const outcomes: Outcome[] = new Array(batch.length);
    let remaining = batch.map((_, i) => i);
    while (remaining.length > 0) {
      const recordedAt = new Date().toISOString();
      const attempt: Outcome[] = [];
      let failedAt = -1;
      try {
        this.st.begin.run();
        const version = this.st.dataVersion.get()!.data_version;
        if (version !== this.dataVersion) {
          this.heads.clear();
          this.dataVersion = version;
        }
        for (let k = 0; k < remaining.length; k++) {
          try {
            attempt.push({ ok: true, result: appendOne(this.st, this.heads, batch[remaining[k]!]!, recordedAt) });
          } catch (error) {
            if (!isCheckError(error)) {
              failedAt = k;
              throw error;
            }
            attempt.push({ ok: false, error });
          }
        }
        this.st.commit.run();
        remaining.forEach((i, k) => (outcomes[i] = attempt[k]!));
        return outcomes;
      } catch (error) {
        if (this.db.inTransaction) this.st.rollback.run();
        this.heads.clear();
        if (failedAt === -1) {
          // The transaction itself failed (lock timeout, I/O): nothing was written for anyone.
          for (const i of remaining) outcomes[i] = { ok: false, error };
          return outcomes;
        }
        outcomes[remaining[failedAt]!] = { ok: false, error };
        remaining = remaining.filter((_, k) => k !== failedAt);
      }
    }
    return outcomes;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncGenerator<StoredEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    let from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    while (remaining > 0) {
      this.assertOpen();
      const limit = Math.min(PAGE, remaining);
      const rows = backwards ? this.st.streamBackwards.all(streamId, from, limit) : this.st.streamForwards.all(streamId, from, limit);
      for (const row of rows) yield rowToEvent(row);
      remaining -= rows.length;
      if (rows.length < limit) return;
      from = backwards ? rows[rows.length - 1]![REVISION] - 1 : rows[rows.length - 1]![REVISION] + 1;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<StoredEvent> {
    let after = options.after ?? 0;
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    while (remaining > 0) {
      this.assertOpen();
      const limit = Math.min(SCAN_PAGE, remaining);
      const page = this.readPage(after, limit, options.filter);
      for (const e of page.events) yield e;
      remaining -= page.events.length;
      if (page.events.length < limit) return;
      after = page.scannedTo;
    }
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    return pollingSubscription(
      {
        readPage: (after, limit, filter) => this.readPage(after, limit, filter),
        waitForChange: (after, signal) => this.waitForChange(after, signal),
        isClosed: () => this.closed,
      },
      options.after ?? 0,
      options.filter,
      PAGE,
    );
  }

  /** One page in a single read transaction, so `scannedTo` is consistent with what the filter skipped. */
  private readPage(after: number, limit: number, filter: AllFilter | undefined): Page {
    if (this.closed) return { events: [], scannedTo: after };
    const filtered = !!(filter?.eventTypePrefixes?.length || filter?.streamCategories?.length);
    if (!filtered) {
      const rows = this.st.allPage.all(after, limit);
      return { events: rows.map(rowToEvent), scannedTo: rows.length ? rows[rows.length - 1]![POSITION] : after };
    }
    return this.db.transaction((): Page => {
      const rows = filteredPageQuery(this.db, filter!, this.filterCache)(after, limit);
      const scannedTo = rows.length === limit ? rows[rows.length - 1]![POSITION] : Math.max(after, this.st.head.get()?.head ?? 0);
      return { events: rows.map(rowToEvent), scannedTo };
    })();
  }

  /** Wakes on a local commit at once, and polls for commits by other processes on the same file. */
  private waitForChange(after: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      // A commit may have landed while the consumer was busy: look before waiting.
      if (signal.aborted || this.closed || (this.st.head.get()?.head ?? 0) > after) return resolve();
      const done = () => {
        clearInterval(timer);
        this.committed.off('commit', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setInterval(() => {
        if (this.closed || (this.st.head.get()?.head ?? 0) > after) done();
      }, this.pollIntervalMs);
      this.committed.on('commit', done);
      signal.addEventListener('abort', done);
    });
  }

  /** Answered from the cached heads while no other connection has written; else from the table. */
  async streamRevision(streamId: string): Promise<number | null> {
    this.assertOpen();
    const version = this.st.dataVersion.get()!.data_version;
    if (version !== this.dataVersion) {
      this.heads.clear();
      this.dataVersion = version;
    }
    const cached = this.heads.get(streamId);
    if (cached) return cached.revision;
    const head = this.st.streamHead.get(streamId);
    if (head) this.heads.set(streamId, head);
    return head?.revision ?? null;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.st.head.get()?.head ?? 0;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.db.prepare('SELECT 1').get();
  }

  /** Online, consistent copy of the database while appends go on (SQLite backup API). */
  async backup(destination: string, onProgress?: (p: { totalPages: number; remainingPages: number }) => void): Promise<void> {
    this.assertOpen();
    await this.db.backup(destination, {
      progress: (p) => {
        onProgress?.(p);
        // Large steps: a write by another process between steps restarts the copy, so
        // under steady load small steps may never finish. One step holds a read snapshot.
        return 1_000_000;
      },
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Let queued appends commit before closing: graceful shutdown loses no acknowledged write.
    while (this.queue.length > 0 || this.flushScheduled) await this.flushing;
    this.closed = true;
    this.committed.emit('commit');
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
