import type Database from 'better-sqlite3';

// `position` is the rowid: SQLite has one writer at a time, so positions become visible in
// commit order and a reader never sees position n+1 before n.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY,
  event_id       TEXT    NOT NULL UNIQUE,
  stream_id      TEXT    NOT NULL,
  category       TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  hash           TEXT    NOT NULL,
  previous_hash  TEXT,
  UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS events_category_position ON events (category, position);
CREATE TABLE IF NOT EXISTS store_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO store_meta (key, value) VALUES ('schema_version', '1');
`;

/** Durability first: WAL with synchronous=FULL, so an acknowledged append survives a power cut. */
export function openPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('wal_autocheckpoint = 10000');
}

export function migrate(db: Database.Database): void {
  db.exec(SCHEMA);
}
