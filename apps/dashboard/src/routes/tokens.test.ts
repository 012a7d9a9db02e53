import { revokeGrant } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { serializeSigned } from 'hono/utils/cookie';
import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { dashboardRoutes } from '../dashboard-routes';
import { createSession, grantRole } from '../queries/session-queries';
import { insertDemoWorld, type DemoWorld } from '../testing/demo-world';
import { DEMO_NOW } from '../testing/sample-data';
import { LOOPBACK_ORIGIN, postForm, signInAsDemo, TEST_SESSION_SECRET, type TestSession } from '../testing/sign-in';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The secret shown once on the page answering the creation form. */
function secretOf(page: string): string {
  const match = /<code data-secret>(wecena_pat_[A-Za-z0-9_-]{43})<\/code>/.exec(page);
  if (match?.[1] === undefined) throw new Error('the page shows no new token');
  return match[1];
}

describeEachEngine('personal API tokens', (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  let now = DEMO_NOW;
  let reviewer: TestSession;
  /** Ana, signed in with GitHub: reviewer of the demo sponsor and contact of its beneficiary, by grants. */
  let ana: TestSession;
  const anaGrants = () => [
    { forge: 'github' as const, host: 'github.com', login: 'ana-octet', role: 'sponsor_reviewer' as const, sponsor: world.sponsorId, reviewer: world.reviewerId },
    { forge: 'github' as const, host: 'github.com', login: 'ana-octet', role: 'beneficiary_contact' as const, beneficiary: world.beneficiaryId },
  ];

  async function signInWithGithub(login: string, forgeUserId: string): Promise<TestSession> {
    const { token, csrfToken } = await createSession(ctx.db(), {
      displayName: login,
      identity: { forge: 'github', host: 'github.com', login, forgeUserId },
      demoRoles: null,
      now,
      lifetimeMs: 30 * DAY,
    });
    return { cookie: (await serializeSigned('wecena_session', token, TEST_SESSION_SECRET)).split(';')[0] ?? '', csrfToken };
  }

  async function makeToken(session: TestSession, fields: Record<string, string | string[]>): Promise<Response> {
    return postForm(app, '/tokens', { _csrf: session.csrfToken, lifetime: '30', ...fields }, session.cookie);
  }

  async function madeToken(session: TestSession, fields: Record<string, string | string[]>): Promise<string> {
    const response = await makeToken(session, fields);
    expect(response.status).toBe(201);
    return secretOf(await response.text());
  }

  function callApi(path: string, authorization: string): Promise<Response> {
    return Promise.resolve(app.request(`${LOOPBACK_ORIGIN}${path}`, { headers: { Authorization: authorization } }));
  }

  async function countTokens(): Promise<number> {
    const { rows } = await ctx.db().query<{ count: string }>('SELECT count(*) AS count FROM api_tokens');
    return Number(rows[0]?.count);
  }

  const proposalsPath = () => `/api/v1/consultants/${world.consultantId}/proposals`;

  beforeAll(async () => {
    world = await insertDemoWorld(ctx.db());
    for (const grant of anaGrants()) {
      const { forge, host, login } = grant;
      await grantRole(ctx.db(), {
        forge,
        host,
        login,
        role:
          grant.role === 'sponsor_reviewer'
            ? { kind: 'sponsor_reviewer', sponsorId: world.sponsorId, reviewerId: world.reviewerId }
            : { kind: 'beneficiary_contact', beneficiaryId: world.beneficiaryId },
      });
    }
    app = dashboardRoutes({
      db: ctx.db(),
      clock: () => now,
      signIn: { sessionSecret: TEST_SESSION_SECRET, publicUrl: LOOPBACK_ORIGIN, demo: true, listenHost: '127.0.0.1' },
    });
    reviewer = await signInAsDemo(app, `sponsor_reviewer:${world.reviewerId}`);
    ana = await signInWithGithub('ana-octet', '9001');
  });

  it('makes a token on the page, shows its secret once, and the API answers it', async () => {
    const page = await app.request(`${LOOPBACK_ORIGIN}/tokens`, { headers: { Cookie: reviewer.cookie } });
    const form = await page.text();
    expect(page.status).toBe(200);
    expect(form).toContain(`name="roles" value="sponsor_reviewer:${world.reviewerId}"`);
    expect(form).toContain('href="/tokens">API tokens</a>');

    const created = await makeToken(reviewer, { name: 'Monthly <report>', roles: `sponsor_reviewer:${world.reviewerId}` });
    const shown = await created.text();
    const secret = secretOf(shown);
    const answer = await callApi(proposalsPath(), `Bearer ${secret}`);
    const listed = await (await app.request(`${LOOPBACK_ORIGIN}/tokens`, { headers: { Cookie: reviewer.cookie } })).text();

    expect(created.status).toBe(201);
    expect(created.headers.get('Cache-Control')).toBe('no-store');
    expect(shown).toContain('Monthly &lt;report&gt;');
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { consultant: { id: string } }).consultant.id).toBe(world.consultantId);
    expect(listed).toContain('Monthly &lt;report&gt;');
    expect(listed).not.toContain(secret);
  });

  it('stores only the SHA-256 of the secret', async () => {
    const secret = await madeToken(reviewer, { name: 'hash check', roles: `sponsor_reviewer:${world.reviewerId}` });

    const { rows } = await ctx.db().query<Record<string, unknown>>(`SELECT * FROM api_tokens WHERE name = 'hash check'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(secret.slice('wecena_pat_'.length));
  });

  it.each([
    { name: 'no name', fields: { name: ' ', roles: 'ROLE' }, problem: 'Give the token a name' },
    { name: 'no role', fields: { name: 'none' }, problem: 'Choose at least one of your roles' },
    { name: 'a role not held', fields: { name: 'too much', roles: ['ROLE', 'operator'] }, problem: 'A token carries only roles you hold now.' },
    { name: 'an unknown lifetime', fields: { name: 'forever', roles: 'ROLE', lifetime: '10000' }, problem: 'Choose how long the token lives.' },
  ])('refuses a form with $name, saying why, and makes nothing', async ({ fields, problem }) => {
    const before = await countTokens();
    const role = `sponsor_reviewer:${world.reviewerId}`;
    const withRole = Object.fromEntries(
      Object.entries(fields).map(([name, value]) => [name, Array.isArray(value) ? value.map((one) => one.replace('ROLE', role)) : value.replace('ROLE', role)]),
    );

    const response = await makeToken(reviewer, withRole);

    expect(response.status).toBe(400);
    expect(await response.text()).toContain(problem);
    expect(await countTokens()).toBe(before);
  });

  it('refuses a creation form without the session CSRF token, making nothing', async () => {
    const before = await countTokens();

    const response = await postForm(app, '/tokens', { _csrf: 'forged', name: 'csrf', roles: 'operator', lifetime: '30' }, reviewer.cookie);

    expect(response.status).toBe(403);
    expect(await countTokens()).toBe(before);
  });

  it('gives only the roles the token carries: 403 problem for the rest', async () => {
    const contactOnly = await madeToken(ana, { name: 'contact only', roles: `beneficiary_contact:${world.beneficiaryId}` });
    const reviewerToo = await madeToken(ana, { name: 'both', roles: [`beneficiary_contact:${world.beneficiaryId}`, `sponsor_reviewer:${world.reviewerId}`] });

    const refused = await callApi(proposalsPath(), `Bearer ${contactOnly}`);
    const allowed = await callApi(proposalsPath(), `Bearer ${reviewerToo}`);
    const everyState = await callApi('/api/v1/tasks', `Bearer ${contactOnly}`);

    expect(refused.status).toBe(403);
    expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({ type: '/api/v1/problems/forbidden', status: 403, code: 'forbidden' });
    expect(allowed.status).toBe(200);
    expect(everyState.status).toBe(200);
  });

  it("drops a role at once when the owner's grant is revoked", async () => {
    const secret = await madeToken(ana, { name: 'before revocation', roles: [`beneficiary_contact:${world.beneficiaryId}`, `sponsor_reviewer:${world.reviewerId}`] });
    expect((await callApi(proposalsPath(), `Bearer ${secret}`)).status).toBe(200);
    const [reviewerGrant] = anaGrants();
    if (reviewerGrant === undefined) throw new Error('no reviewer grant');

    try {
      await revokeGrant(ctx.db(), reviewerGrant);
      const proposals = await callApi(proposalsPath(), `Bearer ${secret}`);
      const tasks = await callApi('/api/v1/tasks', `Bearer ${secret}`);
      const page = await (await app.request(`${LOOPBACK_ORIGIN}/tokens`, { headers: { Cookie: ana.cookie } })).text();

      expect(proposals.status).toBe(403);
      expect(tasks.status).toBe(200);
      expect(page).toContain('no longer yours: gives nothing');
    } finally {
      await grantRole(ctx.db(), {
        ...reviewerGrant,
        role: { kind: 'sponsor_reviewer', sponsorId: world.sponsorId, reviewerId: world.reviewerId },
      });
    }
  });

  it('refuses a revoked token with a 401 problem, and revoking twice changes nothing', async () => {
    const secret = await madeToken(reviewer, { name: 'to revoke', roles: `sponsor_reviewer:${world.reviewerId}` });
    const { rows } = await ctx.db().query<{ id: string }>(`SELECT id::text AS id FROM api_tokens WHERE name = 'to revoke'`);
    const id = rows[0]?.id ?? '';

    const revoked = await postForm(app, `/tokens/${id}/revoke`, { _csrf: reviewer.csrfToken }, reviewer.cookie);
    const again = await postForm(app, `/tokens/${id}/revoke`, { _csrf: reviewer.csrfToken }, reviewer.cookie);
    const answer = await callApi('/api/v1/summary', `Bearer ${secret}`);

    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('Location')).toBe('/tokens?done=revoked#your-tokens');
    expect(again.headers.get('Location')).toBe('/tokens?done=already#your-tokens');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await answer.json()).toMatchObject({ code: 'invalid_token', detail: `This API token was revoked on ${DEMO_NOW.toISOString()}.` });
  });

  it("does not revoke someone else's token", async () => {
    await madeToken(ana, { name: "Ana's", roles: `sponsor_reviewer:${world.reviewerId}` });
    const { rows } = await ctx.db().query<{ id: string }>(`SELECT id::text AS id FROM api_tokens WHERE name = 'Ana''s'`);

    const response = await postForm(app, `/tokens/${rows[0]?.id ?? ''}/revoke`, { _csrf: reviewer.csrfToken }, reviewer.cookie);

    expect(response.status).toBe(404);
    const after = await ctx.db().query<{ revoked_at: Date | null }>(`SELECT revoked_at FROM api_tokens WHERE name = 'Ana''s'`);
    expect(after.rows[0]?.revoked_at).toBeNull();
  });

  it('ignores a bearer token on pages and forms', async () => {
    const secret = await madeToken(reviewer, { name: 'not for pages', roles: `sponsor_reviewer:${world.reviewerId}` });
    const bearer = { Authorization: `Bearer ${secret}` };

    const page = await app.request(`${LOOPBACK_ORIGIN}/sponsors/${world.sponsorId}`, { headers: bearer });
    const tokens = await app.request(`${LOOPBACK_ORIGIN}/tokens`, { headers: bearer });
    const before = await countTokens();
    const form = await app.request(`${LOOPBACK_ORIGIN}/tokens`, {
      method: 'POST',
      headers: { ...bearer, 'Content-Type': 'application/x-www-form-urlencoded', Origin: LOOPBACK_ORIGIN },
      body: new URLSearchParams({ name: 'by bearer', roles: `sponsor_reviewer:${world.reviewerId}`, lifetime: '30' }).toString(),
    });

    expect(page.status).toBe(303);
    expect(page.headers.get('Location')).toBe(`/sign-in?next=${encodeURIComponent(`/sponsors/${world.sponsorId}`)}`);
    expect(tokens.status).toBe(303);
    expect([401, 403]).toContain(form.status);
    expect(await countTokens()).toBe(before);
  });

  it.each([
    { name: 'another scheme', header: 'Basic YW5hOnNlY3JldA==', detail: 'The Authorization header must be "Bearer <token>"' },
    { name: 'no token', header: 'Bearer', detail: 'The Authorization header must be "Bearer <token>"' },
    { name: 'a token of another kind', header: 'Bearer ghp_0123456789abcdef', detail: 'This is not a wecena personal API token' },
    { name: 'a token never made', header: `Bearer wecena_pat_${'A'.repeat(43)}`, detail: 'No API token matches' },
  ])('answers $name in the Authorization header with a 401 problem, even on a public operation', async ({ header, detail }) => {
    const response = await callApi('/api/v1/summary', header);
    const body = (await response.json()) as Record<string, unknown>;

    expect(response.status).toBe(401);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="wecena", error="invalid_token"');
    expect(body).toMatchObject({ type: '/api/v1/problems/invalid_token', title: 'Invalid API token', status: 401, code: 'invalid_token' });
    expect(body.detail).toContain(detail);
  });

  it('notes the last use at most once a minute', async () => {
    const secret = await madeToken(reviewer, { name: 'last use', roles: `sponsor_reviewer:${world.reviewerId}` });
    const lastUse = async () =>
      (await ctx.db().query<{ last_used_at: Date | null }>(`SELECT last_used_at FROM api_tokens WHERE name = 'last use'`)).rows[0]?.last_used_at ?? null;

    try {
      await callApi('/api/v1/summary', `Bearer ${secret}`);
      const first = await lastUse();
      now = new Date(DEMO_NOW.getTime() + 30_000);
      await callApi('/api/v1/summary', `Bearer ${secret}`);
      const within = await lastUse();
      now = new Date(DEMO_NOW.getTime() + 2 * MINUTE);
      await callApi('/api/v1/summary', `Bearer ${secret}`);

      expect(first).toEqual(DEMO_NOW);
      expect(within).toEqual(DEMO_NOW);
      expect(await lastUse()).toEqual(now);
    } finally {
      now = DEMO_NOW;
    }
  });

  it('refuses a token past its expiry with a 401 problem', async () => {
    const secret = await madeToken(reviewer, { name: 'a week', roles: `sponsor_reviewer:${world.reviewerId}`, lifetime: '7' });
    const expiry = new Date(DEMO_NOW.getTime() + 7 * DAY);

    try {
      now = new Date(expiry.getTime() - MINUTE);
      const before = await callApi('/api/v1/summary', `Bearer ${secret}`);
      now = expiry;
      const after = await callApi('/api/v1/summary', `Bearer ${secret}`);

      expect(before.status).toBe(200);
      expect(after.status).toBe(401);
      expect(await after.json()).toMatchObject({ code: 'invalid_token', detail: `This API token expired on ${expiry.toISOString()}.` });
    } finally {
      now = DEMO_NOW;
    }
  });

  it("refuses a demo person's token once the demo sign-in is off", async () => {
    const secret = await madeToken(reviewer, { name: 'demo only', roles: `sponsor_reviewer:${world.reviewerId}` });
    const served = dashboardRoutes({
      db: ctx.db(),
      clock: () => now,
      signIn: { sessionSecret: TEST_SESSION_SECRET, publicUrl: 'https://wecena.example.org', listenHost: '0.0.0.0' },
    });

    const response = await served.request('https://wecena.example.org/api/v1/summary', { headers: { Authorization: `Bearer ${secret}` } });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'invalid_token', detail: expect.stringContaining('demo') });
  });
});
