import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { dashboardRoutes } from './dashboard-routes';
import { insertDemoWorld, type DemoWorld } from './testing/demo-world';
import { DEMO_NOW } from './testing/sample-data';
import { LOOPBACK_ORIGIN, postForm, signInAsDemo, type TestSession } from './testing/sign-in';
import { insertContribution, insertRepository, insertTask } from './testing/store-fixtures';

const SECRET = 'a-session-secret-of-at-least-32-characters';

describeEachEngine('the role pages', (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  let reviewer: TestSession;
  let operator: TestSession;
  let formulaCreditId: string;

  async function page(session: TestSession, path: string): Promise<{ status: number; text: string; response: Response }> {
    const response = await app.request(`${LOOPBACK_ORIGIN}${path}`, { headers: { Cookie: session.cookie } });
    return { status: response.status, text: await response.clone().text(), response };
  }

  async function entriesOf(creditId: string): Promise<{ kind: string; minutes: number; review_status: string; reason: string | null; recorded_by: string }[]> {
    const { rows } = await ctx.db().query<{ kind: string; minutes: number; review_status: string; reason: string | null; recorded_by: string }>(
      'SELECT kind, minutes, review_status, reason, recorded_by FROM contributions WHERE refers_to = $1 ORDER BY id',
      [creditId],
    );
    return rows;
  }

  beforeAll(async () => {
    const db = ctx.db();
    world = await insertDemoWorld(db);
    // A credit whose task title a spreadsheet would run as a formula, for the demo sponsor.
    const repositoryId = await insertRepository(db, { path: 'entraide/formula', beneficiaryId: world.beneficiaryId });
    const taskId = await insertTask(db, { repositoryId, issueNumber: 1, title: '=HYPERLINK("http://evil.example","click")', state: 'done' });
    formulaCreditId = await insertContribution(db, { kind: 'credit', taskId, consultantId: world.consultantId, sponsorId: world.sponsorId, beneficiaryId: world.beneficiaryId, minutes: 45 });
    await db.query(
      `INSERT INTO inbox_deliveries (source, delivery_id, event_name, received_at, body, status, attempts, next_attempt_at, last_error)
       VALUES ('github', 'parked-1', 'issue_comment', $1, '\\x7b7d', 'parked', 8, $1, '<img src=x onerror=alert(1)> payload did not parse')`,
      [DEMO_NOW],
    );
    app = dashboardRoutes({ db, clock: () => DEMO_NOW, signIn: { sessionSecret: SECRET, publicUrl: LOOPBACK_ORIGIN, demo: true, listenHost: '127.0.0.1' } });
    reviewer = await signInAsDemo(app, `sponsor_reviewer:${world.reviewerId}`);
    operator = await signInAsDemo(app, 'operator');
  });

  it('shows a consultant what to do next: claims with expiry, proposals with reasons, time, contributions', async () => {
    const consultant = await signInAsDemo(app, `consultant:${world.consultantId}`);
    const { status, text } = await page(consultant, `/consultants/${world.consultantId}`);

    expect(status).toBe(200);
    expect(text).toContain('What to do next, Camille Martin');
    expect(text).toContain('Fix the date picker on Safari');
    expect(text).toContain('expires 3 Mar 2026, 09:00 UTC (in 24 h)');
    expect(text).toContain('Keyboard navigation for the layer switcher');
    expect(text).toContain('<li>matches skill typescript at level 3 of 3 (+30)</li>');
    expect(text).toContain('<li>a cause they prefer: open-data (+15)</li>');
    expect(text).toContain('best fit for you');
    expect(text).toContain('2 h 30 min');
    expect(text).toContain('Waiting for review');
    expect(text).not.toContain('Léa Dubois');
  });

  it('lists the contributions waiting for review, escaping what forges wrote', async () => {
    const { status, text } = await page(reviewer, `/sponsors/${world.sponsorId}`);

    expect(status).toBe(200);
    expect(text).toContain('Rewrite the volunteer sign-up page in plain language');
    expect(text).toContain(`value="${world.pendingCreditId}"`);
    expect(text).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)');
    expect(text).not.toContain('Catalogue');
  });

  it('approves in bulk: one new ledger entry per contribution, in the reviewer’s name', async () => {
    const before = await page(reviewer, `/sponsors/${world.sponsorId}/reports?year=2026`);
    expect(before.text).toContain('data-figure="report-approved">0 min</span>');

    const response = await postForm(app, `/sponsors/${world.sponsorId}/contributions/approve`, { _csrf: reviewer.csrfToken, ids: [world.pendingCreditId] }, reviewer.cookie);
    const after = await page(reviewer, `/sponsors/${world.sponsorId}/reports?year=2026`);

    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/sponsors/${world.sponsorId}?done=approved#pending`);
    expect(await entriesOf(world.pendingCreditId)).toEqual([
      expect.objectContaining({ kind: 'adjustment', minutes: 0, review_status: 'approved', recorded_by: `reviewer:${world.reviewerId}` }),
    ]);
    expect(after.text).toContain('data-figure="report-approved">3 h 40 min</span>');
  });

  it('refuses to adjust without a reason, and records nothing', async () => {
    const response = await postForm(app, `/sponsors/${world.sponsorId}/contributions/${formulaCreditId}/adjust`, { _csrf: reviewer.csrfToken, hours: '0.5', reason: '  ' }, reviewer.cookie);

    expect(response.headers.get('Location')).toBe(`/sponsors/${world.sponsorId}?problem=reason#pending`);
    expect(await entriesOf(formulaCreditId)).toEqual([]);
    expect((await page(reviewer, `/sponsors/${world.sponsorId}?problem=reason`)).text).toContain('A reason is required');
  });

  it('adjusts the hours with a reason, as a new entry of the difference', async () => {
    const response = await postForm(app, `/sponsors/${world.sponsorId}/contributions/${formulaCreditId}/adjust`, { _csrf: reviewer.csrfToken, hours: '0.5', reason: 'part of it was <b>meetings</b>' }, reviewer.cookie);
    const review = await page(reviewer, `/sponsors/${world.sponsorId}`);

    expect(response.headers.get('Location')).toBe(`/sponsors/${world.sponsorId}?done=adjusted#pending`);
    expect(await entriesOf(formulaCreditId)).toEqual([expect.objectContaining({ kind: 'adjustment', minutes: -15, review_status: 'adjusted', reason: 'part of it was <b>meetings</b>' })]);
    expect(review.text).toContain('part of it was &lt;b&gt;meetings&lt;/b&gt;');
  });

  it('refuses a reviewer another sponsor’s contribution, and an operator any review', async () => {
    const foreign = await postForm(app, `/sponsors/${world.sponsorId}/contributions/${world.other.creditId}/reject`, { _csrf: reviewer.csrfToken, reason: 'not ours' }, reviewer.cookie);
    const byOperator = await postForm(app, `/sponsors/${world.other.sponsorId}/contributions/${world.other.creditId}/reject`, { _csrf: operator.csrfToken, reason: 'spam' }, operator.cookie);

    expect(foreign.headers.get('Location')).toBe(`/sponsors/${world.sponsorId}?problem=stale#pending`);
    expect(byOperator.headers.get('Location')).toBe(`/sponsors/${world.other.sponsorId}?problem=reviewer#pending`);
    expect(await entriesOf(world.other.creditId)).toEqual([]);
  });

  it('reports the year per month (with a chart), beneficiary and consultant, each line linked to its proof', async () => {
    const { status, text } = await page(reviewer, `/sponsors/${world.sponsorId}/reports?year=2026`);

    expect(status).toBe(200);
    expect(text).toContain('<svg viewBox="0 0 600 220"');
    expect(text).toMatch(/<g data-month="2026-02" data-minutes="\d+">/);
    expect(text).toContain('href="https://gitlab.com/entraide-solidaire/site-benevoles/-/merge_requests/77"');
    expect(text).toContain(`href="/sponsors/${world.sponsorId}/receipts/${world.beneficiaryId}/2026">Receipt data</a>`);
    expect(text).toContain('Léa Dubois');
  });

  it('exports the report as CSV: UTF-8 with BOM, CRLF, formulas neutralised', async () => {
    const { status, response } = await page(reviewer, `/sponsors/${world.sponsorId}/reports.csv?year=2026`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

    expect(status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toContain('attachment; filename="wecena-');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain('\r\n');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('gives the receipt data on a printable page, to the sponsor and to the beneficiary', async () => {
    const beneficiary = await signInAsDemo(app, `beneficiary_contact:${world.beneficiaryId}`);
    const bySponsor = await page(reviewer, `/sponsors/${world.sponsorId}/receipts/${world.beneficiaryId}/2026`);
    const byBeneficiary = await page(beneficiary, `/sponsors/${world.sponsorId}/receipts/${world.beneficiaryId}/2026`);

    for (const { status, text } of [bySponsor, byBeneficiary]) {
      expect(status).toBe(200);
      expect(text).toContain('<body class="printable">');
      expect(text).toContain('data-field="siren">832519748</dd>');
      expect(text).toContain('Association Entraide Solidaire');
      expect(text).toContain('don en nature');
      expect(text).toMatch(/data-field="amount">[^<]*€<\/dd>/);
    }
  });

  it('shows a beneficiary contact the hours and valuation received per sponsor and year, and the throughput', async () => {
    const beneficiary = await signInAsDemo(app, `beneficiary_contact:${world.beneficiaryId}`);
    const { status, text } = await page(beneficiary, `/beneficiaries/${world.beneficiaryId}`);

    expect(status).toBe(200);
    expect(text).toContain(`data-sponsor="${world.sponsorId}" data-year="2026"`);
    expect(text).toContain('Octet Conseil');
    expect(text).toContain('data-figure="done">2</span>');
    expect(text).not.toContain('Autre Conseil');
  });

  it('shows the operator parked deliveries, escaped, and retries one with a form', async () => {
    const before = await page(operator, '/operator');
    expect(before.text).toContain('&lt;img src=x onerror=alert(1)&gt; payload did not parse');
    expect(before.text).not.toContain('<img src=x');
    expect(before.text).toContain('data-figure="parked">1</span>');
    expect(before.text).toContain('cartolibre/cartolibre');

    const response = await postForm(app, '/operator/deliveries/retry', { _csrf: operator.csrfToken, source: 'github', deliveryId: 'parked-1' }, operator.cookie);
    const { rows } = await ctx.db().query<{ status: string }>(`SELECT status FROM inbox_deliveries WHERE delivery_id = 'parked-1'`);

    expect(response.headers.get('Location')).toBe('/operator?done=retried#inbox');
    expect(rows[0]?.status).toBe('pending');
  });

  it("shows the operator where each repository's discovery scan stands", async () => {
    const db = ctx.db();
    const repositoryId = await insertRepository(db, { path: 'entraide/annuaire', beneficiaryId: world.beneficiaryId });
    await db.query(
      `INSERT INTO discovery_scans (repository_id, cursor, resume_at, started_at, updated_at, pages, issues_seen)
       VALUES ($1, 'page-3', '2026-03-02T11:45:00Z', '2026-03-02T11:00:00Z', '2026-03-02T11:20:00Z', 2, 100)`,
      [repositoryId],
    );

    const { text } = await page(operator, '/operator');

    expect(text).toContain("paused by the forge rate limit until 11:45 UTC (100 issues in 2 pages so far)");
    expect(text).toContain('not scanned yet');
  });
});
