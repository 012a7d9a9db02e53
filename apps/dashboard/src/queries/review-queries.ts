import type { Database } from '@wecena/db';
import { prorateCents } from '@wecena/core';
import { z } from '@hono/zod-openapi';

/** A sponsor reviewer's decision on a credit. */
export type ReviewDecision = { kind: 'approve' } | { kind: 'adjust'; minutes: number; reason: string } | { kind: 'reject'; reason: string };

export type ReviewOutcome = { ok: true } | { ok: false; reason: 'not_found' | 'already_rejected' | 'not_pending' };

const Bigint = z.union([z.string(), z.number()]).transform(Number);
const CreditRow = z.object({
  task_id: z.string(),
  consultant_id: z.string(),
  beneficiary_id: z.string(),
  landed_at: z.date(),
  credit_minutes: Bigint,
  credit_valuation_cents: Bigint,
  minutes: Bigint,
  valuation_cents: Bigint,
  review_status: z.enum(['pending', 'approved', 'adjusted', 'rejected']),
});

/**
 * Records a review as a new ledger entry, never an edit: an approval is an adjustment of
 * zero, an adjustment carries the change of minutes and valuation (the credit's own hourly
 * value, pro-rated), a rejection is a reversal of what the credit is worth now. The credit
 * must belong to `sponsorId`; the row lock serialises two reviewers acting at once.
 */
export async function recordReview(
  db: Database,
  input: { creditId: string; sponsorId: string; decision: ReviewDecision; reviewer: string; now: Date },
): Promise<ReviewOutcome> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `SELECT cr.task_id::text AS task_id, cr.consultant_id::text AS consultant_id, cr.beneficiary_id::text AS beneficiary_id, cr.landed_at,
              cr.minutes AS credit_minutes, cr.valuation_cents AS credit_valuation_cents,
              (SELECT sum(e.minutes) FROM contributions e WHERE e.id = cr.id OR e.refers_to = cr.id)::bigint AS minutes,
              (SELECT sum(e.valuation_cents) FROM contributions e WHERE e.id = cr.id OR e.refers_to = cr.id)::bigint AS valuation_cents,
              (SELECT e.review_status FROM contributions e WHERE e.id = cr.id OR e.refers_to = cr.id ORDER BY e.id DESC LIMIT 1) AS review_status
         FROM contributions cr
        WHERE cr.id = $1::bigint AND cr.kind = 'credit' AND cr.sponsor_id = $2::bigint
        FOR UPDATE`,
      [input.creditId, input.sponsorId],
    );
    if (rows[0] === undefined) return { ok: false, reason: 'not_found' };
    const credit = CreditRow.parse(rows[0]);
    if (credit.review_status === 'rejected') return { ok: false, reason: 'already_rejected' };
    const { decision } = input;
    if (decision.kind === 'approve' && credit.review_status !== 'pending') return { ok: false, reason: 'not_pending' };

    let kind: 'adjustment' | 'reversal';
    let minutes: number;
    let valuation: number;
    let status: 'approved' | 'adjusted' | 'rejected';
    let reason: string;
    if (decision.kind === 'approve') {
      [kind, minutes, valuation, status, reason] = ['adjustment', 0, 0, 'approved', 'approved by the sponsor'];
    } else if (decision.kind === 'adjust') {
      const newValuation = prorateCents(decision.minutes, credit.credit_valuation_cents, credit.credit_minutes);
      [kind, minutes, valuation, status, reason] = ['adjustment', decision.minutes - credit.minutes, newValuation - credit.valuation_cents, 'adjusted', decision.reason];
    } else {
      [kind, minutes, valuation, status, reason] = ['reversal', -credit.minutes, -credit.valuation_cents, 'rejected', decision.reason];
    }
    await tx.query(
      `INSERT INTO contributions (kind, refers_to, task_id, consultant_id, sponsor_id, beneficiary_id, landed_at,
                                  minutes, valuation_cents, review_status, reason, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [kind, input.creditId, credit.task_id, credit.consultant_id, input.sponsorId, credit.beneficiary_id, credit.landed_at, minutes, valuation, status, reason, input.reviewer, input.now],
    );
    return { ok: true };
  });
}
