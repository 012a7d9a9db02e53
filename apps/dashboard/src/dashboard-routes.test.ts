import { TASK_STATES } from '@wecena/core';
import { seedDemo } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { dashboardRoutes } from './dashboard-routes';
import type { DashboardLogger } from './logger';
import { formatHoursAndMinutes } from './pages/format';
import { DEMO_NOW } from './testing/sample-data';
import { dashboardWithDemoSignIn, getJson, signInAsDemo, type TestSession } from './testing/sign-in';
import {
  insertBeneficiary,
  insertConsultant,
  insertContribution,
  insertRepository,
  insertSponsor,
  insertTask,
} from './testing/store-fixtures';

const SCRIPT_TITLE = '<script>alert(1)</script>';


describeEachEngine('dashboard on an empty database', (ctx) => {
  let app: Hono;
  // The API answers strangers ready tasks and counts only: these tests read it as an operator.
  let operator: TestSession | undefined;
  beforeAll(async () => {
    app = dashboardWithDemoSignIn(ctx.db());
    operator = await signInAsDemo(app, 'operator');
  });

  it('tells the operator how to load demo data or connect a forge', async () => {
    const response = await app.request('http://localhost/');
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(page).toContain('Nothing here yet');
    expect(page).toContain('npm start -- --demo');
    expect(page).toContain('GITLAB_WEBHOOK_SECRET');
    expect(page).toContain('wecena-ready');
  });

  it('answers zeros in the summary and an empty task list', async () => {
    const summary = await getJson(app, '/api/v1/summary', operator);
    const tasks = await getJson(app, '/api/v1/tasks', operator);

    expect(summary.body).toEqual({
      tasksByState: Object.fromEntries(TASK_STATES.map((state) => [state, 0])),
      donatedMinutes: 0,
      beneficiaries: 0,
      sponsors: 0,
    });
    expect(tasks.body).toEqual({ tasks: [], nextCursor: null });
  });
});

describeEachEngine('dashboard with the demo data', (ctx) => {
  let app: Hono;
  // The API answers strangers ready tasks and counts only: these tests read it as an operator.
  let operator: TestSession | undefined;
  let scriptTaskId: string;

  beforeAll(async () => {
    const db = ctx.db();
    await seedDemo(db, { now: DEMO_NOW });
    const { rows } = await db.query<{ id: string }>('SELECT id FROM repositories ORDER BY id LIMIT 1');
    scriptTaskId = await insertTask(db, { repositoryId: rows[0]?.id ?? '', issueNumber: 6666, title: SCRIPT_TITLE, state: 'ready' });
    app = dashboardWithDemoSignIn(db);
    operator = await signInAsDemo(app, 'operator');
  });

  async function stateCounts(): Promise<Record<string, number>> {
    const { rows } = await ctx.db().query<{ state: string; count: string }>('SELECT state, count(*) AS count FROM tasks GROUP BY state');
    return Object.fromEntries(TASK_STATES.map((state) => [state, Number(rows.find((row) => row.state === state)?.count ?? 0)]));
  }

  it('holds a task in every state', async () => {
    expect(Object.values(await stateCounts()).every((count) => count > 0)).toBe(true);
  });

  it('shows the count of tasks in each state as the database holds them', async () => {
    const page = await (await app.request('http://localhost/')).text();

    for (const [state, count] of Object.entries(await stateCounts())) {
      expect(page).toMatch(new RegExp(`data-state="${state}"><span>[^<]+</span><span class="count">${count}</span>`));
    }
    expect(page).not.toContain('Nothing here yet');
  });

  it('lists every ready task, linked to its issue, and no other', async () => {
    const { rows } = await ctx.db().query<{ title: string; url: string; state: string }>('SELECT title, url, state FROM tasks');
    const page = await (await app.request('http://localhost/')).text();

    const ready = rows.filter((row) => row.state === 'ready' && row.title !== SCRIPT_TITLE);
    expect(ready.length).toBeGreaterThan(0);
    for (const task of ready) expect(page).toContain(`href="${task.url}" rel="noopener noreferrer">${task.title}</a>`);
    for (const task of rows.filter((row) => row.state !== 'ready')) expect(page).not.toContain(`>${task.title}</a>`);
  });

  it('shows the hours in the ledger, the beneficiaries and the sponsors', async () => {
    const { rows } = await ctx.db().query<{ minutes: string; beneficiaries: string; sponsors: string }>(
      `SELECT (SELECT sum(minutes) FROM contributions) AS minutes,
              (SELECT count(*) FROM beneficiaries) AS beneficiaries, (SELECT count(*) FROM sponsors) AS sponsors`,
    );
    const page = await (await app.request('http://localhost/')).text();

    expect(Number(rows[0]?.minutes)).toBeGreaterThan(0);
    expect(page).toContain(`data-figure="donated">${formatHoursAndMinutes(Number(rows[0]?.minutes))}</span>`);
    expect(page).toContain(`data-figure="beneficiaries">${rows[0]?.beneficiaries}</span>`);
    expect(page).toContain(`data-figure="sponsors">${rows[0]?.sponsors}</span>`);
  });

  it('escapes a task titled <script>alert(1)</script>', async () => {
    const page = await (await app.request('http://localhost/')).text();

    expect(page).not.toContain(SCRIPT_TITLE);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers the API with what the database holds', async () => {
    const { rows } = await ctx.db().query<{ id: string; title: string; state: string; estimate_minutes: number | null; skills: string[] }>(
      'SELECT id, title, state, estimate_minutes, skills FROM tasks ORDER BY id',
    );

    const list = await getJson(app, '/api/v1/tasks?limit=100', operator);
    const one = await getJson(app, `/api/v1/tasks/${scriptTaskId}`, operator);
    const summary = await getJson(app, '/api/v1/summary', operator);

    expect(
      list.body.tasks.map((task: { id: string; title: string; state: string; estimateMinutes: number | null; skills: string[] }) => ({
        id: task.id,
        title: task.title,
        state: task.state,
        estimate_minutes: task.estimateMinutes,
        skills: task.skills,
      })),
    ).toEqual(rows);
    expect(one.body.title).toBe(SCRIPT_TITLE);
    expect(summary.body.tasksByState).toEqual(await stateCounts());
  });
});

