import type { ContributionKind, ReviewStatus } from '../domain/contribution';
import { prorateCents } from '../valuation/rounding';
import { ValuationRuleMissing, valueContribution } from '../valuation/value-contribution';
import type { CreditLine } from './derive-credits';

export const REVIEW_ACTIONS = ['approve', 'adjust', 'reject'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface ReviewDecisionInput {
  /** The credit as it stands (derived from all its entries). */
  credit: CreditLine;
  action: ReviewAction;
  /** For adjust: the minutes the credit should count from now on (not a delta). */
  minutes?: number;
  /** Why; required to adjust or reject, optional to approve. */
  reason?: string | null;
  /** For adjust: the consultant's hourly cost (remuneration and employer charges), in cents; null: the credit's own rate. */
  hourlyCostCents?: number | null;
  /** For adjust: the consultant's gross annual remuneration, when known (it decides the 3 × PASS cap). */
  annualGrossRemunerationCents?: number | null;
}

/** The correction to append to the ledger: never an edit of the credit. */
export interface ReviewEntry {
  kind: Exclude<ContributionKind, 'credit'>;
  minutes: number;
  valuationCents: number;
  reviewStatus: Exclude<ReviewStatus, 'pending'>;
  reason: string;
}

export type ReviewDecision = { ok: true; entry: ReviewEntry } | { ok: false; problem: string };

/** The reason written on an approval when the reviewer gave none (the ledger wants a reason on every correction). */
export const DEFAULT_APPROVAL_REASON = 'approved by the sponsor';

/**
 * Decides the ledger entry a sponsor's review appends: an approval is an adjustment of zero
 * with status approved; an adjustment carries the change of minutes and of value (the new
 * minutes valued at cost price, within the 3 × PASS cap of the year it landed in) with status
 * adjusted; a rejection is a reversal of what the credit counts for, with status rejected. A
 * rejected credit takes no further review; an approved or adjusted one is not approved again.
 */
export function decideReview(input: ReviewDecisionInput): ReviewDecision {
  const { credit, action } = input;
  const reason = input.reason?.trim() ?? '';
  if (credit.reviewStatus === 'rejected') return refuse(`credit ${credit.creditId} was rejected: it takes no further review`);
  switch (action) {
    case 'approve':
      if (credit.reviewStatus !== 'pending') return refuse(`credit ${credit.creditId} is already ${credit.reviewStatus}`);
      return { ok: true, entry: { kind: 'adjustment', minutes: 0, valuationCents: 0, reviewStatus: 'approved', reason: reason || DEFAULT_APPROVAL_REASON } };
    case 'reject':
      if (reason === '') return refuse('a rejection needs a reason');
      return {
        ok: true,
        entry: { kind: 'reversal', minutes: -credit.minutes, valuationCents: -credit.valuationCents, reviewStatus: 'rejected', reason },
      };
    case 'adjust':
      return decideAdjustment(input, reason);
  }
}

function decideAdjustment(input: ReviewDecisionInput, reason: string): ReviewDecision {
  const { credit } = input;
  const minutes = input.minutes;
  if (reason === '') return refuse('an adjustment needs a reason');
  if (minutes === undefined || !Number.isSafeInteger(minutes) || minutes < 1) {
    return refuse('an adjustment gives the minutes the work should count for, a whole number of at least 1 (reject the credit to count none)');
  }
  const valuationCents = revalue(input, minutes);
  if (typeof valuationCents === 'string') return refuse(valuationCents);
  const minutesDelta = minutes - credit.minutes;
  const valuationDelta = valuationCents - credit.valuationCents;
  if (minutesDelta === 0 && valuationDelta === 0) return refuse(`credit ${credit.creditId} already counts ${minutes} minutes at that value`);
  return { ok: true, entry: { kind: 'adjustment', minutes: minutesDelta, valuationCents: valuationDelta, reviewStatus: 'adjusted', reason } };
}

/** The value of `minutes` of this credit's work: at the given hourly cost, else pro rata of what the credit was valued at. */
function revalue(input: ReviewDecisionInput, minutes: number): number | string {
  const { credit } = input;
  const hourlyCostCents = input.hourlyCostCents ?? null;
  if (hourlyCostCents === null) {
    // No rate known: the credit's own valuation per minute, so an adjustment keeps its rate.
    return prorateCents(minutes, credit.creditedValuationCents, credit.creditedMinutes);
  }
  try {
    return valueContribution({
      minutes,
      hourlyCostCents,
      annualGrossRemunerationCents: input.annualGrossRemunerationCents ?? null,
      year: Number(credit.landedOn.slice(0, 4)),
    }).valuationCents;
  } catch (error) {
    // A year without its PASS, or a rate that is not a whole number of cents: the reviewer is told why.
    if (error instanceof ValuationRuleMissing || error instanceof RangeError) return error.message;
    throw error;
  }
}

function refuse(problem: string): ReviewDecision {
  return { ok: false, problem };
}
