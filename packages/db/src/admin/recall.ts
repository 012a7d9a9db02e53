import type { Database } from '../database';
import { type EndedWindow, endWindowOn } from './availability';
import { type AdminOutcome, runAdmin } from './outcome';
import { type NamedConsultant, resolveConsultant } from './references';

/**
 * The event name of wecena's own delivery that ends one claim as recalled. The recall command
 * enqueues it; the worker's handler ends the claim on the forge (unassign, task back to ready,
 * hand-off note asked). The body is `{"claimId": "<id>"}`.
 */
export const CLAIM_RECALLED_EVENT = 'claim_recalled';

/** The delivery id of a claim's recall: one per claim, so recalling twice enqueues nothing more. */
export function recallDeliveryId(claimId: string): string {
  return `recall:${claimId}`;
}

export interface RecalledClaim {
  claimId: string;
  taskUrl: string;
  /** False when a recall of this claim was already waiting in the inbox (or done). */
  enqueued: boolean;
}

export interface RecallResult {
  consultant: NamedConsultant;
  /** The availability window that ended, or null when none covered the day. */
  window: EndedWindow | null;
  /** Every open claim, each to be handed back by the worker. */
  claims: RecalledClaim[];
}

/**
 * A sponsor calls a consultant back to a client: their availability window ends on `on`, and
 * each of their open claims gets a wecena delivery in the inbox, in the same transaction, that
 * the worker turns into a recall on the forge. Time logs are not touched: nothing logged is lost.
 */
export async function recallConsultant(
  db: Database,
  input: { consultant: string; on: string; now: Date },
): Promise<AdminOutcome<RecallResult>> {
  return runAdmin(db, async (tx) => {
    const consultant = await resolveConsultant(tx, input.consultant);
    const window = await endWindowOn(tx, consultant.id, input.on);
    const { rows: open } = await tx.query<{ claimId: string; taskUrl: string }>(
      `SELECT c.id AS "claimId", t.url AS "taskUrl" FROM claims c JOIN tasks t ON t.id = c.task_id
        WHERE c.consultant_id = $1 AND c.ended_at IS NULL ORDER BY c.id`,
      [consultant.id],
    );
    const { rows: enqueued } = await tx.query<{ deliveryId: string }>(
      `INSERT INTO inbox_deliveries (source, delivery_id, event_name, forge_host, received_at, body, next_attempt_at)
       SELECT 'wecena', 'recall:' || c.id, $2, NULL, $3, convert_to(json_build_object('claimId', c.id::text)::text, 'UTF8'), $3
         FROM claims c WHERE c.consultant_id = $1 AND c.ended_at IS NULL
       ON CONFLICT (source, delivery_id) DO NOTHING
       RETURNING delivery_id AS "deliveryId"`,
      [consultant.id, CLAIM_RECALLED_EVENT, input.now],
    );
    const fresh = new Set(enqueued.map((row) => row.deliveryId));
    return {
      consultant,
      window,
      claims: open.map((claim) => ({ ...claim, enqueued: fresh.has(recallDeliveryId(claim.claimId)) })),
    };
  });
}
