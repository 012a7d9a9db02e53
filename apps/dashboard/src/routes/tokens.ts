import { z } from '@hono/zod-openapi';
import type { Database } from '@wecena/db';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DashboardEnv } from '../auth/context';
import { chromeOf, guard, viewerOf } from '../auth/guard';
import { keepNamedRoles, roleKey } from '../auth/role-keys';
import type { Policy } from '../auth/roles';
import { renderNotFoundPage } from '../pages/error-pages';
import { EMPTY_TOKEN_FORM, renderTokensPage, TOKEN_LIFETIMES, type TokenLifetime, type TokensPageInput } from '../pages/tokens-page';
import type { SessionRecord } from '../queries/session-queries';
import { createApiToken, listApiTokens, revokeApiToken, type TokenOwner } from '../queries/token-queries';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Anyone signed in: someone whose roles were all taken away may still revoke their tokens. */
const signedIn: Policy = () => true;

const LIFETIMES = Object.keys(TOKEN_LIFETIMES) as [TokenLifetime, ...TokenLifetime[]];
const NewTokenForm = z.object({
  name: z
    .string({ error: 'Give the token a name, to know it again in the list.' })
    .trim()
    .min(1, { error: 'Give the token a name, to know it again in the list.' })
    .max(100, { error: 'A token name is at most 100 characters.' }),
  roles: z
    .union([z.string(), z.array(z.string())], { error: 'Choose at least one of your roles for the token to carry.' })
    .optional()
    .transform((roles) => (roles === undefined ? [] : typeof roles === 'string' ? [roles] : roles))
    .pipe(z.array(z.string()).min(1, { error: 'Choose at least one of your roles for the token to carry.' })),
  lifetime: z.enum(LIFETIMES, { error: 'Choose how long the token lives.' }),
});

const NOTICES = {
  revoked: 'The token is revoked: it no longer opens the API.',
  already: 'That token was revoked already.',
} as const;

/**
 * Whose tokens a session makes and sees: its forge identity, or, in a demo session, the demo
 * person chosen (one role), by that role's key. See middleware/session/bearer-token for why a
 * demo person's token is safe.
 */
function tokenOwnerOf(session: SessionRecord): TokenOwner {
  if (session.identity !== null) return { kind: 'forge', identity: session.identity };
  return { kind: 'demo', person: (session.demoRoles ?? []).map(roleKey).join(' ') };
}

function sessionOf(c: Context<DashboardEnv>): SessionRecord {
  const session = c.get('session');
  if (session === null) throw new Error('the token pages are behind guard(), which needs a session');
  return session;
}

/** `/tokens`: personal API tokens, made, listed and revoked by their owner. */
export function tokensRoutes({ db, clock }: { db: Database; clock: () => Date }): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();

  async function answerPage(c: Context<DashboardEnv>, status: ContentfulStatusCode, page: Partial<TokensPageInput>): Promise<Response> {
    const session = sessionOf(c);
    // The secret of a new token is in this page: no cache keeps it.
    c.header('Cache-Control', 'no-store');
    return c.html(
      renderTokensPage({
        tokens: await listApiTokens(db, tokenOwnerOf(session)),
        roles: viewerOf(c).roles,
        now: clock(),
        csrfToken: session.csrfToken,
        signedIn: chromeOf(c),
        created: null,
        problem: null,
        notice: null,
        form: EMPTY_TOKEN_FORM,
        ...page,
      }),
      status,
    );
  }

  app.get('/tokens', guard(signedIn), async (c) => {
    const done = c.req.query('done');
    return answerPage(c, 200, { notice: done === 'revoked' || done === 'already' ? NOTICES[done] : null });
  });

  app.post('/tokens', guard(signedIn), async (c) => {
    const parsed = NewTokenForm.safeParse(await c.req.parseBody({ all: true }));
    if (!parsed.success) return answerPage(c, 400, { problem: parsed.error.issues.map((issue) => issue.message).join(' ') });
    const { name, roles, lifetime } = parsed.data;
    const viewer = viewerOf(c);
    const carried = keepNamedRoles(viewer.roles, roles);
    if (carried.length !== new Set(roles).size) {
      return answerPage(c, 400, { problem: 'A token carries only roles you hold now.', form: { name, roles, lifetime } });
    }
    const now = clock();
    const session = sessionOf(c);
    const { secret } = await createApiToken(db, {
      owner: tokenOwnerOf(session),
      displayName: viewer.displayName,
      name,
      roles: carried.map(roleKey),
      now,
      expiresAt: lifetime === 'never' ? null : new Date(now.getTime() + Number(lifetime) * DAY_MS),
    });
    return answerPage(c, 201, { created: { name, secret } });
  });

  app.post('/tokens/:tokenId{[1-9][0-9]{0,17}}/revoke', guard(signedIn), async (c) => {
    const outcome = await revokeApiToken(db, tokenOwnerOf(sessionOf(c)), c.req.param('tokenId'), clock());
    if (outcome === 'none') return c.html(renderNotFoundPage(c.req.path), 404);
    return c.redirect(`/tokens?done=${outcome}#your-tokens`, 303);
  });

  return app;
}
