import {
  CARRY_FORWARD_YEARS,
  GIFT_CEILING_FLOOR_CENTS,
  GIFT_CEILING_TURNOVER_BASIS_POINTS,
  REDUCED_RATE_THRESHOLD_CENTS,
  REDUCED_TAX_REDUCTION_RATE_BASIS_POINTS,
  TAX_REDUCTION_RATE_BASIS_POINTS,
  TAX_REDUCTION_RULE,
} from './legal-references';
import { divideRoundingHalfUp, toSafeCents } from './rounding';
import { ValuationRuleMissing, requireNonNegativeInteger } from './value-contribution';

export interface TaxReductionInput {
  /** All the company's eligible gifts of the financial year (wecena's and any other), in cents. */
  giftsCents: number;
  /** The company's turnover excluding VAT for that financial year, in cents. */
  turnoverCents: number;
  /** The calendar year the financial year closes in. */
  year: number;
}

export interface TaxReductionEstimate {
  /** The ceiling of the gifts counted: 20 000 € or 0.5 % of the turnover, the larger. */
  ceilingCents: number;
  /** The gifts counted this year, within the ceiling. */
  countedGiftsCents: number;
  /** The tax reduction on the gifts counted, to the cent, half up. */
  reductionCents: number;
  /** The gifts above the ceiling, which may be counted over the next five financial years. */
  carriedForwardCents: number;
  rule: string;
}

/**
 * An estimate of the sponsor's tax reduction for one financial year (article 238 bis CGI, as
 * amended by loi n° 2019-1479, art. 134), for information beside the receipt data: the
 * company's own accountant decides. It takes every gift at the general rates; gifts to bodies
 * that help people in difficulty keep 60 % above 2 M€, which this estimate does not tell apart
 * (it may so only understate the reduction).
 */
export function estimateTaxReduction(input: TaxReductionInput): TaxReductionEstimate {
  requireNonNegativeInteger('giftsCents', input.giftsCents);
  requireNonNegativeInteger('turnoverCents', input.turnoverCents);
  if (input.year < TAX_REDUCTION_RULE.appliesFromYear) {
    throw new ValuationRuleMissing(
      `the tax reduction rules recorded apply from ${TAX_REDUCTION_RULE.appliesFromYear}; ${input.year} is not covered`,
    );
  }
  const turnoverCeiling = toSafeCents(
    divideRoundingHalfUp(BigInt(input.turnoverCents) * BigInt(GIFT_CEILING_TURNOVER_BASIS_POINTS), 10_000n),
  );
  const ceilingCents = Math.max(GIFT_CEILING_FLOOR_CENTS, turnoverCeiling);
  const countedGiftsCents = Math.min(input.giftsCents, ceilingCents);
  const atFullRate = Math.min(countedGiftsCents, REDUCED_RATE_THRESHOLD_CENTS);
  const atReducedRate = countedGiftsCents - atFullRate;
  const reduction = divideRoundingHalfUp(
    BigInt(atFullRate) * BigInt(TAX_REDUCTION_RATE_BASIS_POINTS) + BigInt(atReducedRate) * BigInt(REDUCED_TAX_REDUCTION_RATE_BASIS_POINTS),
    10_000n,
  );
  return {
    ceilingCents,
    countedGiftsCents,
    reductionCents: toSafeCents(reduction),
    carriedForwardCents: input.giftsCents - countedGiftsCents,
    rule: `${TAX_REDUCTION_RULE.statement} (${TAX_REDUCTION_RULE.sources.join('; ')}). Excess carried forward over ${CARRY_FORWARD_YEARS} years. Estimate, rounded to the cent, half up.`,
  };
}
