/** Which PostgreSQL runs underneath: embedded PGlite (WASM) or a PostgreSQL server. */
export type Engine = 'pglite' | 'postgres';

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows returned, or touched by INSERT/UPDATE/DELETE. */
  rowCount: number;
}

/** Anything that runs one parameterised statement: the database itself or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

/**
 * The one query layer of wecena: the same SQL runs on PGlite and on PostgreSQL.
 * Values are always passed as parameters ($1, $2…), never spliced into the SQL text.
 * `bytea` columns read back as Uint8Array on both engines.
 */
export interface Database extends Queryable {
  readonly engine: Engine;
  /** Where the data lives, for humans, never with a password: "PGlite in ./.wecena/pgdata". */
  readonly description: string;
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
