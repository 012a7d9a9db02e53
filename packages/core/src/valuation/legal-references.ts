/*
 * Every figure and rule the valuation applies, with the text it comes from and the date from
 * which it applies. A rule changes by adding a row, never by editing one: a report of a past
 * year must give the same cents it gave then.
 */

/** A rule of law as the code applies it: what it says, where it is written, from when. */
export interface LegalRule {
  /** What the rule says, in one sentence. */
  statement: string;
  /** The texts it comes from. */
  sources: readonly string[];
  /** The first calendar year it is applied to by wecena. */
  appliesFromYear: number;
}

/** The plafond annuel de la sécurité sociale (PASS) of one calendar year. */
export interface AnnualSocialSecurityCeiling {
  year: number;
  cents: number;
  source: string;
}

/**
 * The PASS by calendar year (article L. 241-3 of the Code de la sécurité sociale; its yearly
 * amount is fixed by ministerial order, arrêté, and published by the Urssaf and the Bulletin
 * officiel de la sécurité sociale, BOSS). The table starts in 2020, the first year of the cap
 * that uses it (see SALARY_CAP_RULE). Add each new year when its arrêté is published in the
 * Journal officiel (each December): a year missing from this table is refused, never guessed.
 */
export const ANNUAL_SOCIAL_SECURITY_CEILINGS: readonly AnnualSocialSecurityCeiling[] = [
  { year: 2020, cents: 4_113_600, source: 'arrêté portant fixation du plafond de la sécurité sociale pour 2020: 41 136 €' },
  { year: 2021, cents: 4_113_600, source: 'arrêté portant fixation du plafond de la sécurité sociale pour 2021: 41 136 € (unchanged)' },
  { year: 2022, cents: 4_113_600, source: 'arrêté portant fixation du plafond de la sécurité sociale pour 2022: 41 136 € (unchanged)' },
  { year: 2023, cents: 4_399_200, source: 'arrêté portant fixation du plafond de la sécurité sociale pour 2023: 43 992 €' },
  { year: 2024, cents: 4_636_800, source: 'arrêté du 19 décembre 2023 portant fixation du plafond de la sécurité sociale pour 2024: 46 368 €' },
  { year: 2025, cents: 4_710_000, source: 'arrêté du 19 décembre 2024 portant fixation du plafond de la sécurité sociale pour 2025: 47 100 €' },
  {
    year: 2026,
    cents: 4_806_000,
    source: 'arrêté du 22 décembre 2025 portant fixation du plafond de la sécurité sociale pour 2026 (JO du 23 décembre 2025): 48 060 €',
  },
];

/**
 * Skills-based sponsorship is a gift in kind valued at its cost price: the remuneration and the
 * employer's social charges of the staff lent, for the time lent.
 */
export const COST_PRICE_RULE: LegalRule = {
  statement:
    'staff lent free of charge to an eligible body is a gift in kind valued at cost price: the remuneration and the employer social charges of the hours given',
  sources: ['CGI, art. 238 bis, 1', 'BOI-BIC-RICI-20-30-10-20 (évaluation des dons en nature, mise à disposition de personnel)'],
  appliesFromYear: 2020,
};

/** The cap on the remuneration taken into account for each employee lent. */
export const SALARY_CAP_RULE: LegalRule = {
  statement:
    'for each employee lent, the remuneration taken into account is capped at three times the annual social-security ceiling (PASS, CSS art. L. 241-3) of the year',
  sources: ['CGI, art. 238 bis, 1 (last paragraph)', 'loi n° 2019-1479 du 28 décembre 2019 de finances pour 2020, art. 134'],
  appliesFromYear: 2020,
};

/** How many times the PASS the remuneration taken into account may reach. */
export const SALARY_CAP_PASS_MULTIPLE = 3;

/**
 * The legal working time of a full-time year: 1 607 hours (35 hours a week, Code du travail
 * art. L. 3121-27, counted over a year as in art. L. 3121-41). Used only when the employee's
 * annual remuneration is not known, to turn the annual cap into an hourly one.
 */
export const LEGAL_ANNUAL_HOURS = 1_607;
export const LEGAL_ANNUAL_HOURS_SOURCE = 'Code du travail, art. L. 3121-27 and L. 3121-41 (1 607 heures par an)';

/** The tax reduction of company gifts, for information on the receipt page. */
export const TAX_REDUCTION_RULE: LegalRule = {
  statement:
    'company gifts give a corporate or income tax reduction of 60 % of their amount, 40 % on the part above 2 000 000 € in a financial year, the gifts counted within 20 000 € or 0.5 % of the turnover (excl. VAT) when that is larger; the excess is carried forward over the five following financial years',
  sources: [
    'CGI, art. 238 bis, 1 and 4',
    'loi n° 2019-1479 du 28 décembre 2019 de finances pour 2020, art. 134 (20 000 € floor and 40 % rate above 2 M€, financial years closed from 31 December 2020)',
  ],
  // A financial year that is the calendar year 2020 closes on 31 December 2020.
  appliesFromYear: 2020,
};

/** 60 %, in basis points. */
export const TAX_REDUCTION_RATE_BASIS_POINTS = 6_000;
/** 40 % on the part of the year's gifts above the threshold, in basis points. */
export const REDUCED_TAX_REDUCTION_RATE_BASIS_POINTS = 4_000;
/** 2 000 000 €: above it, the reduced rate applies (except to gifts for people in difficulty). */
export const REDUCED_RATE_THRESHOLD_CENTS = 200_000_000;
/** 20 000 €: the gifts counted may always reach this, whatever the turnover. */
export const GIFT_CEILING_FLOOR_CENTS = 2_000_000;
/** 0.5 % of the turnover excluding VAT, in basis points. */
export const GIFT_CEILING_TURNOVER_BASIS_POINTS = 50;
/** The excess over the ceiling is carried forward over this many financial years. */
export const CARRY_FORWARD_YEARS = 5;
