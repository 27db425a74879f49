import type Database from 'better-sqlite3';
import { UnreadableEventError } from '../errors.js';
import type { AllFilter, EventMetadata, StoredEvent } from '../port.js';

/** Rows are read as arrays (better-sqlite3 raw mode): building keyed row objects costs more than the query. */
export type EventRow = [
  position: number,
  eventId: string,
  streamId: string,
  revision: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
  hash: string,
  previousHash: string | null,
];

export const POSITION = 0;
export const REVISION = 3;

export function rowToEvent(row: EventRow): StoredEvent {
  let data: unknown;
  let metadata: EventMetadata;
  try {
    data = JSON.parse(row[6]);
    metadata = JSON.parse(row[7]) as EventMetadata;
  } catch {
    throw new UnreadableEventError(row[0], row[2], row[3], row[1]);
  }
  return {
    id: row[1],
    streamId: row[2],
    type: row[4],
    schemaVersion: row[5],
    data,
    metadata,
    revision: row[3],
    globalPosition: row[0],
    recordedAt: row[8],
    hash: row[9],
    previousHash: row[10],
  };
}

const COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash, previous_hash';

/** Prepared once per connection: statement preparation is the costly part in better-sqlite3. */
export function prepareStatements(db: Database.Database) {
  return {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    streamHead: db.prepare<[string], { revision: number; hash: string }>('SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1'),
    dataVersion: db.prepare<[], { data_version: number }>('PRAGMA data_version'),
    insertEvent: db.prepare(
      'INSERT INTO events (event_id, stream_id, category, revision, type, schema_version, data, metadata, recorded_at, hash, previous_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    eventById: db.prepare<[string], { stream_id: string; revision: number; position: number }>('SELECT stream_id, revision, position FROM events WHERE event_id = ?'),
    eventRowById: raw<[string]>(db, `SELECT ${COLUMNS} FROM events WHERE event_id = ?`),
    streamForwards: raw<[string, number, number]>(db, `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`),
    streamBackwards: raw<[string, number, number]>(db, `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`),
    allPage: raw<[number, number]>(db, `SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`),
    head: db.prepare<[], { head: number | null }>('SELECT max(position) AS head FROM events'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

function raw<P extends unknown[]>(db: Database.Database, sql: string): Database.Statement<P, EventRow> {
  return db.prepare<P, EventRow>(sql).raw(true);
}

/** Filtered pages are built per filter shape; cached so a subscription reuses its statement. */
export function filteredPageQuery(db: Database.Database, filter: AllFilter, cache: Map<string, Database.Statement>) {
  const prefixes = filter.eventTypePrefixes ?? [];
  const categories = filter.streamCategories ?? [];
  const key = `${prefixes.length}:${categories.length}`;
  let stmt = cache.get(key);
  if (!stmt) {
    const clauses: string[] = [];
    if (prefixes.length) clauses.push(`(${prefixes.map(() => "substr(type, 1, length(?)) = ?").join(' OR ')})`);
    if (categories.length) clauses.push(`category IN (${categories.map(() => '?').join(', ')})`);
    stmt = db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? AND ${clauses.join(' AND ')} ORDER BY position ASC LIMIT ?`).raw(true);
    cache.set(key, stmt);
  }
  const params: unknown[] = [];
  for (const p of prefixes) params.push(p, p);
  params.push(...categories);
  return (after: number, limit: number) => stmt!.all(after, ...params, limit) as EventRow[];
}
