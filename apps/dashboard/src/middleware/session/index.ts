import type { Context, MiddlewareHandler } from 'hono';
import { getSignedCookie } from 'hono/cookie';
import { respondWithError } from '../../api/errors';
import { API_BASE_PATH } from '../../api/openapi-document';
import { cookieName, SESSION_COOKIE, type DashboardEnv, type SignIn } from '../../auth/context';
import type { Viewer } from '../../auth/roles';
import { findSession } from '../../queries/session-queries';
import { viewerOfBearer } from './bearer-token';
import { currentRolesOf } from './current-roles';

function isApiPath(path: string): boolean {
  return path === API_BASE_PATH || path.startsWith(`${API_BASE_PATH}/`);
}

/**
 * Puts the viewer on the context (null for a stranger). On the API, a request with an
 * `Authorization` header is the token's, whatever cookie it carries, and a token that speaks
 * for no one is a 401 at once; pages and forms never read that header: a bearer token opens
 * no page and posts no form. Otherwise the viewer comes from the signed session cookie.
 */
export function loadViewer(signIn: SignIn | null): MiddlewareHandler<DashboardEnv> {
  return async function setViewer(c, next) {
    c.set('viewer', null);
    c.set('session', null);
    c.set('sessionToken', null);
    const authorization = c.req.header('Authorization');
    if (authorization !== undefined && isApiPath(c.req.path)) {
      const outcome = await viewerOfBearer(signIn, authorization);
      if (!outcome.ok) {
        const refused = respondWithError(c, 401, { error: 'invalid_token', message: outcome.detail });
        refused.headers.set('WWW-Authenticate', 'Bearer realm="wecena", error="invalid_token"');
        return refused;
      }
      c.set('viewer', outcome.viewer);
    } else if (signIn !== null) await loadSessionViewer(c, signIn);
    await next();
  };
}

/** The viewer of the session cookie. A forge session's roles are read again on each request. */
async function loadSessionViewer(c: Context<DashboardEnv>, signIn: SignIn): Promise<void> {
  const token = await getSignedCookie(c, signIn.secret, cookieName(signIn, SESSION_COOKIE));
  if (typeof token !== 'string' || token === '') return;
  const session = await findSession(signIn.db, token, signIn.clock());
  if (session === null) return;
  const roles = session.demoRoles ?? (session.identity === null ? [] : await currentRolesOf(signIn, session.identity));
  const viewer: Viewer = {
    displayName: session.displayName,
    identity: session.identity === null ? null : `${session.identity.host}/${session.identity.login}`,
    roles,
  };
  c.set('viewer', viewer);
  c.set('session', session);
  c.set('sessionToken', token);
}
