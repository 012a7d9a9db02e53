import { type CreditLine, type ReviewAction, type ReviewEntry, decideReview, deriveCredits } from '@wecena/core';
import type { Database, Queryable } from '../database';
import { loadCreditEntries } from './ledger-entries';

export interface ReviewInput {
  /** The credit reviewed (a `credit` entry's id). */
  creditId: string;
  action: ReviewAction;
  /** For adjust: the minutes the work should count for from now on. */
  minutes?: number;
  /** Why: required to adjust or reject. */
  reason?: string | null;
  /** The sponsor reviewer's id (sponsor_reviewers.id): recorded as `reviewer:<id>`. */
  reviewer: string;
  /** When the review is recorded. */
  now: Date;
}

export interface ReviewResult {
  /** The ledger entry appended. */
  entryId: string;
  entry: ReviewEntry;
  /** The credit as it stands after the review. */
  credit: CreditLine;
}

/** A review recorded, or why it was refused (nothing is then written). */
export type ReviewOutcome = { ok: true; value: ReviewResult } | { ok: false; problem: string };

/**
 * Records a sponsor's review of a credit as a new ledger entry, never an edit (the ledger
 * refuses UPDATE and DELETE anyway): approve appends an adjustment of zero (status approved),
 * adjust an adjustment of the change in minutes and value, valued at the consultant's cost rate
 * (else the sponsor's default, else the credit's own rate) within the 3 × PASS cap of the year
 * (status adjusted), reject a reversal of what the credit counts for (status rejected). The
 * reviewer must review for the credit's sponsor. One transaction; the credit's row is locked so
 * that two reviewers at once append one after the other, each deciding on what the other wrote.
 */
export async function reviewContribution(db: Database, input: ReviewInput): Promise<ReviewOutcome> {
  return db.transaction((tx) => reviewInTransaction(tx, input));
}

export interface BulkApprovalInput {
  creditIds: readonly string[];
  reviewer: string;
  now: Date;
  reason?: string | null;
}

export interface BulkApprovalResult {
  approved: ReviewResult[];
  /** Credits not approved and why (already reviewed, rejected, another sponsor's…). */
  skipped: { creditId: string; problem: string }[];
}

/**
 * Approves many credits in one transaction: each gets its approval entry, and a credit that
 * cannot be approved is skipped with the reason, without stopping the others.
 */
export async function approveContributions(db: Database, input: BulkApprovalInput): Promise<BulkApprovalResult> {
  return db.transaction(async (tx) => {
    const result: BulkApprovalResult = { approved: [], skipped: [] };
    // Locks are taken in id order, so two bulk approvals cannot deadlock each other.
    const ids = [...new Set(input.creditIds)].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    for (const creditId of ids) {
      const outcome = await reviewInTransaction(tx, { creditId, action: 'approve', reason: input.reason ?? null, reviewer: input.reviewer, now: input.now });
      if (outcome.ok) result.approved.push(outcome.value);
      else result.skipped.push({ creditId, problem: outcome.problem });
    }
    return result;
  });
}

interface CreditRow {
  id: string;
  sponsorId: string;
  hourlyCostCents: string | null;
}

async function reviewInTransaction(tx: Queryable, input: ReviewInput): Promise<ReviewOutcome> {
  if (!/^\d{1,18}$/.test(input.creditId)) return { ok: false, problem: `no credit ${input.creditId}` };
  if (!/^\d{1,18}$/.test(input.reviewer)) return { ok: false, problem: `no reviewer ${input.reviewer}` };
  const { rows: credits } = await tx.query<CreditRow>(
    `SELECT e.id, e.sponsor_id AS "sponsorId", coalesce(k.cost_rate_cents, s.default_cost_rate_cents) AS "hourlyCostCents"
       FROM contributions e
       JOIN consultants k ON k.id = e.consultant_id
       JOIN sponsors s ON s.id = e.sponsor_id
      WHERE e.id = $1 AND e.kind = 'credit'
      FOR UPDATE OF e`,
    [input.creditId],
  );
  const row = credits[0];
  if (row === undefined) return { ok: false, problem: `no credit ${input.creditId}` };
  const { rows: reviewers } = await tx.query('SELECT 1 FROM sponsor_reviewers WHERE id = $1 AND sponsor_id = $2', [input.reviewer, row.sponsorId]);
  if (reviewers.length === 0) return { ok: false, problem: `reviewer ${input.reviewer} does not review for the sponsor of credit ${input.creditId}` };

  const [credit] = deriveCredits(await loadCreditEntries(tx, input.creditId)).credits;
  if (credit === undefined) return { ok: false, problem: `no credit ${input.creditId}` };
  const decision = decideReview({
    credit,
    action: input.action,
    minutes: input.minutes,
    reason: input.reason ?? null,
    hourlyCostCents: row.hourlyCostCents === null ? null : Number(row.hourlyCostCents),
  });
  if (!decision.ok) return decision;

  const { entry } = decision;
  // The correction repeats the credit's work, people, proof and landing instant (the trigger checks the first ones).
  const { rows: inserted } = await tx.query<{ id: string }>(
    `INSERT INTO contributions (kind, refers_to, task_id, consultant_id, sponsor_id, beneficiary_id, change_request_url,
                                confirmed_by, landed_at, minutes, estimated, valuation_cents, review_status, reason,
                                recorded_by, recorded_at)
     SELECT $2, id, task_id, consultant_id, sponsor_id, beneficiary_id, change_request_url, confirmed_by, landed_at,
            $3, estimated, $4, $5, $6, $7, $8
       FROM contributions WHERE id = $1
     RETURNING id`,
    [input.creditId, entry.kind, entry.minutes, entry.valuationCents, entry.reviewStatus, entry.reason, `reviewer:${input.reviewer}`, input.now],
  );
  const [after] = deriveCredits(await loadCreditEntries(tx, input.creditId)).credits;
  if (after === undefined || inserted[0] === undefined) throw new Error(`credit ${input.creditId} vanished while it was reviewed`);
  return { ok: true, value: { entryId: inserted[0].id, entry, credit: after } };
}
