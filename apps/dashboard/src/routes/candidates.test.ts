import { describeEachEngine } from '@wecena/testkit';
import type { Queryable } from '@wecena/db';
import type { Hono } from 'hono';
import { serializeSigned } from 'hono/utils/cookie';
import { beforeAll, expect, it } from 'vitest';
import { dashboardRoutes } from '../dashboard-routes';
import { insertDemoWorld, type DemoWorld } from '../testing/demo-world';
import { DEMO_NOW } from '../testing/sample-data';
import { createSession, grantRole } from '../queries/session-queries';
import { LOOPBACK_ORIGIN, postForm, signInAsDemo, TEST_SESSION_SECRET, type TestSession } from '../testing/sign-in';
import { insertRepository, insertTask } from '../testing/store-fixtures';

interface Row {
  issueNumber: number;
  title: string;
  score: number;
  suitable: boolean;
  ready: boolean;
  reasons: { factor: string; points: number; text: string }[];
  missing?: string;
  category: string;
  failedReadiness?: string[];
  refused?: string;
}

async function insertDiscovered(db: Queryable, repositoryId: string, row: Row): Promise<void> {
  await db.query(
    `INSERT INTO discovered_issues (repository_id, issue_number, issue_forge_id, title, url, labels, score, suitable, reasons, missing,
                                    category, skills, ready, failed_readiness, refused, scanned_at)
     VALUES ($1, $2, $3, $4, $5, '{}', $6, $7, $8, $9, $10, '{}', $11, $12, $13, $14)`,
    [
      repositoryId,
      row.issueNumber,
      `I_${row.issueNumber}`,
      row.title,
      `https://github.com/entraide/site/issues/${row.issueNumber}`,
      row.score,
      row.suitable,
      JSON.stringify(row.reasons),
      row.missing ?? null,
      row.category,
      row.ready,
      row.failedReadiness ?? [],
      row.refused ?? null,
      DEMO_NOW,
    ],
  );
}

