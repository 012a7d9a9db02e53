import type { RateLimitStatus } from '../ports/forge-port';

/** Requests kept in reserve: the journey must still answer people while a scan runs. */
export const DEFAULT_RATE_LIMIT_RESERVE = 50;
/** How long to wait when the forge refused a request without saying until when (GitLab after its own retries). */
export const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 60;

/**
 * When a scan may send its next request, from what the forge said of its rate limit with the
 * last answer: now (null), or a later instant. A refusal waits `Retry-After`, else the reset,
 * else a minute; a budget at or under the reserve waits for the reset.
 */
export function nextRequestAt(rateLimit: RateLimitStatus, now: string, reserve = DEFAULT_RATE_LIMIT_RESERVE): string | null {
  const nowMs = Date.parse(now);
  const later = (ms: number): string | null => (ms > nowMs ? new Date(ms).toISOString() : null);
  if (rateLimit.limited) {
    if (rateLimit.retryAfterSeconds !== null) return later(nowMs + rateLimit.retryAfterSeconds * 1000) ?? now;
    if (rateLimit.resetAt !== null) return later(Date.parse(rateLimit.resetAt)) ?? now;
    return new Date(nowMs + DEFAULT_RATE_LIMIT_WAIT_SECONDS * 1000).toISOString();
  }
  if (rateLimit.remaining !== null && rateLimit.remaining <= reserve && rateLimit.resetAt !== null) {
    return later(Date.parse(rateLimit.resetAt));
  }
  return null;
}
