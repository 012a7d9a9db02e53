import type { MiddlewareHandler } from 'hono';

/**
 * The headers every dashboard response carries. Task titles come from issue titles on public
 * forges, so the page must never run a script it did not serve itself: the policy allows our
 * own origin only (the stylesheet is a route, never inline), forbids framing, and keeps the
 * page's address to ourselves when a visitor follows a link out to a forge.
 */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
} as const satisfies Record<string, string>;

/** Sets SECURITY_HEADERS on the response, leaving any a handler chose itself untouched. */
export function securityHeaders(): MiddlewareHandler {
  return async function setSecurityHeaders(c, next) {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
}
