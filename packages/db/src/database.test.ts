import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { DatabaseClosed, TransactionMisuse } from './errors';

describeEachEngine('Database', (ctx) => {
  it('runs a parameterised query and counts its rows', async () => {
    const db = ctx.db();
    await db.exec('CREATE TABLE probe_counts (id integer PRIMARY KEY, label text NOT NULL)');

    const inserted = await db.query('INSERT INTO probe_counts (id, label) VALUES ($1, $2), ($3, $4)', [1, 'a', 2, 'b']);
    const updated = await db.query('UPDATE probe_counts SET label = $1 WHERE id = $2', ['c', 2]);
    const selected = await db.query<{ id: number; label: string }>('SELECT id, label FROM probe_counts ORDER BY id');
    const created = await db.query('CREATE TABLE probe_counts_empty (id integer)');

    expect(inserted.rowCount).toBe(2);
    expect(updated.rowCount).toBe(1);
    expect(selected.rows).toEqual([
      { id: 1, label: 'a' },
      { id: 2, label: 'c' },
    ]);
    expect(selected.rowCount).toBe(2);
    expect(created.rowCount).toBe(0);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const db = ctx.db();
    await db.exec('CREATE TABLE probe_tx (label text PRIMARY KEY)');

    const result = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO probe_tx (label) VALUES ($1)', ['kept']);
      return 'committed';
    });
    const failure = db.transaction(async (tx) => {
      await tx.query('INSERT INTO probe_tx (label) VALUES ($1)', ['undone']);
      throw new Error('changed my mind');
    });

    expect(result).toBe('committed');
    await expect(failure).rejects.toThrow('changed my mind');
    const { rows } = await db.query<{ label: string }>('SELECT label FROM probe_tx ORDER BY label');
    expect(rows.map((row) => row.label)).toEqual(['kept']);
  });

  it('never lets a plain query slip into another caller’s transaction', async () => {
    const db = ctx.db();
    await db.exec('CREATE TABLE probe_isolation (label text PRIMARY KEY)');
    let insideTransaction!: () => void;
    const transactionStarted = new Promise<void>((resolve) => {
      insideTransaction = resolve;
    });

    const rolledBack = db.transaction(async (tx) => {
      await tx.query('INSERT INTO probe_isolation (label) VALUES ($1)', ['rolled back']);
      insideTransaction();
      // Give the plain insert every chance to run while this transaction is open.
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('roll back');
    });
    await transactionStarted;
    const plainInsert = db.query('INSERT INTO probe_isolation (label) VALUES ($1)', ['committed alone']);

    await expect(rolledBack).rejects.toThrow('roll back');
    await plainInsert;
    const { rows } = await db.query<{ label: string }>('SELECT label FROM probe_isolation');
    expect(rows.map((row) => row.label)).toEqual(['committed alone']);
  });

  it('commits concurrent transactions, each whole', async () => {
    const db = ctx.db();
    await db.exec('CREATE TABLE probe_concurrent (writer integer, n integer, PRIMARY KEY (writer, n))');

    await Promise.all(
      [1, 2, 3, 4, 5].map((writer) =>
        db.transaction(async (tx) => {
          for (let n = 0; n < 5; n++) {
            await tx.query('INSERT INTO probe_concurrent (writer, n) VALUES ($1, $2)', [writer, n]);
          }
        }),
      ),
    );

    const { rows } = await db.query<{ count: string }>('SELECT count(*) AS count FROM probe_concurrent');
    expect(rows[0]?.count).toBe('25');
  });

  it('runs a script of several statements, in a transaction or not', async () => {
    const db = ctx.db();

    await db.exec('CREATE TABLE probe_script (n integer); INSERT INTO probe_script VALUES (1); INSERT INTO probe_script VALUES (2);');
    await db.transaction((tx) => tx.exec('INSERT INTO probe_script VALUES (3); INSERT INTO probe_script VALUES (4);'));
    await expect(
      db.transaction((tx) => tx.exec('INSERT INTO probe_script VALUES (5); SELECT 1 / 0;')),
    ).rejects.toThrow(/division by zero/);

    const { rows } = await db.query<{ total: string }>('SELECT sum(n) AS total FROM probe_script');
    expect(rows[0]?.total).toBe('10');
  });

  it('refuses the database itself from inside its own transaction, and a transaction used after its end', async () => {
    const db = ctx.db();
    let leaked: Parameters<Parameters<typeof db.transaction>[0]>[0] | undefined;

    const misuse = db.transaction(async (tx) => {
      leaked = tx;
      await db.query('SELECT 1');
    });

    await expect(misuse).rejects.toBeInstanceOf(TransactionMisuse);
    await expect(misuse).rejects.toThrow('use the transaction given to the callback');
    await expect(leaked?.query('SELECT 1')).rejects.toThrow('The transaction has already ended');
    // The database itself is still usable once the transaction is over.
    await expect(db.query('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });

  it('reports where it lives, without a password', () => {
    const { description, engine } = ctx.db();

    expect(description).toMatch(engine === 'pglite' ? /^PGlite in / : /^PostgreSQL at [^@]+:\d+\/wecena_test_/);
  });

  it('refuses queries once closed, and closes once', async () => {
    const db = await ctx.freshDatabase({ migrated: false });

    await Promise.all([db.close(), db.close()]);

    await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(DatabaseClosed);
    await expect(db.transaction(async () => undefined)).rejects.toThrow(`${db.description} is closed`);
  });
});
