import type { Database } from '@wecena/db';
import type { SessionRecord } from '../queries/session-queries';
import type { OAuthProvider } from './oauth';
import type { Viewer } from './roles';

/** A forge login named in the configuration: `github.com/alice`, `gitlab.example.org/bob`. */
export interface ForgeLogin {
  host: string;
  login: string;
}

/** How the dashboard signs people in, settled when the app is built. */
export interface SignIn {
  db: Database;
  /** Signs the session cookie. */
  secret: string;
  /** The address people reach wecena at, without a trailing slash: OAuth redirect URIs, allowed form origin. */
  publicUrl: string;
  /** Cookies get `Secure` (and the `__Host-` prefix) when the public address is HTTPS. */
  secureCookies: boolean;
  providers: OAuthProvider[];
  /** The demo sign-in page is offered (`--demo`, listening on a loopback address). */
  demo: boolean;
  /** Operators named in the configuration, besides the grants in the database. */
  operators: ForgeLogin[];
  clock: () => Date;
  sessionLifetimeMs: number;
}

/** What the session middleware puts on the context for the routes after it. */
export interface DashboardEnv {
  Variables: {
    viewer: Viewer | null;
    session: SessionRecord | null;
    sessionToken: string | null;
  };
}

export const SESSION_COOKIE = 'wecena_session';
export const OAUTH_COOKIE = 'wecena_oauth';
/** The pre-session CSRF token (double-submit) of the forms shown before signing in. */
export const FORM_COOKIE = 'wecena_form';

/** `__Host-` pins a cookie to this host and path `/`, and needs `Secure`: HTTPS only. */
export function cookieName(signIn: Pick<SignIn, 'secureCookies'>, name: string): string {
  return signIn.secureCookies ? `__Host-${name}` : name;
}

/** Where a sign-in may send the person back to: a path of ours, never another site. */
export function isSafeReturnPath(path: string | undefined | null): path is string {
  return typeof path === 'string' && /^\/(?![/\\])[^\s]*$/.test(path) && path.length <= 512;
}
