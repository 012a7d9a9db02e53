import type { Queryable } from '@wecena/db';
import { z } from '@hono/zod-openapi';
import { pageOf } from './page';

export type ReviewStatus = 'pending' | 'approved' | 'adjusted' | 'rejected';

/**
 * A credit of the ledger as it stands now: its minutes and valuation are the sum of the
 * credit and every correction referring to it; its review status is that of its latest entry.
 */
export interface ContributionView {
  id: string;
  task: { id: string; title: string; url: string };
  consultant: { id: string; name: string };
  sponsor: { id: string; name: string };
  beneficiary: { id: string; name: string };
  changeRequestUrl: string | null;
  confirmedBy: string | null;
  landedAt: Date;
  minutes: number;
  valuationCents: number;
  /** The minutes were the task's estimate, not logged time. */
  estimated: boolean;
  reviewStatus: ReviewStatus;
  /** Why the latest correction was made. */
  reason: string | null;
}

const Bigint = z.union([z.string(), z.number()]).transform(Number);

const ContributionRow = z.object({
  id: z.string(),
  task_id: z.string(),
  title: z.string(),
  url: z.string(),
  consultant_id: z.string(),
  consultant_name: z.string(),
  sponsor_id: z.string(),
  sponsor_name: z.string(),
  beneficiary_id: z.string(),
  beneficiary_name: z.string(),
  change_request_url: z.string().nullable(),
  confirmed_by: z.string().nullable(),
  landed_at: z.date(),
  minutes: Bigint,
  valuation_cents: Bigint,
  estimated: z.boolean(),
  review_status: z.enum(['pending', 'approved', 'adjusted', 'rejected']),
  reason: z.string().nullable(),
});

export interface ContributionFilter {
  sponsorId?: string;
  consultantId?: string;
  beneficiaryId?: string;
  status?: ReviewStatus;
  /** Only credits whose work landed in this calendar year (UTC). */
  year?: number;
  /** Only these credits. */
  ids?: string[];
  /** Only credits listed after this one (a page's last), in the list's order. */
  afterId?: string;
  /** At most this many. */
  limit?: number;
}

/** Credits with their current value and status, the most recent first. */
export async function listContributions(db: Queryable, filter: ContributionFilter): Promise<ContributionView[]> {
  const { rows } = await db.query(
    `WITH current AS (
       SELECT cr.id,
              sum(e.minutes) AS minutes,
              sum(e.valuation_cents) AS valuation_cents,
              (array_agg(e.review_status ORDER BY e.id DESC))[1] AS review_status,
              (array_agg(e.reason ORDER BY e.id DESC))[1] AS reason
         FROM contributions cr
         JOIN contributions e ON e.id = cr.id OR e.refers_to = cr.id
        WHERE cr.kind = 'credit'
          AND ($1::bigint IS NULL OR cr.sponsor_id = $1::bigint)
          AND ($2::bigint IS NULL OR cr.consultant_id = $2::bigint)
          AND ($3::bigint IS NULL OR cr.beneficiary_id = $3::bigint)
          AND ($4::int IS NULL OR extract(year FROM cr.landed_at AT TIME ZONE 'UTC') = $4::int)
          AND ($5::bigint[] IS NULL OR cr.id = ANY ($5::bigint[]))
        GROUP BY cr.id
     )
     SELECT cr.id::text AS id, t.id::text AS task_id, t.title, t.url,
            c.id::text AS consultant_id, c.display_name AS consultant_name,
            s.id::text AS sponsor_id, s.name AS sponsor_name,
            b.id::text AS beneficiary_id, b.name AS beneficiary_name,
            cr.change_request_url, cr.confirmed_by, cr.landed_at, cr.estimated,
            current.minutes::bigint AS minutes, current.valuation_cents::bigint AS valuation_cents,
            current.review_status, current.reason
       FROM current
       JOIN contributions cr ON cr.id = current.id
       JOIN tasks t ON t.id = cr.task_id
       JOIN consultants c ON c.id = cr.consultant_id
       JOIN sponsors s ON s.id = cr.sponsor_id
       JOIN beneficiaries b ON b.id = cr.beneficiary_id
      WHERE ($6::text IS NULL OR current.review_status = $6)
        AND ($7::bigint IS NULL OR (cr.landed_at, cr.id) < (SELECT a.landed_at, a.id FROM contributions a WHERE a.id = $7::bigint))
      ORDER BY cr.landed_at DESC, cr.id DESC
      LIMIT $8`,
    [
      filter.sponsorId ?? null,
      filter.consultantId ?? null,
      filter.beneficiaryId ?? null,
      filter.year ?? null,
      filter.ids ?? null,
      filter.status ?? null,
      filter.afterId ?? null,
      filter.limit ?? null,
    ],
  );
  return rows.map((raw) => {
    const row = ContributionRow.parse(raw);
    return {
      id: row.id,
      task: { id: row.task_id, title: row.title, url: row.url },
      consultant: { id: row.consultant_id, name: row.consultant_name },
      sponsor: { id: row.sponsor_id, name: row.sponsor_name },
      beneficiary: { id: row.beneficiary_id, name: row.beneficiary_name },
      changeRequestUrl: row.change_request_url,
      confirmedBy: row.confirmed_by,
      landedAt: row.landed_at,
      minutes: row.minutes,
      valuationCents: row.valuation_cents,
      estimated: row.estimated,
      reviewStatus: row.review_status,
      reason: row.reason,
    };
  });
}

/** A page of credits: those after `afterId`, the most recent first, and the id to read the next page after (null on the last). */
export async function listContributionPage(
  db: Queryable,
  filter: Omit<ContributionFilter, 'limit' | 'afterId'>,
  page: { limit: number; afterId?: string },
): Promise<{ contributions: ContributionView[]; lastId: string | null }> {
  const rows = await listContributions(db, { ...filter, afterId: page.afterId, limit: page.limit + 1 });
  const { rows: contributions, nextKey } = pageOf(rows, page.limit, (contribution) => contribution.id);
  return { contributions, lastId: nextKey };
}
