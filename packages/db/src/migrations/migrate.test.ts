import { describeEachEngine } from '@wecena/testkit';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidMigration, MigrationChecksumMismatch, MigrationFailed } from '../errors';
import { migrate, migrationStatus } from './migrate';
import { MIGRATIONS_DIRECTORY, checksumOf, readMigrationFiles } from './migration-files';

const ALL_MIGRATIONS = readdirSync(MIGRATIONS_DIRECTORY)
  .filter((name) => name.endsWith('.sql'))
  .sort()
  .map((name) => name.slice(0, -'.sql'.length));

const scratch: string[] = [];
afterAll(() => {
  for (const directory of scratch) rmSync(directory, { recursive: true, force: true });
});

/** A migrations directory of our own: wecena's files, or the given ones. */
function migrationsDirectory(files?: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'wecena-migrations-'));
  scratch.push(directory);
  if (files === undefined) cpSync(MIGRATIONS_DIRECTORY, directory, { recursive: true });
  else for (const [name, sql] of Object.entries(files)) writeFileSync(join(directory, name), sql);
  return directory;
}

describe('readMigrationFiles', () => {
  it('reads wecena’s migrations in version order, starting with the domain', async () => {
    const files = await readMigrationFiles();

    expect(files.map((file) => file.name)).toEqual(ALL_MIGRATIONS);
    expect(files[0]?.name).toBe('0001_domain');
    expect(files.map((file) => file.version)).toEqual([...files.map((file) => file.version)].sort((a, b) => a - b));
  });

  it('gives the same checksum whatever the line endings', () => {
    expect(checksumOf('SELECT 1;\r\nSELECT 2;\r\n')).toBe(checksumOf('SELECT 1;\nSELECT 2;\n'));
    expect(checksumOf('SELECT 1;')).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<{ name: string; files: Record<string, string>; message: string | RegExp }>([
    { name: 'a file not named NNNN_name.sql', files: { '1_first.sql': 'SELECT 1;' }, message: /1_first\.sql is not named NNNN_name\.sql/ },
    {
      name: 'two files with one version',
      files: { '0001_a.sql': 'SELECT 1;', '0001_b.sql': 'SELECT 2;' },
      message: 'Migrations 0001_a.sql and 0001_b.sql share version 1',
    },
  ])('refuses $name', async ({ files, message }) => {
    const read = readMigrationFiles(migrationsDirectory(files));

    await expect(read).rejects.toBeInstanceOf(InvalidMigration);
    await expect(read).rejects.toThrow(message);
  });
});

describeEachEngine('migrate', (ctx) => {
  it('applies every migration to an empty database, then none, and reports it current', async () => {
    const db = await ctx.freshDatabase({ migrated: false });

    const before = await migrationStatus(db);
    const first = await migrate(db);
    const second = await migrate(db);
    const after = await migrationStatus(db);

    expect(before).toEqual({ current: false, pending: ALL_MIGRATIONS, mismatched: [], unknown: [] });
    expect(first.applied).toEqual(ALL_MIGRATIONS);
    expect(second.applied).toEqual([]);
    expect(after).toEqual({ current: true, pending: [], mismatched: [], unknown: [] });
    const { rows } = await db.query<{ version: number; name: string; checksum: string; applied_at: Date }>(
      'SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version',
    );
    const files = await readMigrationFiles();
    expect(rows.map(({ version, name, checksum }) => ({ version, name, checksum }))).toEqual(
      files.map(({ version, name, checksum }) => ({ version, name, checksum })),
    );
    expect(rows.every((row) => row.applied_at instanceof Date)).toBe(true);
  });

  it('applies each migration once when several migrators race', async () => {
    const db = await ctx.freshDatabase({ migrated: false });

    const results = await Promise.all([migrate(db), migrate(db), migrate(db)]);

    expect(results.flatMap((result) => result.applied).sort()).toEqual(ALL_MIGRATIONS);
    const { rows } = await db.query<{ count: string }>('SELECT count(*) AS count FROM schema_migrations');
    expect(rows[0]?.count).toBe(String(ALL_MIGRATIONS.length));
  });

  it('reports an applied migration whose file changed, and refuses to migrate past it', async () => {
    const db = await ctx.freshDatabase({ migrated: false });
    const directory = migrationsDirectory();
    await migrate(db, { directory });
    const domain = join(directory, '0001_domain.sql');
    writeFileSync(domain, `${readFileSync(domain, 'utf8')}\n-- an edit after the fact\n`);
    writeFileSync(join(directory, '9999_later.sql'), 'CREATE TABLE later (id integer);');
    const appliedChecksum = (await readMigrationFiles()).find((file) => file.name === '0001_domain')?.checksum;

    const status = await migrationStatus(db, { directory });
    const attempt = migrate(db, { directory });

    await expect(attempt).rejects.toBeInstanceOf(MigrationChecksumMismatch);
    expect(status).toEqual({
      current: false,
      pending: ['9999_later'],
      mismatched: [
        {
          name: '0001_domain',
          appliedChecksum,
          fileChecksum: checksumOf(readFileSync(domain, 'utf8')),
        },
      ],
      unknown: [],
    });
    await expect(attempt).rejects.toThrow('Migration 0001_domain.sql changed after it was applied (checksum mismatch)');
    const { rows } = await db.query(`SELECT to_regclass('later') AS later`);
    expect(rows).toEqual([{ later: null }]);
  });

  it('rolls a failing migration back whole and keeps the ones before it', async () => {
    const db = await ctx.freshDatabase({ migrated: false });
    const directory = migrationsDirectory({
      '0001_first.sql': 'CREATE TABLE first_table (id integer);',
      '0002_broken.sql': 'CREATE TABLE second_table (id integer);\nINSERT INTO second_table VALUES (1 / 0);',
      '0003_never.sql': 'CREATE TABLE third_table (id integer);',
    });

    const attempt = migrate(db, { directory });

    await expect(attempt).rejects.toBeInstanceOf(MigrationFailed);
    await expect(attempt).rejects.toThrow('Migration 0002_broken.sql failed and was rolled back: division by zero');
    const { rows } = await db.query(
      `SELECT to_regclass('first_table') IS NOT NULL AS first, to_regclass('second_table') IS NOT NULL AS second`,
    );
    expect(rows).toEqual([{ first: true, second: false }]);
    expect(await migrationStatus(db, { directory })).toMatchObject({ pending: ['0002_broken', '0003_never'] });
  });

  it('reports applied migrations that this code does not know (a newer database)', async () => {
    const db = await ctx.freshDatabase({ migrated: false });
    const newer = migrationsDirectory({ '0001_a.sql': 'SELECT 1;', '0002_b.sql': 'SELECT 2;' });
    const older = migrationsDirectory({ '0001_a.sql': 'SELECT 1;' });
    await migrate(db, { directory: newer });

    const status = await migrationStatus(db, { directory: older });

    expect(status).toEqual({ current: true, pending: [], mismatched: [], unknown: ['0002_b'] });
    expect((await migrate(db, { directory: older })).applied).toEqual([]);
  });
});
