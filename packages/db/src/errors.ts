/** What went wrong in the database layer, as a stable machine-readable code. */
export type DatabaseErrorCode =
  | 'data_dir_locked'
  | 'database_closed'
  | 'transaction_misuse'
  | 'invalid_options'
  | 'invalid_migration'
  | 'migration_checksum_mismatch'
  | 'migration_failed';

/**
 * Base of every fault thrown by @wecena/db: a `code` to branch on, a human `message`,
 * and the underlying `cause` when there is one.
 */
export class DatabaseError extends Error {
  readonly code: DatabaseErrorCode;

  constructor(code: DatabaseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Who holds a PGlite data directory, as written in its lock file. */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO 8601 instant at which the owner took the lock. */
  startedAt: string;
  /** The command line of the owner, for humans ("wecena serve"). */
  command: string;
}

/** Another live process owns the PGlite data directory: PGlite would let both write and lose commits. */
export class DataDirectoryLocked extends DatabaseError {
  readonly dataDir: string;
  readonly owner: LockOwner;

  constructor(dataDir: string, owner: LockOwner, lockFile: string, sameHost: boolean) {
    const who = sameHost ? `process ${owner.pid}` : `process ${owner.pid} on host ${owner.host}`;
    const hint = sameHost
      ? 'stop it or set WECENA_DATA_DIR to another directory'
      : `stop it or set WECENA_DATA_DIR to another directory (if that process is gone, delete ${lockFile})`;
    super(
      'data_dir_locked',
      `The PGlite data directory ${dataDir} is in use by ${who} (${owner.command}, started ${owner.startedAt}); ${hint}`,
    );
    this.dataDir = dataDir;
    this.owner = owner;
  }
}

/** The database was used after `close()`. */
export class DatabaseClosed extends DatabaseError {
  constructor(description: string) {
    super('database_closed', `${description} is closed`);
  }
}

/**
 * A query was sent through the database (or a finished transaction) from inside a
 * transaction callback. On PGlite it would wait forever for the transaction that awaits
 * it; on PostgreSQL it would silently run outside the transaction. Both engines refuse it.
 */
export class TransactionMisuse extends DatabaseError {
  constructor(message: string) {
    super('transaction_misuse', message);
  }
}

/** `openDatabase` was given options it cannot act on. */
export class InvalidDatabaseOptions extends DatabaseError {
  constructor(message: string) {
    super('invalid_options', message);
  }
}

/** A file in the migrations directory does not follow `NNNN_name.sql`, or two share a version. */
export class InvalidMigration extends DatabaseError {
  constructor(message: string) {
    super('invalid_migration', message);
  }
}

export interface ChecksumMismatch {
  /** `0001_domain` */
  name: string;
  /** The sha256 recorded when the migration was applied. */
  appliedChecksum: string;
  /** The sha256 of the file on disk now. */
  fileChecksum: string;
}

/** An already-applied migration file was edited: it is never re-applied, a new migration is needed. */
export class MigrationChecksumMismatch extends DatabaseError {
  readonly mismatched: ChecksumMismatch[];

  constructor(mismatched: ChecksumMismatch[]) {
    const files = mismatched.map((m) => `${m.name}.sql`).join(', ');
    super(
      'migration_checksum_mismatch',
      `Migration ${files} changed after it was applied (checksum mismatch): restore the applied version and put the change in a new migration`,
    );
    this.mismatched = mismatched;
  }
}

/** A migration's SQL failed; its transaction was rolled back and nothing of it remains. */
export class MigrationFailed extends DatabaseError {
  readonly migration: string;

  constructor(migration: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('migration_failed', `Migration ${migration}.sql failed and was rolled back: ${reason}`, { cause });
    this.migration = migration;
  }
}
