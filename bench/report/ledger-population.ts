import { DEFAULT_APPROVAL_REASON } from '@wecena/core';
import type { Database } from '@wecena/db';

/*
 * A generated ledger, the same on every run and both engines: the people and agreements are a
 * few hundred rows sent as multi-row INSERTs; tasks and ledger entries are made by the database
 * itself from generate_series, a batch of credits per statement, with hashint8 of the credit's
 * number (salted per choice) as the dice. The ledger is append-only: only INSERTs, credits first
 * (ids 1..C, given), then their corrections, which the correction trigger checks one by one.
 *
 * - 5 years of work, landing uniformly from 2021-01-01 to 2025-12-31 (UTC), in the order of the
 *   credits' ids, as a ledger written day after day is;
 * - 10 sponsors of unequal size: 30, 20, 12, 10, 8, 6, 5, 4, 3 and 2% of the 1,000 consultants
 *   (hourly cost 35 to 90 €), so of the credits;
 * - 200 beneficiaries, two repositories each; each sponsor has agreements with 12 of them,
 *   starting a month apart from January 2021, the last one ended mid-2023; 95% of a sponsor's
 *   credits go to those 12, 5% to any beneficiary (often outside any agreement);
 * - one task per credit; 85% of credits have a merged change request, 15% are confirmed by a
 *   maintainer; 30 min to 8 h each, 20% of them the estimate;
 * - reviews: 15% of credits pending, 70% approved, 6% adjusted, 4% rejected (a reversal), 5%
 *   approved then adjusted (two entries): 0.9 correction per credit, recorded 1 to 60 days after
 *   the work landed.
 */

export const FIRST_YEAR = 2021;
export const YEARS = 5;
const SPONSOR_SHARES = [30, 20, 12, 10, 8, 6, 5, 4, 3, 2];
const CONSULTANTS = 1_000;
const BENEFICIARIES = 200;
const PARTNERS_PER_SPONSOR = 12;
/** Ledger entries per credit: the credit and 0.9 correction on average (see the review shares above). */
const ENTRIES_PER_CREDIT = 1.9;
const CREDITS_PER_STATEMENT = 50_000;
const SECONDS_OF_YEARS = (Date.UTC(FIRST_YEAR + YEARS, 0, 1) - Date.UTC(FIRST_YEAR, 0, 1)) / 1000;

/** A credit's dice for one choice: a number in [0, 2^31) from its number (`of`) and a salt. */
function dice(salt: number, of = 'g.i'): string {
  return `(hashint8(${of} * 16 + ${salt}) & 2147483647)`;
}

/** One multi-row INSERT of `rows` into `table` (columns from this file only, values as parameters). */
async function insertRows(db: Database, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const params: unknown[] = [];
  const tuples = rows.map((row) => `(${row.map((value) => (params.push(value), `$${params.length}`)).join(', ')})`);
  await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
}

function sponsorOfConsultant(consultant: number): number {
  let threshold = 0;
  for (const [index, share] of SPONSOR_SHARES.entries()) {
    threshold += (share * CONSULTANTS) / 100;
    if (consultant <= threshold) return index + 1;
  }
  return SPONSOR_SHARES.length;
}

function partnerOf(sponsor: number, rank: number): number {
  return (((sponsor - 1) * PARTNERS_PER_SPONSOR + rank) % BENEFICIARIES) + 1;
}

