import type Database from 'better-sqlite3';

/**
 * What a projection last folded for each stream, kept in memory between batches, so that the
 * next event of a busy stream is folded without reading its row back. An entry says "the fold
 * after revision r", a pure function of the stream's events: it is used only for the event of
 * revision r + 1, so it cannot be stale, whatever happened to the tables (a rebuild, a batch
 * rolled back); any other event reads the row. Kept per read-model connection, like BatchRows,
 * and bounded: the entries used longest ago go first.
 */
export class RowCache<Row extends { revision: number }> {
  private readonly byDb = new WeakMap<Database.Database, Map<string, Row>>();

  constructor(private readonly maxEntries: number) {}

  /** The fold after the revision just before `revision`, if kept. */
  before(db: Database.Database, key: string, revision: number): Row | undefined {
    const rows = this.byDb.get(db);
    const row = rows?.get(key);
    return row && row.revision === revision - 1 ? row : undefined;
  }

  set(db: Database.Database, key: string, row: Row): void {
    let rows = this.byDb.get(db);
    if (!rows) this.byDb.set(db, (rows = new Map()));
    // Re-inserted so the map's order is the order of use.
    rows.delete(key);
    rows.set(key, row);
    if (rows.size > this.maxEntries) rows.delete(rows.keys().next().value!);
  }

  /** Forgets every entry of this connection (the tables were dropped). */
  clear(db: Database.Database): void {
    this.byDb.delete(db);
  }
}
