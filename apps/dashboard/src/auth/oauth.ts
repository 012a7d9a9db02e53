import { z } from '@hono/zod-openapi';
import type { ForgeIdentity } from '../queries/session-queries';

/** The GitHub App's OAuth client (GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET). */
export interface GithubOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** A GitHub Enterprise Server host (GHE_HOST); github.com when absent. */
  host?: string | null;
}

/** An OAuth application registered on one GitLab instance. */
export interface GitlabOAuthConfig {
  /** The instance, `https://gitlab.com` or a self-managed URL (a path prefix is kept). */
  url: string;
  clientId: string;
  clientSecret: string;
}

/** One way to sign in: GitHub, or one GitLab host. */
export interface OAuthProvider {
  /** In the sign-in paths: `github`, or `gitlab/<host>`. */
  id: string;
  forge: 'github' | 'gitlab';
  host: string;
  /** "GitHub", "GitLab (gitlab.com)". */
  label: string;
  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string;
  /** Exchanges the code for an access token, then reads who the token belongs to. */
  identify(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<SignedInPerson>;
}

export interface SignedInPerson {
  identity: ForgeIdentity;
  displayName: string;
}

/** The forge refused the exchange or answered something unexpected: the sign-in fails, nothing else. */
export class OAuthExchangeFailed extends Error {
  readonly code = 'oauth_exchange_failed';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OAuthExchangeFailed';
  }
}

const TIMEOUT_MS = 10_000;

const TokenAnswer = z.object({ access_token: z.string().min(1) });
const TokenError = z.object({ error: z.string(), error_description: z.string().optional() });
const GithubUser = z.object({ id: z.number(), login: z.string().min(1), name: z.string().nullable().optional() });
const GitlabUser = z.object({ id: z.number(), username: z.string().min(1), name: z.string().nullable().optional() });

async function postForm(url: string, form: Record<string, string>): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new OAuthExchangeFailed('the token endpoint could not be reached', { cause: error });
  }
  const body: unknown = await response.json().catch(() => null);
  // GitHub answers 200 with an `error` field when the code is bad; GitLab answers 400 or 401.
  const token = TokenAnswer.safeParse(body);
  if (response.ok && token.success) return token.data.access_token;
  const refusal = TokenError.safeParse(body);
  throw new OAuthExchangeFailed(
    refusal.success ? `the forge refused the code: ${refusal.data.error}` : `the token endpoint answered ${response.status}`,
  );
}

async function getJson(url: string, accessToken: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}`, 'User-Agent': 'wecena' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new OAuthExchangeFailed('the user endpoint could not be reached', { cause: error });
  }
  if (!response.ok) throw new OAuthExchangeFailed(`the user endpoint answered ${response.status}`);
  return response.json();
}

/**
 * Sign-in with GitHub through the GitHub App's OAuth client: no scope is asked, the App's
 * user token only tells who the person is. PKCE (S256) protects the code.
 */
export function githubProvider(config: GithubOAuthConfig): OAuthProvider {
  const host = (config.host ?? 'github.com').toLowerCase();
  const web = `https://${host}`;
  const api = host === 'github.com' ? 'https://api.github.com' : `${web}/api/v3`;
  return {
    id: 'github',
    forge: 'github',
    host,
    label: host === 'github.com' ? 'GitHub' : `GitHub (${host})`,
    authorizationUrl({ state, codeChallenge, redirectUri }) {
      const query = new URLSearchParams({
        client_id: config.clientId,
        redirect_uri: redirectUri,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
        allow_signup: 'false',
      });
      return `${web}/login/oauth/authorize?${query.toString()}`;
    },
    async identify({ code, codeVerifier, redirectUri }) {
      const token = await postForm(`${web}/login/oauth/access_token`, {
        client_id: config.clientId,
        client_secret: config.clientSecret,
        code,
        redirect_uri: redirectUri,
        code_verifier: codeVerifier,
      });
      const user = GithubUser.safeParse(await getJson(`${api}/user`, token));
      if (!user.success) throw new OAuthExchangeFailed('GitHub answered a user without id or login');
      return {
        identity: { forge: 'github', host, login: user.data.login, forgeUserId: String(user.data.id) },
        displayName: user.data.name || user.data.login,
      };
    },
  };
}

/** The host part of a GitLab URL, as repositories and identities record it: `gitlab.com`, `git.example.org:8443`. */
export function gitlabHostOf(url: string): string {
  return new URL(url).host.toLowerCase();
}

/** Sign-in with one GitLab instance: scope `read_user`, PKCE (S256). */
export function gitlabProvider(config: GitlabOAuthConfig): OAuthProvider {
  const base = config.url.replace(/\/+$/, '');
  const host = gitlabHostOf(base);
  return {
    id: `gitlab/${host}`,
    forge: 'gitlab',
    host,
    label: `GitLab (${host})`,
    authorizationUrl({ state, codeChallenge, redirectUri }) {
      const query = new URLSearchParams({
        client_id: config.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'read_user',
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      });
      return `${base}/oauth/authorize?${query.toString()}`;
    },
    async identify({ code, codeVerifier, redirectUri }) {
      const token = await postForm(`${base}/oauth/token`, {
        client_id: config.clientId,
        client_secret: config.clientSecret,
        code,
        grant_type: 'authorization_code',
        redirect_uri: redirectUri,
        code_verifier: codeVerifier,
      });
      const user = GitlabUser.safeParse(await getJson(`${base}/api/v4/user`, token));
      if (!user.success) throw new OAuthExchangeFailed('GitLab answered a user without id or username');
      return {
        identity: { forge: 'gitlab', host, login: user.data.username, forgeUserId: String(user.data.id) },
        displayName: user.data.name || user.data.username,
      };
    },
  };
}
