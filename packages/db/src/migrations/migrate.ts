import type { Database, Queryable, Transaction } from '../database';
import { type ChecksumMismatch, MigrationChecksumMismatch, MigrationFailed } from '../errors';
import { type MigrationFile, readMigrationFiles } from './migration-files';

export interface MigrateOptions {
  /** Where the NNNN_name.sql files are; wecena's own unless told (tests point elsewhere). */
  directory?: string;
}

export interface MigrateResult {
  /** Names of the migrations this call applied, in order ("0001_domain"); empty when up to date. */
  applied: string[];
}

export interface MigrationStatus {
  /** Every migration file is applied, and none changed since. */
  current: boolean;
  /** Files not applied yet, in the order they would apply. */
  pending: string[];
  /** Applied migrations whose file changed since: an error for `migrate`. */
  mismatched: ChecksumMismatch[];
  /** Applied migrations with no file here: the database is newer than this code. */
  unknown: string[];
}

interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Serialises migrators: two processes migrating one PostgreSQL at once wait for each
 * other instead of both applying. Transaction-scoped, so a crash cannot leave it held.
 * A fixed key: the bytes of "wecena" followed by 0x0001 for "migrations".
 */
const MIGRATION_LOCK_KEY = '8603391950455898113'; // 0x776563656e610001

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version     integer     PRIMARY KEY,
  name        text        NOT NULL UNIQUE,
  checksum    text        NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
  applied_at  timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Applies the pending migrations in version order, each in its own transaction with its
 * record in schema_migrations, so a failure leaves the database at the previous migration.
 * Refuses to run, before applying anything, when an applied migration's file changed.
 * Runs the same on PGlite and PostgreSQL; concurrent callers are serialised by an advisory lock.
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<MigrateResult> {
  const files = await readMigrationFiles(options.directory);
  const applied: string[] = [];
  for (;;) {
    // One transaction per migration; each re-reads what is applied once it holds the lock,
    // since another process may have applied it meanwhile.
    const next = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      await tx.query(CREATE_MIGRATIONS_TABLE);
      const status = compare(files, await readApplied(tx));
      if (status.mismatched.length > 0) throw new MigrationChecksumMismatch(status.mismatched);
      const migration = files.find((file) => file.name === status.pending[0]);
      if (migration === undefined) return undefined;
      await applyOne(tx, migration);
      return migration.name;
    });
    if (next === undefined) return { applied };
    applied.push(next);
  }
}

/** What `migrate` would do, without changing anything. */
export async function migrationStatus(db: Database, options: MigrateOptions = {}): Promise<MigrationStatus> {
  const files = await readMigrationFiles(options.directory);
  const { rows } = await db.query<{ present: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS present`,
  );
  const applied = rows[0]?.present === true ? await readApplied(db) : [];
  return compare(files, applied);
}

async function applyOne(tx: Transaction, migration: MigrationFile): Promise<void> {
  try {
    await tx.exec(migration.sql);
  } catch (error) {
    throw new MigrationFailed(migration.name, error);
  }
  await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
    migration.version,
    migration.name,
    migration.checksum,
  ]);
}

async function readApplied(db: Queryable): Promise<AppliedMigration[]> {
  const { rows } = await db.query<AppliedMigration>(
    'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
  );
  return rows;
}

function compare(files: readonly MigrationFile[], applied: readonly AppliedMigration[]): MigrationStatus {
  const appliedByVersion = new Map(applied.map((row) => [row.version, row]));
  const fileVersions = new Set(files.map((file) => file.version));
  const pending: string[] = [];
  const mismatched: ChecksumMismatch[] = [];
  for (const file of files) {
    const row = appliedByVersion.get(file.version);
    if (row === undefined) pending.push(file.name);
    else if (row.checksum !== file.checksum || row.name !== file.name) {
      mismatched.push({ name: file.name, appliedChecksum: row.checksum, fileChecksum: file.checksum });
    }
  }
  const unknown = applied.filter((row) => !fileVersions.has(row.version)).map((row) => row.name);
  return { current: pending.length === 0 && mismatched.length === 0, pending, mismatched, unknown };
}
