import { approveContributions } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { listReceived, listRepositories, readThroughput } from '../queries/beneficiary-queries';
import { insertDemoWorld, type DemoWorld } from '../testing/demo-world';
import { DEMO_NOW } from '../testing/sample-data';
import { LOOPBACK_ORIGIN, dashboardWithDemoSignIn, getJson, signInAsDemo, type TestSession } from '../testing/sign-in';
import { insertContribution, insertTask } from '../testing/store-fixtures';

describeEachEngine('API: what a beneficiary received, and its throughput', (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  let contact: TestSession;

  beforeAll(async () => {
    const db = ctx.db();
    world = await insertDemoWorld(db);
    const { rows } = await db.query<{ id: string }>('SELECT id FROM repositories WHERE beneficiary_id = $1 ORDER BY id LIMIT 1', [world.beneficiaryId]);
    const taskId = await insertTask(db, { repositoryId: rows[0]?.id ?? '', issueNumber: 710, title: 'Tidy the volunteers list', state: 'done' });
    const creditId = await insertContribution(db, { kind: 'credit', taskId, consultantId: world.consultantId, sponsorId: world.sponsorId, beneficiaryId: world.beneficiaryId, minutes: 75 });
    expect((await approveContributions(db, { creditIds: [creditId], reviewer: world.reviewerId, now: DEMO_NOW })).skipped).toEqual([]);
    // A task done 36 hours after wecena first saw it.
    const fast = await insertTask(db, { repositoryId: rows[0]?.id ?? '', issueNumber: 711, title: 'Fix a typo', state: 'done' });
    await db.query(`UPDATE tasks SET created_at = '2026-02-20T00:00:00Z', state_changed_at = '2026-02-21T12:00:00Z' WHERE id = $1`, [fast]);
    app = dashboardWithDemoSignIn(db, () => DEMO_NOW);
    contact = await signInAsDemo(app, `beneficiary_contact:${world.beneficiaryId}`);
  });

  it('answers what its page shows: received per sponsor and year, lead times in minutes, tasks waiting, repositories', async () => {
    const db = ctx.db();
    const [received, throughput, repositories] = await Promise.all([listReceived(db, world.beneficiaryId), readThroughput(db, world.beneficiaryId), listRepositories(db, world.beneficiaryId)]);
    const waiting = await db.query<{ id: string }>(
      `SELECT t.id::text AS id FROM tasks t JOIN repositories r ON r.id = t.repository_id WHERE r.beneficiary_id = $1 AND t.state = 'ready' ORDER BY t.state_changed_at, t.id`,
      [world.beneficiaryId],
    );

    const { status, body } = await getJson(app, `/api/v1/beneficiaries/${world.beneficiaryId}`, contact);

    expect(status).toBe(200);
    expect(body.beneficiary).toMatchObject({ id: world.beneficiaryId, name: 'Entraide Solidaire' });
    expect(body.received).toEqual(received);
    // The demo's pending credit (220 min) waits; the one approved above (75 min) counts.
    expect(body.received).toEqual([
      { sponsor: { id: world.sponsorId, name: 'Octet Conseil' }, year: 2026, minutes: 75, valuationCents: 0, pendingMinutes: 220 },
    ]);
    expect(body.throughput.done).toBe(throughput.done);
    expect(body.throughput.medianLeadMinutes).toBe(Math.round((throughput.medianLeadHours ?? 0) * 60));
    expect(body.throughput.p90LeadMinutes).toBe(Math.round((throughput.p90LeadHours ?? 0) * 60));
    expect(body.throughput.done).toBeGreaterThanOrEqual(2);
    expect(body.waiting.map((task: any) => task.id)).toEqual(waiting.rows.map((row) => row.id));
    expect(body.waiting[0].readySince).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(body.repositories).toEqual(repositories);
  });

  it('shows the same repositories and received lines as its page', async () => {
    const { body } = await getJson(app, `/api/v1/beneficiaries/${world.beneficiaryId}`, contact);
    const page = await (await app.request(`${LOOPBACK_ORIGIN}/beneficiaries/${world.beneficiaryId}`, { headers: { Cookie: contact.cookie } })).text();

    expect([...page.matchAll(/data-repository="(\d+)"/g)].map((match) => match[1])).toEqual(body.repositories.map((repository: any) => repository.id));
    expect([...page.matchAll(/data-sponsor="(\d+)" data-year="(\d+)"/g)].map((match) => `${match[1]}/${match[2]}`)).toEqual(
      body.received.map((line: any) => `${line.sponsor.id}/${line.year}`),
    );
  });

  it('answers its contacts and operators; 401 to a stranger, 403 to others, 404 to operators only', async () => {
    const path = `/api/v1/beneficiaries/${world.beneficiaryId}`;
    const operator = await signInAsDemo(app, 'operator');
    const reviewer = await signInAsDemo(app, `sponsor_reviewer:${world.reviewerId}`);
    const otherContact = await signInAsDemo(app, `beneficiary_contact:${world.other.beneficiaryId}`);

    expect((await getJson(app, path, operator)).status).toBe(200);
    expect((await getJson(app, path, reviewer)).status).toBe(403);
    const refused = await getJson(app, path, otherContact);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('forbidden');
    const stranger = await getJson(app, path);
    expect(stranger.status).toBe(401);
    expect(JSON.stringify(stranger.body)).toContain('unauthorized');
    expect((await getJson(app, '/api/v1/beneficiaries/999999', operator)).status).toBe(404);
    expect((await getJson(app, '/api/v1/beneficiaries/999999', contact)).status).toBe(403);
    const bad = await getJson(app, '/api/v1/beneficiaries/0', contact);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('id must be a beneficiary id');
  });
});
