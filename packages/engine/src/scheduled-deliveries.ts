import { REMINDER_LEAD_DAYS } from '@wecena/core';
import { CLAIM_RECALLED_EVENT, type Queryable } from '@wecena/db';

export const CLAIM_DUE_EVENT = 'claim_due';

/**
 * Puts a delivery of wecena's own in the inbox for every open claim due for its reminder or
 * its expiry, keyed by claim and kind: the worker then handles each once, like a webhook, and
 * a sweep that runs twice (or on two instances) adds nothing. Returns how many were added.
 */
export async function enqueueDueClaims(db: Queryable, now: Date): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO inbox_deliveries (source, delivery_id, event_name, forge_host, received_at, body, next_attempt_at)
     SELECT 'wecena',
            'claim:' || c.id || ':' || CASE WHEN c.expires_at <= $1 THEN 'expire' ELSE 'remind' END,
            $3, NULL, $1, convert_to(json_build_object('claimId', c.id::text)::text, 'UTF8'), $1
       FROM claims c
      WHERE c.ended_at IS NULL
        AND (c.expires_at <= $1 OR (c.reminded_at IS NULL AND c.expires_at <= $1 + make_interval(days => $2)))
     ON CONFLICT (source, delivery_id) DO NOTHING`,
    [now, REMINDER_LEAD_DAYS, CLAIM_DUE_EVENT],
  );
  return rowCount;
}

export type ScheduledDelivery = { kind: 'claim_due' | 'claim_recalled'; claimId: string };

/** What one of wecena's own deliveries asks for, or null for one it never schedules. */
export function readScheduledDelivery(eventName: string, body: unknown): ScheduledDelivery | null {
  if (eventName !== CLAIM_DUE_EVENT && eventName !== CLAIM_RECALLED_EVENT) return null;
  const claimId = (body as { claimId?: unknown } | null)?.claimId;
  if (typeof claimId !== 'string' || !/^\d+$/.test(claimId)) return null;
  return { kind: eventName === CLAIM_DUE_EVENT ? 'claim_due' : 'claim_recalled', claimId };
}
