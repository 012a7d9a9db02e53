import { describe, expect, it } from 'vitest';
import { InvalidDatabaseOptions } from './errors';
import { type OpenDatabaseOptions, openDatabase } from './open-database';

describe('openDatabase', () => {
  it.each<{ name: string; options: OpenDatabaseOptions; message: string }>([
    { name: 'an empty PostgreSQL URL', options: { url: ' ' }, message: 'The PostgreSQL URL is empty' },
    { name: 'a pool of no connection', options: { url: 'postgres://localhost/wecena', poolSize: 0 }, message: 'The pool size must be a positive integer, got 0' },
    { name: 'an empty data directory', options: { dataDir: '' }, message: 'Give a PostgreSQL url, a PGlite dataDir, or memory: true' },
  ])('refuses $name', async ({ options, message }) => {
    const opening = openDatabase(options);

    await expect(opening).rejects.toBeInstanceOf(InvalidDatabaseOptions);
    await expect(opening).rejects.toThrow(message);
  });

  it('fails at open, not at the first query, when PostgreSQL cannot be reached', async () => {
    await expect(openDatabase({ url: 'postgres://wecena:secret@127.0.0.1:1/wecena' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it.each<{ name: string; options: OpenDatabaseOptions }>([
    { name: 'memory: true', options: { memory: true } },
    { name: 'dataDir memory://', options: { dataDir: 'memory://' } },
  ])('opens PGlite in memory with $name', async ({ options }) => {
    const db = await openDatabase(options);
    try {
      expect(db.engine).toBe('pglite');
      expect(db.description).toBe('PGlite in memory');
      await expect(db.query('SELECT 1 AS one')).resolves.toEqual({ rows: [{ one: 1 }], rowCount: 1 });
    } finally {
      await db.close();
    }
  });
});
