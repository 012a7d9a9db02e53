import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { dashboardRoutes } from './dashboard-routes';
import { insertDemoWorld, type DemoWorld } from './testing/demo-world';
import { DEMO_NOW } from './testing/sample-data';
import { LOOPBACK_ORIGIN, postForm, signInAsDemo, type TestSession } from './testing/sign-in';

type Who = 'operator' | 'reviewer' | 'otherReviewer' | 'consultant' | 'otherConsultant' | 'beneficiary' | 'stranger';
const EVERYONE: Who[] = ['operator', 'reviewer', 'otherReviewer', 'consultant', 'otherConsultant', 'beneficiary', 'stranger'];

interface MatrixRow {
  method: 'GET' | 'POST';
  /** The route as registered, so that a route missing from the matrix is noticed. */
  route: string;
  path: (world: DemoWorld) => string;
  /** A harmless form for POST routes: allowed callers get a redirect back, nothing changes. */
  form?: Record<string, string>;
  allowed: Who[];
}

const ID = '{[1-9][0-9]{0,17}}';
const MATRIX: MatrixRow[] = [
  { method: 'GET', route: `/consultants/:consultantId${ID}`, path: (w) => `/consultants/${w.consultantId}`, allowed: ['operator', 'consultant'] },
  { method: 'GET', route: `/sponsors/:sponsorId${ID}`, path: (w) => `/sponsors/${w.sponsorId}`, allowed: ['operator', 'reviewer'] },
  { method: 'GET', route: `/sponsors/:sponsorId${ID}/reports`, path: (w) => `/sponsors/${w.sponsorId}/reports?year=2026`, allowed: ['operator', 'reviewer'] },
  { method: 'GET', route: `/sponsors/:sponsorId${ID}/reports.csv`, path: (w) => `/sponsors/${w.sponsorId}/reports.csv?year=2026`, allowed: ['operator', 'reviewer'] },
  {
    method: 'GET',
    route: `/sponsors/:sponsorId${ID}/receipts/:beneficiaryId${ID}/:year{20[0-9]{2}}`,
    path: (w) => `/sponsors/${w.sponsorId}/receipts/${w.beneficiaryId}/2026`,
    allowed: ['operator', 'reviewer', 'beneficiary'],
  },
  { method: 'GET', route: `/sponsors/:sponsorId${ID}/consultants`, path: (w) => `/sponsors/${w.sponsorId}/consultants`, allowed: ['operator', 'reviewer'] },
  {
    method: 'POST',
    route: `/sponsors/:sponsorId${ID}/contributions/approve`,
    path: (w) => `/sponsors/${w.sponsorId}/contributions/approve`,
    form: {},
    allowed: ['operator', 'reviewer'],
  },
  {
    method: 'POST',
    route: `/sponsors/:sponsorId${ID}/contributions/:contributionId${ID}/adjust`,
    path: (w) => `/sponsors/${w.sponsorId}/contributions/${w.pendingCreditId}/adjust`,
    form: { hours: '1', reason: '' },
    allowed: ['operator', 'reviewer'],
  },
  {
    method: 'POST',
    route: `/sponsors/:sponsorId${ID}/contributions/:contributionId${ID}/reject`,
    path: (w) => `/sponsors/${w.sponsorId}/contributions/${w.pendingCreditId}/reject`,
    form: { reason: '' },
    allowed: ['operator', 'reviewer'],
  },
  { method: 'GET', route: `/beneficiaries/:beneficiaryId${ID}`, path: (w) => `/beneficiaries/${w.beneficiaryId}`, allowed: ['operator', 'beneficiary'] },
  { method: 'GET', route: '/operator', path: () => '/operator', allowed: ['operator'] },
  { method: 'POST', route: '/operator/deliveries/retry', path: () => '/operator/deliveries/retry', form: { source: 'github', deliveryId: 'none' }, allowed: ['operator'] },
];

/** Routes anyone may call: the public pages, signing in and out, the API (public task data). */
const PUBLIC_ROUTES = new Set(['/', '/assets/wecena.css', '/sign-in', '/me', '/sign-out', '/demo/sign-in', '/demo/*', '*']);
const isPublic = (path: string) => PUBLIC_ROUTES.has(path) || path.startsWith('/api/v1') || path.startsWith('/auth/');

describeEachEngine('authorization matrix', (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  const sessions = new Map<Who, TestSession>();

  beforeAll(async () => {
    world = await insertDemoWorld(ctx.db());
    app = dashboardRoutes({
      db: ctx.db(),
      clock: () => DEMO_NOW,
      signIn: { sessionSecret: 'a-session-secret-of-at-least-32-characters', publicUrl: LOOPBACK_ORIGIN, demo: true, listenHost: '127.0.0.1' },
    });
    const people: Record<Exclude<Who, 'stranger'>, string> = {
      operator: 'operator',
      reviewer: `sponsor_reviewer:${world.reviewerId}`,
      otherReviewer: `sponsor_reviewer:${world.other.reviewerId}`,
      consultant: `consultant:${world.consultantId}`,
      otherConsultant: `consultant:${world.other.consultantId}`,
      beneficiary: `beneficiary_contact:${world.beneficiaryId}`,
    };
    for (const [who, person] of Object.entries(people)) sessions.set(who as Who, await signInAsDemo(app, person));
  });

  it('lists every route that is not public', () => {
    const guarded = new Set(
      app.routes.filter((route) => (route.method === 'GET' || route.method === 'POST') && !isPublic(route.path)).map((route) => `${route.method} ${route.path}`),
    );
    expect([...guarded].sort()).toEqual(MATRIX.map((row) => `${row.method} ${row.route}`).sort());
  });

  const cases = MATRIX.flatMap((row) => EVERYONE.map((who) => ({ ...row, who, expected: row.allowed.includes(who) ? 'allow' : 'deny' })));

  it.each(cases)('$method $route as $who: $expected', async (row) => {
    const session = sessions.get(row.who);
    const path = row.path(world);
    const response =
      row.method === 'GET'
        ? await app.request(`${LOOPBACK_ORIGIN}${path}`, { headers: session === undefined ? {} : { Cookie: session.cookie } })
        : await postForm(app, path, { ...row.form, ...(session === undefined ? {} : { _csrf: session.csrfToken }) }, session?.cookie ?? '');

    if (row.who === 'stranger') {
      if (row.method === 'GET') {
        expect(response.status).toBe(303);
        expect(response.headers.get('Location')).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
      } else {
        // No session, so no session token either: refused before the route is reached.
        expect([401, 403]).toContain(response.status);
      }
    } else if (row.expected === 'allow') {
      expect(response.status).toBe(row.method === 'GET' ? 200 : 303);
    } else {
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('Not yours to see');
    }
  });

  it('leaves the ledger as it was: every allowed form above was harmless', async () => {
    const { rows } = await ctx.db().query<{ count: string }>(`SELECT count(*) AS count FROM contributions WHERE kind <> 'credit'`);
    expect(Number(rows[0]?.count)).toBe(0);
  });
});
