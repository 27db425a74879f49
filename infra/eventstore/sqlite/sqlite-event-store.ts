import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreClosedError } from '../errors.js';
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
import { validateRequest, type AppendRequest } from './append-one.js';
import { inlineWriter, ThreadWriter, type BatchWriter } from './batch-writers.js';
import { StreamHeadCache } from './stream-heads.js';
import { pollDelay } from './poll-delay.js';
import { migrate, openPragmas } from './schema.js';
import { filteredPageQuery, POSITION, prepareStatements, REVISION, rowToEvent, type EventRow, type Statements } from './statements.js';

export interface SqliteStoreOptions {
  /**
   * How long an append waits for another process's write lock before failing with
   * StoreBusyError (ms). The inline writer waits without blocking its thread.
   */
  busyTimeoutMs?: number;
  /** How often live subscriptions look for commits made by other processes (ms). */
  pollIntervalMs?: number;
  /** The same once no commit has been seen for a second (ms; default 4 x pollIntervalMs). */
  idlePollIntervalMs?: number;
  /** Most append calls committed in one transaction. */
  maxBatch?: number;
  /**
   * Where commits run: `inline` (this connection, in this thread: each group commit's fsync
   * blocks it; the service's default, the cheapest in CPU) or `thread` (a writer thread with its
   * own connection, so the fsync never blocks this thread, for about 25 µs more CPU per append
   * call in the service).
   */
  writer?: 'thread' | 'inline';
  /**
   * Inline writer: how long stream revisions may go without looking for commits made by other
   * processes (ms; 0, the default: at every call). Each look is a SQLite statement; the writer
   * thread looks every 2 ms while busy.
   */
  foreignWritesCheckMs?: number;
}

/** A queued call: the request as the writer takes it (no functions: it may cross to a thread) and its caller. */
interface Pending {
  req: AppendRequest;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

const PAGE = 1000;
/** readAll pages are larger: a full scan pays the per-page cost less often. */
const SCAN_PAGE = 4000;

/**
 * The embedded default store. Appends are queued and committed in groups: every call waiting
 * when the writer is free shares one transaction (one fsync); while a group commits, the next
 * one gathers. Reads, subscriptions and backups use this connection.
 */
export class SqliteEventStore implements EventStore {
  readonly backend = 'sqlite';
  private readonly db: Database.Database;
  private readonly st: Statements;
  private readonly filterCache = new Map<string, Database.Statement>();
  private readonly committed = new EventEmitter();
  private queue: Pending[] = [];
  private flushScheduled = false;
  /** Batches sent to the writer and not yet answered. */
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;
  private readonly writer: BatchWriter;
  /** Where this store's commits run (SqliteStoreOptions.writer). */
  readonly writerKind: 'thread' | 'inline';
  private readonly pollIntervalMs: number;
  private readonly idlePollIntervalMs: number;
  /** Live subscriptions waiting for a commit after their position; one poll serves them all. */
  private readonly waiters = new Set<{ after: number; wake(): void }>();
  private pollTimer: NodeJS.Timeout | null = null;
  private lastChangeAt = Date.now();
  private readonly maxBatch: number;
  /** The page read last in this turn (see readPage). */
  private lastPage: { key: string; page: Page } | null = null;

  constructor(readonly file: string, options: SqliteStoreOptions = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
    openPragmas(this.db);
    migrate(this.db);
    this.st = prepareStatements(this.db);
    this.pollIntervalMs = options.pollIntervalMs ?? 25;
    this.idlePollIntervalMs = options.idlePollIntervalMs ?? this.pollIntervalMs * 4;
    this.maxBatch = options.maxBatch ?? 1000;
    this.committed.setMaxListeners(0);
    this.writerKind = options.writer === 'thread' ? 'thread' : 'inline';
    this.writer =
      this.writerKind === 'thread'
        ? new ThreadWriter({ file, busyTimeoutMs: options.busyTimeoutMs ?? 5000, maxBatch: this.maxBatch }, (streamId) => this.st.streamHead.get(streamId)?.revision ?? null)
        : inlineWriter(this.db, this.st, new StreamHeadCache(), options.foreignWritesCheckMs ?? 0, options.busyTimeoutMs ?? 5000);
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
      this.queue.push({ req, resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate lets every writer that is ready in this turn join the same batch.
    setImmediate(() => {
      this.flushScheduled = false;
      while (this.queue.length > 0) this.track(this.commit(this.queue.splice(0, this.maxBatch)));
    });
  }

  private track(commit: Promise<void>): void {
    this.inFlight.add(commit);
    void commit.finally(() => this.inFlight.delete(commit));
  }

  /** Sends one batch to the writer and settles its callers; never rejects. */
  private async commit(batch: Pending[]): Promise<void> {
    let settled;
    try {
      settled = await this.writer.commit(batch.map((p) => p.req));
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = settled[i]!;
      if (outcome.ok) p.resolve(outcome.result);
      else p.reject(outcome.error);
    });
    this.lastChangeAt = Date.now();
    this.committed.emit('commit');
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
      if (page.events.length < limit && !page.truncated) return;
      after = page.scannedTo;
    }
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    return pollingSubscription(
      {
        readPage: (after, limit, filter) => this.sharedPage(after, limit, filter),
        waitForChange: (after, signal) => this.waitForChange(after, signal),
        isClosed: () => this.closed,
      },
      options.after ?? 0,
      options.filter,
      PAGE,
    );
  }

