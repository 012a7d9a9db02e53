import {
  ANNUAL_SOCIAL_SECURITY_CEILINGS,
  type AnnualSocialSecurityCeiling,
  COST_PRICE_RULE,
  LEGAL_ANNUAL_HOURS,
  LEGAL_ANNUAL_HOURS_SOURCE,
  SALARY_CAP_PASS_MULTIPLE,
  SALARY_CAP_RULE,
} from './legal-references';
import { formatEuros } from './format-euros';
import { divideRoundingHalfUp, toSafeCents } from './rounding';

/** A rule the valuation needs is missing (a year whose PASS is not yet in the table): a fault to fix, not a guess to make. */
export class ValuationRuleMissing extends Error {
  readonly code = 'valuation_rule_missing';

  constructor(message: string) {
    super(message);
    this.name = 'ValuationRuleMissing';
  }
}

/** The PASS of a calendar year; throws `ValuationRuleMissing` for a year the table does not hold. */
export function annualSocialSecurityCeilingOf(year: number): AnnualSocialSecurityCeiling {
  const ceiling = ANNUAL_SOCIAL_SECURITY_CEILINGS.find((row) => row.year === year);
  if (ceiling === undefined) {
    const known = ANNUAL_SOCIAL_SECURITY_CEILINGS.map((row) => row.year);
    throw new ValuationRuleMissing(
      `no annual social-security ceiling (PASS) is recorded for ${year}: wecena knows ${Math.min(...known)} to ${Math.max(...known)}; add the year's figure from its arrêté to ANNUAL_SOCIAL_SECURITY_CEILINGS before valuing work of ${year}`,
    );
  }
  return ceiling;
}

export interface ContributionValuationInput {
  /** The time given, in whole minutes. */
  minutes: number;
  /** What one paid hour of the employee costs the employer: gross remuneration plus employer social charges, in cents. */
  hourlyCostCents: number;
  /** The employee's gross annual remuneration, in cents, when the sponsor gives it; it decides the cap exactly. */
  annualGrossRemunerationCents?: number | null;
  /** The calendar year the work was given in: its PASS applies. */
  year: number;
}

export interface ContributionValuation {
  /** The value of the gift, in cents, rounded once to the cent, half up. */
  valuationCents: number;
  /** What the hours would be worth without the cap, rounded the same way. */
  uncappedCents: number;
  /** Whether the 3 × PASS cap lowered the value. */
  capped: boolean;
  /** How the cap was checked: on the annual remuneration given, or (unknown) on the hourly cost. */
  capBasis: 'annual_remuneration' | 'hourly_cost';
  /** The rules applied, with their sources, as a receipt or an auditor reads them. */
  rule: string;
}

/*
 * How the cap is read.
 *
 * Article 238 bis caps "the remuneration taken into account" for each employee lent at 3 × the
 * PASS, an annual amount. Two readings are possible: cap the remuneration of the hours actually
 * lent (which a few days of donated work never reach), or cap the employee's annual remuneration
 * and take the hours lent at that capped rate, pro rata. wecena takes the second, which gives the
 * smaller or equal value: the conservative reading, which no tax audit can find too generous.
 *
 * Pro rata on the legal year of 1 607 hours, the hourly remuneration considered is at most
 * 3 × PASS ÷ 1 607; the employer charges follow the remuneration they are charged on, so the
 * hourly cost considered is the hourly cost × min(1, 3 × PASS ÷ annual remuneration). The 1 607
 * hours cancel out: with the annual remuneration known, the cap is that ratio, whatever hours the
 * employee works. (Keeping the charges on the part of the remuneration above the cap would be the
 * generous reading; we do not.)
 *
 * Without the annual remuneration, the hourly cost is treated as if it were all remuneration and
 * capped at 3 × PASS ÷ 1 607 per hour. Charges make a real hourly cost larger than its hourly
 * remuneration, so this cap is reached no later than the exact one: it never values more.
 *
 * The value is minutes × hourly cost ÷ 60 (× the cap ratio), computed exactly and rounded once,
 * to the cent, half up.
 */

/**
 * Values donated work at cost price for a sponsor's receipt and reports (article 238 bis CGI,
 * BOI-BIC-RICI-20-30-10-20), with the remuneration capped at 3 × the PASS of the year (loi
 * n° 2019-1479, art. 134). Throws `ValuationRuleMissing` for a year without a PASS, and a
 * RangeError for minutes or cents that are not non-negative integers.
 */
export function valueContribution(input: ContributionValuationInput): ContributionValuation {
  const { minutes, hourlyCostCents, year } = input;
  const annualRemuneration = input.annualGrossRemunerationCents ?? null;
  requireNonNegativeInteger('minutes', minutes);
  requireNonNegativeInteger('hourlyCostCents', hourlyCostCents);
  if (annualRemuneration !== null) requireNonNegativeInteger('annualGrossRemunerationCents', annualRemuneration);
  const pass = annualSocialSecurityCeilingOf(year);
  const capCents = BigInt(SALARY_CAP_PASS_MULTIPLE) * BigInt(pass.cents);

  // Value = minutes × hourlyCost ÷ 60, times a cap ratio a ÷ b ≤ 1, kept as one exact fraction.
  const uncapped = { numerator: BigInt(minutes) * BigInt(hourlyCostCents), denominator: 60n };
  let value = uncapped;
  let capped = false;
  if (annualRemuneration !== null) {
    if (BigInt(annualRemuneration) > capCents) {
      value = { numerator: uncapped.numerator * capCents, denominator: uncapped.denominator * BigInt(annualRemuneration) };
      capped = minutes > 0 && hourlyCostCents > 0;
    }
  } else if (BigInt(hourlyCostCents) * BigInt(LEGAL_ANNUAL_HOURS) > capCents) {
    value = { numerator: BigInt(minutes) * capCents, denominator: 60n * BigInt(LEGAL_ANNUAL_HOURS) };
    capped = minutes > 0;
  }

  const capBasis = annualRemuneration !== null ? 'annual_remuneration' : 'hourly_cost';
  return {
    valuationCents: toSafeCents(divideRoundingHalfUp(value.numerator, value.denominator)),
    uncappedCents: toSafeCents(divideRoundingHalfUp(uncapped.numerator, uncapped.denominator)),
    capped,
    capBasis,
    rule: describeValuationRule(pass, capBasis, capped),
  };
}

function describeValuationRule(pass: AnnualSocialSecurityCeiling, capBasis: ContributionValuation['capBasis'], capped: boolean): string {
  const cap = `${SALARY_CAP_PASS_MULTIPLE} × PASS ${pass.year} = ${formatEuros(SALARY_CAP_PASS_MULTIPLE * pass.cents)}`;
  const how =
    capBasis === 'annual_remuneration'
      ? `remuneration taken into account capped at ${cap} a year, charges pro rata`
      : `remuneration unknown: hourly cost capped at ${cap} ÷ ${LEGAL_ANNUAL_HOURS} h (${LEGAL_ANNUAL_HOURS_SOURCE})`;
  return [
    `Cost price (remuneration and employer social charges of the hours given): ${COST_PRICE_RULE.sources.join('; ')}.`,
    `${capped ? 'Capped' : 'Within the cap'}: ${how}; ${SALARY_CAP_RULE.sources.join('; ')}; PASS from ${pass.source}.`,
    'Rounded once to the cent, half up.',
  ].join(' ');
}

export function requireNonNegativeInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, not ${value}`);
}
