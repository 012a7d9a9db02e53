import type { MiddlewareHandler } from 'hono';
import { getSignedCookie } from 'hono/cookie';
import { cookieName, SESSION_COOKIE, type DashboardEnv, type SignIn } from '../../auth/context';
import type { Role, Viewer } from '../../auth/roles';
import { findRoles, findSession } from '../../queries/session-queries';

/**
 * Reads the signed session cookie and puts the viewer on the context (null for a stranger).
 * A forge session's roles are read again on each request: a role taken away is gone at once.
 */
export function loadViewer(signIn: SignIn | null): MiddlewareHandler<DashboardEnv> {
  return async function setViewer(c, next) {
    c.set('viewer', null);
    c.set('session', null);
    c.set('sessionToken', null);
    if (signIn !== null) {
      const token = await getSignedCookie(c, signIn.secret, cookieName(signIn, SESSION_COOKIE));
      if (typeof token === 'string' && token !== '') {
        const session = await findSession(signIn.db, token, signIn.clock());
        if (session !== null) {
          let roles: Role[];
          if (session.demoRoles !== null) roles = session.demoRoles;
          else if (session.identity !== null) {
            const { identity } = session;
            roles = await findRoles(signIn.db, identity);
            const named = signIn.operators.some(
              (operator) => operator.host === identity.host && operator.login.toLowerCase() === identity.login.toLowerCase(),
            );
            if (named && !roles.some((role) => role.kind === 'operator')) roles = [{ kind: 'operator' }, ...roles];
          } else roles = [];
          const viewer: Viewer = {
            displayName: session.displayName,
            identity: session.identity === null ? null : `${session.identity.host}/${session.identity.login}`,
            roles,
          };
          c.set('viewer', viewer);
          c.set('session', session);
          c.set('sessionToken', token);
        }
      }
    }
    await next();
  };
}
