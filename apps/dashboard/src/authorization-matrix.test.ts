import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { dashboardRoutes } from './dashboard-routes';
import { insertDemoWorld, type DemoWorld } from './testing/demo-world';
import { DEMO_NOW } from './testing/sample-data';
import { LOOPBACK_ORIGIN, postForm, signInAsDemo, TEST_SESSION_SECRET, type TestSession } from './testing/sign-in';

type Who = 'operator' | 'reviewer' | 'otherReviewer' | 'consultant' | 'otherConsultant' | 'beneficiary' | 'stranger';
const EVERYONE: Who[] = ['operator', 'reviewer', 'otherReviewer', 'consultant', 'otherConsultant', 'beneficiary', 'stranger'];
const ANY_ROLE: Who[] = EVERYONE.filter((who) => who !== 'stranger');

/** The demo world and a repository of its beneficiary. */
type MatrixWorld = DemoWorld & { repositoryId: string };

interface MatrixRow {
  method: 'GET' | 'POST';
  /** The route as registered, so that a route missing from the matrix is noticed. */
  route: string;
  path: (world: MatrixWorld) => string;
  /** A harmless form for POST routes: allowed callers get a redirect back, nothing changes. */
  form?: Record<string, string>;
  allowed: Who[];
  /** What an allowed caller gets, 200 unless told. */
  status?: number;
  /** How the test names the row, its route unless told. */
  label?: string;
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
  {
    method: 'GET',
    route: `/sponsors/:sponsorId${ID}/receipts/:beneficiaryId${ID}/:yearPdf{20[0-9]{2}\\.pdf}`,
    path: (w) => `/sponsors/${w.sponsorId}/receipts/${w.beneficiaryId}/2026.pdf`,
    allowed: ['operator', 'reviewer', 'beneficiary'],
  },
  { method: 'GET', route: `/sponsors/:sponsorId${ID}/consultants`, path: (w) => `/sponsors/${w.sponsorId}/consultants`, allowed: ['operator', 'reviewer'] },
  {
    method: 'POST',
    route: `/sponsors/:sponsorId${ID}/consultants/:consultantId${ID}/recall`,
    // No last free day: allowed callers are sent back with the problem, no one is recalled.
    path: (w) => `/sponsors/${w.sponsorId}/consultants/${w.consultantId}/recall`,
    form: { on: '' },
    allowed: ['operator', 'reviewer'],
  },
  { method: 'GET', route: `/sponsors/:sponsorId${ID}/contributions.csv`, path: (w) => `/sponsors/${w.sponsorId}/contributions.csv`, allowed: ['operator', 'reviewer'] },
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
  {
    method: 'GET',
    route: `/repositories/:repositoryId${ID}/candidates`,
    path: (w) => `/repositories/${w.repositoryId}/candidates`,
    allowed: ['operator', 'beneficiary'],
  },
  {
    method: 'POST',
    route: `/repositories/:repositoryId${ID}/candidates/:issueNumber{[1-9][0-9]{0,8}}/mark-ready`,
    // A demo session has no forge account: allowed callers are sent back, nothing is queued.
    path: (w) => `/repositories/${w.repositoryId}/candidates/1/mark-ready`,
    form: {},
    allowed: ['operator', 'beneficiary'],
  },
  { method: 'GET', route: '/operator', path: () => '/operator', allowed: ['operator'] },
  { method: 'GET', route: '/operator/beneficiaries', path: () => '/operator/beneficiaries', allowed: ['operator'] },
  {
    method: 'POST',
    route: '/operator/beneficiaries',
    path: () => '/operator/beneficiaries',
    // The demo's beneficiary again, with the same details: nothing changes.
    form: {
      name: 'Entraide Solidaire',
      kind: 'nonprofit',
      eligibility: 'public_interest_organisation',
      legalName: 'Association Entraide Solidaire',
      rna: 'W691234567',
      street: '4 place Sathonay',
      postalCode: '69001',
      city: 'Lyon',
      website: 'https://entraide-solidaire.example',
      cause: 'social-inclusion',
    },
    allowed: ['operator'],
  },
  { method: 'GET', route: '/operator/sponsors', path: () => '/operator/sponsors', allowed: ['operator'] },
  {
    method: 'POST',
    route: '/operator/sponsors',
    path: () => '/operator/sponsors',
    // The demo's sponsor again, with the same details: nothing changes.
    form: { name: 'Octet Conseil', legalName: 'Octet Conseil SAS', siren: '832519748', street: '12 rue de la Charité', postalCode: '69002', city: 'Lyon', defaultCostRate: '52' },
    allowed: ['operator'],
  },
  { method: 'GET', route: '/operator/agreements', path: () => '/operator/agreements', allowed: ['operator'] },
  {
    method: 'POST',
    route: '/operator/agreements',
    path: () => '/operator/agreements',
    // The demo's agreement again (DEMO_NOW − 60 days to + 305 days): nothing changes.
    form: { sponsor: 'Octet Conseil', beneficiary: 'Entraide Solidaire', signedOn: '2026-01-01', from: '2026-01-01', to: '2027-01-01', reference: 'OC-ES-2026' },
    allowed: ['operator'],
  },
  { method: 'POST', route: '/operator/deliveries/retry', path: () => '/operator/deliveries/retry', form: { source: 'github', deliveryId: 'none' }, allowed: ['operator'] },
  // Everyone signed in has their own tokens; a nameless form is refused (400) and makes none, a token not theirs is not found.
  { method: 'GET', route: '/tokens', path: () => '/tokens', allowed: ANY_ROLE },
  { method: 'POST', route: '/tokens', path: () => '/tokens', form: { name: '', lifetime: '30' }, allowed: ANY_ROLE, status: 400 },
  { method: 'POST', route: `/tokens/:tokenId${ID}/revoke`, path: () => '/tokens/999999/revoke', form: {}, allowed: ANY_ROLE, status: 404 },
  { method: 'GET', route: '/api/v1/problems/:code', path: () => '/api/v1/problems/forbidden', allowed: EVERYONE, status: 302 },
  // The API: deny by default, ready tasks and summary counts public (routes/tasks.ts, routes/summary.ts say why).
  { method: 'GET', route: '/api/v1/tasks', label: '/api/v1/tasks?state=ready', path: () => '/api/v1/tasks?state=ready', allowed: EVERYONE },
  { method: 'GET', route: '/api/v1/tasks', label: '/api/v1/tasks (every state)', path: () => '/api/v1/tasks', allowed: ANY_ROLE },
  { method: 'GET', route: '/api/v1/tasks', label: '/api/v1/tasks?state=claimed', path: () => '/api/v1/tasks?state=claimed', allowed: ANY_ROLE },
  { method: 'GET', route: '/api/v1/tasks/:id', label: '/api/v1/tasks/:id (ready)', path: (w) => `/api/v1/tasks/${w.readyTaskId}`, allowed: EVERYONE },
  { method: 'GET', route: '/api/v1/tasks/:id', label: '/api/v1/tasks/:id (claimed)', path: (w) => `/api/v1/tasks/${w.claimedTaskId}`, allowed: ANY_ROLE },
  { method: 'GET', route: '/api/v1/summary', path: () => '/api/v1/summary', allowed: EVERYONE },
  {
    method: 'GET',
    route: '/api/v1/consultants/:id/proposals',
    path: (w) => `/api/v1/consultants/${w.consultantId}/proposals`,
    allowed: ['operator', 'reviewer', 'consultant'],
  },
  {
    method: 'GET',
    route: '/api/v1/consultants/:id/proposals',
    label: '/api/v1/consultants/:id/proposals (no such consultant)',
    path: () => '/api/v1/consultants/999999/proposals',
    // Only an operator learns that the id is no one's.
    allowed: ['operator'],
    status: 404,
  },
  {
    method: 'GET',
    route: '/api/v1/tasks/:id/candidates',
    path: (w) => `/api/v1/tasks/${w.readyTaskId}/candidates`,
    // Each sees only the candidates they may (tested below); a beneficiary contact may see none.
    allowed: ['operator', 'reviewer', 'otherReviewer', 'consultant', 'otherConsultant'],
  },
  // The pages' API: the policy of each page (routes/api-*.ts).
  { method: 'GET', route: '/api/v1/consultants/:id', path: (w) => `/api/v1/consultants/${w.consultantId}`, allowed: ['operator', 'consultant'] },
  { method: 'GET', route: '/api/v1/sponsors/:id/contributions', path: (w) => `/api/v1/sponsors/${w.sponsorId}/contributions`, allowed: ['operator', 'reviewer'] },
  { method: 'GET', route: '/api/v1/sponsors/:id/consultants', path: (w) => `/api/v1/sponsors/${w.sponsorId}/consultants`, allowed: ['operator', 'reviewer'] },
  { method: 'GET', route: '/api/v1/sponsors/:id/report', path: (w) => `/api/v1/sponsors/${w.sponsorId}/report?year=2026`, allowed: ['operator', 'reviewer'] },
  { method: 'GET', route: '/api/v1/sponsors/:id/figures', path: (w) => `/api/v1/sponsors/${w.sponsorId}/figures?year=2026`, allowed: ['operator', 'reviewer'] },
  {
    method: 'GET',
    route: '/api/v1/sponsors/:sponsorId/receipts/:beneficiaryId/:year',
    path: (w) => `/api/v1/sponsors/${w.sponsorId}/receipts/${w.beneficiaryId}/2026`,
    allowed: ['operator', 'reviewer', 'beneficiary'],
  },
  { method: 'GET', route: '/api/v1/beneficiaries/:id', path: (w) => `/api/v1/beneficiaries/${w.beneficiaryId}`, allowed: ['operator', 'beneficiary'] },
  { method: 'GET', route: '/api/v1/inbox', path: () => '/api/v1/inbox', allowed: ['operator'] },
  { method: 'GET', route: '/api/v1/beneficiaries', path: () => '/api/v1/beneficiaries', allowed: ['operator'] },
  { method: 'GET', route: '/api/v1/repositories', path: () => '/api/v1/repositories', allowed: ['operator'] },
  { method: 'GET', route: '/api/v1/sponsors', path: () => '/api/v1/sponsors', allowed: ['operator'] },
  { method: 'GET', route: '/api/v1/agreements', path: () => '/api/v1/agreements', allowed: ['operator'] },
  { method: 'GET', route: '/api/v1/openapi.json', path: () => '/api/v1/openapi.json', allowed: EVERYONE },
  { method: 'GET', route: '/api/v1/reference', path: () => '/api/v1/reference', allowed: EVERYONE },
];

