import type Database from 'better-sqlite3';

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type Reservation =
  | { kind: 'new' }
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

  constructor(
    private readonly db: Database.Database,
    private readonly retentionDays = 7,
    /** A reservation older than this was cut off (a crash mid-request): it may be taken again. */
    private readonly abandonedAfterMs = 60_000,
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
    ) WITHOUT ROWID`);
    this.find = db.prepare<[string, string], { fingerprint: string; state: string; status_code: number | null; headers: string | null; body: string | null }>(
      'SELECT fingerprint, state, status_code, headers, body FROM idempotency_keys WHERE principal_id = ? AND idempotency_key = ?',
    );
    this.reserveStmt = db.prepare("INSERT INTO idempotency_keys (principal_id, idempotency_key, fingerprint, state, created_at) VALUES (?, ?, ?, 'in_progress', ?) ON CONFLICT DO NOTHING");
    this.completeStmt = db.prepare("UPDATE idempotency_keys SET state = 'done', status_code = ?, headers = ?, body = ? WHERE principal_id = ? AND idempotency_key = ?");
    this.releaseStmt = db.prepare('DELETE FROM idempotency_keys WHERE principal_id = ? AND idempotency_key = ?');
    this.retake = db.prepare(
      "UPDATE idempotency_keys SET fingerprint = ?, created_at = ? WHERE principal_id = ? AND idempotency_key = ? AND state = 'in_progress' AND created_at < ?",
    );
    db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(new Date(Date.now() - retentionDays * 86_400_000).toISOString());
  }

  reserve(principalId: string, key: string, fingerprint: string): Reservation {
    const inserted = this.reserveStmt.run(principalId, key, fingerprint, new Date().toISOString());
    if (inserted.changes === 1) return { kind: 'new' };
    const row = this.find.get(principalId, key);
    if (!row) return this.reserve(principalId, key, fingerprint);
    if (row.state !== 'done') {
      const now = new Date();
      const cutoff = new Date(now.getTime() - this.abandonedAfterMs).toISOString();
      return this.retake.run(fingerprint, now.toISOString(), principalId, key, cutoff).changes === 1 ? { kind: 'new' } : { kind: 'in_progress' };
    }
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    return { kind: 'replay', response: { statusCode: row.status_code!, headers: JSON.parse(row.headers ?? '{}'), body: row.body ?? '' } };
  }

  complete(principalId: string, key: string, response: StoredResponse): void {
    this.completeStmt.run(response.statusCode, JSON.stringify(response.headers), response.body, principalId, key);
  }

  /** Forgets a key whose request failed on our side, so the caller can retry it. */
  release(principalId: string, key: string): void {
    this.releaseStmt.run(principalId, key);
  }
}
