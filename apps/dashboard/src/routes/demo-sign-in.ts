import { Hono } from 'hono';
import { getSignedCookie, setSignedCookie } from 'hono/cookie';
import { cookieName, FORM_COOKIE, type DashboardEnv, type SignIn } from '../auth/context';
import { chromeOf } from '../auth/guard';
import { isLoopbackHost } from '../auth/loopback';
import { randomSecret } from '../auth/pkce';
import { homePathOf } from '../auth/roles';
import { renderDemoSignInPage, renderSignInFailedPage } from '../pages/sign-in-pages';
import { findDemoPerson, listDemoPeople } from '../queries/demo-people-queries';
import { startSession } from './sign-in';

/**
 * `/demo/sign-in`: act as any demo person. Mounted only with `--demo` on a loopback address;
 * even then, a request whose Host is not loopback (a DNS-rebinding page) is refused.
 */
export function demoSignInRoutes(signIn: SignIn): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.use('/demo/*', async (c, next) => {
    if (!isLoopbackHost(new URL(c.req.url).hostname)) {
      return c.html(renderSignInFailedPage('The demo sign-in answers on this machine only (localhost, 127.0.0.1 or ::1).'), 403);
    }
    await next();
  });

  app.get('/demo/sign-in', async (c) => {
    const name = cookieName(signIn, FORM_COOKIE);
    let token = await getSignedCookie(c, signIn.secret, name);
    if (typeof token !== 'string' || token === '') {
      token = randomSecret();
      await setSignedCookie(c, name, token, signIn.secret, { path: '/', httpOnly: true, sameSite: 'Lax', secure: signIn.secureCookies });
    }
    const session = c.get('session');
    return c.html(renderDemoSignInPage(await listDemoPeople(signIn.db), session?.csrfToken ?? token, chromeOf(c)));
  });

  app.post('/demo/sign-in', async (c) => {
    const body = await c.req.parseBody();
    const person = typeof body.person === 'string' ? await findDemoPerson(signIn.db, body.person) : null;
    if (person === null) return c.html(renderSignInFailedPage('There is no such demo person.'), 400);
    await startSession(c, signIn, { displayName: person.name, identity: null, demoRoles: [person.role] });
    return c.redirect(homePathOf(person.role), 303);
  });
  return app;
}
