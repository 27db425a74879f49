import type Database from 'better-sqlite3';
import type { AllFilter, EventMetadata, StoredEvent } from '../port.js';

export interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  hash: string;
  previous_hash: string | null;
}

export function rowToEvent(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata) as EventMetadata,
    revision: row.revision,
    globalPosition: row.position,
    recordedAt: row.recorded_at,
    hash: row.hash,
    previousHash: row.previous_hash,
  };
}

const COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash, previous_hash';

/** Prepared once per connection: statement preparation is the costly part in better-sqlite3. */
export function prepareStatements(db: Database.Database) {
  return {
    streamHead: db.prepare<[string], { revision: number; last_hash: string }>('SELECT revision, last_hash FROM streams WHERE stream_id = ?'),
    upsertStream: db.prepare('INSERT INTO streams (stream_id, revision, last_hash) VALUES (?, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash'),
    insertEvent: db.prepare(
      'INSERT INTO events (event_id, stream_id, category, revision, type, schema_version, data, metadata, recorded_at, hash, previous_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    eventById: db.prepare<[string], { stream_id: string; revision: number; position: number }>('SELECT stream_id, revision, position FROM events WHERE event_id = ?'),
    streamForwards: db.prepare<[string, number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`),
    streamBackwards: db.prepare<[string, number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`),
    allPage: db.prepare<[number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`),
    head: db.prepare<[], { head: number | null }>('SELECT max(position) AS head FROM events'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

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
    stmt = db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? AND ${clauses.join(' AND ')} ORDER BY position ASC LIMIT ?`);
    cache.set(key, stmt);
  }
  const params: unknown[] = [];
  for (const p of prefixes) params.push(p, p);
  params.push(...categories);
  return (after: number, limit: number) => stmt!.all(after, ...params, limit) as EventRow[];
}
