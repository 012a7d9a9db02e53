import { describe, expect, it } from 'vitest';
import { formatEuros } from './format-euros';
import { divideRoundingHalfUp, prorateCents } from './rounding';

describe('divideRoundingHalfUp', () => {
  it.each([
    { name: 'exact', numerator: 10n, denominator: 5n, expected: 2n },
    { name: 'a half up', numerator: 5n, denominator: 2n, expected: 3n },
    { name: 'below a half', numerator: 7n, denominator: 3n, expected: 2n },
    { name: 'above a half', numerator: 8n, denominator: 3n, expected: 3n },
    { name: 'a negative half away from zero', numerator: -5n, denominator: 2n, expected: -3n },
    { name: 'zero', numerator: 0n, denominator: 7n, expected: 0n },
    { name: 'beyond 2^53', numerator: 2n ** 80n + 1n, denominator: 2n, expected: 2n ** 79n + 1n },
  ])('$name', ({ numerator, denominator, expected }) => {
    expect(divideRoundingHalfUp(numerator, denominator)).toBe(expected);
  });

  it('refuses a zero denominator', () => {
    expect(() => divideRoundingHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe('prorateCents', () => {
  it.each([
    { name: 'an hour at an hourly rate', count: 60, rate: 5_000, per: 60, expected: 5_000 },
    { name: 'ninety minutes', count: 90, rate: 5_001, per: 60, expected: 7_502 },
    { name: 'a negative delta', count: -90, rate: 5_001, per: 60, expected: -7_502 },
  ])('$name', ({ count, rate, per, expected }) => {
    expect(prorateCents(count, rate, per)).toBe(expected);
  });
});

describe('formatEuros', () => {
  it.each([
    { cents: 0, expected: '0\u00a0€' },
    { cents: 5, expected: '0,05\u00a0€' },
    { cents: 8_000, expected: '80\u00a0€' },
    { cents: 123_450, expected: '1\u00a0234,50\u00a0€' },
    { cents: 14_130_000, expected: '141\u00a0300\u00a0€' },
    { cents: 200_000_000_000, expected: '2\u00a0000\u00a0000\u00a0000\u00a0€' },
    { cents: -1_205, expected: '-12,05\u00a0€' },
  ])('$cents cents → $expected', ({ cents, expected }) => {
    expect(formatEuros(cents)).toBe(expected);
  });
});
