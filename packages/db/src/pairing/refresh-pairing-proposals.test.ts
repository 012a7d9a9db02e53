import { pairConsultantsWithTasks } from '@wecena/core';
import { describeEachEngine } from '@wecena/testkit';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../database';
import { seedDemo } from '../seed';
import { insertClaim, insertPairingWorld, NOW, TODAY } from './__fixtures__/pairing-world';
import { loadPairingInput } from './load-pairing-input';
import { refreshPairingProposals, toProposalRows } from './refresh-pairing-proposals';

const TIME = { today: TODAY, now: NOW };

interface StoredRow {
  consultantId: string;
  taskId: string;
  score: number;
  reasons: string[];
  terms: unknown[];
  assigned: boolean;
  rank: number;
}

async function storedProposals(db: Database): Promise<StoredRow[]> {
  const { rows } = await db.query<StoredRow>(
    `SELECT consultant_id::text AS "consultantId", task_id::text AS "taskId", score, reasons, terms, assigned, rank
       FROM pairing_proposals ORDER BY consultant_id, rank`,
  );
  return rows;
}

describeEachEngine('pairing: the input read from the store', (ctx) => {
  let world: Record<string, string>;
  beforeAll(async () => {
    world = await insertPairingWorld(ctx.db());
  });

  it('holds the consultants available today, with skills, preferences, open claims and relay links', async () => {
    const input = await loadPairingInput(ctx.db(), TIME);
    const w = world;

    expect(input).toMatchObject({ today: TODAY, now: NOW });
    expect(input.consultants.map((consultant) => consultant.id)).toEqual([w['ana'], w['chloe'], w['eve']]);
    expect(input.consultants[0]).toEqual({
      id: w['ana'],
      skills: [{ name: 'typescript', level: 3 }],
      languages: ['fr'],
      causes: ['education'],
      windows: [{ from: '2026-03-02', to: '2026-03-06', minutesPerDay: 420 }],
      openClaimsLimit: 2,
      openClaims: 0,
      committedMinutes: 0,
      pastBeneficiaryIds: [w['school']],
      teammateIds: [w['dan']],
    });
    // Eve: one open claim of 120 minutes, 30 of them logged; another sponsor, so no teammate of Dan.
    expect(input.consultants[2]).toMatchObject({ openClaims: 1, committedMinutes: 90, teammateIds: [], pastBeneficiaryIds: [w['school']] });
  });

  it('holds the ready tasks open to pairing: estimated, unclaimed, with cause, age and hand-off author', async () => {
    const input = await loadPairingInput(ctx.db(), TIME);
    const w = world;

    expect(input.tasks.map((task) => task.id)).toEqual([w['typescriptTask'], w['pythonTask'], w['anyoneTask']]);
    expect(input.tasks[0]).toEqual({
      id: w['typescriptTask'],
      url: 'https://github.com/ecole/site/issues/1',
      skills: ['typescript'],
      estimateMinutes: 240,
      beneficiaryId: w['school'],
      cause: 'education',
      language: 'fr',
      readySince: '2026-03-01T10:00:00.000Z',
      handoffAuthorId: null,
    });
    expect(input.tasks[1]).toMatchObject({ cause: null, language: null, handoffAuthorId: w['dan'] });
  });
});

describeEachEngine('pairing: refreshing the stored proposals', (ctx) => {
  let world: Record<string, string>;
  beforeAll(async () => {
    world = await insertPairingWorld(ctx.db());
  });

  it('stores exactly what the engine proposes, each shortlist ranked, and counts it', async () => {
    const db = ctx.db();
    const expected = toProposalRows(pairConsultantsWithTasks(await loadPairingInput(db, TIME)));

    const refresh = await refreshPairingProposals(db, TIME);

    expect(await storedProposals(db)).toEqual(expected);
    expect(refresh).toEqual({
      consultants: 3,
      tasks: 3,
      // Counted from the engine's own answer: who gets a task depends on its capacity rule, not on this store.
      pairedConsultants: new Set(expected.filter((row) => row.assigned).map((row) => row.consultantId)).size,
      assigned: 3,
      proposals: expected.length,
      totalScore: expect.any(Number),
      computedAt: new Date(NOW),
    });
    const ana = expected.filter((row) => row.consultantId === world['ana']);
    expect(ana[0]).toMatchObject({ taskId: world['typescriptTask'], assigned: true, rank: 1 });
    expect(ana[0]?.reasons).toEqual([
      'matches skill typescript at level 3 of 3 (+30)',
      'fits the time left: 4h of 21h',
      'a cause they prefer: education (+15)',
      'ready for 2 days (+2)',
      'worked for this beneficiary before (+20)',
      "speaks the task's language, fr (+10)",
    ]);
    const chloe = expected.find((row) => row.consultantId === world['chloe'] && row.taskId === world['pythonTask']);
    expect(chloe?.reasons).toContain("teammate of the hand-off note's author (+10)");
  });

  it('proposes nothing to a consultant without a window, and never a claimed task', async () => {
    const db = ctx.db();
    await refreshPairingProposals(db, TIME);
    const stored = await storedProposals(db);

    expect(stored.some((row) => row.consultantId === world['ben'] || row.consultantId === world['dan'])).toBe(false);
    for (const task of ['claimed', 'outOfStep', 'unestimated']) {
      expect(stored.some((row) => row.taskId === world[task]), task).toBe(false);
    }
  });

  it('replaces every earlier proposal, and stores none for a task claimed since', async () => {
    const db = ctx.db();
    await db.query(`INSERT INTO pairing_proposals (consultant_id, task_id, score, computed_at) VALUES ($1, $2, 99, now())`, [
      world['ben'],
      world['claimed'],
    ]);
    await refreshPairingProposals(db, TIME);
    expect(await storedProposals(db)).not.toContainEqual(expect.objectContaining({ consultantId: world['ben'] }));

    await insertClaim(db, { taskId: world['typescriptTask'] ?? '', consultantId: world['ana'] ?? '' });
    const refresh = await refreshPairingProposals(db, TIME);
    await db.query('UPDATE claims SET ended_at = claimed_at + interval \'1 hour\', ended_how = \'released\' WHERE task_id = $1 AND ended_at IS NULL', [
      world['typescriptTask'],
    ]);

    expect(refresh.tasks).toBe(2);
    expect((await storedProposals(db)).some((row) => row.taskId === world['typescriptTask'])).toBe(false);
  });

  it('finds in the demo data set the proposals a refresh at the same instant stores', async () => {
    const db = await ctx.freshDatabase();
    await seedDemo(db, { now: new Date(NOW) });
    const seeded = await storedProposals(db);

    const refresh = await refreshPairingProposals(db, TIME);

    expect(seeded.length).toBeGreaterThan(0);
    expect(refresh.proposals).toBe(seeded.length);
    expect(await storedProposals(db)).toEqual(seeded);
  });
});
