import { describe, expect, it } from 'vitest';
import type { RateLimitStatus } from '../ports/forge-port';
import { nextRequestAt } from './scan-pacing';

const NOW = '2026-03-02T09:00:00.000Z';
const open: RateLimitStatus = { limited: false, remaining: 4000, resetAt: '2026-03-02T09:30:00.000Z', retryAfterSeconds: null };

describe('nextRequestAt', () => {
  it.each<{ name: string; input: RateLimitStatus; expected: string | null }>([
    { name: 'a budget to spare: at once', input: open, expected: null },
    { name: 'no rate limit said: at once', input: { limited: false, remaining: null, resetAt: null, retryAfterSeconds: null }, expected: null },
    { name: 'the reserve reached: at the reset', input: { ...open, remaining: 50 }, expected: '2026-03-02T09:30:00.000Z' },
    { name: 'the reserve reached, reset past: at once', input: { ...open, remaining: 0, resetAt: '2026-03-02T08:00:00.000Z' }, expected: null },
    { name: 'refused with Retry-After: after it', input: { ...open, limited: true, retryAfterSeconds: 90 }, expected: '2026-03-02T09:01:30.000Z' },
    { name: 'refused with a reset: at the reset', input: { ...open, limited: true }, expected: '2026-03-02T09:30:00.000Z' },
    { name: 'refused with nothing said: a minute later', input: { limited: true, remaining: null, resetAt: null, retryAfterSeconds: null }, expected: '2026-03-02T09:01:00.000Z' },
  ])('$name', ({ input, expected }) => {
    expect(nextRequestAt(input, NOW)).toBe(expected);
  });
});
