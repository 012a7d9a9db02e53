import { describe, expect, it } from 'vitest';
import { ANNUAL_SOCIAL_SECURITY_CEILINGS } from './legal-references';
import { ValuationRuleMissing, annualSocialSecurityCeilingOf, valueContribution } from './value-contribution';

describe('valueContribution', () => {
  it.each([
    {
      // 220 min × 46 €/h = 168,666… € → 168,67 €; 46 €/h is far below 3 × 47 100 € ÷ 1 607 h ≈ 87,93 €/h.
      name: 'a day of work below the cap, remuneration unknown',
      input: { minutes: 220, hourlyCostCents: 4_600, year: 2025 },
      expected: { valuationCents: 16_867, uncappedCents: 16_867, capped: false, capBasis: 'hourly_cost' },
    },
    {
      // 7 h at 120 €/h would be 840 €; the hourly cost is capped at 141 300 € ÷ 1 607 h:
      // 7 × 14 130 000 ÷ 1 607 = 61 549,47… cents → 615,49 €.
      name: 'an hourly cost above 3 × PASS ÷ 1 607, remuneration unknown',
      input: { minutes: 420, hourlyCostCents: 12_000, year: 2025 },
      expected: { valuationCents: 61_549, uncappedCents: 84_000, capped: true, capBasis: 'hourly_cost' },
    },
    {
      // 180 000 € a year is above 141 300 €: 7 h × 150 €/h = 1 050 € × 141 300 ÷ 180 000 = 824,25 €.
      name: 'an annual remuneration above 3 × PASS: the cost scaled down, charges included',
      input: { minutes: 420, hourlyCostCents: 15_000, annualGrossRemunerationCents: 18_000_000, year: 2025 },
      expected: { valuationCents: 82_425, uncappedCents: 105_000, capped: true, capBasis: 'annual_remuneration' },
    },
    {
      name: 'an annual remuneration below the cap: the hourly cost stands, however high',
      input: { minutes: 420, hourlyCostCents: 15_000, annualGrossRemunerationCents: 10_000_000, year: 2025 },
      expected: { valuationCents: 105_000, uncappedCents: 105_000, capped: false, capBasis: 'annual_remuneration' },
    },
    {
      name: 'an annual remuneration exactly at the cap is not capped',
      input: { minutes: 60, hourlyCostCents: 15_000, annualGrossRemunerationCents: 14_130_000, year: 2025 },
      expected: { valuationCents: 15_000, uncappedCents: 15_000, capped: false, capBasis: 'annual_remuneration' },
    },
    {
      // 144 180 € is exactly 3 × PASS 2026: not capped in 2026.
      name: 'the year decides the PASS: 144 180 € a year in 2026',
      input: { minutes: 60, hourlyCostCents: 15_000, annualGrossRemunerationCents: 14_418_000, year: 2026 },
      expected: { valuationCents: 15_000, uncappedCents: 15_000, capped: false, capBasis: 'annual_remuneration' },
    },
    {
      // 3 × 46 368 € = 139 104 €: 150 € × 139 104 ÷ 144 180 = 144,72… € → 144,72 €.
      name: 'the year decides the PASS: 144 180 € a year in 2024',
      input: { minutes: 60, hourlyCostCents: 15_000, annualGrossRemunerationCents: 14_418_000, year: 2024 },
      expected: { valuationCents: 14_472, uncappedCents: 15_000, capped: true, capBasis: 'annual_remuneration' },
    },
    {
      name: 'half a cent rounds up',
      input: { minutes: 1, hourlyCostCents: 30, year: 2025 },
      expected: { valuationCents: 1, uncappedCents: 1, capped: false, capBasis: 'hourly_cost' },
    },
    {
      name: 'one and a half cents round up to two',
      input: { minutes: 1, hourlyCostCents: 90, year: 2025 },
      expected: { valuationCents: 2, uncappedCents: 2, capped: false, capBasis: 'hourly_cost' },
    },
    {
      name: 'less than half a cent rounds down',
      input: { minutes: 1, hourlyCostCents: 29, year: 2025 },
      expected: { valuationCents: 0, uncappedCents: 0, capped: false, capBasis: 'hourly_cost' },
    },
    {
      name: 'no time, no value, nothing capped',
      input: { minutes: 0, hourlyCostCents: 12_000, year: 2025 },
      expected: { valuationCents: 0, uncappedCents: 0, capped: false, capBasis: 'hourly_cost' },
    },
  ])('$name', ({ input, expected }) => {
    expect(valueContribution(input)).toMatchObject(expected);
  });

  it('rounds once, at the end: sixty one-minute gifts may differ from one hour, one hour never drifts', () => {
    const hour = valueContribution({ minutes: 60, hourlyCostCents: 5_101, year: 2025 });
    const minute = valueContribution({ minutes: 1, hourlyCostCents: 5_101, year: 2025 });

    expect(hour.valuationCents).toBe(5_101);
    expect(minute.valuationCents).toBe(85); // 85,016… cents
  });

  it('cites the rules it applied', () => {
    const { rule } = valueContribution({ minutes: 420, hourlyCostCents: 12_000, year: 2025 });

    expect(rule).toContain('CGI, art. 238 bis');
    expect(rule).toContain('BOI-BIC-RICI-20-30-10-20');
    expect(rule).toContain('loi n° 2019-1479');
    expect(rule).toContain('3 × PASS 2025 = 141\u00a0300\u00a0€');
    expect(rule).toContain('1607 h');
    expect(rule).toMatch(/^Cost price .* Capped: .* half up\.$/);
  });

  it.each([
    { name: 'a year before the cap', year: 2019 },
    { name: 'a year whose PASS is not yet recorded', year: 2031 },
  ])('refuses $name with what to do', ({ year }) => {
    const value = (): unknown => valueContribution({ minutes: 60, hourlyCostCents: 5_000, year });

    expect(value).toThrow(ValuationRuleMissing);
    expect(value).toThrow(`no annual social-security ceiling (PASS) is recorded for ${year}: wecena knows 2020 to 2026`);
  });

  it.each([
    { name: 'negative minutes', input: { minutes: -60, hourlyCostCents: 5_000, year: 2025 } },
    { name: 'fractional minutes', input: { minutes: 1.5, hourlyCostCents: 5_000, year: 2025 } },
    { name: 'fractional cents', input: { minutes: 60, hourlyCostCents: 50.5, year: 2025 } },
    { name: 'a negative remuneration', input: { minutes: 60, hourlyCostCents: 5_000, annualGrossRemunerationCents: -1, year: 2025 } },
  ])('refuses $name', ({ input }) => {
    expect(() => valueContribution(input)).toThrow(RangeError);
  });
});

describe('ANNUAL_SOCIAL_SECURITY_CEILINGS', () => {
  it.each([
    { year: 2024, cents: 4_636_800 },
    { year: 2025, cents: 4_710_000 },
    { year: 2026, cents: 4_806_000 },
  ])('holds the PASS of $year', ({ year, cents }) => {
    expect(annualSocialSecurityCeilingOf(year).cents).toBe(cents);
  });

  it('has one row per year, in order, each with its source', () => {
    const years = ANNUAL_SOCIAL_SECURITY_CEILINGS.map((row) => row.year);

    expect(years).toEqual(years.map((_, index) => (years[0] ?? 0) + index));
    expect(ANNUAL_SOCIAL_SECURITY_CEILINGS.every((row) => row.source.includes('plafond de la sécurité sociale'))).toBe(true);
  });
});
