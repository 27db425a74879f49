// Per-event read-model rows keyed by the event's global position are appended at the end of
// their table, instead of each landing in its pathway's place (a random page rewritten per
// event). A pathway finds its rows through the list of their positions kept on a row of its
// own, as comma-separated integers, extended once per batch (so a batch copies the pathway's
// list: a few bytes per event, nothing at the few dozen events of a household). Shared by the
// timeline and the classification's phase facts.

/** The SET expression of an upsert that extends the stored list `column` with `excluded.column`. */
export function extendedList(column: string): string {
  return `CASE WHEN excluded.${column} = '' THEN ${column} WHEN ${column} = '' THEN excluded.${column} ELSE ${column} || ',' || excluded.${column} END`;
}

/** The stored list `listSql` (a column, or a subquery) as a JSON array, for `json_each`. */
export function asJsonArray(listSql: string): string {
  return `'[' || ${listSql} || ']'`;
}

/**
 * A subquery, for `IN`, of the positions listed in `table.column` for the pathway bound to
 * its `?` (none when the pathway has no row).
 */
export function listedPositions(table: string, column: string): string {
  return `(SELECT value FROM json_each(${asJsonArray(`(SELECT ${column} FROM ${table} WHERE pathway_id = ?)`)}))`;
}
