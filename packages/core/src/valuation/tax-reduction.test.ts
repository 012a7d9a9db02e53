import { describe, expect, it } from 'vitest';
import { ValuationRuleMissing } from './value-contribution';
import { estimateTaxReduction } from './tax-reduction';

describe('estimateTaxReduction', () => {
  it.each([
    {
      // 0.5 % of 1 M€ is 5 000 €: the 20 000 € floor is the ceiling; 60 % of 10 000 €.
      name: 'a small company within the 20 000 € floor',
      input: { giftsCents: 1_000_000, turnoverCents: 100_000_000, year: 2025 },
      expected: { ceilingCents: 2_000_000, countedGiftsCents: 1_000_000, reductionCents: 600_000, carriedForwardCents: 0 },
    },
    {
      name: 'a small company above the floor: the excess is carried forward',
      input: { giftsCents: 3_000_000, turnoverCents: 100_000_000, year: 2025 },
      expected: { ceilingCents: 2_000_000, countedGiftsCents: 2_000_000, reductionCents: 1_200_000, carriedForwardCents: 1_000_000 },
    },
    {
      // 0.5 % of 10 M€ = 50 000 €, larger than the floor.
      name: 'a larger company: 0.5 % of the turnover',
      input: { giftsCents: 4_000_000, turnoverCents: 1_000_000_000, year: 2025 },
      expected: { ceilingCents: 5_000_000, countedGiftsCents: 4_000_000, reductionCents: 2_400_000, carriedForwardCents: 0 },
    },
    {
      // 60 % of 2 M€ + 40 % of 1 M€ = 1.6 M€; 0.5 % of 1 G€ = 5 M€.
      name: 'gifts above 2 M€ in a year: 40 % on the part above',
      input: { giftsCents: 300_000_000, turnoverCents: 100_000_000_000, year: 2025 },
      expected: { ceilingCents: 500_000_000, countedGiftsCents: 300_000_000, reductionCents: 160_000_000, carriedForwardCents: 0 },
    },
    {
      name: 'a reduction to the cent, half up',
      input: { giftsCents: 1, turnoverCents: 0, year: 2025 },
      expected: { ceilingCents: 2_000_000, countedGiftsCents: 1, reductionCents: 1, carriedForwardCents: 0 },
    },
  ])('$name', ({ input, expected }) => {
    expect(estimateTaxReduction(input)).toMatchObject(expected);
  });

  it('cites its rules', () => {
    expect(estimateTaxReduction({ giftsCents: 100, turnoverCents: 0, year: 2025 }).rule).toContain('CGI, art. 238 bis, 1 and 4');
  });

  it('refuses a year before the rules it knows', () => {
    expect(() => estimateTaxReduction({ giftsCents: 100, turnoverCents: 0, year: 2019 })).toThrow(ValuationRuleMissing);
  });
});
