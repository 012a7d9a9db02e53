import type { Database } from './database';
import type { WarningHandler } from './engines/data-dir-lock';
import { MEMORY_DATA_DIR, openPglite } from './engines/pglite';
import { openPostgres } from './engines/postgres';
import { InvalidDatabaseOptions } from './errors';

interface CommonOptions {
  /** Told about what an operator should know but that does not stop the database (a stale lock taken over). */
  onWarning?: WarningHandler;
}

/** A PostgreSQL server: what DATABASE_URL points to. */
export interface PostgresDatabaseOptions extends CommonOptions {
  url: string;
  /** Connections kept open at most; 10 unless told. */
  poolSize?: number;
}

/** Embedded PGlite, persisted in a directory (WECENA_DATA_DIR), or in memory with `memory://`. */
export interface PgliteDirectoryOptions extends CommonOptions {
  dataDir: string;
  /** What this process is, shown to another process that finds the directory taken ("wecena serve"). */
  lockOwner?: string;
}

/** Embedded PGlite in memory: gone at close(), for tests and dry runs. */
export interface PgliteMemoryOptions extends CommonOptions {
  memory: true;
}

export type OpenDatabaseOptions = PostgresDatabaseOptions | PgliteDirectoryOptions | PgliteMemoryOptions;

/**
 * Opens wecena's database: PostgreSQL when given a `url`, else PGlite in `dataDir`
 * (locked for this process) or in memory. The caller must `close()` it: an open PGlite
 * keeps the process alive. Migrations are not applied: call `migrate`.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if ('url' in options && options.url !== undefined) {
    if (options.url.trim() === '') throw new InvalidDatabaseOptions('The PostgreSQL URL is empty');
    const poolSize = options.poolSize ?? 10;
    if (!Number.isInteger(poolSize) || poolSize < 1) {
      throw new InvalidDatabaseOptions(`The pool size must be a positive integer, got ${String(options.poolSize)}`);
    }
    return openPostgres({ url: options.url, poolSize, onWarning: options.onWarning });
  }
  if ('memory' in options && options.memory) {
    return openPglite({ dataDir: MEMORY_DATA_DIR, onWarning: options.onWarning });
  }
  if ('dataDir' in options && typeof options.dataDir === 'string' && options.dataDir.trim() !== '') {
    return openPglite({ dataDir: options.dataDir, lockOwner: options.lockOwner, onWarning: options.onWarning });
  }
  throw new InvalidDatabaseOptions('Give a PostgreSQL url, a PGlite dataDir, or memory: true');
}
