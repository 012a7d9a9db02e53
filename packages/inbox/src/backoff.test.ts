import { describe, expect, it } from 'vitest';
import { retryDelayMs, shouldPark } from './backoff';

const policy = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 5 };

describe('retry backoff', () => {
  it.each([
    { failedAttempts: 1, expected: 1_000 },
    { failedAttempts: 2, expected: 2_000 },
    { failedAttempts: 3, expected: 4_000 },
    { failedAttempts: 6, expected: 32_000 },
    { failedAttempts: 7, expected: 60_000 },
    { failedAttempts: 500, expected: 60_000 },
  ])('waits $expected ms after $failedAttempts failures', ({ failedAttempts, expected }) => {
    expect(retryDelayMs(failedAttempts, policy)).toBe(expected);
  });

  it('parks a delivery once it has failed maxAttempts times', () => {
    expect(shouldPark(4, policy)).toBe(false);
    expect(shouldPark(5, policy)).toBe(true);
  });
});
