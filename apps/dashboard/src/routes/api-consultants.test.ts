import { reviewContribution } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { listContributions } from '../queries/contribution-queries';
import { listOpenClaims, listTimeLogs } from '../queries/consultant-queries';
import { insertDemoWorld, type DemoWorld } from '../testing/demo-world';
import { DEMO_NOW } from '../testing/sample-data';
import { LOOPBACK_ORIGIN, dashboardWithDemoSignIn, getJson, signInAsDemo, type TestSession } from '../testing/sign-in';
import { insertContribution, insertTask } from '../testing/store-fixtures';
import { CONSULTANT_TIME_LOGS } from './consultants';

describeEachEngine('API: a consultant’s claims, time and contributions', (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  let consultant: TestSession;
  let creditId: string;

  beforeAll(async () => {
    const db = ctx.db();
    world = await insertDemoWorld(db);
    const { rows } = await db.query<{ id: string }>('SELECT id FROM repositories WHERE beneficiary_id = $1 ORDER BY id LIMIT 1', [world.beneficiaryId]);
    const taskId = await insertTask(db, { repositoryId: rows[0]?.id ?? '', issueNumber: 700, title: 'Fix the sign-up form labels', state: 'done' });
    creditId = await insertContribution(db, {
      kind: 'credit',
      taskId,
      consultantId: world.consultantId,
      sponsorId: world.sponsorId,
      beneficiaryId: world.beneficiaryId,
      minutes: 180,
      changeRequestUrl: 'https://gitlab.com/entraide-solidaire/site-benevoles/-/merge_requests/700',
    });
    const adjusted = await reviewContribution(db, { creditId, action: 'adjust', minutes: 120, reason: 'two hours were enough', reviewer: world.reviewerId, now: DEMO_NOW });
    expect(adjusted.ok).toBe(true);
    app = dashboardWithDemoSignIn(db, () => DEMO_NOW);
    consultant = await signInAsDemo(app, `consultant:${world.consultantId}`);
  });

  it('answers what their page shows: open claims with expiry, time logged, contributions with their review status', async () => {
    const db = ctx.db();
    const [claims, timeLogs, contributions] = await Promise.all([
      listOpenClaims(db, world.consultantId),
      listTimeLogs(db, world.consultantId, CONSULTANT_TIME_LOGS),
      listContributions(db, { consultantId: world.consultantId }),
    ]);

    const { status, body } = await getJson(app, `/api/v1/consultants/${world.consultantId}`, consultant);

    expect(status).toBe(200);
    expect(body.consultant).toEqual({ id: world.consultantId, name: 'Camille Martin', sponsor: { id: world.sponsorId, name: 'Octet Conseil' } });
    expect(claims.length).toBeGreaterThan(0);
    expect(body.claims).toEqual(claims.map((claim) => ({ task: claim.task, claimedAt: claim.claimedAt.toISOString(), expiresAt: claim.expiresAt.toISOString() })));
    expect(timeLogs.length).toBeGreaterThan(0);
    expect(body.timeLogs).toEqual(timeLogs);
    expect(body.contributions.map((contribution: any) => contribution.id)).toEqual(contributions.map((contribution) => contribution.id));
    expect(body.contributions.find((contribution: any) => contribution.id === creditId)).toEqual({
      id: creditId,
      task: { id: expect.any(String), title: 'Fix the sign-up form labels', url: expect.any(String) },
      beneficiary: { id: world.beneficiaryId, name: 'Entraide Solidaire' },
      proofUrl: 'https://gitlab.com/entraide-solidaire/site-benevoles/-/merge_requests/700',
      changeRequestUrl: 'https://gitlab.com/entraide-solidaire/site-benevoles/-/merge_requests/700',
      confirmedBy: null,
      landedAt: '2026-03-02T10:00:00.000Z',
      minutes: 120,
      estimated: false,
      reviewStatus: 'adjusted',
      reason: 'two hours were enough',
    });
  });

  it('lists the same claims and contributions as their page', async () => {
    const { body } = await getJson(app, `/api/v1/consultants/${world.consultantId}`, consultant);
    const page = await (await app.request(`${LOOPBACK_ORIGIN}/consultants/${world.consultantId}`, { headers: { Cookie: consultant.cookie } })).text();

    const onPage = (attribute: string) => [...page.matchAll(new RegExp(`${attribute}="(\\d+)"`, 'g'))].map((match) => match[1]);
    expect(body.claims.map((claim: any) => claim.task.id)).toEqual(onPage('data-claim-task'));
    expect(body.contributions.map((contribution: any) => contribution.id)).toEqual(onPage('data-contribution'));
  });

  it("keeps the valuation out: a consultant's cost is their sponsor's business", async () => {
    const { body } = await getJson(app, `/api/v1/consultants/${world.consultantId}`, consultant);

    expect(body.contributions.length).toBeGreaterThan(0);
    for (const contribution of body.contributions) expect(contribution).not.toHaveProperty('valuationCents');
  });

  it('answers the consultant themself and operators; 401 to a stranger, 403 to anyone else, 404 to operators only', async () => {
    const path = `/api/v1/consultants/${world.consultantId}`;
    const operator = await signInAsDemo(app, 'operator');
    const reviewer = await signInAsDemo(app, `sponsor_reviewer:${world.reviewerId}`);
    const other = await signInAsDemo(app, `consultant:${world.other.consultantId}`);

    expect((await getJson(app, path, operator)).status).toBe(200);
    expect((await getJson(app, path, reviewer)).status).toBe(403);
    const refused = await getJson(app, path, other);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('forbidden');
    const stranger = await getJson(app, path);
    expect(stranger.status).toBe(401);
    expect(JSON.stringify(stranger.body)).toContain('unauthorized');
    const unknown = await getJson(app, '/api/v1/consultants/999999', operator);
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toContain('No consultant has id 999999.');
    expect((await getJson(app, '/api/v1/consultants/999999', consultant)).status).toBe(403);
  });

  it('refuses an id that is no id, naming it', async () => {
    const { status, body } = await getJson(app, '/api/v1/consultants/camille', consultant);

    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('id must be a consultant id');
  });
});
