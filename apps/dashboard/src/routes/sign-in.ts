import { Hono, type Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { z } from '@hono/zod-openapi';
import { cookieName, isSafeReturnPath, OAUTH_COOKIE, SESSION_COOKIE, type DashboardEnv, type SignIn } from '../auth/context';
import { OAuthExchangeFailed, type OAuthProvider } from '../auth/oauth';
import { codeChallengeOf, isSameSecret, randomSecret } from '../auth/pkce';
import { homePathOf, type Role } from '../auth/roles';
import type { DashboardLogger } from '../logger';
import { renderLayout } from '../pages/layout';
import { renderNoRolePage, renderSignInFailedPage, renderSignInPage } from '../pages/sign-in-pages';
import { html } from 'hono/html';
import { createSession, deleteSession, findRoles, recordForgeUserId, type ForgeIdentity } from '../queries/session-queries';

/** How long the forge may take to send the person back: the state cookie's lifetime. */
const OAUTH_ROUND_TRIP_SECONDS = 600;

const OAuthCookie = z.object({ provider: z.string(), state: z.string(), verifier: z.string(), next: z.string().nullable() });

/** Starts a session: a new token each time (no fixation), in a signed HttpOnly SameSite=Lax cookie. */
export async function startSession(
  c: Context<DashboardEnv>,
  signIn: SignIn,
  input: { displayName: string; identity: ForgeIdentity | null; demoRoles: Role[] | null },
): Promise<void> {
  const previous = c.get('sessionToken');
  if (previous !== null) await deleteSession(signIn.db, previous, signIn.clock());
  const { token } = await createSession(signIn.db, { ...input, now: signIn.clock(), lifetimeMs: signIn.sessionLifetimeMs });
  await setSignedCookie(c, cookieName(signIn, SESSION_COOKIE), token, signIn.secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: signIn.secureCookies,
    maxAge: Math.floor(signIn.sessionLifetimeMs / 1000),
  });
}

function redirectUriOf(signIn: SignIn, provider: OAuthProvider): string {
  return `${signIn.publicUrl}/auth/${provider.id}/callback`;
}

/**
 * `/sign-in`, the OAuth round trip per forge (`/auth/github`, `/auth/gitlab/<host>`, each with
 * its `/callback`), `/sign-out` and `/me`. With `signIn` null (no SESSION_SECRET) the sign-in
 * page says how to turn it on and nothing else answers.
 */
export function signInRoutes(signIn: SignIn | null, logger: DashboardLogger): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();

  app.get('/sign-in', (c) => {
    const next = c.req.query('next');
    return c.html(
      renderSignInPage({
        enabled: signIn !== null,
        providers: signIn?.providers.map(({ id, label }) => ({ id, label })) ?? [],
        demo: signIn?.demo ?? false,
        next: isSafeReturnPath(next) ? next : null,
      }),
    );
  });

  app.get('/me', (c) => {
    const viewer = c.get('viewer');
    if (viewer === null) return c.redirect('/sign-in', 303);
    const first = viewer.roles[0];
    if (first === undefined) return c.html(renderNoRolePage(viewer.identity ?? viewer.displayName), 403);
    return c.redirect(homePathOf(first), 303);
  });

  if (signIn === null) return app;

  app.post('/sign-out', async (c) => {
    const token = c.get('sessionToken');
    if (token !== null) await deleteSession(signIn.db, token, signIn.clock());
    deleteCookie(c, cookieName(signIn, SESSION_COOKIE), { path: '/', secure: signIn.secureCookies });
    return c.html(
      renderLayout({ title: 'Signed out', body: html`<h1>Signed out</h1><p>You are signed out of this dashboard.</p><p><a href="/sign-in">Sign in again</a></p>` }),
    );
  });

  for (const provider of signIn.providers) {
    app.get(`/auth/${provider.id}`, async (c) => {
      const state = randomSecret();
      const verifier = randomSecret();
      const next = c.req.query('next');
      const cookie = { provider: provider.id, state, verifier, next: isSafeReturnPath(next) ? next : null };
      await setSignedCookie(c, cookieName(signIn, OAUTH_COOKIE), JSON.stringify(cookie), signIn.secret, {
        path: '/',
        httpOnly: true,
        // Lax: the forge sends the person back with a top-level GET, which carries Lax cookies.
        sameSite: 'Lax',
        secure: signIn.secureCookies,
        maxAge: OAUTH_ROUND_TRIP_SECONDS,
      });
      return c.redirect(provider.authorizationUrl({ state, codeChallenge: codeChallengeOf(verifier), redirectUri: redirectUriOf(signIn, provider) }), 302);
    });

    app.get(`/auth/${provider.id}/callback`, async (c) => {
      const raw = await getSignedCookie(c, signIn.secret, cookieName(signIn, OAUTH_COOKIE));
      deleteCookie(c, cookieName(signIn, OAUTH_COOKIE), { path: '/', secure: signIn.secureCookies });
      let cookie: z.infer<typeof OAuthCookie> | null = null;
      try {
        cookie = typeof raw === 'string' ? OAuthCookie.parse(JSON.parse(raw)) : null;
      } catch {
        cookie = null;
      }
      const code = c.req.query('code');
      if (cookie === null || cookie.provider !== provider.id || !isSameSecret(c.req.query('state'), cookie.state) || !code) {
        const denied = c.req.query('error') === 'access_denied';
        return c.html(
          renderSignInFailedPage(denied ? 'You declined to let wecena know who you are on the forge.' : 'This sign-in link has expired or was not started here. Start again from the sign-in page.'),
          400,
        );
      }
      let person;
      try {
        person = await provider.identify({ code, codeVerifier: cookie.verifier, redirectUri: redirectUriOf(signIn, provider) });
      } catch (error) {
        if (!(error instanceof OAuthExchangeFailed)) throw error;
        logger.error({ err: error, provider: provider.id }, 'sign-in exchange failed');
        return c.html(renderSignInFailedPage(`${provider.label} did not confirm who you are. Try again in a moment.`), 502);
      }
      await recordForgeUserId(signIn.db, person.identity);
      const roles = await findRoles(signIn.db, person.identity);
      const isNamedOperator = signIn.operators.some(
        (operator) => operator.host === person.identity.host && operator.login.toLowerCase() === person.identity.login.toLowerCase(),
      );
      const first = isNamedOperator ? ({ kind: 'operator' } as const) : roles[0];
      if (first === undefined) return c.html(renderNoRolePage(`${person.identity.host}/${person.identity.login}`), 403);
      await startSession(c, signIn, { displayName: person.displayName, identity: person.identity, demoRoles: null });
      return c.redirect(cookie.next ?? homePathOf(first), 303);
    });
  }

  return app;
}
