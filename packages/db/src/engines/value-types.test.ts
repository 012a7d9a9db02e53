import type { Database } from '@wecena/db';
import { createPgliteTestDatabase, createPostgresTestDatabase, describeEachEngine, testEngines } from '@wecena/testkit';
import { describe, expect, it } from 'vitest';
import { parseBytea } from './value-types';

const VALUES_SQL = `
SELECT
  9007199254740993::int8                AS big,
  42::int4                              AS small,
  1.25::float8                          AS ratio,
  12.50::numeric(10, 2)                 AS amount,
  true                                  AS flag,
  '2026-03-01T08:30:00Z'::timestamptz   AS instant,
  '2026-03-01'::date                    AS day,
  '\\x00ff10'::bytea                    AS bytes,
  '{"a": [1, "b"]}'::jsonb              AS document,
  ARRAY['typescript', 'sql']::text[]    AS skills,
  ARRAY[1, 2]::int8[]                   AS ids,
  ARRAY['2026-03-01']::date[]           AS days,
  NULL::int8                            AS nothing,
  $1::bytea                             AS bytes_param,
  $2::timestamptz                       AS instant_param,
  $3::int8                              AS bigint_param,
  $4::date                              AS day_param,
  $5::bytea                             AS buffer_param`;

const PARAMS = [
  new Uint8Array([1, 2, 255]),
  new Date('2026-03-01T08:30:00.123Z'),
  9007199254740993n,
  '2026-03-02',
  Buffer.from('wecena'),
];

const EXPECTED = {
  big: '9007199254740993',
  small: 42,
  ratio: 1.25,
  amount: '12.50',
  flag: true,
  instant: new Date('2026-03-01T08:30:00Z'),
  day: '2026-03-01',
  bytes: new Uint8Array([0, 255, 16]),
  document: { a: [1, 'b'] },
  skills: ['typescript', 'sql'],
  ids: ['1', '2'],
  days: ['2026-03-01'],
  nothing: null,
  bytes_param: new Uint8Array([1, 2, 255]),
  instant_param: new Date('2026-03-01T08:30:00.123Z'),
  bigint_param: '9007199254740993',
  day_param: '2026-03-02',
  buffer_param: new Uint8Array(Buffer.from('wecena')),
};

/** Buffers (PostgreSQL) compared as plain Uint8Array, as callers may treat them. */
async function readValues(db: Database): Promise<Record<string, unknown>> {
  const { rows } = await db.query(VALUES_SQL, PARAMS);
  return Object.fromEntries(
    Object.entries(rows[0] ?? {}).map(([key, value]) => [key, value instanceof Uint8Array ? new Uint8Array(value) : value]),
  );
}

describeEachEngine('value types', (ctx) => {
  it('reads each PostgreSQL type as the JavaScript type Database documents', async () => {
    const values = await readValues(ctx.db());

    expect(values).toEqual(EXPECTED);
    expect(values['bytes']).toBeInstanceOf(Uint8Array);
    expect(values['instant']).toBeInstanceOf(Date);
  });

  it('stores and reads back bytea from a Uint8Array and from a Buffer', async () => {
    const db = ctx.db();
    await db.exec('CREATE TABLE probe_bytes (id integer PRIMARY KEY, body bytea NOT NULL)');
    const payload = new Uint8Array(12_700).map((_, i) => (i * 7) % 256);

    await db.query('INSERT INTO probe_bytes (id, body) VALUES ($1, $2), ($3, $4)', [1, payload, 2, Buffer.from(payload)]);

    const { rows } = await db.query<{ body: Uint8Array }>('SELECT body FROM probe_bytes ORDER BY id');
    expect(rows.map((row) => new Uint8Array(row.body))).toEqual([payload, payload]);
  });
});

const postgres = testEngines().find((engine) => engine.engine === 'postgres');

describe('value types across engines', () => {
  it.skipIf(postgres?.status === 'skip')('reads the same query identically on PGlite and PostgreSQL', async () => {
    if (postgres?.status !== 'run') throw new Error(postgres?.reason ?? 'no PostgreSQL engine');
    const pglite = await createPgliteTestDatabase({ migrated: false });
    const server = await createPostgresTestDatabase(postgres.url, { migrated: false });
    try {
      const [fromPglite, fromPostgres] = await Promise.all([readValues(pglite.db), readValues(server.db)]);

      expect(fromPglite).toEqual(fromPostgres);
    } finally {
      await Promise.all([pglite.dispose(), server.dispose()]);
    }
  });
});

describe('reading bytea text', () => {
  it.each([
    { name: 'hex output', text: '\\x7b22c3a9227d', expected: [0x7b, 0x22, 0xc3, 0xa9, 0x22, 0x7d] },
    { name: 'empty hex', text: '\\x', expected: [] },
    { name: 'escape output with octal and backslashes', text: 'a\\000\\\\b\\377', expected: [0x61, 0x00, 0x5c, 0x62, 0xff] },
  ])('decodes $name', ({ text, expected }) => {
    expect(Array.from(parseBytea(text))).toEqual(expected);
  });
});