describeEachEngine('dashboard with tasks and a ledger', (ctx) => {
  let app: Hono;
  // The API answers strangers ready tasks and counts only: these tests read it as an operator.
  let operator: TestSession | undefined;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = ctx.db();
    const beneficiaryId = await insertBeneficiary(db, 'Cartolibre');
    await insertBeneficiary(db, 'Les Restos du Clavier');
    const repositoryId = await insertRepository(db, { path: 'cartolibre/cartolibre', beneficiaryId });
    const orphanRepositoryId = await insertRepository(db, { path: 'group/unassigned', beneficiaryId: null, forge: 'gitlab', host: 'gitlab.com' });
    const sponsorId = await insertSponsor(db, { name: 'Octoconseil', siren: '123456782' });
    const consultantId = await insertConsultant(db, { sponsorId, name: 'Camille Martin' });

    ids.translate = await insertTask(db, {
      repositoryId,
      issueNumber: 12,
      title: 'Translate the volunteer guide into English',
      state: 'ready',
      url: 'https://github.com/cartolibre/cartolibre/issues/12',
      estimateMinutes: 150,
      skills: ['writing', 'english'],
      category: 'content',
    });
    ids.script = await insertTask(db, { repositoryId, issueNumber: 13, title: SCRIPT_TITLE, state: 'ready', skills: ['<b>html</b>'] });
    ids.badUrl = await insertTask(db, { repositoryId: orphanRepositoryId, issueNumber: 1, title: 'Fix the map legend', state: 'ready', url: 'javascript:alert(2)' });
    ids.claimed = await insertTask(db, { repositoryId, issueNumber: 14, title: 'Add alt text to the gallery', state: 'claimed' });
    ids.candidate = await insertTask(db, { repositoryId, issueNumber: 15, title: 'Document the API', state: 'candidate' });
    ids.doneA = await insertTask(db, { repositoryId, issueNumber: 16, title: 'Fix the CSV export', state: 'done' });
    ids.doneB = await insertTask(db, { repositoryId, issueNumber: 17, title: 'Spam pull request', state: 'done' });

    const party = { consultantId, sponsorId, beneficiaryId };
    const creditA = await insertContribution(db, { kind: 'credit', taskId: ids.doneA, minutes: 150, ...party });
    const creditB = await insertContribution(db, { kind: 'credit', taskId: ids.doneB, minutes: 90, ...party });
    await insertContribution(db, { kind: 'reversal', refersTo: creditB, taskId: ids.doneB, minutes: -90, ...party });
    await insertContribution(db, { kind: 'adjustment', refersTo: creditA, taskId: ids.doneA, minutes: 35, ...party });

    app = dashboardWithDemoSignIn(db);
    operator = await signInAsDemo(app, 'operator');
  });

  it('shows the count of tasks in every state', async () => {
    const page = await (await app.request('http://localhost/')).text();

    const expected = { candidate: 1, ready: 3, claimed: 1, in_review: 0, done: 2, released: 0, expired: 0, withdrawn: 0 };
    for (const [state, count] of Object.entries(expected)) {
      expect(page).toMatch(new RegExp(`data-state="${state}"><span>[^<]+</span><span class="count">${count}</span>`));
    }
    expect(page).not.toContain('Nothing here yet');
  });

  it('lists the ready tasks with their link, repository, estimate and skills', async () => {
    const page = await (await app.request('http://localhost/')).text();

    expect(page).toContain('<a class="title" href="https://github.com/cartolibre/cartolibre/issues/12" rel="noopener noreferrer">Translate the volunteer guide into English</a>');
    expect(page).toContain('github.com/cartolibre/cartolibre #12');
    expect(page).toContain('for Cartolibre');
    expect(page).toContain('about 2h30');
    expect(page).toContain('<span class="tag">writing</span>');
    expect(page).toContain('gitlab.com/group/unassigned #1');
    expect(page).not.toContain('Add alt text to the gallery');
  });

  it('shows the hours donated: credits, minus reversals, with adjustments applied', async () => {
    const page = await (await app.request('http://localhost/')).text();

    // 150 + 90 − 90 + 35 = 185 minutes.
    expect(page).toContain('data-figure="donated">3 h 05 min</span>');
    expect(page).toContain('data-figure="beneficiaries">2</span>');
    expect(page).toContain('data-figure="sponsors">1</span>');
  });

  it('escapes a task title that holds markup', async () => {
    const page = await (await app.request('http://localhost/')).text();

    expect(page).not.toContain(SCRIPT_TITLE);
    expect(page).not.toContain('<b>html</b>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;b&gt;html&lt;/b&gt;');
  });

  it('links only to web addresses', async () => {
    const page = await (await app.request('http://localhost/')).text();

    expect(page).not.toContain('javascript:');
    expect(page).toContain('<span class="title">Fix the map legend</span>');
  });

  it('sends the security headers with the page', async () => {
    const response = await app.request('http://localhost/');

    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  });

  it('serves its stylesheet from its own origin', async () => {
    const response = await app.request('http://localhost/assets/wecena.css');

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(await response.text()).toContain('.tasks');
  });

  it('lists every task the database holds, in id order', async () => {
    const { rows } = await ctx.db().query<{ id: string; state: string; title: string }>('SELECT id, state, title FROM tasks ORDER BY id');

    const { status, body } = await getJson(app, '/api/v1/tasks', operator);

    expect(status).toBe(200);
    expect(body.nextCursor).toBeNull();
    expect(body.tasks.map((task: { id: string; state: string; title: string }) => ({ id: task.id, state: task.state, title: task.title }))).toEqual(rows);
  });

  it('returns a task as the database holds it', async () => {
    const { status, body } = await getJson(app, `/api/v1/tasks/${ids.translate}`, operator);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: ids.translate,
      title: 'Translate the volunteer guide into English',
      url: 'https://github.com/cartolibre/cartolibre/issues/12',
      issueNumber: 12,
      state: 'ready',
      estimateMinutes: 150,
      skills: ['writing', 'english'],
      category: 'content',
      repository: { forge: 'github', host: 'github.com', path: 'cartolibre/cartolibre' },
      beneficiary: { name: 'Cartolibre' },
    });
    expect(Date.parse(body.createdAt)).not.toBeNaN();
  });

  it('returns the raw title in JSON, where it is data and not markup', async () => {
    const { body } = await getJson(app, `/api/v1/tasks/${ids.script}`, operator);

    expect(body.title).toBe(SCRIPT_TITLE);
  });

  it('filters tasks by state', async () => {
    const { body } = await getJson(app, '/api/v1/tasks?state=ready', operator);

    expect(body.tasks.map((task: { id: string }) => task.id)).toEqual([ids.translate, ids.script, ids.badUrl]);
  });

  it('pages through tasks with the cursor', async () => {
    const seen: string[] = [];
    let path = '/api/v1/tasks?limit=2';
    for (let page = 0; page < 10; page += 1) {
      const { body } = await getJson(app, path, operator);
      expect(body.tasks.length).toBeLessThanOrEqual(2);
      seen.push(...body.tasks.map((task: { id: string }) => task.id));
      if (body.nextCursor === null) break;
      path = `/api/v1/tasks?limit=2&cursor=${body.nextCursor as string}`;
    }

    expect(seen).toEqual(Object.values(ids).sort((a, b) => Number(a) - Number(b)));
  });

  it('answers a summary that matches the database', async () => {
    const { body } = await getJson(app, '/api/v1/summary', operator);

    expect(body).toEqual({
      tasksByState: { candidate: 1, ready: 3, claimed: 1, in_review: 0, done: 2, released: 0, expired: 0, withdrawn: 0 },
      donatedMinutes: 185,
      beneficiaries: 2,
      sponsors: 1,
    });
  });

  it.each([
    { name: 'an unknown state', query: 'state=finished', message: 'state must be one of candidate, ready, claimed, in_review, done, released, expired, withdrawn' },
    { name: 'a limit of zero', query: 'limit=0', message: 'limit must be a whole number from 1 to 100' },
    { name: 'a limit above the maximum', query: 'limit=101', message: 'limit must be a whole number from 1 to 100' },
    { name: 'a limit that is not a number', query: 'limit=ten', message: 'limit must be a whole number from 1 to 100' },
    { name: 'a fractional limit', query: 'limit=2.5', message: 'limit must be a whole number from 1 to 100' },
    { name: 'a cursor that no page gave', query: 'cursor=abc', message: 'cursor must be the nextCursor of a previous page' },
    { name: 'a cursor past the largest id', query: 'cursor=9223372036854775808', message: 'cursor must be the nextCursor of a previous page' },
  ])('refuses $name with 400 and says why', async ({ query, message }) => {
    const { status, body, contentType } = await getJson(app, `/api/v1/tasks?${query}`, operator);

    expect(status).toBe(400);
    expect(contentType).toBe('application/problem+json');
    expect(body.code).toBe('bad_request');
    expect(body.detail).toBe(message);
    expect(body.issues).toHaveLength(1);
  });

  it('reports every invalid parameter at once', async () => {
    const { status, body } = await getJson(app, '/api/v1/tasks?state=nope&limit=0', operator);

    expect(status).toBe(400);
    expect(body.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['limit', 'state']);
  });

  it('answers 404 in JSON for a task that does not exist', async () => {
    const { status, body } = await getJson(app, '/api/v1/tasks/999999', operator);

    expect(status).toBe(404);
    expect(body).toEqual({ type: '/api/v1/problems/not_found', title: 'Not found', status: 404, code: 'not_found', detail: 'No task has id 999999.' });
  });

  it.each(['12abc', '012', '9223372036854775808', '99999999999999999999'])('answers 400 for the task id %s, which is not one', async (id) => {
    const { status, body } = await getJson(app, `/api/v1/tasks/${id}`, operator);

    expect(status).toBe(400);
    expect(body.detail).toBe('id must be a task id: digits, not starting with 0');
  });

  it('answers 404 for the largest id there can be', async () => {
    const { status } = await getJson(app, '/api/v1/tasks/9223372036854775807', operator);

    expect(status).toBe(404);
  });

  it.each(['/api/v1', '/api/v1/', '/api/v1/nothing', '/api/v1/tasks/1/claims'])('answers 404 in JSON at %s', async (path) => {
    const { status, body, contentType } = await getJson(app, path, operator);

    expect(status).toBe(404);
    expect(contentType).toBe('application/problem+json');
    expect(body.code).toBe('not_found');
  });

  it('answers 404 in JSON for a method the API does not have', async () => {
    const response = await app.request('http://localhost/api/v1/tasks', { method: 'DELETE' });

    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('not_found');
  });

  it('answers an HTML 404 page, with the security headers, elsewhere', async () => {
    const response = await app.request('http://localhost/no/such/page?x=<i>');
    const page = await response.text();

    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(page).toContain('Page not found');
    expect(page).toContain('<code>/no/such/page</code>');
  });
});

