export type { Database, Engine, QueryResult, Queryable, Transaction } from './database';
export {
  openDatabase,
  type OpenDatabaseOptions,
  type PgliteDirectoryOptions,
  type PgliteMemoryOptions,
  type PostgresDatabaseOptions,
} from './open-database';
export { openPglite, pgliteVersion, MEMORY_DATA_DIR, type PgliteDatabase, type PgliteOptions } from './engines/pglite';
export { describePostgresUrl } from './engines/postgres';
export { LOCK_FILE_NAME, type WarningHandler } from './engines/data-dir-lock';
export {
  DataDirectoryLocked,
  DatabaseClosed,
  DatabaseError,
  InvalidDatabaseOptions,
  InvalidMigration,
  MigrationChecksumMismatch,
  MigrationFailed,
  TransactionMisuse,
  type ChecksumMismatch,
  type DatabaseErrorCode,
  type LockOwner,
} from './errors';
export {
  MIGRATIONS_DIRECTORY,
  checksumOf,
  migrate,
  migrationStatus,
  readMigrationFiles,
  type MigrateOptions,
  type MigrateResult,
  type MigrationFile,
  type MigrationStatus,
} from './migrations';
export { DEMO_SPONSOR_SIREN, seedDemo, type DemoCounts, type SeedDemoOptions } from './seed';
export * from './admin';
export * from './pairing';
export * from './ledger';
export * from './discovery';
