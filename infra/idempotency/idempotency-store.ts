import type Database from 'better-sqlite3';
import { isSqliteBusy } from '../eventstore/sqlite/batch-committer.js';

/** Another process held the key file's write lock: nothing was reserved or run. */
export class IdempotencyBusyError extends Error {
  readonly code = 'idempotency.busy';
  constructor() {
    super("The idempotency key file's write lock stayed taken by another connection; nothing was recorded");
    this.name = 'IdempotencyBusyError';
  }
}

/** How long a key's answer is kept: a retry after that is a new request. */
export const KEY_RETENTION_DAYS = 7;

/**
 * Expired keys are forgotten every PURGE_EVERY_MS, outside any request, this many at a time with
 * a turn of the event loop between chunks: their rows lie scattered in the file (a chunk of 200
 * took 14 ms in a review's measure), so a long backlog must not hold the thread.
 */
const PURGE_CHUNK = 50;
const PURGE_EVERY_MS = 10 * 60_000;
/** A purge that keeps meeting another process's lock for this long gives up until the next one. */
const PURGE_BUSY_GIVE_UP_MS = 10_000;
/** The longest pause between two tries of a completion that met the lock (ms). */
const LOCK_RETRY_MAX_MS = 50;

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type Reservation =
  /** `reservedAt` names this reservation: only its holder may complete or release it. */
  | { kind: 'new'; reservedAt: string }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'in_progress' };

/**
 * Remembers the response given to each (caller, Idempotency-Key), so a partner system's retry
 * gets the same answer and a reused key with another request is refused. A key is reserved
 * before the command runs, so two concurrent retries cannot both execute it.
 */
export class IdempotencyStore {
  private readonly find;
  private readonly reserveStmt;
  private readonly completeStmt;
  private readonly releaseStmt;

  private readonly retake;
  private readonly forget;
  private readonly purgeChunk;
  private purgeTimer: NodeJS.Timeout | null = null;
  private purging: Promise<number> | null = null;
  private closed = false;
  private onError: (error: unknown) => void = () => undefined;

