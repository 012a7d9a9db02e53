import { type AdminOutcome, type Database, migrate, openDatabase } from '@wecena/db';
import { configFromEnvironment, databaseOptions } from '../environment';
import { AdminInputError } from './input';

/** Exit code of input refused before anything was written (a typo, an unknown name, a clash). */
export const EXIT_BAD_INPUT = 2;

/** The value of an admin outcome; a refusal becomes an input problem (exit code 2, nothing written). */
export function unwrap<T>(outcome: AdminOutcome<T>): T {
  if (!outcome.ok) throw new AdminInputError(outcome.problem);
  return outcome.value;
}

/**
 * Runs one admin action: input problems are one line on stderr and exit code 2; a fault of the
 * database (unreachable, data directory in use by `wecena serve`) is one line and exit code 1.
 */
export function adminAction<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (error instanceof AdminInputError) {
        process.stderr.write(`wecena admin: ${error.problem}\n`);
        process.exitCode = EXIT_BAD_INPUT;
        return;
      }
      process.stderr.write(`wecena admin: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  };
}

/** Opens the database of the environment, brings its schema up to date, runs `use`, and closes it. */
export async function withDatabase<T>(use: (db: Database) => Promise<T>): Promise<T> {
  const config = configFromEnvironment();
  const db = await openDatabase(
    config.database.kind === 'pglite' ? { dataDir: config.database.dataDir, lockOwner: 'wecena admin' } : databaseOptions(config),
  );
  try {
    await migrate(db);
    return await use(db);
  } finally {
    await db.close();
  }
}

/** Prints `lines` for a person, or `value` as JSON with `--json`. */
export function report(options: { json?: boolean }, value: unknown, lines: readonly string[]): void {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : lines.map((line) => `${line}\n`).join(''));
}

/** Rows as aligned columns, two spaces apart; the last column is not padded. */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0))).join('  ').trimEnd());
}

/** `450.00 EUR/h` from cents. */
export function formatRate(cents: number | null): string {
  return cents === null ? '-' : `${(cents / 100).toFixed(2)} EUR/h`;
}

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