describeEachEngine('the candidates page', (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  let repositoryId: string;
  let orphanRepositoryId: string;
  let operator: TestSession;
  let contact: TestSession;
  let otherContact: TestSession;

  async function page(session: TestSession | null, path: string): Promise<{ status: number; text: string; location: string | null }> {
    const response = await app.request(`${LOOPBACK_ORIGIN}${path}`, { headers: session === null ? {} : { Cookie: session.cookie } });
    return { status: response.status, text: await response.text(), location: response.headers.get('Location') };
  }

  /** A session signed in with a GitHub account that holds the beneficiary contact's role. */
  async function signInWithGithub(login: string, forgeUserId: string): Promise<TestSession> {
    const db = ctx.db();
    await grantRole(db, { forge: 'github', host: 'github.com', login, role: { kind: 'beneficiary_contact', beneficiaryId: world.beneficiaryId } });
    const identity = { forge: 'github' as const, host: 'github.com', login, forgeUserId };
    const { token, csrfToken } = await createSession(db, { displayName: login, identity, demoRoles: null, now: DEMO_NOW, lifetimeMs: 3_600_000 });
    const cookie = (await serializeSigned('wecena_session', token, TEST_SESSION_SECRET)).split(';')[0] ?? '';
    return { cookie, csrfToken };
  }

  async function queued(): Promise<{ delivery_id: string; event_name: string; body: unknown }[]> {
    const { rows } = await ctx.db().query<{ delivery_id: string; event_name: string; body: string }>(
      `SELECT delivery_id, event_name, convert_from(body, 'UTF8') AS body FROM inbox_deliveries WHERE source = 'wecena' ORDER BY delivery_id`,
    );
    return rows.map((row) => ({ ...row, body: JSON.parse(row.body) as unknown }));
  }

  beforeAll(async () => {
    const db = ctx.db();
    world = await insertDemoWorld(db);
    repositoryId = await insertRepository(db, { path: 'entraide/site', beneficiaryId: world.beneficiaryId });
    orphanRepositoryId = await insertRepository(db, { path: 'nobody/yet', beneficiaryId: null });
    await insertDiscovered(db, repositoryId, {
      issueNumber: 12,
      title: 'Translate the <script>alert(1)</script> help page',
      score: 72,
      suitable: true,
      ready: true,
      category: 'content',
      reasons: [
        { factor: 'newcomer_label', points: 30, text: 'labelled “good first issue”' },
        { factor: 'expected_result', points: 20, text: 'says what done looks like: an “Acceptance” section' },
      ],
    });
    await insertDiscovered(db, repositoryId, {
      issueNumber: 7,
      title: 'Fix the date filter',
      score: 41,
      suitable: false,
      ready: false,
      category: 'code',
      reasons: [{ factor: 'small_task', points: 10, text: 'names one file <b>only</b>' }],
      missing: 'a sentence saying what done looks like',
      failedReadiness: ['done_criteria', 'estimate'],
    });
    await insertDiscovered(db, repositoryId, {
      issueNumber: 30,
      title: 'Assigned already',
      score: 0,
      suitable: false,
      ready: false,
      category: 'other',
      reasons: [],
      refused: 'assigned',
    });
    // Already on wecena: not a candidate any more.
    await insertDiscovered(db, repositoryId, { issueNumber: 31, title: 'Offered already', score: 90, suitable: true, ready: true, category: 'code', reasons: [] });
    await insertTask(db, { repositoryId, issueNumber: 31, title: 'Offered already', state: 'ready' });
    app = dashboardRoutes({
      db,
      clock: () => DEMO_NOW,
      signIn: { sessionSecret: TEST_SESSION_SECRET, publicUrl: LOOPBACK_ORIGIN, demo: true, listenHost: '127.0.0.1' },
    });
    operator = await signInAsDemo(app, 'operator');
    contact = await signInAsDemo(app, `beneficiary_contact:${world.beneficiaryId}`);
    otherContact = await signInAsDemo(app, `beneficiary_contact:${world.other.beneficiaryId}`);
  });

  it("ranks the repository's candidates with score, reasons, category, and what a near-miss lacks", async () => {
    const { status, text } = await page(contact, `/repositories/${repositoryId}/candidates`);

    expect(status).toBe(200);
    expect(text).toContain('Candidates of entraide/site');
    expect(text).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    const ranks = [...text.matchAll(/data-issue="(\d+)" data-rank="(\d+)"/g)].map((match) => [match[1], match[2]]);
    expect(ranks).toEqual([
      ['12', '1'],
      ['7', '2'],
    ]);
    expect(text).toContain('<strong data-score>72</strong>');
    expect(text).toContain('<span class="tag">content</span>');
    expect(text).toContain('<li data-factor="newcomer_label">labelled “good first issue” (+30)</li>');
    expect(text).toContain('<strong>Missing:</strong> a sentence saying what done looks like');
    expect(text).toContain('<li data-readiness="done_criteria">');
    expect(text).toContain('<li data-readiness="estimate">');
    expect(text).not.toContain('Assigned already');
    expect(text).not.toContain('Offered already');
  });

  it('escapes what the forge wrote', async () => {
    const { text } = await page(operator, `/repositories/${repositoryId}/candidates`);

    expect(text).toContain('Translate the &lt;script&gt;alert(1)&lt;/script&gt; help page');
    expect(text).toContain('names one file &lt;b&gt;only&lt;/b&gt; (+10)');
    expect(text).not.toContain('<script>alert(1)');
    expect(text).not.toContain('<b>only</b>');
  });

  it("links the candidates from the beneficiary page, next to each repository", async () => {
    const { status, text } = await page(contact, `/beneficiaries/${world.beneficiaryId}`);

    expect(status).toBe(200);
    expect(text).toContain(`<a href="/repositories/${repositoryId}/candidates">Candidates: 1 suitable, 1 near-misses</a>`);
  });

  it('says so when nothing was found', async () => {
    const { status, text } = await page(operator, `/repositories/${orphanRepositoryId}/candidates`);

    expect(status).toBe(200);
    expect(text).toContain('No candidates yet');
  });

  it("refuses a stranger, another beneficiary's contact, and anyone but an operator on a repository of no beneficiary", async () => {
    const path = `/repositories/${repositoryId}/candidates`;
    const stranger = await page(null, path);
    expect(stranger.status).toBe(303);
    expect(stranger.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    expect((await page(otherContact, path)).status).toBe(403);
    expect((await page(contact, `/repositories/${orphanRepositoryId}/candidates`)).status).toBe(403);
    // Only an operator learns that an id is no repository's.
    expect((await page(operator, '/repositories/999999/candidates')).status).toBe(404);
    expect((await page(contact, '/repositories/999999/candidates')).status).toBe(403);
  });

  it('offers a maintainer signed in with the forge a Mark ready button per candidate; a demo session a hint instead', async () => {
    const maria = await signInWithGithub('maria-gh', '4242');
    const path = `/repositories/${repositoryId}/candidates`;
    const { status, text } = await page(maria, path);

    expect(status).toBe(200);
    expect(text).toContain(`<form class="inline" method="post" action="${path}/12/mark-ready"><input type="hidden" name="_csrf" value="${maria.csrfToken}"><button type="submit">Mark ready</button></form>`);
    expect(text).toContain(`action="${path}/7/mark-ready"`);
    const demo = await page(contact, path);
    expect(demo.text).not.toContain('Mark ready</button>');
    expect(demo.text).toContain('A maintainer signed in with github.com can mark a candidate ready from here.');
  });

  it('marking ready queues one delivery of wecena\'s own, as the signed-in forge login, for the worker', async () => {
    const maria = await signInWithGithub('maria-gh', '4242');
    const path = `/repositories/${repositoryId}/candidates`;

    const response = await postForm(app, `${path}/7/mark-ready`, { _csrf: maria.csrfToken }, maria.cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`${path}?marked=7#issue-7`);
    // Twice: still one delivery.
    await postForm(app, `${path}/7/mark-ready`, { _csrf: maria.csrfToken }, maria.cookie);
    // Not a candidate (refused, or on wecena already), and a demo session: nothing queued.
    await postForm(app, `${path}/30/mark-ready`, { _csrf: maria.csrfToken }, maria.cookie);
    await postForm(app, `${path}/31/mark-ready`, { _csrf: maria.csrfToken }, maria.cookie);
    await postForm(app, `${path}/12/mark-ready`, { _csrf: contact.csrfToken }, contact.cookie);

    expect(await queued()).toEqual([
      {
        delivery_id: `mark-ready:${repositoryId}:7:maria-gh`,
        event_name: 'candidate_marked_ready',
        body: { repositoryId, issueNumber: 7, login: 'maria-gh', forgeUserId: '4242' },
      },
    ]);
    const { text } = await page(maria, `${path}?marked=7`);
    expect(text).toContain('#7 marked ready as maria-gh');
  });

  it('refuses marking ready without the session token, and to a contact of another beneficiary', async () => {
    const maria = await signInWithGithub('maria-gh', '4242');
    const path = `/repositories/${repositoryId}/candidates/12/mark-ready`;

    expect((await postForm(app, path, { _csrf: 'wrong' }, maria.cookie)).status).toBe(403);
    expect((await postForm(app, path, { _csrf: otherContact.csrfToken }, otherContact.cookie)).status).toBe(403);
    expect((await queued()).map((delivery) => delivery.delivery_id)).not.toContain(`mark-ready:${repositoryId}:12:maria-gh`);
  });
});