/** Routes anyone may call: the public pages, signing in and out. */
const PUBLIC_ROUTES = new Set(['/', '/assets/wecena.css', '/sign-in', '/me', '/sign-out', '/demo/sign-in', '/demo/*', '*']);
const isPublic = (path: string) => PUBLIC_ROUTES.has(path) || path.startsWith('/auth/');

describeEachEngine('authorization matrix', (ctx) => {
  let app: Hono;
  let world: MatrixWorld;
  const sessions = new Map<Who, TestSession>();

  beforeAll(async () => {
    const demo = await insertDemoWorld(ctx.db());
    const { rows } = await ctx.db().query<{ id: string }>('SELECT id::text AS id FROM repositories WHERE beneficiary_id = $1 ORDER BY id LIMIT 1', [demo.beneficiaryId]);
    world = { ...demo, repositoryId: rows[0]?.id ?? '' };
    app = dashboardRoutes({
      db: ctx.db(),
      clock: () => DEMO_NOW,
      signIn: { sessionSecret: TEST_SESSION_SECRET, publicUrl: LOOPBACK_ORIGIN, demo: true, listenHost: '127.0.0.1' },
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
    expect([...guarded].sort()).toEqual([...new Set(MATRIX.map((row) => `${row.method} ${row.route}`))].sort());
  });

  const cases = MATRIX.flatMap((row) =>
    EVERYONE.map((who) => ({ ...row, label: row.label ?? row.route, who, expected: row.allowed.includes(who) ? 'allow' : 'deny' })),
  );

  it.each(cases.filter((row) => row.route.startsWith('/api/')))('$method $label as $who: $expected', async (row) => {
    const session = sessions.get(row.who);
    const response = await app.request(`${LOOPBACK_ORIGIN}${row.path(world)}`, { headers: session === undefined ? {} : { Cookie: session.cookie } });

    if (row.expected === 'allow') {
      expect(response.status).toBe(row.status ?? 200);
    } else if (row.who === 'stranger') {
      expect(response.status).toBe(401);
      expect(response.headers.get('Content-Type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ type: '/api/v1/problems/unauthorized', status: 401, code: 'unauthorized', title: expect.any(String), detail: expect.any(String) });
    } else {
      expect(response.status).toBe(403);
      expect(response.headers.get('Content-Type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ type: '/api/v1/problems/forbidden', status: 403, code: 'forbidden', title: expect.any(String), detail: expect.any(String) });
    }
  });

  it.each(cases.filter((row) => !row.route.startsWith('/api/')))('$method $route as $who: $expected', async (row) => {
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
      expect(response.status).toBe(row.status ?? (row.method === 'GET' ? 200 : 303));
    } else {
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('Not yours to see');
    }
  });

  it("shows each viewer only the candidates whose proposals they may read", async () => {
    const db = ctx.db();
    await db.query(
      `INSERT INTO pairing_proposals (consultant_id, task_id, score, reasons, computed_at) VALUES ($1, $2, 5, '["a candidate of another sponsor"]', $3)
       ON CONFLICT DO NOTHING`,
      [world.other.consultantId, world.readyTaskId, DEMO_NOW],
    );
    const { rows } = await db.query<{ consultant_id: string; sponsor_id: string }>(
      `SELECT p.consultant_id::text, c.sponsor_id::text FROM pairing_proposals p JOIN consultants c ON c.id = p.consultant_id WHERE p.task_id = $1`,
      [world.readyTaskId],
    );
    const sponsorOf = new Map(rows.map((row) => [row.consultant_id, row.sponsor_id]));
    const seen = async (who: Who): Promise<string[]> => {
      const response = await app.request(`${LOOPBACK_ORIGIN}/api/v1/tasks/${world.readyTaskId}/candidates?limit=20`, { headers: { Cookie: sessions.get(who)?.cookie ?? '' } });
      const body = (await response.json()) as { candidates: Array<{ consultant: { id: string } }> };
      return body.candidates.map((candidate) => candidate.consultant.id).sort();
    };

    expect(await seen('operator')).toEqual([...sponsorOf.keys()].sort());
    expect(await seen('reviewer')).toEqual([...sponsorOf].filter(([, sponsor]) => sponsor === world.sponsorId).map(([id]) => id).sort());
    expect(await seen('otherReviewer')).toEqual([world.other.consultantId]);
    expect(await seen('otherConsultant')).toEqual([world.other.consultantId]);
    expect(await seen('consultant')).toEqual(sponsorOf.has(world.consultantId) ? [world.consultantId] : []);
    expect(await seen('reviewer')).not.toContain(world.other.consultantId);
  });

  it('leaves the ledger as it was: every allowed form above was harmless', async () => {
    const { rows } = await ctx.db().query<{ count: string }>(`SELECT count(*) AS count FROM contributions WHERE kind <> 'credit'`);
    expect(Number(rows[0]?.count)).toBe(0);
    const queued = await ctx.db().query<{ count: string }>(`SELECT count(*) AS count FROM inbox_deliveries WHERE source = 'wecena'`);
    expect(Number(queued.rows[0]?.count)).toBe(0);
  });
});
