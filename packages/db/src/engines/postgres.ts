import pg from 'pg';
import type { Database, QueryResult, Transaction } from '../database';
import { DatabaseClosed } from '../errors';
import type { WarningHandler } from './data-dir-lock';
import {
  assertOutsideOwnTransaction,
  assertTransactionOpen,
  runInTransactionScope,
  type TransactionState,
} from './transaction-scope';
import { OID, keepText } from './value-types';

export interface PostgresOptions {
  /** A libpq connection URL: postgres://user:password@host:5432/database?sslmode=… */
  url: string;
  /** Connections kept open at most; 10 unless told. */
  poolSize?: number;
  onWarning?: WarningHandler;
}

type TypeParserLookup = (oid: number, format?: 'text' | 'binary') => (value: string) => unknown;
// pg-types types its lookup with an enum of scalar types only; it serves array types too.
const builtinTypeParser = pg.types.getTypeParser as TypeParserLookup;
const textArrayParser = builtinTypeParser(OID.textArray, 'text');

/**
 * The same value types as PGlite (see Database): int8 as exact strings (node-postgres'
 * default too) and dates as "YYYY-MM-DD" rather than a Date at local midnight. Set on this
 * pool only, never on node-postgres' global registry.
 */
const valueTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === OID.date) return keepText;
    if (oid === OID.dateArray) return textArrayParser;
    return builtinTypeParser(oid, format ?? 'text');
  },
};

/** Opens a pool of connections to a PostgreSQL server. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: valueTypes,
  });
  // An idle connection that the server drops emits 'error' on the pool; unhandled it would
  // end the process. The pool replaces it on next use.
  pool.on('error', (error) => {
    options.onWarning?.('An idle PostgreSQL connection failed; the pool will open another', {
      error: error.message,
    });
  });
  const database = new PostgresEngine(pool, describePostgresUrl(options.url));
  try {
    // Fail at open, with the server's reason, rather than at the first query.
    await database.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
  return database;
}

class PostgresEngine implements Database {
  readonly engine = 'postgres' as const;
  readonly description: string;
  readonly #pool: pg.Pool;
  #closing: Promise<void> | undefined;

  constructor(pool: pg.Pool, description: string) {
    this.#pool = pool;
    this.description = description;
  }

  async query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
    this.#assertUsable('query()');
    return toQueryResult(await this.#pool.query(sql, mutable(params)));
  }

  async exec(script: string): Promise<void> {
    this.#assertUsable('exec()');
    // Without parameters node-postgres uses the simple query protocol, which runs several statements.
    await this.#pool.query(script);
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    this.#assertUsable('transaction()');
    const client = await this.#pool.connect();
    const state: TransactionState = { database: this, open: true };
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await runInTransactionScope(state, () => fn(wrapClient(client, state)));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is unusable: destroy it rather than return it to the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw error;
    } finally {
      state.open = false;
      client.release(broken);
    }
  }

  close(): Promise<void> {
    this.#closing ??= this.#pool.end();
    return this.#closing;
  }

  #assertUsable(call: string): void {
    if (this.#closing !== undefined) throw new DatabaseClosed(this.description);
    assertOutsideOwnTransaction(this, call);
  }
}

function wrapClient(client: pg.PoolClient, state: TransactionState): Transaction {
  return {
    async query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]) {
      assertTransactionOpen(state);
      return toQueryResult<Row>(await client.query(sql, mutable(params)));
    },
    async exec(script: string) {
      assertTransactionOpen(state);
      await client.query(script);
    },
  };
}

function toQueryResult<Row>(result: pg.QueryResult): QueryResult<Row> {
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
}

function mutable(params: readonly unknown[] | undefined): unknown[] | undefined {
  return params === undefined ? undefined : [...params];
}

/**
 * "PostgreSQL at db.example.org:5432/wecena": where the data lives, never the password.
 * Accepts URLs and the libpq host query parameter (a Unix socket directory).
 */
export function describePostgresUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'PostgreSQL';
  }
  const host = decodeURIComponent(parsed.hostname) || parsed.searchParams.get('host') || 'localhost';
  const port = parsed.port || parsed.searchParams.get('port') || '5432';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username) || 'postgres';
  return `PostgreSQL at ${host}:${port}/${database}`;
}
