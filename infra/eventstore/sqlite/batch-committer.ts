import type Database from 'better-sqlite3';
import { IdempotencyMismatchError, StoreBusyError, WrongExpectedRevisionError } from '../errors.js';
import type { AppendResult } from '../port.js';
import { appendOne, WriteFailedError, type AppendRequest } from './append-one.js';
import type { Statements } from './statements.js';
import type { StreamHeadCache } from './stream-heads.js';

export type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

function isCheckError(error: unknown): boolean {
  return error instanceof WrongExpectedRevisionError || error instanceof IdempotencyMismatchError;
}

/** SQLite's answer when another connection holds the lock a statement needs. */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}

/**
 * Starts the batch's write transaction: true once it holds the write lock; false, without
 * waiting, when another connection holds it (the batch is then left untouched, to be retried).
 */
export type BeginWrite = () => boolean;

/**
 * Group commit on one connection: every append call of a batch shares one transaction (one
 * fsync). appendOne checks the expected revision before its first write, so such a refusal
 * leaves nothing behind and needs no savepoint. Anything found after a call has written (an
 * event id already stored, caught by the unique index; disk full; an unserialisable value) rolls
 * the transaction back and the batch is retried without that call: per-call atomicity holds.
 */
export function commitBatch(db: Database.Database, st: Statements, heads: StreamHeadCache, batch: readonly AppendRequest[], waitedMs: number): Outcome[] {
  return commitBatchUnlessLocked(db, st, heads, batch, () => (st.begin.run(), true), waitedMs)!;
}

/**
 * The same, but null when `begin` finds the write lock taken: the caller waits elsewhere (the
 * inline writer must not let SQLite's busy wait block the thread that answers requests).
 * `waitedMs`: how long a lock SQLite itself waited for (the connection's busy timeout).
 */
export function commitBatchUnlessLocked(db: Database.Database, st: Statements, heads: StreamHeadCache, batch: readonly AppendRequest[], begin: BeginWrite, waitedMs: number): Outcome[] | null {
  const outcomes: Outcome[] = new Array(batch.length);
  let remaining = batch.map((_, i) => i);
  while (remaining.length > 0) {
    const recordedAt = new Date().toISOString();
    const attempt: Outcome[] = [];
    let failedAt = -1;
    try {
      if (!begin()) return null;
      heads.sync(st);
      for (let k = 0; k < remaining.length; k++) {
        try {
          attempt.push({ ok: true, result: appendOne(st, heads, batch[remaining[k]!]!, recordedAt) });
        } catch (error) {
          if (!isCheckError(error)) {
            failedAt = k;
            throw error;
          }
          attempt.push({ ok: false, error });
        }
      }
      st.commit.run();
      remaining.forEach((i, k) => (outcomes[i] = attempt[k]!));
      return outcomes;
    } catch (error) {
      if (db.inTransaction) st.rollback.run();
      heads.clear();
      if (failedAt === -1) {
        // The transaction itself failed (lock timeout, I/O): nothing was written for anyone.
        const failure = isSqliteBusy(error) ? new StoreBusyError(waitedMs) : error;
        for (const i of remaining) outcomes[i] = { ok: false, error: failure };
        return outcomes;
      }
      outcomes[remaining[failedAt]!] = { ok: false, error: error instanceof WriteFailedError ? error.reason : error };
      remaining = remaining.filter((_, k) => k !== failedAt);
    }
  }
  return outcomes;
}
