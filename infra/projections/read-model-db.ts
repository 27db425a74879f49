import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

// Read models are rebuildable from the events, so NORMAL sync is enough here; the events
// themselves are stored with synchronous=FULL.
export function openReadModelDb(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name       TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID`);
  return db;
}

export function defaultReadModelFile(dataDir: string): string {
  return join(dataDir, 'read-models.sqlite');
}
