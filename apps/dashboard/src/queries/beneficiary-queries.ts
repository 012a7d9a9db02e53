import type { Queryable } from '@wecena/db';
import { z } from '@hono/zod-openapi';

export interface ReceivedLine {
  sponsor: { id: string; name: string };
  year: number;
  /** Approved or adjusted credits: what the sponsor confirmed. */
  minutes: number;
  valuationCents: number;
  /** Credits still waiting for the sponsor's review. */
  pendingMinutes: number;
}

export interface Throughput {
  /** Tasks done, with their lead time from the moment wecena first saw them to done. */
  done: number;
  medianLeadHours: number | null;
  p90LeadHours: number | null;
  waiting: { id: string; title: string; url: string; readySince: Date }[];
}

const Bigint = z.union([z.string(), z.number()]).transform(Number);

const ReceivedRow = z.object({
  sponsor_id: z.string(),
  sponsor_name: z.string(),
  year: Bigint,
  minutes: Bigint,
  valuation_cents: Bigint,
  pending_minutes: Bigint,
});

/** Hours and valuation a beneficiary received, per sponsor and year (UTC), from the ledger. */
export async function listReceived(db: Queryable, beneficiaryId: string): Promise<ReceivedLine[]> {
  const { rows } = await db.query(
    `WITH current AS (
       SELECT cr.id, cr.sponsor_id, extract(year FROM cr.landed_at AT TIME ZONE 'UTC')::int AS year,
              sum(e.minutes) AS minutes, sum(e.valuation_cents) AS valuation_cents,
              (array_agg(e.review_status ORDER BY e.id DESC))[1] AS review_status
         FROM contributions cr JOIN contributions e ON e.id = cr.id OR e.refers_to = cr.id
        WHERE cr.kind = 'credit' AND cr.beneficiary_id = $1::bigint
        GROUP BY cr.id
     )
     SELECT s.id::text AS sponsor_id, s.name AS sponsor_name, current.year,
            coalesce(sum(current.minutes) FILTER (WHERE review_status IN ('approved', 'adjusted')), 0)::bigint AS minutes,
            coalesce(sum(current.valuation_cents) FILTER (WHERE review_status IN ('approved', 'adjusted')), 0)::bigint AS valuation_cents,
            coalesce(sum(current.minutes) FILTER (WHERE review_status = 'pending'), 0)::bigint AS pending_minutes
       FROM current JOIN sponsors s ON s.id = current.sponsor_id
      GROUP BY s.id, s.name, current.year
      ORDER BY current.year DESC, s.name`,
    [beneficiaryId],
  );
  return rows.map((raw) => {
    const row = ReceivedRow.parse(raw);
    return {
      sponsor: { id: row.sponsor_id, name: row.sponsor_name },
      year: row.year,
      minutes: row.minutes,
      valuationCents: row.valuation_cents,
      pendingMinutes: row.pending_minutes,
    };
  });
}

const LeadRow = z.object({ done: Bigint, median: z.number().nullable(), p90: z.number().nullable() });
const WaitingRow = z.object({ id: z.string(), title: z.string(), url: z.string(), state_changed_at: z.date() });

/** How fast the beneficiary's tasks get done, and which wait for someone now. */
export async function readThroughput(db: Queryable, beneficiaryId: string): Promise<Throughput> {
  const lead = await db.query(
    `SELECT count(*)::bigint AS done,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.state_changed_at - t.created_at) / 3600))::float8 AS median,
            (percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.state_changed_at - t.created_at) / 3600))::float8 AS p90
       FROM tasks t JOIN repositories r ON r.id = t.repository_id
      WHERE r.beneficiary_id = $1::bigint AND t.state = 'done'`,
    [beneficiaryId],
  );
  const waiting = await db.query(
    `SELECT t.id::text AS id, t.title, t.url, t.state_changed_at
       FROM tasks t JOIN repositories r ON r.id = t.repository_id
      WHERE r.beneficiary_id = $1::bigint AND t.state = 'ready'
      ORDER BY t.state_changed_at, t.id`,
    [beneficiaryId],
  );
  const row = LeadRow.parse(lead.rows[0]);
  return {
    done: row.done,
    medianLeadHours: row.median,
    p90LeadHours: row.p90,
    waiting: waiting.rows.map((raw) => {
      const task = WaitingRow.parse(raw);
      return { id: task.id, title: task.title, url: task.url, readySince: task.state_changed_at };
    }),
  };
}

const NameRow = z.object({ name: z.string(), legal_name: z.string() });

/** The beneficiary's name and legal name, or null. */
export async function findBeneficiary(db: Queryable, beneficiaryId: string): Promise<{ name: string; legalName: string } | null> {
  const { rows } = await db.query('SELECT name, legal_name FROM beneficiaries WHERE id = $1::bigint', [beneficiaryId]);
  if (rows[0] === undefined) return null;
  const row = NameRow.parse(rows[0]);
  return { name: row.name, legalName: row.legal_name };
}

export interface BeneficiaryRepository {
  id: string;
  host: string;
  path: string;
  /** Open issues discovery found suitable, and near-misses, at the last scan. */
  suitable: number;
  nearMisses: number;
}

const RepositoryRow = z.object({ id: z.string(), host: z.string(), path: z.string(), suitable: Bigint, near_misses: Bigint });

/** The beneficiary's enabled repositories, each with its count of discovered candidates. */
export async function listRepositories(db: Queryable, beneficiaryId: string): Promise<BeneficiaryRepository[]> {
  const { rows } = await db.query(
    `SELECT r.id::text AS id, r.host, r.path,
            count(d.issue_number) FILTER (WHERE d.suitable)::bigint AS suitable,
            count(d.issue_number) FILTER (WHERE NOT d.suitable)::bigint AS near_misses
       FROM repositories r
       LEFT JOIN discovered_issues d ON d.repository_id = r.id AND d.refused IS NULL
        AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.repository_id = d.repository_id AND t.issue_number = d.issue_number
                           AND t.state NOT IN ('candidate', 'withdrawn'))
      WHERE r.beneficiary_id = $1::bigint AND r.enabled
      GROUP BY r.id, r.host, r.path
      ORDER BY r.path, r.id`,
    [beneficiaryId],
  );
  return rows.map((raw) => {
    const row = RepositoryRow.parse(raw);
    return { id: row.id, host: row.host, path: row.path, suitable: row.suitable, nearMisses: row.near_misses };
  });
}
