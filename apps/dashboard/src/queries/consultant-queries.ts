import type { Queryable } from '@wecena/db';
import { z } from '@hono/zod-openapi';

export interface ConsultantHeader {
  id: string;
  name: string;
  sponsor: { id: string; name: string };
}

export interface ProposalView {
  task: { id: string; title: string; url: string; estimateMinutes: number | null; repository: string };
  score: number;
  reasons: string[];
  /** The pairing's assignment gives this task to the consultant; the others are alternatives. */
  assigned: boolean;
}

export interface OpenClaimView {
  task: { id: string; title: string; url: string };
  claimedAt: Date;
  expiresAt: Date;
}

export interface TimeLogView {
  task: { id: string; title: string; url: string };
  minutes: number;
  spentOn: string;
  source: string;
}

const HeaderRow = z.object({ id: z.string(), name: z.string(), sponsor_id: z.string(), sponsor_name: z.string() });

/** The consultant's name and sponsor, or null when there is no such consultant. */
export async function findConsultant(db: Queryable, consultantId: string): Promise<ConsultantHeader | null> {
  const { rows } = await db.query(
    `SELECT c.id::text AS id, c.display_name AS name, s.id::text AS sponsor_id, s.name AS sponsor_name
       FROM consultants c JOIN sponsors s ON s.id = c.sponsor_id WHERE c.id = $1::bigint`,
    [consultantId],
  );
  if (rows[0] === undefined) return null;
  const row = HeaderRow.parse(rows[0]);
  return { id: row.id, name: row.name, sponsor: { id: row.sponsor_id, name: row.sponsor_name } };
}

// Reasons are written by the pairing: plain sentences, or objects carrying one.
const Reason = z.union([
  z.string(),
  z.object({ text: z.string() }).transform((reason) => reason.text),
  z.object({ label: z.string() }).transform((reason) => reason.label),
  z.object({ message: z.string() }).transform((reason) => reason.message),
  z.unknown().transform(() => null),
]);

const ProposalRow = z.object({
  task_id: z.string(),
  title: z.string(),
  url: z.string(),
  estimate_minutes: z.number().nullable(),
  host: z.string(),
  path: z.string(),
  score: z.number(),
  reasons: z.array(Reason).catch([]),
  assigned: z.boolean(),
});

/**
 * What the pairing last proposed to the consultant, on tasks still ready and unclaimed, in the
 * pairing's order: the tasks its assignment gives them first, then the alternatives.
 */
export async function listProposals(db: Queryable, consultantId: string): Promise<ProposalView[]> {
  const { rows } = await db.query(
    `SELECT t.id::text AS task_id, t.title, t.url, t.estimate_minutes, r.host, r.path, p.score, p.reasons, p.assigned
       FROM pairing_proposals p JOIN tasks t ON t.id = p.task_id JOIN repositories r ON r.id = t.repository_id
      WHERE p.consultant_id = $1::bigint AND t.state = 'ready'
        AND NOT EXISTS (SELECT 1 FROM claims o WHERE o.task_id = t.id AND o.ended_at IS NULL)
      ORDER BY p.rank, p.score DESC, t.id`,
    [consultantId],
  );
  return rows.map((raw) => {
    const row = ProposalRow.parse(raw);
    return {
      task: { id: row.task_id, title: row.title, url: row.url, estimateMinutes: row.estimate_minutes, repository: `${row.host}/${row.path}` },
      score: row.score,
      reasons: row.reasons.filter((reason): reason is string => typeof reason === 'string'),
      assigned: row.assigned,
    };
  });
}

const ClaimRow = z.object({ task_id: z.string(), title: z.string(), url: z.string(), claimed_at: z.date(), expires_at: z.date() });

/** The consultant's open claims, the soonest to expire first. */
export async function listOpenClaims(db: Queryable, consultantId: string): Promise<OpenClaimView[]> {
  const { rows } = await db.query(
    `SELECT t.id::text AS task_id, t.title, t.url, c.claimed_at, c.expires_at
       FROM claims c JOIN tasks t ON t.id = c.task_id
      WHERE c.consultant_id = $1::bigint AND c.ended_at IS NULL
      ORDER BY c.expires_at`,
    [consultantId],
  );
  return rows.map((raw) => {
    const row = ClaimRow.parse(raw);
    return { task: { id: row.task_id, title: row.title, url: row.url }, claimedAt: row.claimed_at, expiresAt: row.expires_at };
  });
}

const TimeLogRow = z.object({ task_id: z.string(), title: z.string(), url: z.string(), minutes: z.number(), spent_on: z.string(), source: z.string() });

/** The consultant's time logs, the latest first (corrections included, as negative entries). */
export async function listTimeLogs(db: Queryable, consultantId: string, limit: number): Promise<TimeLogView[]> {
  const { rows } = await db.query(
    `SELECT t.id::text AS task_id, t.title, t.url, l.minutes, l.spent_on, l.source
       FROM time_logs l JOIN tasks t ON t.id = l.task_id
      WHERE l.consultant_id = $1::bigint
      ORDER BY l.spent_on DESC, l.id DESC LIMIT $2`,
    [consultantId, limit],
  );
  return rows.map((raw) => {
    const row = TimeLogRow.parse(raw);
    return { task: { id: row.task_id, title: row.title, url: row.url }, minutes: row.minutes, spentOn: row.spent_on, source: row.source };
  });
}
