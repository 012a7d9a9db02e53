import { PGlite, type Results, type Transaction as PgliteTransaction } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Database, QueryResult, Transaction } from '../database';
import { DatabaseClosed } from '../errors';
import { Mutex } from '../mutex';
import { initializePgliteDataDir } from './pglite-init';
import { acquireDataDirLock, type DataDirLock, type WarningHandler } from './data-dir-lock';
import {
  assertOutsideOwnTransaction,
  assertTransactionOpen,
  runInTransactionScope,
  type TransactionState,
} from './transaction-scope';
import { OID, keepText, parseBytea, serializeBytea } from './value-types';

export interface PgliteOptions {
  /** A directory to persist in, or `memory://` for a database that lives in this process only. */
  dataDir: string;
  /** Start from this dump (`dumpDataDir()` of another instance) instead of an empty cluster; memory only. */
  loadDataDir?: Blob;
  /** What this process is, written into the data directory's lock for others to read ("wecena serve"). */
  lockOwner?: string;
  onWarning?: WarningHandler;
}

/** A PGlite database, with what only PGlite can do. */
export interface PgliteDatabase extends Database {
  readonly engine: 'pglite';
  /** A tarball of the whole cluster, to start other in-memory instances from (test templates). */
  dumpDataDir(): Promise<Blob>;
}

export const MEMORY_DATA_DIR = 'memory://';

/**
 * Opens embedded PostgreSQL (PGlite). PGlite has one session: every query and every
 * transaction goes through one mutex, so a plain query never slips into another caller's
 * open transaction (where a ROLLBACK would take it away). A persisted data directory is
 * locked for this process: see acquireDataDirLock.
 */
export async function openPglite(options: PgliteOptions): Promise<PgliteDatabase> {
  const inMemory = options.dataDir === MEMORY_DATA_DIR;
  const dataDir = inMemory ? MEMORY_DATA_DIR : resolve(options.dataDir);
  const lock: DataDirLock | undefined = inMemory
    ? undefined
    : acquireDataDirLock({ dataDir, command: options.lockOwner, onWarning: options.onWarning });

  let pglite: PGlite;
  try {
    if (!inMemory) await initializePgliteDataDir(dataDir);
    pglite = await PGlite.create({
      dataDir: inMemory ? undefined : dataDir,
      loadDataDir: options.loadDataDir,
      parsers: { [OID.int8]: keepText, [OID.date]: keepText, [OID.bytea]: parseBytea },
      serializers: { [OID.bytea]: serializeBytea },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  return new PgliteEngine(pglite, inMemory ? 'PGlite in memory' : `PGlite in ${dataDir}`, lock);
}

class PgliteEngine implements PgliteDatabase {
  readonly engine = 'pglite' as const;
  readonly description: string;
  readonly #pglite: PGlite;
  readonly #lock: DataDirLock | undefined;
  readonly #mutex = new Mutex();
  #closing: Promise<void> | undefined;

  constructor(pglite: PGlite, description: string, lock: DataDirLock | undefined) {
    this.#pglite = pglite;
    this.description = description;
    this.#lock = lock;
  }

  async query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
    this.#assertUsable('query()');
    return this.#mutex.runExclusive(async () => toQueryResult(await this.#pglite.query<Row>(sql, mutable(params))));
  }

  async exec(script: string): Promise<void> {
    this.#assertUsable('exec()');
    return this.#mutex.runExclusive(async () => {
      await this.#pglite.exec(script);
    });
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    this.#assertUsable('transaction()');
    return this.#mutex.runExclusive(() =>
      // PGlite's own transaction() issues BEGIN/COMMIT/ROLLBACK; our mutex keeps every other caller out.
      this.#pglite.transaction(async (pgliteTx) => {
        const state: TransactionState = { database: this, open: true };
        try {
          return await runInTransactionScope(state, () => fn(wrapTransaction(pgliteTx, state)));
        } finally {
          state.open = false;
        }
      }),
    );
  }

  async dumpDataDir(): Promise<Blob> {
    this.#assertUsable('dumpDataDir()');
    return this.#mutex.runExclusive(() => this.#pglite.dumpDataDir('none'));
  }

  close(): Promise<void> {
    this.#closing ??= this.#mutex.runExclusive(async () => {
      try {
        await this.#pglite.close();
      } finally {
        this.#lock?.release();
      }
    });
    return this.#closing;
  }

  #assertUsable(call: string): void {
    if (this.#closing !== undefined) throw new DatabaseClosed(this.description);
    assertOutsideOwnTransaction(this, call);
  }
}

function wrapTransaction(pgliteTx: PgliteTransaction, state: TransactionState): Transaction {
  return {
    async query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]) {
      assertTransactionOpen(state);
      return toQueryResult(await pgliteTx.query<Row>(sql, mutable(params)));
    },
    async exec(script: string) {
      assertTransactionOpen(state);
      await pgliteTx.exec(script);
    },
  };
}

function toQueryResult<Row>(result: Results<Row>): QueryResult<Row> {
  // PGlite leaves rowCount unset for statements without a row count (CREATE TABLE…).
  return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length };
}

function mutable(params: readonly unknown[] | undefined): unknown[] | undefined {
  return params === undefined ? undefined : [...params];
}

let cachedVersion: string | undefined;

/** The PGlite release in use ("0.5.16"): a dumped data directory belongs to it. */
export function pgliteVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  // The package does not export its package.json: find it above its entry point.
  let directory = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === '@electric-sql/pglite' && typeof manifest.version === 'string') {
        cachedVersion = manifest.version;
        return cachedVersion;
      }
    } catch {
      // No package.json at this level: look higher.
    }
    const parent = dirname(directory);
    if (parent === directory) throw new Error('Cannot find the package.json of @electric-sql/pglite');
    directory = parent;
  }
}
