import type { Context, MiddlewareHandler } from 'hono';
import { renderForbiddenPage, renderSignInNeededPage } from '../pages/error-pages';
import type { LayoutInput } from '../pages/layout';
import type { DashboardEnv } from './context';
import { homePathOf, ROLE_LABELS, type Policy, type Viewer } from './roles';

/**
 * Lets the request through only when the viewer passes `policy`. A stranger is sent to sign
 * in (a page) or refused with 401 (a form); a viewer without the right role gets 403.
 */
export function guard(policy: Policy): MiddlewareHandler<DashboardEnv> {
  return async function checkPolicy(c, next) {
    const viewer = c.get('viewer');
    if (viewer === null) {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const url = new URL(c.req.url);
        return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
      }
      return c.html(renderSignInNeededPage(), 401);
    }
    if (!policy(viewer, c.req.param())) return c.html(renderForbiddenPage(chromeOf(c)), 403);
    await next();
  };
}

/** The viewer on a guarded route: set, since the guard let the request in. */
export function viewerOf(c: Context<DashboardEnv>): Viewer {
  const viewer = c.get('viewer');
  if (viewer === null) throw new Error('viewerOf() is for routes behind guard()');
  return viewer;
}

/** The header of a page for the person signed in: their pages, their API tokens and the sign-out form. */
export function chromeOf(c: Context<DashboardEnv>): LayoutInput['signedIn'] {
  const viewer = c.get('viewer');
  const session = c.get('session');
  if (viewer === null || session === null) return null;
  const seen = new Set<string>();
  const links = viewer.roles.flatMap((role) => {
    const href = homePathOf(role);
    if (seen.has(href)) return [];
    seen.add(href);
    return [{ href, label: ROLE_LABELS[role.kind] }];
  });
  return { displayName: viewer.displayName, csrfToken: session.csrfToken, links: [...links, { href: '/tokens', label: 'API tokens' }] };
}
