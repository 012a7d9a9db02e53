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

/** An open transaction: what `Database.transaction` hands its callback. */
export interface Transaction extends Queryable {
  /** Runs a script of several statements without parameters (a migration file, for one). */
  exec(script: string): Promise<void>;
}

/**
 * The one query layer of wecena: the same SQL runs on PGlite and on PostgreSQL.
 * Values are always passed as parameters ($1, $2…), never spliced into the SQL text.
 *
 * Both engines read values back as the same JavaScript types:
 * - `bytea` → Uint8Array (a Buffer on PostgreSQL, which is one);
 * - `int8` / `bigserial` / `count(*)` → string, exact past 2^53 (pass numbers, strings or bigints);
 * - `numeric` → string; `int2`, `int4`, `float8` → number; `boolean` → boolean;
 * - `timestamptz` → Date; `date` → "YYYY-MM-DD" string, a calendar day with no time zone;
 * - `json` / `jsonb` → parsed value; arrays → arrays of the above.
 * wecena's schema uses `timestamptz` only, never `timestamp` without time zone.
 */
export interface Database extends Queryable {
  readonly engine: Engine;
  /** Where the data lives, for humans, never with a password: "PGlite in ./.wecena/pgdata". */
  readonly description: string;
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters, outside any transaction. */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}
