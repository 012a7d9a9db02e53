import { approveContributions } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { listContributions } from '../queries/contribution-queries';
import { listSponsorConsultants } from '../queries/sponsor-queries';
import { insertDemoWorld, type DemoWorld } from '../testing/demo-world';
import { DEMO_NOW } from '../testing/sample-data';
import { dashboardWithDemoSignIn, getJson, signInAsDemo, type TestSession } from '../testing/sign-in';
import { insertContribution, insertTask } from '../testing/store-fixtures';

describeEachEngine('API: a sponsor’s contributions and consultants', (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  let reviewer: TestSession;
  const creditIds: string[] = [];

  beforeAll(async () => {
    const db = ctx.db();
    world = await insertDemoWorld(db);
    const { rows } = await db.query<{ id: string }>('SELECT id FROM repositories WHERE beneficiary_id = $1 ORDER BY id LIMIT 1', [world.beneficiaryId]);
    for (const issueNumber of [701, 702, 703, 704]) {
      const taskId = await insertTask(db, { repositoryId: rows[0]?.id ?? '', issueNumber, title: `Task ${issueNumber}`, state: 'done' });
      creditIds.push(
        await insertContribution(db, { kind: 'credit', taskId, consultantId: world.consultantId, sponsorId: world.sponsorId, beneficiaryId: world.beneficiaryId, minutes: 60 }),
      );
    }
    const approved = await approveContributions(db, { creditIds: creditIds.slice(0, 2), reviewer: world.reviewerId, now: DEMO_NOW });
    expect(approved.skipped).toEqual([]);
    app = dashboardWithDemoSignIn(db, () => DEMO_NOW);
    reviewer = await signInAsDemo(app, `sponsor_reviewer:${world.reviewerId}`);
  });

  async function readAllPages(query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await getJson(app, `/api/v1/sponsors/${world.sponsorId}/contributions?limit=${limit}${query}${cursor === null ? '' : `&cursor=${cursor}`}`, reviewer);
      expect(status).toBe(200);
      expect(body.contributions.length).toBeLessThanOrEqual(limit);
      ids.push(...body.contributions.map((contribution: any) => contribution.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    return { ids, pages };
  }

  it('lists every credit of the sponsor, page by page, in the order of the review page, each as the ledger has it now', async () => {
    const expected = await listContributions(ctx.db(), { sponsorId: world.sponsorId });
    const { rows } = await ctx.db().query<{ count: string }>(`SELECT count(*) AS count FROM contributions WHERE kind = 'credit' AND sponsor_id = $1`, [world.sponsorId]);

    const all = await readAllPages('', 2);

    expect(all.ids).toEqual(expected.map((contribution) => contribution.id));
    expect(all.ids).toHaveLength(Number(rows[0]?.count));
    expect(all.pages).toBe(Math.ceil(expected.length / 2));
    const { body } = await getJson(app, `/api/v1/sponsors/${world.sponsorId}/contributions`, reviewer);
    const first = expected[0];
    expect(body.contributions[0]).toEqual({
      id: first?.id,
      task: first?.task,
      consultant: first?.consultant,
      beneficiary: first?.beneficiary,
      proofUrl: first?.changeRequestUrl ?? first?.task.url,
      changeRequestUrl: first?.changeRequestUrl,
      confirmedBy: first?.confirmedBy,
      landedAt: first?.landedAt.toISOString(),
      minutes: first?.minutes,
      valuationCents: first?.valuationCents,
      estimated: first?.estimated,
      reviewStatus: first?.reviewStatus,
      reason: first?.reason,
    });
    expect(body.nextCursor).toBeNull();
  });

  it('filters by review status: the queue, and what was approved', async () => {
    const pending = await readAllPages('&status=pending', 1);
    const approved = await readAllPages('&status=approved', 1);

    expect(approved.ids.sort()).toEqual(creditIds.slice(0, 2).sort());
    expect(pending.ids).toEqual(expect.arrayContaining(creditIds.slice(2)));
    expect(pending.ids).toEqual(
      (await listContributions(ctx.db(), { sponsorId: world.sponsorId, status: 'pending' })).map((contribution) => contribution.id),
    );
  });

  it('refuses a bad cursor, limit or status with a 400 naming it, and changes nothing', async () => {
    const base = `/api/v1/sponsors/${world.sponsorId}/contributions`;
    for (const [query, named] of [
      ['cursor=abc', 'cursor must be the nextCursor of a previous page'],
      ['cursor=99999999999999999999', 'cursor must be the nextCursor of a previous page'],
      ['limit=0', 'limit must be a whole number from 1 to 100'],
      ['limit=101', 'limit must be a whole number from 1 to 100'],
      ['limit=ten', 'limit must be a whole number from 1 to 100'],
      ['status=done', 'status must be one of pending, approved, adjusted, rejected'],
    ]) {
      const { status, body } = await getJson(app, `${base}?${query}`, reviewer);
      expect(status, query).toBe(400);
      expect(JSON.stringify(body), query).toContain(named);
    }
  });

  it('lists the consultants with their cost rate and availability ahead, as the consultants page does', async () => {
    const expected = await listSponsorConsultants(ctx.db(), world.sponsorId, '2026-03-02');

    const { status, body } = await getJson(app, `/api/v1/sponsors/${world.sponsorId}/consultants`, reviewer);

    expect(status).toBe(200);
    expect(body.sponsor).toMatchObject({ id: world.sponsorId, name: 'Octet Conseil', currency: 'EUR' });
    expect(body.consultants).toEqual(expected);
    expect(body.consultants.some((consultant: any) => consultant.windows.length > 0)).toBe(true);
    for (const consultant of body.consultants) for (const window of consultant.windows) expect(window.to >= '2026-03-02').toBe(true);
  });

  it("answers the sponsor's reviewers and operators; 401 to a stranger, 403 to others, 404 to operators only", async () => {
    const operator = await signInAsDemo(app, 'operator');
    const otherReviewer = await signInAsDemo(app, `sponsor_reviewer:${world.other.reviewerId}`);
    const consultant = await signInAsDemo(app, `consultant:${world.consultantId}`);
    for (const what of ['contributions', 'consultants']) {
      const path = `/api/v1/sponsors/${world.sponsorId}/${what}`;
      expect((await getJson(app, path, operator)).status).toBe(200);
      expect((await getJson(app, path, otherReviewer)).status).toBe(403);
      expect((await getJson(app, path, consultant)).status).toBe(403);
      const stranger = await getJson(app, path);
      expect(stranger.status).toBe(401);
      expect(JSON.stringify(stranger.body)).toContain('unauthorized');
      expect((await getJson(app, `/api/v1/sponsors/999999/${what}`, operator)).status).toBe(404);
      expect((await getJson(app, `/api/v1/sponsors/999999/${what}`, reviewer)).status).toBe(403);
    }
  });
});
