import { CLAIM_RECALLED_EVENT } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { CONTRIBUTIONS_CSV_COLUMNS } from '../pages/sponsor-pages';
import { insertDemoWorld, type DemoWorld } from '../testing/demo-world';
import { DEMO_NOW } from '../testing/sample-data';
import { dashboardWithDemoSignIn, LOOPBACK_ORIGIN, postForm, signInAsDemo, type TestSession } from '../testing/sign-in';
import { insertContribution, insertTask } from '../testing/store-fixtures';

const TODAY = DEMO_NOW.toISOString().slice(0, 10);

describeEachEngine("sponsor pages: consultants and their recall, the contributions' CSV", (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  let reviewer: TestSession;
  let otherReviewer: TestSession;
  let operator: TestSession;
  /** A demo consultant who holds two open claims, and those claims. */
  let holder: { consultantId: string; claims: { id: string; title: string }[] };

  async function get(path: string, session: TestSession): Promise<{ status: number; text: string }> {
    const response = await app.request(`${LOOPBACK_ORIGIN}${path}`, { headers: { Cookie: session.cookie } });
    return { status: response.status, text: await response.text() };
  }

  function recall(session: TestSession, consultantId: string, fields: Record<string, string>, sponsorId = world.sponsorId): Promise<Response> {
    return postForm(app, `/sponsors/${sponsorId}/consultants/${consultantId}/recall`, { _csrf: session.csrfToken, ...fields }, session.cookie);
  }

  async function windowEnds(consultantId: string): Promise<string[]> {
    const { rows } = await ctx.db().query<{ to_date: string }>('SELECT to_date::text AS to_date FROM availability_windows WHERE consultant_id = $1 ORDER BY from_date', [consultantId]);
    return rows.map((row) => row.to_date);
  }

  async function queuedRecalls(): Promise<{ delivery_id: string; event_name: string; body: unknown }[]> {
    const { rows } = await ctx.db().query<{ delivery_id: string; event_name: string; body: string }>(
      `SELECT delivery_id, event_name, convert_from(body, 'UTF8') AS body FROM inbox_deliveries WHERE source = 'wecena' ORDER BY delivery_id`,
    );
    return rows.map((row) => ({ ...row, body: JSON.parse(row.body) as unknown }));
  }

  beforeAll(async () => {
    world = await insertDemoWorld(ctx.db());
    app = dashboardWithDemoSignIn(ctx.db(), () => DEMO_NOW);
    reviewer = await signInAsDemo(app, `sponsor_reviewer:${world.reviewerId}`);
    otherReviewer = await signInAsDemo(app, `sponsor_reviewer:${world.other.reviewerId}`);
    operator = await signInAsDemo(app, 'operator');
    // One of the demo's claimants, given a second task to hold: a recall hands back both.
    const { rows } = await ctx.db().query<{ consultant_id: string }>(
      `SELECT cl.consultant_id::text AS consultant_id FROM claims cl JOIN consultants c ON c.id = cl.consultant_id
        WHERE cl.ended_at IS NULL AND c.sponsor_id = $1 ORDER BY cl.id LIMIT 1`,
      [world.sponsorId],
    );
    const consultantId = rows[0]?.consultant_id ?? '';
    await ctx.db().query(`INSERT INTO claims (task_id, consultant_id, claimed_at, expires_at) VALUES ($1, $2, $3, $4)`, [
      world.readyTaskId,
      consultantId,
      DEMO_NOW,
      new Date(DEMO_NOW.getTime() + 86_400_000),
    ]);
    const { rows: claims } = await ctx.db().query<{ id: string; title: string }>(
      `SELECT cl.id::text AS id, t.title FROM claims cl JOIN tasks t ON t.id = cl.task_id WHERE cl.consultant_id = $1 AND cl.ended_at IS NULL ORDER BY cl.id`,
      [consultantId],
    );
    expect(claims).toHaveLength(2);
    holder = { consultantId, claims };
  });

  it('shows each consultant with their availability, the tasks they hold and a recall button that says what it does', async () => {
    const { text } = await get(`/sponsors/${world.sponsorId}/consultants`, reviewer);

    const start = text.indexOf(`<tr data-consultant="${holder.consultantId}"`);
    const row = text.slice(start, text.indexOf('</tr>', start));
    for (const claim of holder.claims) {
      expect(row).toContain(`<li data-claim="${claim.id}">`);
      expect(row).toContain(claim.title);
    }
    expect(row).toContain('Their 2 open claims are handed back on the forge');
    expect(row).toContain(`action="/sponsors/${world.sponsorId}/consultants/${holder.consultantId}/recall"`);
    expect(row).toContain(`name="on" value="${TODAY}"`);
    expect(row).toContain(`name="_csrf" value="${reviewer.csrfToken}"`);
  });

  it('escapes names and titles from the forge: a <script> shows as text', async () => {
    const consultants = await get(`/sponsors/${world.other.sponsorId}/consultants`, otherReviewer);
    expect(consultants.text).toContain('Noé &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(consultants.text).not.toContain('<script>');
    const review = await get(`/sponsors/${world.other.sponsorId}`, otherReviewer);
    expect(review.text).toContain('Catalogue &lt;script&gt;alert(2)&lt;/script&gt;');
    expect(review.text).not.toContain('<script>');
  });

  it('exports every contribution as CSV: BOM, header, a line each, formulas neutralised', async () => {
    const { rows } = await ctx.db().query<{ repository_id: string }>('SELECT repository_id::text FROM tasks WHERE id = $1', [world.claimedTaskId]);
    const taskId = await insertTask(ctx.db(), { repositoryId: rows[0]?.repository_id ?? '', issueNumber: 777, title: '=HYPERLINK("https://evil.example","fix, \"quoted\"")', state: 'done' });
    await insertContribution(ctx.db(), { kind: 'credit', taskId, consultantId: world.consultantId, sponsorId: world.sponsorId, beneficiaryId: world.beneficiaryId, minutes: 90 });
    const { rows: credits } = await ctx.db().query<{ count: string }>(`SELECT count(*) AS count FROM contributions WHERE kind = 'credit' AND sponsor_id = $1`, [world.sponsorId]);

    const response = await app.request(`${LOOPBACK_ORIGIN}/sponsors/${world.sponsorId}/contributions.csv`, { headers: { Cookie: reviewer.cookie } });
    // Read as bytes: Response.text() drops a leading BOM.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    const review = await get(`/sponsors/${world.sponsorId}`, reviewer);

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="wecena-${world.sponsorId}-contributions.csv"`);
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(CONTRIBUTIONS_CSV_COLUMNS.join(','));
    expect(lines.slice(1, -1)).toHaveLength(Number(credits[0]?.count));
    const formula = lines.find((line) => line.includes('HYPERLINK')) ?? '';
    expect(formula).toMatch(/^\d+,2026-03-02,Entraide Solidaire,Camille Martin,"'=HYPERLINK\(/);
    expect(formula).toMatch(/,90,1\.50,false,0,0\.00,pending,$/);
    expect(text).not.toContain('Catalogue');
    expect(review.text).toContain(`href="/sponsors/${world.sponsorId}/contributions.csv"`);
  });

  it("refuses a recall by a reviewer of another sponsor, or posted without the session token, and changes nothing", async () => {
    const before = await windowEnds(holder.consultantId);

    expect((await recall(otherReviewer, holder.consultantId, { on: TODAY })).status).toBe(403);
    const forged = await postForm(app, `/sponsors/${world.sponsorId}/consultants/${holder.consultantId}/recall`, { on: TODAY }, reviewer.cookie);
    expect(forged.status).toBe(403);
    expect((await recall(otherReviewer, world.other.consultantId, { on: TODAY }, world.other.sponsorId)).status).toBe(303);
    expect((await recall(reviewer, world.other.consultantId, { on: TODAY })).status).toBe(404);
    expect((await recall(operator, holder.consultantId, { on: '2 March' })).headers.get('Location')).toBe(
      `/sponsors/${world.sponsorId}/consultants?problem=date#consultant-${holder.consultantId}`,
    );

    expect(await windowEnds(holder.consultantId)).toEqual(before);
    expect(await queuedRecalls()).toEqual([]);
  });

  it('recalls a consultant: their availability ends that day, each open claim is queued for the hand-back, and the page says so', async () => {
    const response = await recall(reviewer, holder.consultantId, { on: TODAY });

    expect(response.status).toBe(303);
    const location = response.headers.get('Location') ?? '';
    expect(location).toMatch(new RegExp(`^/sponsors/${world.sponsorId}/consultants\\?done=recalled&`));
    expect(await windowEnds(holder.consultantId)).toEqual([TODAY]);
    expect(await queuedRecalls()).toEqual(
      holder.claims.map((claim) => ({ delivery_id: `recall:${claim.id}`, event_name: CLAIM_RECALLED_EVENT, body: { claimId: claim.id } })).sort((a, b) => a.delivery_id.localeCompare(b.delivery_id)),
    );
    const { text } = await get(location, reviewer);
    expect(text).toMatch(/<p class="notice" role="status">[^<]+ is recalled: their availability now ends on 2 Mar 2026; 2 claims handed back: the worker unassigns them on the forge and puts each task back to ready\.<\/p>/);

    const again = await get((await recall(reviewer, holder.consultantId, { on: TODAY })).headers.get('Location') ?? '', reviewer);
    expect(again.text).toContain('their availability already ended on 2 Mar 2026; 2 claims handed back: the worker unassigns them on the forge and puts each task back to ready (2 already on their way).');
    expect(await queuedRecalls()).toHaveLength(2);
  });
});