  /**
   * Subscriptions at the same position ask for the same page, usually in the same turn (a
   * worker's projections, woken by one poll): the first read serves the others until the next
   * turn. A page read a moment ago is still a true answer (a later read may only add events
   * after it), and its events are shared, never mutated. Only a page that moves its reader on is
   * kept: the same reader then never asks for it again, so one that found nothing new re-reads
   * instead of being handed the same empty page in a loop. Scans (readAll: audits, rebuilds)
   * always read the file.
   */
  private sharedPage(after: number, limit: number, filter: AllFilter | undefined): Page {
    const key = `${after}/${limit}/${filter ? JSON.stringify(filter) : ''}`;
    if (this.lastPage?.key === key) return this.lastPage.page;
    const page = this.readPage(after, limit, filter);
    if (page.scannedTo > after) {
      if (!this.lastPage) setImmediate(() => (this.lastPage = null));
      this.lastPage = { key, page };
    }
    return page;
  }

  /** One page in a single read transaction, so `scannedTo` is consistent with what the filter skipped. */
  private readPage(after: number, limit: number, filter: AllFilter | undefined): Page {
    if (this.closed) return { events: [], scannedTo: after };
    const filtered = !!(filter?.eventTypePrefixes?.length || filter?.streamCategories?.length);
    if (!filtered) {
      const rows = this.st.allPage.all(after, limit);
      return decodedPage(rows, rows.length ? rows[rows.length - 1]![POSITION] : after);
    }
    return this.db.transaction((): Page => {
      const rows = filteredPageQuery(this.db, filter!, this.filterCache)(after, limit);
      const scannedTo = rows.length === limit ? rows[rows.length - 1]![POSITION] : Math.max(after, this.st.head.get()?.head ?? 0);
      return decodedPage(rows, scannedTo);
    })();
  }

  /** Wakes on a local commit at once, and polls for commits by other processes on the same file. */
  private waitForChange(after: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      // A commit may have landed while the consumer was busy: look before waiting.
      if (signal.aborted || this.closed || (this.st.head.get()?.head ?? 0) > after) return resolve();
      const waiter = {
        after,
        wake: () => {
          this.waiters.delete(waiter);
          this.committed.off('commit', waiter.wake);
          signal.removeEventListener('abort', waiter.wake);
          resolve();
        },
      };
      this.waiters.add(waiter);
      this.committed.on('commit', waiter.wake);
      signal.addEventListener('abort', waiter.wake);
      this.schedulePoll();
    });
  }

  /**
   * One look at the head for every waiting subscription, while any waits: every pollIntervalMs
   * within a second of a commit seen, every idlePollIntervalMs after (an idle service's
   * subscriptions otherwise woke a hundred times a second each).
   */
  private schedulePoll(): void {
    if (this.pollTimer || this.waiters.size === 0) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      const head = this.closed ? Number.POSITIVE_INFINITY : (this.st.head.get()?.head ?? 0);
      const woken = [...this.waiters].filter((w) => head > w.after);
      if (woken.length > 0) this.lastChangeAt = Date.now();
      for (const waiter of woken) waiter.wake();
      this.schedulePoll();
    }, pollDelay(this.lastChangeAt, this.pollIntervalMs, this.idlePollIntervalMs));
  }

  /** Answered from what the writer knows (its own commits), else from the table. */
  async streamRevision(streamId: string): Promise<number | null> {
    this.assertOpen();
    return this.writer.streamRevision(streamId);
  }

  async eventById(eventId: string): Promise<StoredEvent | null> {
    this.assertOpen();
    const row = this.st.eventRowById.get(eventId);
    return row ? rowToEvent(row) : null;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.st.head.get()?.head ?? 0;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    // A store that can read but no longer write is not ready: say why.
    const failure = this.writer.failure();
    if (failure) throw failure;
    this.db.prepare('SELECT 1').get();
  }

  /** Resolves once appends can be committed (the writer thread has opened its connection). */
  ready(): Promise<void> {
    return this.writer.ready();
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
    while (this.queue.length > 0 || this.flushScheduled || this.inFlight.size > 0) {
      await (this.inFlight.size > 0 ? Promise.all(this.inFlight) : new Promise((resolve) => setImmediate(resolve)));
    }
    this.closed = true;
    this.lastPage = null; // a closed store answers no page, shared or not
    this.committed.emit('commit');
    if (this.pollTimer) clearTimeout(this.pollTimer);
    await this.writer.close();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

/**
 * A page's rows decoded. A page stops before an event that cannot be decoded, so its readers
 * get every event before it; the next read then starts at it and throws UnreadableEventError.
 */
function decodedPage(rows: EventRow[], scannedTo: number): Page {
  const events: StoredEvent[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    try {
      events[i] = rowToEvent(rows[i]!);
    } catch (error) {
      if (i === 0) throw error;
      events.length = i;
      return { events, scannedTo: rows[i - 1]![POSITION], truncated: true };
    }
  }
  return { events, scannedTo };
}
