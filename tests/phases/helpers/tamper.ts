// Tampering as an intruder would: straight in the SQLite file, behind the store's back.
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Rewrites a stored event's data with an SQL expression (its hash is left as it was). */
export function tamper(dataDir: string, eventId: string, sql = "json_set(data, '$.contactDate', '2025-02-02')"): void {
  const db = new Database(join(dataDir, 'events.sqlite'));
  try {
    const changed = db.prepare(`UPDATE events SET data = ${sql} WHERE event_id = ?`).run(eventId).changes;
    if (changed !== 1) throw new Error(`no event ${eventId} to tamper with`);
  } finally {
    db.close();
  }
}
