import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidMigration } from '../errors';

/** One file of the migrations directory. */
export interface MigrationFile {
  /** The number in the file name: 1 for 0001_domain.sql. */
  version: number;
  /** The file name without `.sql`: "0001_domain". */
  name: string;
  /** sha256 of the file, hex, line endings normalised to LF (a checkout with CRLF is the same migration). */
  checksum: string;
  sql: string;
}

/** wecena's own migrations: packages/db/migrations. */
export const MIGRATIONS_DIRECTORY = fileURLToPath(new URL('../../migrations', import.meta.url));

const MIGRATION_FILE = /^(?<version>\d{4})_(?<label>[a-z0-9_]+)\.sql$/;

/** Reads the migrations of a directory, in the order they apply. */
export async function readMigrationFiles(directory: string = MIGRATIONS_DIRECTORY): Promise<MigrationFile[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.sql')).sort();
  const migrations: MigrationFile[] = [];
  for (const fileName of names) {
    const match = MIGRATION_FILE.exec(fileName);
    if (match?.groups === undefined) {
      throw new InvalidMigration(
        `Migration file ${fileName} is not named NNNN_name.sql (four digits, then lowercase letters, digits and underscores)`,
      );
    }
    const version = Number(match.groups['version']);
    const previous = migrations.find((m) => m.version === version);
    if (previous !== undefined) {
      throw new InvalidMigration(`Migrations ${previous.name}.sql and ${fileName} share version ${version}`);
    }
    const sql = await readFile(join(directory, fileName), 'utf8');
    migrations.push({ version, name: fileName.slice(0, -'.sql'.length), checksum: checksumOf(sql), sql });
  }
  return migrations.sort((a, b) => a.version - b.version);
}

/** The checksum recorded for a migration's text. */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}
