import { pairConsultantsWithTasks } from '@wecena/core';
import { loadPairingInput, pairingTimeAt, refreshPairingProposals, seedDemo, toProposalRows } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_NOW } from '../testing/sample-data';
import { dashboardWithDemoSignIn, getJson as getApiJson, signInAsDemo, type TestSession } from '../testing/sign-in';
import { insertConsultant, insertTask } from '../testing/store-fixtures';

const TIME = pairingTimeAt(DEMO_NOW);

describeEachEngine('API: pairing proposals and candidates', (ctx) => {
  let app: Hono;
  let operator: TestSession;
  const ids: Record<string, string> = {};

  async function getJson(path: string, session: TestSession = operator): Promise<{ status: number; body: any }> {
    const { status, body, contentType } = await getApiJson(app, path, session);
    // Answers in JSON, errors as RFC 9457 problems.
    expect(contentType).toContain(status < 400 ? 'application/json' : 'application/problem+json');
    return { status, body };
  }

  beforeAll(async () => {
    const db = ctx.db();
    await seedDemo(db, { now: DEMO_NOW });
    const one = async (sql: string): Promise<string> => (await db.query<{ id: string }>(sql)).rows[0]?.id ?? '';
    ids['lea'] = await one(`SELECT id FROM consultants WHERE display_name = 'Léa Dubois'`);
    ids['yanis'] = await one(`SELECT id FROM consultants WHERE display_name = 'Yanis Benali'`);
    const repositoryId = await one(`SELECT id FROM repositories WHERE path = 'cartolibre/cartolibre'`);
    // Yanis holds his one allowed claim; Léa has two slots; Noé joins with a window and some documentation.
    ids['noe'] = await insertConsultant(db, { sponsorId: await one('SELECT id FROM sponsors LIMIT 1'), name: 'Noé Lambert' });
    await db.query(`INSERT INTO consultant_skills (consultant_id, skill, level) VALUES ($1, 'documentation', 1)`, [ids['noe']]);
    await db.query(`INSERT INTO availability_windows (consultant_id, from_date, to_date, minutes_per_day) VALUES ($1, $2, $2, 420)`, [ids['noe'], TIME.today]);
    ids['docs'] = await insertTask(db, {
      repositoryId,
      issueNumber: 150,
      title: 'Document the offline mode',
      state: 'ready',
      url: 'https://github.com/cartolibre/cartolibre/issues/150',
      estimateMinutes: 120,
      skills: ['documentation'],
    });
    ids['translation'] = await insertTask(db, {
      repositoryId,
      issueNumber: 151,
      title: 'Translate the tile cache guide',
      state: 'ready',
      estimateMinutes: 90,
      skills: ['translation', 'documentation'],
    });
    await refreshPairingProposals(db, TIME);
    app = dashboardWithDemoSignIn(db, () => DEMO_NOW);
    operator = await signInAsDemo(app, 'operator');
  });

  it("lists a consultant's proposals ranked as the engine ranks them, with reasons, issue and beneficiary", async () => {
    const expected = toProposalRows(pairConsultantsWithTasks(await loadPairingInput(ctx.db(), TIME))).filter((row) => row.consultantId === ids['lea']);

    const { status, body } = await getJson(`/api/v1/consultants/${ids['lea']}/proposals`);

    expect(status).toBe(200);
    expect(body.consultant).toEqual({ id: ids['lea'], name: 'Léa Dubois' });
    expect(body.computedAt).toBe(DEMO_NOW.toISOString());
    expect(body.proposals.map((proposal: any) => [proposal.rank, proposal.task.id, proposal.assigned, proposal.score, proposal.reasons])).toEqual(
      expected.map((row) => [row.rank, row.taskId, row.assigned, row.score, row.reasons]),
    );
    expect(body.proposals.map((proposal: any) => proposal.task.title)).toEqual(
      expect.arrayContaining(['Document the offline mode', 'Translate the tile cache guide', 'Write the welcome guide for new volunteers']),
    );
    expect(body.proposals[0]).toMatchObject({ rank: 1, assigned: true, task: { title: 'Write the welcome guide for new volunteers', beneficiary: { name: 'Entraide Solidaire' } } });
    expect(body.proposals[0].reasons).toEqual(expect.arrayContaining(['a cause they prefer: education (+15)', "speaks the task's language, fr (+10)"]));
    expect(body.proposals.find((proposal: any) => proposal.task.id === ids['docs'])).toMatchObject({
      reasons: expect.arrayContaining(['matches skill documentation at level 3 of 3 (+30)']),
      task: {
        title: 'Document the offline mode',
        url: 'https://github.com/cartolibre/cartolibre/issues/150',
        issueNumber: 150,
        estimateMinutes: 120,
        skills: ['documentation'],
        repository: { forge: 'github', host: 'github.com', path: 'cartolibre/cartolibre' },
        beneficiary: { name: 'Cartolibre' },
      },
    });
  });

  it('answers an empty list for a consultant with no free claim slot', async () => {
    const { status, body } = await getJson(`/api/v1/consultants/${ids['yanis']}/proposals`);

    expect(status).toBe(200);
    expect(body).toEqual({ consultant: { id: ids['yanis'], name: 'Yanis Benali' }, computedAt: null, proposals: [] });
  });

  it("lists a task's best consultants, best first, as many as asked", async () => {
    const all = await getJson(`/api/v1/tasks/${ids['docs']}/candidates`);
    const first = await getJson(`/api/v1/tasks/${ids['docs']}/candidates?limit=1`);

    expect(all.status).toBe(200);
    expect(all.body.task).toEqual({ id: ids['docs'], title: 'Document the offline mode', url: 'https://github.com/cartolibre/cartolibre/issues/150', state: 'ready' });
    expect(all.body.candidates.map((candidate: any) => [candidate.consultant.name, candidate.score])).toEqual([
      ['Léa Dubois', 30],
      ['Noé Lambert', 10],
    ]);
    expect(all.body.candidates[1].reasons).toEqual(['matches skill documentation at level 1 of 3 (+10)', 'fits the time left: 2h of 7h']);
    expect(first.body.candidates.map((candidate: any) => candidate.consultant.name)).toEqual(['Léa Dubois']);
  });

  it('answers 404 and 400 in JSON, saying what was wrong', async () => {
    expect(await getJson('/api/v1/consultants/999999/proposals')).toMatchObject({
      status: 404,
      body: { status: 404, code: 'not_found', detail: 'No consultant has id 999999.' },
    });
    expect(await getJson('/api/v1/tasks/999999/candidates')).toMatchObject({ status: 404, body: { code: 'not_found', detail: 'No task has id 999999.' } });
    const badId = await getJson('/api/v1/consultants/lea/proposals');
    expect(badId).toMatchObject({ status: 400, body: { code: 'bad_request', detail: 'id must be a consultant id: digits, not starting with 0' } });
    const badLimit = await getJson(`/api/v1/tasks/${ids['docs']}/candidates?limit=0`);
    expect(badLimit).toMatchObject({ status: 400, body: { code: 'bad_request', issues: [{ path: 'limit', message: 'limit must be a whole number from 1 to 20' }] } });
  });

  it("answers a consultant's proposals to them and their sponsor's reviewers; 401 to a stranger, 403 to others", async () => {
    const reviewerId = (await ctx.db().query<{ id: string }>('SELECT id FROM sponsor_reviewers LIMIT 1')).rows[0]?.id ?? '';
    const lea = await signInAsDemo(app, `consultant:${ids['lea']}`);
    const noe = await signInAsDemo(app, `consultant:${ids['noe']}`);
    const reviewer = await signInAsDemo(app, `sponsor_reviewer:${reviewerId}`);
    const path = `/api/v1/consultants/${ids['lea']}/proposals`;

    expect((await getJson(path, lea)).status).toBe(200);
    expect((await getJson(path, reviewer)).status).toBe(200);
    expect(await getJson(path, noe)).toMatchObject({ status: 403, body: { code: 'forbidden', detail: "None of your roles lets you read this consultant's proposals." } });
    expect((await getJson('/api/v1/consultants/999999/proposals', noe)).status).toBe(403);
    const stranger = await getApiJson(app, path);
    expect(stranger).toMatchObject({ status: 401, body: { code: 'unauthorized' } });
    expect(stranger.contentType).toContain('application/problem+json');
  });

  it("shows a consultant only their own candidacy on a task", async () => {
    const noe = await signInAsDemo(app, `consultant:${ids['noe']}`);

    const { status, body } = await getJson(`/api/v1/tasks/${ids['docs']}/candidates`, noe);

    expect(status).toBe(200);
    expect(body.candidates.map((candidate: any) => candidate.consultant.name)).toEqual(['Noé Lambert']);
  });

  it('leaves out a task claimed since the pairing ran', async () => {
    const db = ctx.db();
    await db.query(`INSERT INTO claims (task_id, consultant_id, claimed_at, expires_at) VALUES ($1, $2, $3, $3::timestamptz + interval '1 day')`, [
      ids['docs'],
      ids['noe'],
      DEMO_NOW,
    ]);

    const proposals = await getJson(`/api/v1/consultants/${ids['lea']}/proposals`);
    const candidates = await getJson(`/api/v1/tasks/${ids['docs']}/candidates`);

    const left = proposals.body.proposals.map((proposal: any) => proposal.task.id);
    expect(left).not.toContain(ids['docs']);
    expect(left).toContain(ids['translation']);
    expect(proposals.body.proposals.map((proposal: any) => proposal.rank)).toEqual(left.map((_: string, index: number) => index + 1));
    expect(candidates.body.candidates).toEqual([]);
  });
});
