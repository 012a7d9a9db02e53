import { describe, expect, it } from 'vitest';
import { formatHoursAndMinutes } from './format';

describe('formatHoursAndMinutes', () => {
  it.each([
    { name: 'nothing', input: 0, expected: '0 min' },
    { name: 'minutes only', input: 45, expected: '45 min' },
    { name: 'whole hours', input: 720, expected: '12 h' },
    { name: 'hours and minutes, padded', input: 125, expected: '2 h 05 min' },
    { name: 'thousands grouped', input: 1234 * 60 + 5, expected: '1,234 h 05 min' },
    { name: 'a net reversal', input: -90, expected: '−1 h 30 min' },
  ])('$name', ({ input, expected }) => {
    expect(formatHoursAndMinutes(input)).toBe(expected);
  });
});