  constructor(
    db: Database.Database,
    private readonly retentionDays = KEY_RETENTION_DAYS,
    /** A reservation older than this was cut off (a crash mid-request): it may be taken again. */
    private readonly abandonedAfterMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      principal_id TEXT NOT NULL,
      idempotency_key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('in_progress', 'done')),
      status_code INTEGER,
      headers TEXT,
      body TEXT,
      created_at TEXT NOT NULL,
      PRIMARY KEY (principal_id, idempotency_key)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON idempotency_keys (created_at)`);
    this.find = db.prepare<[string, string], { fingerprint: string; state: string; status_code: number | null; headers: string | null; body: string | null; created_at: string }>(
      'SELECT fingerprint, state, status_code, headers, body, created_at FROM idempotency_keys WHERE principal_id = ? AND idempotency_key = ?',
    );
    this.reserveStmt = db.prepare("INSERT INTO idempotency_keys (principal_id, idempotency_key, fingerprint, state, created_at) VALUES (?, ?, ?, 'in_progress', ?) ON CONFLICT DO NOTHING");
    // Only the reservation's holder: a key retaken meanwhile is another request's now.
    this.completeStmt = db.prepare(
      "UPDATE idempotency_keys SET state = 'done', status_code = ?, headers = ?, body = ? WHERE principal_id = ? AND idempotency_key = ? AND state = 'in_progress' AND created_at = ?",
    );
    this.releaseStmt = db.prepare("DELETE FROM idempotency_keys WHERE principal_id = ? AND idempotency_key = ? AND state = 'in_progress' AND created_at = ?");
    this.forget = db.prepare('DELETE FROM idempotency_keys WHERE principal_id = ? AND idempotency_key = ?');
    this.retake = db.prepare(
      "UPDATE idempotency_keys SET fingerprint = ?, created_at = ? WHERE principal_id = ? AND idempotency_key = ? AND state = 'in_progress' AND created_at < ?",
    );
    this.purgeChunk = db.prepare(
      `DELETE FROM idempotency_keys WHERE (principal_id, idempotency_key) IN
         (SELECT principal_id, idempotency_key FROM idempotency_keys WHERE created_at < ? ORDER BY created_at LIMIT ${PURGE_CHUNK})`,
    );
  }

  /** Throws IdempotencyBusyError when another process keeps the file locked. */
  reserve(principalId: string, key: string, fingerprint: string): Reservation {
    try {
      return this.reserveNow(principalId, key, fingerprint);
    } catch (error) {
      throw isSqliteBusy(error) ? new IdempotencyBusyError() : error;
    }
  }

  // Looks first, and writes only to reserve: a replay or a request still in progress is answered
  // by a read, which another process's write lock does not stop.
  private reserveNow(principalId: string, key: string, fingerprint: string, attempts = 3): Reservation {
    const now = this.now();
    const reservedAt = new Date(now).toISOString();
    let row = this.find.get(principalId, key);
    if (row && row.created_at < this.expiredBefore(now)) {
      // Kept past its retention (not purged yet): the key is free again.
      this.forget.run(principalId, key);
      row = undefined;
    }
    if (!row) {
      if (this.reserveStmt.run(principalId, key, fingerprint, reservedAt).changes === 1) return { kind: 'new', reservedAt };
      // Taken meanwhile by another process: look again (a bounded number of times).
      if (attempts <= 1) throw new IdempotencyBusyError();
      return this.reserveNow(principalId, key, fingerprint, attempts - 1);
    }
    if (row.state !== 'done') {
      const cutoff = new Date(now - this.abandonedAfterMs).toISOString();
      if (row.created_at >= cutoff) return { kind: 'in_progress' };
      return this.retake.run(fingerprint, reservedAt, principalId, key, cutoff).changes === 1 ? { kind: 'new', reservedAt } : { kind: 'in_progress' };
    }
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    return { kind: 'replay', response: { statusCode: row.status_code!, headers: JSON.parse(row.headers ?? '{}'), body: row.body ?? '' } };
  }

  /**
   * Keeps the answer under the key. While another process holds the file's lock, it is tried
   * again in the background until the reservation could be retaken (abandonedAfterMs): only
   * this reservation's holder writes it, so a late one is harmless.
   */
  complete(principalId: string, key: string, reservedAt: string, response: StoredResponse): void {
    const headers = JSON.stringify(response.headers);
    this.endReservation(() => this.completeStmt.run(response.statusCode, headers, response.body, principalId, key, reservedAt));
  }

  /** Forgets a key whose request failed on our side, so the caller can retry it (in the background while the file is locked). */
  release(principalId: string, key: string, reservedAt: string): void {
    this.endReservation(() => this.releaseStmt.run(principalId, key, reservedAt));
  }

  private endReservation(write: () => void, deadline = this.now() + this.abandonedAfterMs, pause = 5): void {
    try {
      write();
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      if (this.closed || this.now() >= deadline) return;
      const retry = setTimeout(() => {
        if (this.closed) return; // the service stopped: the key is retaken after a minute
        try {
          this.endReservation(write, deadline, Math.min(pause * 2, LOCK_RETRY_MAX_MS));
        } catch (failure) {
          this.onError(failure);
        }
      }, pause);
      retry.unref();
    }
  }

  /**
   * Forgets expired keys now and every PURGE_EVERY_MS until close(); what fails in the
   * background (a purge, a completion tried again) is told to `onError`.
   */
  schedulePurges(onError: (error: unknown) => void): void {
    this.onError = onError;
    if (this.purgeTimer || this.closed) return;
    const purge = () => void this.purgeExpired().catch(onError);
    purge();
    this.purgeTimer = setInterval(purge, PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  /**
   * Forgets every expired key, a chunk per turn of the event loop; resolves with how many.
   * A purge already running is not started twice.
   */
  purgeExpired(): Promise<number> {
    this.purging ??= (async () => {
      let removed = 0;
      try {
        let busySince: number | null = null;
        for (let changes = PURGE_CHUNK; changes === PURGE_CHUNK && !this.closed; removed += changes) {
          try {
            changes = this.purgeChunk.run(this.expiredBefore(this.now())).changes;
            busySince = null;
            await new Promise((resolve) => setImmediate(resolve));
          } catch (error) {
            // Another process writes the file: the chunk is tried again a little later.
            if (!isSqliteBusy(error)) throw error;
            busySince ??= this.now();
            if (this.now() - busySince > PURGE_BUSY_GIVE_UP_MS) throw error;
            changes = PURGE_CHUNK;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
      } finally {
        this.purging = null;
      }
      return removed;
    })();
    return this.purging;
  }

  /** Stops the purges; the caller closes the database afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    await this.purging?.catch(() => undefined);
  }

  private expiredBefore(now: number): string {
    return new Date(now - this.retentionDays * 86_400_000).toISOString();
  }

}
