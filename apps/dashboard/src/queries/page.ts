/** A page of a keyset list: its rows, and the key of its last row when another page follows (null on the last page). */
export interface KeysetPage<Row> {
  rows: Row[];
  nextKey: string | null;
}

/**
 * The page out of rows read one past its size: that extra row is how a keyset page knows
 * another follows, and is dropped. `keyOf` gives the key the next page starts after.
 */
export function pageOf<Row>(rows: readonly Row[], limit: number, keyOf: (row: Row) => string): KeysetPage<Row> {
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page.at(-1) : undefined;
  return { rows: page, nextKey: last === undefined ? null : keyOf(last) };
}
