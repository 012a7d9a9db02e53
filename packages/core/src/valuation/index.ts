export {
  ANNUAL_SOCIAL_SECURITY_CEILINGS,
  type AnnualSocialSecurityCeiling,
  CARRY_FORWARD_YEARS,
  COST_PRICE_RULE,
  GIFT_CEILING_FLOOR_CENTS,
  GIFT_CEILING_TURNOVER_BASIS_POINTS,
  LEGAL_ANNUAL_HOURS,
  type LegalRule,
  REDUCED_RATE_THRESHOLD_CENTS,
  REDUCED_TAX_REDUCTION_RATE_BASIS_POINTS,
  SALARY_CAP_PASS_MULTIPLE,
  SALARY_CAP_RULE,
  TAX_REDUCTION_RATE_BASIS_POINTS,
  TAX_REDUCTION_RULE,
} from './legal-references';
export { formatEuros } from './format-euros';
export { divideRoundingHalfUp, prorateCents } from './rounding';
export { estimateTaxReduction, type TaxReductionEstimate, type TaxReductionInput } from './tax-reduction';
export {
  type ContributionValuation,
  type ContributionValuationInput,
  ValuationRuleMissing,
  annualSocialSecurityCeilingOf,
  valueContribution,
} from './value-contribution';