function isoDay(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

async function insertPeople(db: Database): Promise<void> {
  await insertRows(
    db,
    'sponsors',
    ['id', 'name', 'legal_name', 'siren', 'address', 'default_cost_rate_cents'],
    SPONSOR_SHARES.map((_, index) => [index + 1, `Sponsor ${index + 1}`, `Sponsor ${index + 1} SAS`, String(100_000_000 + index), '1 rue de la Paix\n75002 Paris', 5_000]),
  );
  await insertRows(
    db,
    'consultants',
    ['id', 'sponsor_id', 'display_name', 'cost_rate_cents'],
    Array.from({ length: CONSULTANTS }, (_, index) => [index + 1, sponsorOfConsultant(index + 1), `Consultant ${index + 1}`, 3_500 + ((index * 37) % 56) * 100]),
  );
  await insertRows(
    db,
    'beneficiaries',
    ['id', 'kind', 'name', 'eligibility', 'licence', 'legal_name'],
    Array.from({ length: BENEFICIARIES }, (_, index) => [index + 1, 'free_software', `Project ${index + 1}`, 'osi_approved_licence', 'MIT', `Association ${index + 1}`]),
  );
  await insertRows(
    db,
    'repositories',
    ['id', 'forge', 'host', 'forge_id', 'path', 'beneficiary_id'],
    Array.from({ length: BENEFICIARIES * 2 }, (_, index) => [index + 1, 'github', 'github.com', String(index + 1), `project-${(index >> 1) + 1}/repo-${index + 1}`, (index >> 1) + 1]),
  );
  const agreements = SPONSOR_SHARES.flatMap((_, index) =>
    Array.from({ length: PARTNERS_PER_SPONSOR }, (__, rank) => {
      const from = isoDay(FIRST_YEAR, 1 + rank, 1);
      return [index + 1, partnerOf(index + 1, rank), from, from, rank === PARTNERS_PER_SPONSOR - 1 ? '2023-06-30' : null];
    }),
  );
  await insertRows(db, 'agreements', ['sponsor_id', 'beneficiary_id', 'signed_on', 'valid_from', 'valid_to'], agreements);
}

/*
 * Credits $1..$2 of $3: the consultant (uniform, so sponsors weigh as their staff), a beneficiary
 * (a partner of the sponsor 95% of the time), the landing instant, minutes and valuation.
 */
const CREDIT_SOURCE = `
  SELECT g.i,
         c.id AS consultant_id, c.sponsor_id, c.cost_rate_cents,
         CASE WHEN ${dice(2)} % 100 < 95
              THEN ((c.sponsor_id - 1) * ${PARTNERS_PER_SPONSOR} + ${dice(3)} % ${PARTNERS_PER_SPONSOR}) % ${BENEFICIARIES} + 1
              ELSE ${dice(4)} % ${BENEFICIARIES} + 1 END AS beneficiary_id,
         timestamptz '${FIRST_YEAR}-01-01T00:00:00Z' + make_interval(secs => floor((g.i - ${dice(5)} / 2147483648.0) / $3::float8 * ${SECONDS_OF_YEARS})) AS landed_at,
         30 + ${dice(6)} % 451 AS minutes,
         ${dice(7)} % 100 < 20 AS estimated,
         ${dice(8)} % 100 < 85 AS merged,
         ${dice(9)} % 2 AS repository_rank
    FROM generate_series($1::bigint, $2::bigint) AS g(i)
    JOIN consultants c ON c.id = ${dice(1)} % ${CONSULTANTS} + 1`;

async function insertCredits(db: Database, first: number, last: number, credits: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO tasks (id, repository_id, issue_number, issue_forge_id, title, url, state, estimate_minutes, created_at, updated_at, state_changed_at)
       SELECT s.i, (s.beneficiary_id - 1) * 2 + s.repository_rank + 1, s.i, s.i::text, 'Task ' || s.i || ': make the volunteer sign-up form accessible',
              'https://github.com/project-' || s.beneficiary_id || '/repo-' || ((s.beneficiary_id - 1) * 2 + s.repository_rank + 1) || '/issues/' || s.i,
              'done', s.minutes, s.landed_at, s.landed_at, s.landed_at
         FROM (${CREDIT_SOURCE}) s`,
      [first, last, credits],
    );
    await tx.query(
      `INSERT INTO contributions (id, kind, task_id, consultant_id, sponsor_id, beneficiary_id, change_request_url, confirmed_by,
                                  landed_at, minutes, estimated, valuation_cents, review_status, recorded_by, recorded_at)
       SELECT s.i, 'credit', s.i, s.consultant_id, s.sponsor_id, s.beneficiary_id,
              CASE WHEN s.merged THEN 'https://github.com/project-' || s.beneficiary_id || '/repo-' || ((s.beneficiary_id - 1) * 2 + s.repository_rank + 1) || '/pull/' || s.i END,
              CASE WHEN s.merged THEN NULL ELSE 'maintainer-' || s.beneficiary_id END,
              s.landed_at, s.minutes, s.estimated, round(s.minutes * s.cost_rate_cents / 60.0)::bigint, 'pending', 'wecena', s.landed_at
         FROM (${CREDIT_SOURCE}) s`,
      [first, last, credits],
    );
  });
}

/*
 * The corrections of credits first..last, read back from the ledger: outcome by the credit's
 * dice (0-14 pending, 15-84 approved, 85-90 adjusted, 91-94 rejected, 95-99 approved then
 * adjusted); an adjustment takes 30 minutes off a credit of more than 1h30, else adds 30.
 */
async function insertCorrections(db: Database, first: number, last: number, firstId: number): Promise<number> {
  const { rowCount } = await db.query(
    `WITH credit AS (
       SELECT k.id, k.task_id, k.consultant_id, k.sponsor_id, k.beneficiary_id, k.landed_at, k.minutes, k.estimated, k.valuation_cents,
              ${dice(10, 'k.id')} % 100 AS outcome, 1 + ${dice(11, 'k.id')} % 60 AS review_day,
              c.cost_rate_cents
         FROM contributions k JOIN consultants c ON c.id = k.consultant_id
        WHERE k.id BETWEEN $1::bigint AND $2::bigint
     ), correction AS (
       SELECT credit.*, step.n, step.kind, step.status,
              CASE WHEN step.kind = 'reversal' THEN -credit.minutes
                   WHEN step.status = 'adjusted' THEN CASE WHEN credit.minutes > 90 THEN -30 ELSE 30 END
                   ELSE 0 END AS delta
         FROM credit
         JOIN LATERAL (VALUES
           (1, CASE WHEN credit.outcome BETWEEN 91 AND 94 THEN 'reversal' ELSE 'adjustment' END,
               CASE WHEN credit.outcome BETWEEN 85 AND 90 THEN 'adjusted' WHEN credit.outcome BETWEEN 91 AND 94 THEN 'rejected' ELSE 'approved' END),
           (2, 'adjustment', 'adjusted')
         ) AS step(n, kind, status) ON credit.outcome >= 15 AND (step.n = 1 OR credit.outcome >= 95)
     )
     INSERT INTO contributions (id, kind, refers_to, task_id, consultant_id, sponsor_id, beneficiary_id, landed_at, minutes, estimated,
                                valuation_cents, review_status, reason, recorded_by, recorded_at)
     SELECT $3::bigint + row_number() OVER (ORDER BY id, n) - 1, kind, id, task_id, consultant_id, sponsor_id, beneficiary_id, landed_at,
            delta, estimated,
            CASE WHEN kind = 'reversal' THEN -valuation_cents
                 ELSE round((minutes + delta) * cost_rate_cents / 60.0)::bigint - valuation_cents END,
            status,
            CASE status WHEN 'approved' THEN $4 WHEN 'adjusted' THEN 'the review took a different time' ELSE 'not wecena work' END,
            'reviewer:1', landed_at + make_interval(days => review_day + 7 * (n - 1))
       FROM correction
      ORDER BY id, n`,
    [first, last, firstId, DEFAULT_APPROVAL_REASON],
  );
  return rowCount;
}

/** Fills the migrated, empty database with about `entries` ledger entries; calls `progress` after each batch. */
export async function generateLedger(db: Database, entries: number, progress: (entriesSoFar: number) => void): Promise<void> {
  await insertPeople(db);
  const credits = Math.max(1, Math.round(entries / ENTRIES_PER_CREDIT));
  let corrections = 0;
  for (let first = 1; first <= credits; first += CREDITS_PER_STATEMENT) {
    const last = Math.min(credits, first + CREDITS_PER_STATEMENT - 1);
    await insertCredits(db, first, last, credits);
    // Corrections get ids past every credit's, in the order they were recorded in each batch.
    corrections += await insertCorrections(db, first, last, credits + corrections + 1);
    progress(last + corrections);
  }
  // The ids were given: the sequences go past them, as if the rows had been written one by one.
  for (const table of ['sponsors', 'consultants', 'beneficiaries', 'repositories', 'tasks', 'contributions']) {
    await db.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  // What autovacuum does on a PostgreSQL server after such a load; PGlite needs it said.
  await db.exec('ANALYZE');
}

export interface LedgerShape {
  entries: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  byYear: Record<string, number>;
  sponsors: { id: string; entries: number }[];
  consultants: number;
  beneficiaries: number;
  tasks: number;
  agreements: number;
}

/** What the generated ledger holds, counted from the database. */
export async function describeLedger(db: Database): Promise<LedgerShape> {
  const count = async (sql: string): Promise<Record<string, number>> =>
    Object.fromEntries((await db.query<{ key: string; count: string }>(sql)).rows.map((row) => [row.key, Number(row.count)]));
  const byKind = await count('SELECT kind AS key, count(*) AS count FROM contributions GROUP BY kind ORDER BY kind');
  const sponsors = await count('SELECT sponsor_id::text AS key, count(*) AS count FROM contributions GROUP BY sponsor_id ORDER BY count(*) DESC');
  const totals = await count(
    `SELECT 'consultants' AS key, count(*) AS count FROM consultants UNION ALL SELECT 'beneficiaries', count(*) FROM beneficiaries
     UNION ALL SELECT 'tasks', count(*) FROM tasks UNION ALL SELECT 'agreements', count(*) FROM agreements`,
  );
  return {
    entries: Object.values(byKind).reduce((sum, value) => sum + value, 0),
    byKind,
    byStatus: await count("SELECT review_status AS key, count(*) AS count FROM contributions WHERE kind <> 'credit' GROUP BY review_status ORDER BY review_status"),
    byYear: await count(`SELECT to_char(landed_at AT TIME ZONE 'UTC', 'YYYY') AS key, count(*) AS count FROM contributions GROUP BY 1 ORDER BY 1`),
    sponsors: Object.entries(sponsors).map(([id, entries]) => ({ id, entries })),
    consultants: totals.consultants ?? 0,
    beneficiaries: totals.beneficiaries ?? 0,
    tasks: totals.tasks ?? 0,
    agreements: totals.agreements ?? 0,
  };
}
