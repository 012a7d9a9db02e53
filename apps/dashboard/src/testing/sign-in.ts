import type { Database } from '@wecena/db';
import type { Hono } from 'hono';
import { dashboardRoutes } from '../dashboard-routes';

/** Where demo tests send requests from: a loopback address, as the demo sign-in requires. */
export const LOOPBACK_ORIGIN = 'http://localhost';

/** SESSION_SECRET of the tests. */
export const TEST_SESSION_SECRET = 'a-session-secret-of-at-least-32-characters';

/** The dashboard as `wecena serve --demo` on a loopback address has it: the demo sign-in on. */
export function dashboardWithDemoSignIn(db: Database, clock?: () => Date): Hono {
  return dashboardRoutes({
    db,
    ...(clock === undefined ? {} : { clock }),
    signIn: { sessionSecret: TEST_SESSION_SECRET, publicUrl: LOOPBACK_ORIGIN, demo: true, listenHost: '127.0.0.1' },
  });
}

/** GET `path` (on LOOPBACK_ORIGIN) as JSON, signed in as `session` when given. */
export async function getJson(app: Hono, path: string, session?: TestSession): Promise<{ status: number; body: any; contentType: string | null }> {
  const response = await app.request(`${LOOPBACK_ORIGIN}${path}`, { headers: session === undefined ? {} : { Cookie: session.cookie } });
  return { status: response.status, body: await response.json(), contentType: response.headers.get('Content-Type') };
}

/** A browser's cookies and the CSRF token of its session, for app.request() tests. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => pair !== '' && !pair.endsWith('='))
    .join('; ');
}

/** The value of the first hidden `_csrf` field of a page. */
export function csrfTokenOf(page: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page);
  if (match?.[1] === undefined) throw new Error('the page has no _csrf field');
  return match[1];
}

/**
 * Posts a form to `path` (on LOOPBACK_ORIGIN) or to a full URL, as a browser would; `origin`
 * is the page the form was on (the Origin header), the URL's own origin unless told.
 */
export function postForm(app: Hono, path: string, fields: Record<string, string | string[]>, cookie: string, origin?: string): Promise<Response> {
  const url = path.startsWith('/') ? `${LOOPBACK_ORIGIN}${path}` : path;
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  return Promise.resolve(
    app.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin ?? new URL(url).origin, Cookie: cookie },
      body: body.toString(),
    }),
  );
}

/**
 * Signs in through the demo page as `person` (`operator`, `sponsor_reviewer:<id>`,
 * `consultant:<id>`, `beneficiary_contact:<id>`), as a browser does: the page, then its form.
 */
export async function signInAsDemo(app: Hono, person: string): Promise<TestSession> {
  const page = await app.request(`${LOOPBACK_ORIGIN}/demo/sign-in`);
  if (page.status !== 200) throw new Error(`the demo sign-in page answered ${page.status}`);
  const formCookie = cookiesOf(page);
  const signedIn = await postForm(app, '/demo/sign-in', { _csrf: csrfTokenOf(await page.text()), person }, formCookie);
  if (signedIn.status !== 303) throw new Error(`the demo sign-in answered ${signedIn.status}`);
  const cookie = [formCookie, cookiesOf(signedIn)].filter(Boolean).join('; ');
  const home = await app.request(`${LOOPBACK_ORIGIN}${signedIn.headers.get('Location') ?? '/'}`, { headers: { Cookie: cookie } });
  return { cookie, csrfToken: csrfTokenOf(await home.text()) };
}