describeEachEngine('the OpenAPI document', (ctx) => {
  let app: Hono;
  // The API answers strangers ready tasks and counts only: these tests read it as an operator.
  let operator: TestSession | undefined;
  let taskId: string;
  let consultantId: string;
  let sponsorId: string;
  let beneficiaryId: string;
  beforeAll(async () => {
    const db = ctx.db();
    const repositoryId = await insertRepository(db, { path: 'example/docs', beneficiaryId: null });
    taskId = await insertTask(db, { repositoryId, issueNumber: 1, title: 'Write the README', state: 'ready' });
    sponsorId = await insertSponsor(db, { name: 'Octet', siren: '832519748' });
    consultantId = await insertConsultant(db, { sponsorId, name: 'Ana' });
    beneficiaryId = await insertBeneficiary(db, 'Les amis du code');
    app = dashboardWithDemoSignIn(db);
    operator = await signInAsDemo(app, 'operator');
  });

  it('is OpenAPI 3.1 and describes the tasks and summary operations', async () => {
    const { status, body } = await getJson(app, '/api/v1/openapi.json', operator);

    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(body.info.title).toBe('wecena API');
    expect(Object.keys(body.paths).sort()).toEqual([
      '/api/v1/agreements',
      '/api/v1/beneficiaries',
      '/api/v1/beneficiaries/{id}',
      '/api/v1/consultants/{id}',
      '/api/v1/consultants/{id}/proposals',
      '/api/v1/inbox',
      '/api/v1/repositories',
      '/api/v1/sponsors',
      '/api/v1/sponsors/{id}/consultants',
      '/api/v1/sponsors/{id}/contributions',
      '/api/v1/sponsors/{id}/figures',
      '/api/v1/sponsors/{id}/report',
      '/api/v1/sponsors/{sponsorId}/receipts/{beneficiaryId}/{year}',
      '/api/v1/summary',
      '/api/v1/tasks',
      '/api/v1/tasks/{id}',
      '/api/v1/tasks/{id}/candidates',
    ]);
    expect(body.paths['/api/v1/tasks'].get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(['state', 'limit', 'cursor']);
    expect(Object.keys(body.components.schemas)).toEqual(expect.arrayContaining(['Task', 'TaskList', 'TaskState', 'Summary', 'ApiError']));
  });

  it('says which operations need a session: personal data does, ready tasks and counts do not', async () => {
    const { body } = await getJson(app, '/api/v1/openapi.json');

    expect(body.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'wecena_session' });
    expect(body.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(body.paths['/api/v1/consultants/{id}/proposals'].get.security).toEqual([{ session: [] }, { apiToken: [] }]);
    expect(body.paths['/api/v1/tasks/{id}/candidates'].get.security).toEqual([{ session: [] }, { apiToken: [] }]);
    expect(body.paths['/api/v1/tasks'].get.security).toEqual([{}, { session: [] }, { apiToken: [] }]);
    expect(body.paths['/api/v1/tasks/{id}'].get.security).toEqual([{}, { session: [] }, { apiToken: [] }]);
    expect(body.paths['/api/v1/summary'].get.security).toEqual([]);
    for (const path of ['/api/v1/consultants/{id}/proposals', '/api/v1/tasks/{id}/candidates', '/api/v1/tasks']) {
      expect(Object.keys(body.paths[path].get.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
    const page = await (await app.request('http://localhost/api/v1/reference')).text();
    // Every operation but the ready tasks and the counts: 14 of the 17.
    expect(page.match(/data-access="session needed"/g)).toHaveLength(14);
    expect(page).toContain('Needs a session or a personal API token');
    expect(page).toContain('<code>Authorization: Bearer wecena_pat_…</code>');
  });

  it('answers a stranger the ready tasks only, and 401 in JSON for the rest', async () => {
    const ready = await getJson(app, '/api/v1/tasks?state=ready');
    const all = await getJson(app, '/api/v1/tasks');
    const proposals = await getJson(app, `/api/v1/consultants/${consultantId}/proposals`);

    expect(ready.status).toBe(200);
    expect(ready.body.tasks.map((task: { id: string }) => task.id)).toEqual([taskId]);
    expect(all).toMatchObject({ status: 401, body: { code: 'unauthorized', detail: expect.stringContaining('state=ready') } });
    expect(proposals).toMatchObject({ status: 401, body: { code: 'unauthorized' } });
  });

  it('answers every path it lists with a documented success', async () => {
    const { body } = await getJson(app, '/api/v1/openapi.json', operator);

    const operations = Object.entries(body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>).flatMap(
      ([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(3);
    for (const { path, method, operation } of operations) {
      const ids: Record<string, string> = { consultants: consultantId, tasks: taskId, sponsors: sponsorId, beneficiaries: beneficiaryId };
      const id = ids[path.split('/')[3] ?? ''] ?? '';
      const concrete = path.replace('{id}', id).replace('{sponsorId}', sponsorId).replace('{beneficiaryId}', beneficiaryId).replace('{year}', '2026');
      const response = await app.request(`http://localhost${concrete}`, {
        method: method.toUpperCase(),
        headers: { Cookie: operator?.cookie ?? '' },
      });
      expect(response.status, `${method} ${path}`).toBe(200);
      expect(Object.keys(operation.responses)).toContain('200');
      expect(response.headers.get('Content-Type')).toContain('application/json');
    }
  });

  it('is rendered as a reference page listing each operation, its parameters and responses', async () => {
    const { body: document } = await getJson(app, '/api/v1/openapi.json', operator);
    const response = await app.request('http://localhost/api/v1/reference');
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item)) {
        expect(page).toContain(`<span class="method">${method}</span><code>${path}</code>`);
      }
    }
    for (const name of ['state', 'limit', 'cursor', 'id']) expect(page).toContain(`<code>${name}</code>`);
    expect(page).toContain('one of: candidate, ready, claimed, in_review, done, released, expired, withdrawn');
    expect(page).toContain('integer, 1 to 100, default 50');
    expect(page).toContain('<td data-label="Status"><code>404</code></td>');
    expect(page).toContain('href="/api/v1/openapi.json"');
  });
});

describeEachEngine('dashboard mounted in the server', (ctx) => {
  it('leaves the routes mounted before it alone and answers the rest', async () => {
    const server = new Hono();
    server.get('/healthz', (c) => c.text('ok'));
    server.route('/', dashboardRoutes({ db: ctx.db() }));

    const health = await server.request('http://localhost/healthz');
    const home = await server.request('http://localhost/');
    const api = await server.request('http://localhost/api/v1/summary');
    const missing = await server.request('http://localhost/api/v1/missing');

    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
    expect(home.status).toBe(200);
    expect(api.status).toBe(200);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('not_found');
  });
});

describeEachEngine('dashboard when the database fails', (ctx) => {
  let app: Hono;
  const logged: Array<{ meta: Record<string, unknown>; message: string }> = [];
  beforeAll(async () => {
    // No migrations: every query fails on a missing table, a real fault.
    const logger: DashboardLogger = { error: (meta, message) => logged.push({ meta, message }) };
    app = dashboardRoutes({ db: await ctx.freshDatabase({ migrated: false }), logger });
  });

  it('answers the API with a JSON 500 that leaks nothing, and logs the fault', async () => {
    logged.length = 0;
    const { status, body } = await getJson(app, '/api/v1/summary');

    expect(status).toBe(500);
    expect(body).toEqual({ type: '/api/v1/problems/internal_error', title: 'Server error', status: 500, code: 'internal_error', detail: 'Something went wrong on the server.' });
    expect(logged).toEqual([{ message: 'API request failed', meta: expect.objectContaining({ method: 'GET', path: '/api/v1/summary' }) }]);
    expect(String(logged[0]?.meta.err)).toContain('tasks');
  });

  it('answers a page with an HTML 500, and logs the fault', async () => {
    logged.length = 0;
    const response = await app.request('http://localhost/');
    const page = await response.text();

    expect(response.status).toBe(500);
    expect(page).toContain('Something went wrong');
    expect(page).not.toContain('relation');
    expect(logged.map((entry) => entry.message)).toEqual(['dashboard page failed']);
  });
});
