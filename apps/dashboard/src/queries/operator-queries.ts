import type { Queryable } from '@wecena/db';
import { z } from '@hono/zod-openapi';

export interface RepositoryLink {
  id: string;
  forge: 'github' | 'gitlab';
  host: string;
  path: string;
  enabled: boolean;
  beneficiary: string | null;
  beneficiaryId: string | null;
  /** Where the discovery scan of its open issues stands; null before the first scan. */
  scan: { pages: number; issuesSeen: number; finishedAt: Date | null; resumeAt: Date | null } | null;
}

export interface ParkedDelivery {
  source: string;
  deliveryId: string;
  eventName: string;
  receivedAt: Date;
  attempts: number;
  lastError: string | null;
}

const RepositoryRow = z.object({
  id: z.string(),
  forge: z.enum(['github', 'gitlab']),
  host: z.string(),
  path: z.string(),
  enabled: z.boolean(),
  beneficiary: z.string().nullable(),
  beneficiary_id: z.string().nullable(),
  scan_pages: z.number().nullable(),
  scan_issues_seen: z.number().nullable(),
  scan_finished_at: z.date().nullable(),
  scan_resume_at: z.date().nullable(),
});

/** Every repository with the beneficiary it is linked to (null: its work counts for no one yet). */
export async function listRepositoryLinks(db: Queryable): Promise<RepositoryLink[]> {
  const { rows } = await db.query(
    `SELECT r.id::text AS id, r.forge, r.host, r.path, r.enabled, b.name AS beneficiary, b.id::text AS beneficiary_id,
            s.pages AS scan_pages, s.issues_seen AS scan_issues_seen, s.finished_at AS scan_finished_at, s.resume_at AS scan_resume_at
       FROM repositories r
       LEFT JOIN beneficiaries b ON b.id = r.beneficiary_id
       LEFT JOIN discovery_scans s ON s.repository_id = r.id
      ORDER BY r.host, lower(r.path)`,
  );
  return rows.map((raw) => {
    const row = RepositoryRow.parse(raw);
    return {
      id: row.id,
      forge: row.forge,
      host: row.host,
      path: row.path,
      enabled: row.enabled,
      beneficiary: row.beneficiary,
      beneficiaryId: row.beneficiary_id,
      scan:
        row.scan_pages === null
          ? null
          : { pages: row.scan_pages, issuesSeen: row.scan_issues_seen ?? 0, finishedAt: row.scan_finished_at, resumeAt: row.scan_resume_at },
    };
  });
}

const ParkedRow = z.object({
  source: z.string(),
  delivery_id: z.string(),
  event_name: z.string(),
  received_at: z.date(),
  attempts: z.number(),
  last_error: z.string().nullable(),
});

/** A delivery by its key: where a page of parked deliveries ended. */
export interface DeliveryKey {
  source: string;
  deliveryId: string;
}

/** Deliveries the worker gave up on, for a person to look at; the latest first, after `after` when given. */
export async function listParkedDeliveries(db: Queryable, limit: number, after?: DeliveryKey): Promise<ParkedDelivery[]> {
  const { rows } = await db.query(
    `SELECT source, delivery_id, event_name, received_at, attempts, last_error
       FROM inbox_deliveries
      WHERE status = 'parked'
        AND ($2::text IS NULL OR (received_at, source, delivery_id) <
             (SELECT a.received_at, a.source, a.delivery_id FROM inbox_deliveries a WHERE a.source = $2 AND a.delivery_id = $3))
      ORDER BY received_at DESC, source DESC, delivery_id DESC LIMIT $1`,
    [limit, after?.source ?? null, after?.deliveryId ?? null],
  );
  return rows.map((raw) => {
    const row = ParkedRow.parse(raw);
    return {
      source: row.source,
      deliveryId: row.delivery_id,
      eventName: row.event_name,
      receivedAt: row.received_at,
      attempts: row.attempts,
      lastError: row.last_error,
    };
  });
}

const DepthRow = z.object({ pending: z.union([z.string(), z.number()]).transform(Number), parked: z.union([z.string(), z.number()]).transform(Number) });

/** How many deliveries wait for the worker, and how many are parked. */
export async function readInboxDepth(db: Queryable): Promise<{ pending: number; parked: number }> {
  const { rows } = await db.query(
    `SELECT count(*) FILTER (WHERE status = 'pending')::bigint AS pending, count(*) FILTER (WHERE status = 'parked')::bigint AS parked
       FROM inbox_deliveries`,
  );
  return DepthRow.parse(rows[0]);
}

/**
 * Puts a parked delivery back in the queue, due now. Its attempts are kept: if it fails
 * again, the worker parks it again at once rather than retrying it a whole backoff over.
 * Returns false when the delivery is not parked (already retried, or unknown).
 */
export async function retryParkedDelivery(db: Queryable, input: { source: string; deliveryId: string; now: Date }): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE inbox_deliveries SET status = 'pending', next_attempt_at = $3, lease_until = NULL
      WHERE source = $1 AND delivery_id = $2 AND status = 'parked'`,
    [input.source, input.deliveryId, input.now],
  );
  return rowCount > 0;
}

const PersonRow = z.object({ owner_id: z.string(), name: z.string() });

function groupByOwner(rows: unknown[]): Map<string, string[]> {
  const people = new Map<string, string[]>();
  for (const raw of rows) {
    const row = PersonRow.parse(raw);
    people.set(row.owner_id, [...(people.get(row.owner_id) ?? []), row.name]);
  }
  return people;
}

/** The forge logins granted each beneficiary's contact role, by beneficiary id. */
export async function listBeneficiaryContacts(db: Queryable): Promise<Map<string, string[]>> {
  const { rows } = await db.query(
    `SELECT beneficiary_id::text AS owner_id, host || '/' || login AS name
       FROM dashboard_grants WHERE role = 'beneficiary_contact' ORDER BY host, lower(login)`,
  );
  return groupByOwner(rows);
}

/** Each sponsor's reviewers, by sponsor id. */
export async function listSponsorReviewers(db: Queryable): Promise<Map<string, string[]>> {
  const { rows } = await db.query(
    `SELECT sponsor_id::text AS owner_id, display_name || ' <' || email || '>' AS name FROM sponsor_reviewers ORDER BY display_name, id`,
  );
  return groupByOwner(rows);
}
