import type { MiddlewareHandler } from 'hono';
import { getSignedCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { cookieName, FORM_COOKIE, type DashboardEnv, type SignIn } from '../../auth/context';
import { isSameSecret } from '../../auth/pkce';
import { renderFormRefusedPage } from '../../pages/error-pages';

/** The hidden field every dashboard form carries. */
export const CSRF_FIELD = '_csrf';

/**
 * Cross-site request forgery, refused twice over on every form posted to a page: the
 * browser's Origin (or Sec-Fetch-Site) must be ours (hono's csrf), and the form must carry
 * the token of the session, or, before signing in, the token of the signed form cookie.
 * The API under /api/ answers JSON and is left to its own authentication.
 */
export function protectForms(signIn: SignIn | null): MiddlewareHandler<DashboardEnv> {
  const publicOrigin = signIn === null ? null : new URL(signIn.publicUrl).origin;
  const checkOrigin = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin });
  return async function checkForm(c, next) {
    if (/^(GET|HEAD|OPTIONS)$/.test(c.req.method) || c.req.path.startsWith('/api/')) return next();
    const refuse = () => c.html(renderFormRefusedPage(), 403);
    try {
      await checkOrigin(c, async () => {});
    } catch {
      return refuse();
    }
    if (signIn === null) return refuse();
    const type = c.req.header('content-type') ?? '';
    if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) return refuse();
    const body = await c.req.parseBody({ all: true });
    const given = body[CSRF_FIELD];
    const session = c.get('session');
    const expected = session !== null ? session.csrfToken : await getSignedCookie(c, signIn.secret, cookieName(signIn, FORM_COOKIE));
    if (!isSameSecret(typeof given === 'string' ? given : null, typeof expected === 'string' ? expected : null)) return refuse();
    await next();
  };
}
