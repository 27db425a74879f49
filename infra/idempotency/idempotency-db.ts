import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Idempotency keys live in a file of their own. They are written on the request thread, so
 * they must never wait for a lock held by the projection worker (which writes the read models in
 * long batches, at idle priority). Losing the last keys to a power cut is recovered from the
 * store (a retried request finds its facts by their ids), hence NORMAL sync.
 *
 * Only another service on the same data folder writes this file too, for well under a
 * millisecond a key. SQLite's busy wait would hold the whole thread, so there is none: a write
 * that meets the lock fails at once and is tried again asynchronously (the idempotency plugin,
 * IdempotencyStore), except at start, where waiting is harmless (moveKeysFrom).
 */
export function openIdempotencyDb(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 0 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

export function defaultIdempotencyFile(dataDir: string): string {
  return join(dataDir, 'idempotency.sqlite');
}

/**
 * Earlier versions kept the keys in the read-model file: they are moved here once, so a
 * partner's retry across the upgrade is still recognised.
 */
export function moveKeysFrom(readModels: Database.Database, keys: Database.Database): number {
  const old = readModels.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'idempotency_keys'").get();
  if (!old) return 0;
  const rows = readModels.prepare('SELECT * FROM idempotency_keys').all() as Array<Record<string, unknown>>;
  const insert = keys.prepare(
    `INSERT OR IGNORE INTO idempotency_keys (principal_id, idempotency_key, fingerprint, state, status_code, headers, body, created_at)
     VALUES (@principal_id, @idempotency_key, @fingerprint, @state, @status_code, @headers, @body, @created_at)`,
  );
  // At start, before any request: another process's lock may be waited for.
  keys.pragma('busy_timeout = 5000');
  try {
    keys.transaction(() => {
      for (const r of rows) insert.run(r);
    })();
  } finally {
    keys.pragma('busy_timeout = 0');
  }
  readModels.exec('DROP TABLE idempotency_keys');
  return rows.length;
}
