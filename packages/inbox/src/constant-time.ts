import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Compares two secrets in constant time, whatever their lengths (hashing first evens them out). */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** Checks a `sha256=<hex>` HMAC of `body` under `secret`, in constant time. */
export function hmacSha256Matches(body: Uint8Array, secret: string, signature: string): boolean {
  const expected = 'sha256=' + createHmac('sha256', secret).update(body).digest('hex');
  return secretsMatch(signature, expected);
}
