import type { Database } from '@wecena/db';
import type { ForgeLogin, SignIn } from './context';
import { isLoopbackHost } from './loopback';
import { githubProvider, gitlabProvider, type GithubOAuthConfig, type GitlabOAuthConfig } from './oauth';
import { randomSecret } from './pkce';

/** How people sign in to the dashboard; from the environment, through `wecena serve`. */
export interface DashboardSignInOptions {
  /** SESSION_SECRET (32 characters or more). Without it sign-in is off, except for the demo. */
  sessionSecret?: string | null;
  /** PUBLIC_URL: OAuth redirect URIs are `<publicUrl>/auth/github/callback`, `<publicUrl>/auth/gitlab/<host>/callback`. */
  publicUrl: string;
  /** The GitHub App's OAuth client (GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET; GHE_HOST for Enterprise). */
  github?: GithubOAuthConfig | null;
  /** One OAuth application per GitLab host (GITLAB_CLIENT_ID, GITLAB_CLIENT_SECRET for GITLAB_URL, …). */
  gitlab?: GitlabOAuthConfig[];
  /** `--demo`: the demo sign-in page, offered only when `listenHost` is a loopback address. */
  demo?: boolean;
  /** HOST: the address the server listens on. */
  listenHost?: string;
  /** Operators named in the configuration (WECENA_OPERATORS): `github.com/alice`, `gitlab.com/bob`. */
  operators?: string[];
  /** How long a session lasts; 12 hours unless told. */
  sessionLifetimeMs?: number;
}

export const DEFAULT_SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** A `host/login` entry of WECENA_OPERATORS, or null when it is not one. */
export function parseForgeLogin(text: string): ForgeLogin | null {
  const match = /^(?<host>[a-z0-9.-]+(?::\d+)?)\/(?<login>[A-Za-z0-9][A-Za-z0-9._-]*)$/i.exec(text.trim());
  if (match?.groups?.host === undefined || match.groups.login === undefined) return null;
  return { host: match.groups.host.toLowerCase(), login: match.groups.login };
}

/**
 * The sign-in settings the routes use, or null when sign-in is off. The demo page is on only
 * with `demo` and a loopback `listenHost`: a server reachable from other machines never
 * lets anyone act as anyone. A demo without SESSION_SECRET signs with a secret of this process.
 */
export function settleSignIn(db: Database, options: DashboardSignInOptions | undefined, clock: () => Date): SignIn | null {
  if (options === undefined) return null;
  const demo = options.demo === true && options.listenHost !== undefined && isLoopbackHost(options.listenHost);
  const secret = options.sessionSecret ?? (demo ? randomSecret() : null);
  if (secret === null) return null;
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  return {
    db,
    secret,
    publicUrl,
    secureCookies: new URL(publicUrl).protocol === 'https:',
    providers: [...(options.github ? [githubProvider(options.github)] : []), ...(options.gitlab ?? []).map(gitlabProvider)],
    demo,
    operators: (options.operators ?? []).flatMap((entry) => parseForgeLogin(entry) ?? []),
    clock,
    sessionLifetimeMs: options.sessionLifetimeMs ?? DEFAULT_SESSION_LIFETIME_MS,
  };
}
