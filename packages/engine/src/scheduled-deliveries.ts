import { REMINDER_LEAD_DAYS } from '@wecena/core';
import { CLAIM_RECALLED_EVENT, type Queryable } from '@wecena/db';

export const CLAIM_DUE_EVENT = 'claim_due';

/** The id `enqueueDueClaims` gives a claim's reminder or expiry: claim, kind, and the expiry in seconds. */
export function claimDueDeliveryId(claimId: string, kind: 'remind' | 'expire', expiresAt: Date): string {
  return `claim:${claimId}:${kind}:${Math.floor(expiresAt.getTime() / 1000)}`;
}

/**
 * Puts a delivery of wecena's own in the inbox for every open claim due for its reminder or
 * its expiry, keyed by claim, kind and expiry (`claimDueDeliveryId`): the worker then handles each once, like a
 * webhook, and a sweep that runs twice (or on two instances) adds nothing, while a claim given
 * a later expiry is due again. Claims of tasks under review wait. Returns how many were added.
 */
export async function enqueueDueClaims(db: Queryable, now: Date): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO inbox_deliveries (source, delivery_id, event_name, forge_host, received_at, body, next_attempt_at)
     SELECT 'wecena',
            'claim:' || c.id || ':' || CASE WHEN c.expires_at <= $1 THEN 'expire' ELSE 'remind' END
              || ':' || floor(extract(epoch FROM c.expires_at))::bigint,
            $3, NULL, $1, convert_to(json_build_object('claimId', c.id::text)::text, 'UTF8'), $1
       FROM claims c
       JOIN tasks t ON t.id = c.task_id
      WHERE c.ended_at IS NULL
        AND t.state = 'claimed'
        AND (c.expires_at <= $1 OR (c.reminded_at IS NULL AND c.expires_at <= $1 + make_interval(days => $2)))
     ON CONFLICT (source, delivery_id) DO NOTHING`,
    [now, REMINDER_LEAD_DAYS, CLAIM_DUE_EVENT],
  );
  return rowCount;
}

export const MARK_READY_EVENT = 'candidate_marked_ready';

/** A maintainer, signed in on the dashboard with their forge account, marked a candidate ready. */
export interface MarkReadyRequest {
  repositoryId: string;
  issueNumber: number;
  /** The forge login signed in; the forge is asked for its permission when the delivery runs. */
  login: string;
  /** The forge's user id of that login. */
  forgeUserId: string;
}

/** One delivery per repository, issue and person: a second click before or after it ran adds nothing. */
export function markReadyDeliveryId(request: Pick<MarkReadyRequest, 'repositoryId' | 'issueNumber' | 'login'>): string {
  return `mark-ready:${request.repositoryId}:${request.issueNumber}:${request.login}`;
}

/**
 * Puts a delivery of wecena's own in the inbox: the worker then runs what a maintainer's
 * `/wecena ready` would (the forge asked for the login's permission first). False when the
 * same person already asked for the same issue.
 */
export async function enqueueMarkReady(db: Queryable, request: MarkReadyRequest, now: Date): Promise<boolean> {
  const body = { repositoryId: request.repositoryId, issueNumber: request.issueNumber, login: request.login, forgeUserId: request.forgeUserId };
  const { rowCount } = await db.query(
    `INSERT INTO inbox_deliveries (source, delivery_id, event_name, forge_host, received_at, body, next_attempt_at)
     VALUES ('wecena', $1, $2, NULL, $3, convert_to($4::text, 'UTF8'), $3)
     ON CONFLICT (source, delivery_id) DO NOTHING`,
    [markReadyDeliveryId(request), MARK_READY_EVENT, now, JSON.stringify(body)],
  );
  return rowCount === 1;
}

export type ScheduledDelivery =
  | { kind: 'claim_due' | 'claim_recalled'; claimId: string }
  | ({ kind: 'mark_ready' } & MarkReadyRequest);

const ROW_ID = /^[1-9]\d{0,17}$/;
/** GitHub and GitLab logins: letters, digits, `-`, `_`, `.`; no spaces, no slashes. */
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

function readMarkReady(body: unknown): ScheduledDelivery | null {
  const { repositoryId, issueNumber, login, forgeUserId } = (body ?? {}) as Record<string, unknown>;
  if (typeof repositoryId !== 'string' || !ROW_ID.test(repositoryId)) return null;
  if (typeof issueNumber !== 'number' || !Number.isSafeInteger(issueNumber) || issueNumber < 1) return null;
  if (typeof login !== 'string' || !LOGIN.test(login)) return null;
  if (typeof forgeUserId !== 'string' || forgeUserId === '') return null;
  return { kind: 'mark_ready', repositoryId, issueNumber, login, forgeUserId };
}

/** What one of wecena's own deliveries asks for, or null for one it never schedules. */
export function readScheduledDelivery(eventName: string, body: unknown): ScheduledDelivery | null {
  if (eventName === MARK_READY_EVENT) return readMarkReady(body);
  if (eventName !== CLAIM_DUE_EVENT && eventName !== CLAIM_RECALLED_EVENT) return null;
  const claimId = (body as { claimId?: unknown } | null)?.claimId;
  if (typeof claimId !== 'string' || !/^\d+$/.test(claimId)) return null;
  return { kind: eventName === CLAIM_DUE_EVENT ? 'claim_due' : 'claim_recalled', claimId };
}
