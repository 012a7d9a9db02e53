import { describe, expect, it } from 'vitest';
import { addDays, compareDates, compareInstants, utcDateOf } from './time';

describe('time helpers', () => {
  it.each([
    { a: '2026-03-02T09:00:00Z', b: '2026-03-02T09:00:00.5Z', sign: -1 },
    { a: '2026-03-02T09:00:00.000Z', b: '2026-03-02T09:00:00Z', sign: 0 },
    { a: '2026-03-03T00:00:00Z', b: '2026-03-02T23:59:59.999Z', sign: 1 },
  ])('compares $a with $b as $sign', ({ a, b, sign }) => {
    expect(Math.sign(compareInstants(a, b))).toBe(sign);
  });

  it.each([
    { a: '2026-03-02', b: '2026-03-10', sign: -1 },
    { a: '2026-03-02', b: '2026-03-02', sign: 0 },
    { a: '2027-01-01', b: '2026-12-31', sign: 1 },
  ])('compares $a with $b as $sign', ({ a, b, sign }) => {
    expect(compareDates(a, b)).toBe(sign);
  });

  it.each([
    { date: '2026-02-28', days: 1, expected: '2026-03-01' },
    { date: '2024-02-28', days: 1, expected: '2024-02-29' },
    { date: '2026-12-31', days: 1, expected: '2027-01-01' },
    { date: '2026-03-01', days: -1, expected: '2026-02-28' },
    { date: '2026-03-29', days: 1, expected: '2026-03-30' },
  ])('$date plus $days days is $expected', ({ date, days, expected }) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('takes the UTC date of an instant', () => {
    expect(utcDateOf('2026-03-02T23:30:00Z')).toBe('2026-03-02');
  });
});
