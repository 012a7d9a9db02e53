import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRoutes } from '../dashboard-routes';
import { grantRole } from '../queries/session-queries';
import { insertDemoWorld, type DemoWorld } from '../testing/demo-world';
import { DEMO_NOW } from '../testing/sample-data';
import { cookiesOf, csrfTokenOf, LOOPBACK_ORIGIN, postForm, signInAsDemo } from '../testing/sign-in';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const PUBLIC_URL = 'https://wecena.example.org';
const GITHUB = { clientId: 'Iv1.github-client', clientSecret: 'github-client-secret' };
const GITLAB = { url: 'https://gitlab.example.org', clientId: 'gitlab-app-id', clientSecret: 'gitlab-app-secret' };

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending, 'every forge request the test expected was made').toEqual([]);
});
afterAll(() => {
  nock.enableNetConnect();
});

/** Starts the OAuth round trip as a browser: the redirect to the forge and the state cookie. */
async function startSignIn(app: Hono, path: string): Promise<{ authorize: URL; cookie: string }> {
  const response = await app.request(`${PUBLIC_URL}${path}`);
  expect(response.status).toBe(302);
  return { authorize: new URL(response.headers.get('Location') ?? ''), cookie: cookiesOf(response) };
}

describeEachEngine('signing in with a forge', (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  const logged: { meta: Record<string, unknown>; message: string }[] = [];

  beforeAll(async () => {
    world = await insertDemoWorld(ctx.db());
    await grantRole(ctx.db(), { forge: 'gitlab', host: 'gitlab.example.org', login: 'Claire.F', role: { kind: 'sponsor_reviewer', sponsorId: world.sponsorId, reviewerId: world.reviewerId } });
    app = dashboardRoutes({
      db: ctx.db(),
      clock: () => DEMO_NOW,
      signIn: { sessionSecret: SECRET, publicUrl: PUBLIC_URL, github: GITHUB, gitlab: [GITLAB], listenHost: '0.0.0.0', operators: ['github.com/the-operator'] },
      logger: { error: (meta, message) => logged.push({ meta, message }) },
    });
  });

  it('offers GitHub and each GitLab host on the sign-in page, and no demo', async () => {
    const page = await (await app.request(`${PUBLIC_URL}/sign-in`)).text();

    expect(page).toContain('href="/auth/github">Sign in with GitHub</a>');
    expect(page).toContain('href="/auth/gitlab/gitlab.example.org">Sign in with GitLab (gitlab.example.org)</a>');
    expect(page).not.toContain('/demo/sign-in');
  });

  it('sends the person to GitHub with a state and a PKCE S256 challenge, in a signed HttpOnly Secure cookie', async () => {
    const { authorize, cookie } = await startSignIn(app, '/auth/github?next=%2Fsponsors%2F1');
    const setCookie = (await app.request(`${PUBLIC_URL}/auth/github`)).headers.get('Set-Cookie') ?? '';

    expect(`${authorize.origin}${authorize.pathname}`).toBe('https://github.com/login/oauth/authorize');
    expect(authorize.searchParams.get('client_id')).toBe(GITHUB.clientId);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/auth/github/callback`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie).toMatch(/^__Host-wecena_oauth=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Lax/);
  });

  it('signs a consultant in with GitHub: code and verifier exchanged, user read, session cookie set, sent to their page', async () => {
    const { authorize, cookie } = await startSignIn(app, '/auth/github');
    let verifier = '';
    nock('https://github.com')
      .post('/login/oauth/access_token', (body: Record<string, string>) => {
        verifier = body.code_verifier ?? '';
        return body.code === 'the-code' && body.client_secret === GITHUB.clientSecret && body.redirect_uri === `${PUBLIC_URL}/auth/github/callback`;
      })
      .reply(200, { access_token: 'gho_token', token_type: 'bearer', scope: '' });
    nock('https://api.github.com', { reqheaders: { authorization: 'Bearer gho_token' } })
      .get('/user')
      .reply(200, { id: 4242, login: 'Camille-Martin-OC', name: 'Camille Martin' });

    const callback = await app.request(`${PUBLIC_URL}/auth/github/callback?code=the-code&state=${authorize.searchParams.get('state')}`, { headers: { Cookie: cookie } });

    expect(callback.status).toBe(303);
    expect(callback.headers.get('Location')).toBe(`/consultants/${world.consultantId}`);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(authorize.searchParams.get('code_challenge'));
    const session = callback.headers.getSetCookie().find((line) => line.startsWith('__Host-wecena_session=')) ?? '';
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\//);

    const page = await app.request(`${PUBLIC_URL}/consultants/${world.consultantId}`, { headers: { Cookie: cookiesOf(callback) } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('What to do next, Camille Martin');
    const { rows } = await ctx.db().query<{ forge_user_id: string | null }>(`SELECT forge_user_id FROM consultant_identities WHERE login = 'camille-martin-oc'`);
    expect(rows[0]?.forge_user_id).toBe('4242');
  });

  it('signs a sponsor reviewer in with GitLab, the grant found by login whatever its case', async () => {
    const { authorize, cookie } = await startSignIn(app, '/auth/gitlab/gitlab.example.org');
    expect(`${authorize.origin}${authorize.pathname}`).toBe('https://gitlab.example.org/oauth/authorize');
    expect(authorize.searchParams.get('scope')).toBe('read_user');
    expect(authorize.searchParams.get('response_type')).toBe('code');
    nock('https://gitlab.example.org')
      .post('/oauth/token', (body: Record<string, string>) => body.grant_type === 'authorization_code' && body.code === 'gl-code' && typeof body.code_verifier === 'string')
      .reply(200, { access_token: 'gl-token', token_type: 'Bearer' })
      .get('/api/v4/user')
      .reply(200, { id: 77, username: 'claire.f', name: 'Claire Fontaine' });

    const callback = await app.request(`${PUBLIC_URL}/auth/gitlab/gitlab.example.org/callback?code=gl-code&state=${authorize.searchParams.get('state')}`, {
      headers: { Cookie: cookie },
    });

    expect(callback.status).toBe(303);
    expect(callback.headers.get('Location')).toBe(`/sponsors/${world.sponsorId}`);
    const page = await app.request(`${PUBLIC_URL}/sponsors/${world.sponsorId}`, { headers: { Cookie: cookiesOf(callback) } });
    expect(page.status).toBe(200);
  });

  it('makes an operator of a login named in the configuration', async () => {
    const { authorize, cookie } = await startSignIn(app, '/auth/github');
    nock('https://github.com').post('/login/oauth/access_token').reply(200, { access_token: 'gho_op' });
    nock('https://api.github.com').get('/user').reply(200, { id: 1, login: 'The-Operator', name: null });

    const callback = await app.request(`${PUBLIC_URL}/auth/github/callback?code=c&state=${authorize.searchParams.get('state')}`, { headers: { Cookie: cookie } });

    expect(callback.headers.get('Location')).toBe('/operator');
    expect((await app.request(`${PUBLIC_URL}/operator`, { headers: { Cookie: cookiesOf(callback) } })).status).toBe(200);
  });

  it('starts no session for a forge account without a role', async () => {
    const { authorize, cookie } = await startSignIn(app, '/auth/github');
    nock('https://github.com').post('/login/oauth/access_token').reply(200, { access_token: 'gho_x' });
    nock('https://api.github.com').get('/user').reply(200, { id: 9, login: 'someone-else', name: 'Someone' });

    const callback = await app.request(`${PUBLIC_URL}/auth/github/callback?code=c&state=${authorize.searchParams.get('state')}`, { headers: { Cookie: cookie } });

    expect(callback.status).toBe(403);
    expect(await callback.text()).toContain('github.com/someone-else');
    expect(callback.headers.getSetCookie().some((line) => line.startsWith('__Host-wecena_session=') && !line.startsWith('__Host-wecena_session=;'))).toBe(false);
  });

  it.each([
    { name: 'a state that is not the one sent', state: 'forged', withCookie: true },
    { name: 'no state cookie (the round trip started elsewhere)', state: 'any', withCookie: false },
  ])('refuses a callback with $name, asking the forge nothing', async ({ state, withCookie }) => {
    const { authorize, cookie } = await startSignIn(app, '/auth/github');
    const realState = authorize.searchParams.get('state') ?? '';

    const callback = await app.request(`${PUBLIC_URL}/auth/github/callback?code=c&state=${state === 'any' ? realState : state}`, {
      headers: withCookie ? { Cookie: cookie } : {},
    });

    expect(callback.status).toBe(400);
    expect(await callback.text()).toContain('Sign-in failed');
  });

  it('says so when the forge refuses the code', async () => {
    const { authorize, cookie } = await startSignIn(app, '/auth/github');
    nock('https://github.com').post('/login/oauth/access_token').reply(200, { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });

    const callback = await app.request(`${PUBLIC_URL}/auth/github/callback?code=old&state=${authorize.searchParams.get('state')}`, { headers: { Cookie: cookie } });

    expect(callback.status).toBe(502);
    expect(await callback.text()).toContain('GitHub did not confirm who you are');
    expect(logged.at(-1)?.message).toBe('sign-in exchange failed');
  });

  it('has no demo sign-in on a server listening beyond this machine', async () => {
    const page = await app.request(`${LOOPBACK_ORIGIN}/demo/sign-in`);

    expect(page.status).toBe(404);
  });
});

describeEachEngine('sessions, forms and demo sign-in', (ctx) => {
  let app: Hono;
  let world: DemoWorld;

  beforeAll(async () => {
    world = await insertDemoWorld(ctx.db());
    app = dashboardRoutes({ db: ctx.db(), clock: () => DEMO_NOW, signIn: { sessionSecret: SECRET, publicUrl: LOOPBACK_ORIGIN, demo: true, listenHost: '127.0.0.1' } });
  });

  it('offers the demo people by role on a loopback address', async () => {
    const page = await (await app.request(`${LOOPBACK_ORIGIN}/demo/sign-in`)).text();

    for (const heading of ['Sponsor reviewer', 'Consultant', 'Beneficiary contact', 'Operator']) expect(page).toContain(`<h2>${heading}</h2>`);
    expect(page).toContain('Claire Fontaine');
    expect(page).toContain('Noé &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
  });

  it('refuses the demo page to a request whose host is not loopback (DNS rebinding)', async () => {
    const page = await app.request('http://wecena.attacker.example/demo/sign-in');

    expect(page.status).toBe(403);
  });

  it('sets a session cookie that is HttpOnly and SameSite=Lax, not Secure over plain HTTP', async () => {
    const page = await app.request(`${LOOPBACK_ORIGIN}/demo/sign-in`);
    const response = await postForm(app, '/demo/sign-in', { _csrf: csrfTokenOf(await page.text()), person: 'operator' }, cookiesOf(page));

    const session = response.headers.getSetCookie().find((line) => line.startsWith('wecena_session=')) ?? '';
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    expect(response.headers.get('Location')).toBe('/operator');
  });

  it('refuses a demo sign-in form without its token', async () => {
    const page = await app.request(`${LOOPBACK_ORIGIN}/demo/sign-in`);
    const response = await postForm(app, '/demo/sign-in', { person: 'operator' }, cookiesOf(page));

    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie().some((line) => line.startsWith('wecena_session='))).toBe(false);
  });

  it('refuses a form without the session token, and one from another site with it', async () => {
    const session = await signInAsDemo(app, `sponsor_reviewer:${world.reviewerId}`);
    const path = `/sponsors/${world.sponsorId}/contributions/${world.pendingCreditId}/reject`;

    const noToken = await postForm(app, path, { reason: 'spam' }, session.cookie);
    const wrongToken = await postForm(app, path, { reason: 'spam', _csrf: 'x'.repeat(43) }, session.cookie);
    const otherSite = await postForm(app, path, { reason: 'spam', _csrf: session.csrfToken }, session.cookie, 'https://evil.example');

    expect([noToken.status, wrongToken.status, otherSite.status]).toEqual([403, 403, 403]);
    expect(await noToken.text()).toContain('Form refused');
    const { rows } = await ctx.db().query(`SELECT 1 FROM contributions WHERE refers_to = $1`, [world.pendingCreditId]);
    expect(rows).toEqual([]);
  });

  it('signs out: the session no longer opens anything, even with the old cookie', async () => {
    const session = await signInAsDemo(app, 'operator');
    expect((await app.request(`${LOOPBACK_ORIGIN}/operator`, { headers: { Cookie: session.cookie } })).status).toBe(200);

    const out = await postForm(app, '/sign-out', { _csrf: session.csrfToken }, session.cookie);
    const after = await app.request(`${LOOPBACK_ORIGIN}/operator`, { headers: { Cookie: session.cookie } });

    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().some((line) => line.startsWith('wecena_session=;'))).toBe(true);
    expect(after.status).toBe(303);
  });

  it('ignores a session cookie whose signature is not ours', async () => {
    const session = await signInAsDemo(app, 'operator');
    const forged = session.cookie.replace(/wecena_session=([^.;]+)\.[^;]+/, 'wecena_session=$1.Zm9yZ2Vk');

    const response = await app.request(`${LOOPBACK_ORIGIN}/operator`, { headers: { Cookie: forged } });

    expect(response.status).toBe(303);
  });

  it('sends /me to the page of the first role', async () => {
    const session = await signInAsDemo(app, `beneficiary_contact:${world.beneficiaryId}`);

    const response = await app.request(`${LOOPBACK_ORIGIN}/me`, { headers: { Cookie: session.cookie } });

    expect(response.headers.get('Location')).toBe(`/beneficiaries/${world.beneficiaryId}`);
  });
});

describe('dashboard without sign-in settings', () => {
  it.each([
    { name: 'demo off', signIn: { sessionSecret: SECRET, publicUrl: LOOPBACK_ORIGIN, demo: false, listenHost: '127.0.0.1' } },
    { name: 'demo on, listening on every address', signIn: { sessionSecret: SECRET, publicUrl: LOOPBACK_ORIGIN, demo: true, listenHost: '0.0.0.0' } },
    { name: 'demo on, listening on a LAN address', signIn: { publicUrl: 'http://192.168.1.5:3000', demo: true, listenHost: '192.168.1.5' } },
  ])('has no demo sign-in route with $name', async ({ signIn }) => {
    // The demo page is never reached, so no database is needed: it answers before any query.
    const app = dashboardRoutes({ db: undefined as never, signIn });

    const response = await app.request(`${LOOPBACK_ORIGIN}/demo/sign-in`);
    const signInPage = await (await app.request(`${LOOPBACK_ORIGIN}/sign-in`)).text();

    expect(response.status).toBe(404);
    expect(signInPage).not.toContain('/demo/sign-in');
  });

  it('says how to turn sign-in on without SESSION_SECRET', async () => {
    const app = dashboardRoutes({ db: undefined as never, signIn: { publicUrl: LOOPBACK_ORIGIN } });

    const page = await (await app.request(`${LOOPBACK_ORIGIN}/sign-in`)).text();

    expect(page).toContain('Sign-in is off');
    expect(page).toContain('SESSION_SECRET');
  });
});
