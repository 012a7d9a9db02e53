import {
  type Database,
  MEMORY_DATA_DIR,
  migrate,
  openDatabase,
  openPglite,
  pgliteVersion,
  readMigrationFiles,
} from '@wecena/db';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A database made for a test, and what undoes it. */
export interface TestDatabase {
  db: Database;
  /** On PostgreSQL, the URL of this database, for a process of its own to connect to. */
  url?: string;
  /** Closes it and, on PostgreSQL, drops it. */
  dispose(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Apply wecena's migrations (the default); false gives an empty database. */
  migrated?: boolean;
}

/**
 * A fresh in-memory PGlite. Starting PGlite takes ~2 s, loading a dumped cluster ~0.4 s:
 * each instance is loaded from a template, made once and kept in the system's temporary
 * directory under a key of the PGlite release and the migrations' checksums.
 */
export async function createPgliteTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const template = await pgliteTemplate(options.migrated ?? true);
  const db = await openPglite({ dataDir: MEMORY_DATA_DIR, loadDataDir: template });
  return { db, dispose: () => db.close() };
}

/**
 * A database of its own on the PostgreSQL server at `url` (a superuser, as in CI):
 * `wecena_test_<random>`, created here and dropped by dispose().
 */
export async function createPostgresTestDatabase(url: string, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `wecena_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url, poolSize: 1 });
  let db: Database | undefined;
  try {
    // An identifier cannot be a parameter; `name` is ours, [a-z0-9_] only.
    await admin.query(`CREATE DATABASE ${name}`);
    db = await openDatabase({ url: withDatabase(url, name), poolSize: 4 });
    if (options.migrated ?? true) await migrate(db);
  } catch (error) {
    await db?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.close();
    throw error;
  }
  const opened = db;
  return {
    db: opened,
    url: withDatabase(url, name),
    async dispose() {
      try {
        await opened.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.close();
      }
    },
  };
}

function withDatabase(url: string, database: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new Error('DATABASE_URL must be a postgres:// URL for the db tests to create their databases', {
      cause: error,
    });
  }
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const templates = new Map<boolean, Promise<Blob>>();

function pgliteTemplate(migrated: boolean): Promise<Blob> {
  let template = templates.get(migrated);
  if (template === undefined) {
    template = loadOrBuildTemplate(migrated);
    templates.set(migrated, template);
    // A failed build is not cached: the next test tries again and reports its own error.
    template.catch(() => templates.delete(migrated));
  }
  return template;
}

async function loadOrBuildTemplate(migrated: boolean): Promise<Blob> {
  const key = await templateKey(migrated);
  const directory = join(tmpdir(), 'wecena-test-templates');
  const file = join(directory, `pglite-${key}.tar`);
  try {
    const template = new Blob([readFileSync(file)]);
    // Its modification time says when it was last used: see pruneTemplates.
    utimesSync(file, new Date(), new Date());
    return template;
  } catch {
    // Not built yet on this machine.
  }
  const db = await openPglite({ dataDir: MEMORY_DATA_DIR });
  try {
    if (migrated) await migrate(db);
    const dump = await db.dumpDataDir();
    mkdirSync(directory, { recursive: true });
    // Written whole under a name of its own, then renamed: parallel test workers never read half a file.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, file);
    pruneTemplates(directory, file);
    return dump;
  } finally {
    await db.close();
  }
}

async function templateKey(migrated: boolean): Promise<string> {
  const hash = createHash('sha256').update(`pglite ${pgliteVersion()}\n`);
  if (migrated) {
    for (const migration of await readMigrationFiles()) hash.update(`${migration.name} ${migration.checksum}\n`);
  } else {
    hash.update('empty\n');
  }
  return hash.digest('hex').slice(0, 24);
}

/** Templates weigh ~40 MB: those of earlier migrations go, unless used in the last hour (another checkout). */
function pruneTemplates(directory: string, keep: string): void {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (path === keep || !name.startsWith('pglite-')) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { force: true });
    } catch {
      // Removed by another worker meanwhile.
    }
  }
}
