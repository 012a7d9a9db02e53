export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** After this many failed attempts a delivery is parked for a human to look at. */
  maxAttempts: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, maxMs: 60 * 60 * 1_000, maxAttempts: 8 };

/** Delay before the next attempt after `failedAttempts` failures: base × 2^(n-1), capped. */
export function retryDelayMs(failedAttempts: number, policy: BackoffPolicy = defaultBackoff): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2 ** 31 already exceeds any sane cap; stop there so the product never overflows to Infinity.
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 31));
}

export function shouldPark(failedAttempts: number, policy: BackoffPolicy = defaultBackoff): boolean {
  return failedAttempts >= policy.maxAttempts;
}
