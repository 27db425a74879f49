import type Database from 'better-sqlite3';

/**
 * Rows a projection changed during the current batch, kept per read-model connection (one
 * projection object may feed several databases, in tests) and written once at the batch's end.
 */
export class BatchRows<Row> {
  private readonly byDb = new WeakMap<Database.Database, Map<string, Row>>();

  rows(db: Database.Database): Map<string, Row> {
    let rows = this.byDb.get(db);
    if (!rows) this.byDb.set(db, (rows = new Map()));
    return rows;
  }

  /** Hands over the batch's rows and forgets them. */
  take(db: Database.Database): Map<string, Row> {
    const rows = this.rows(db);
    this.byDb.delete(db);
    return rows;
  }
}
