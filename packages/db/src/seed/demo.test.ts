import { describeEachEngine } from '@wecena/testkit';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_SPONSOR_SIREN, type DemoCounts, seedDemo } from './demo';

const NOW = new Date('2026-11-23T10:00:00Z');

const EXPECTED_COUNTS: DemoCounts = {
  sponsors: 1,
  sponsorReviewers: 1,
  consultants: 3,
  consultantIdentities: 5,
  consultantSkills: 9,
  availabilityWindows: 3,
  beneficiaries: 2,
  repositories: 2,
  agreements: 2,
  tasks: 10,
  claims: 5,
  pairingProposals: 3,
  timeLogs: 5,
  contributions: 1,
};

function isValidSiren(siren: string): boolean {
  const sum = [...siren].reverse().reduce((total, char, index) => {
    const digit = Number(char) * (index % 2 === 1 ? 2 : 1);
    return total + (digit > 9 ? digit - 9 : digit);
  }, 0);
  return /^\d{9}$/.test(siren) && sum % 10 === 0;
}

describeEachEngine('seedDemo', (ctx) => {
  // The shared database holds the demo for the tests that only read it.
  beforeAll(async () => {
    await seedDemo(ctx.db(), { now: NOW });
  });

  it('loads the demo once: a second run adds nothing', async () => {
    const db = await ctx.freshDatabase();

    const first = await seedDemo(db, { now: NOW });
    const second = await seedDemo(db, { now: new Date(NOW.getTime() + 86_400_000) });

    expect(first).toEqual(EXPECTED_COUNTS);
    expect(Object.values(second).every((count) => count === 0)).toBe(true);
    const { rows } = await db.query<{ tasks: string; contributions: string }>(
      'SELECT (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM contributions) AS contributions',
    );
    expect(rows).toEqual([{ tasks: '10', contributions: '1' }]);
  });

  it('adds nothing when two seeders race', async () => {
    const db = await ctx.freshDatabase();

    const results = await Promise.all([seedDemo(db, { now: NOW }), seedDemo(db, { now: NOW })]);

    expect(results.map((counts) => counts.tasks).sort((a, b) => a - b)).toEqual([0, 10]);
  });

  it('puts one task in every lifecycle state, with the claims each state implies', async () => {
    const db = ctx.db();

    const { rows } = await db.query<{ state: string; claims: string[]; open: boolean; logged: string }>(`
      SELECT t.state,
             coalesce(array_agg(c.ended_how ORDER BY c.id) FILTER (WHERE c.id IS NOT NULL AND c.ended_how IS NOT NULL), '{}') AS claims,
             bool_or(c.id IS NOT NULL AND c.ended_at IS NULL) AS open,
             (SELECT coalesce(sum(minutes), 0) FROM time_logs l WHERE l.task_id = t.id) AS logged
        FROM tasks t LEFT JOIN claims c ON c.task_id = t.id
       GROUP BY t.id, t.state
       ORDER BY t.state, t.id`);

    expect(rows).toEqual([
      { state: 'candidate', claims: [], open: false, logged: '0' },
      { state: 'claimed', claims: [], open: true, logged: '90' },
      { state: 'done', claims: ['completed'], open: false, logged: '220' },
      { state: 'expired', claims: ['expired'], open: false, logged: '0' },
      { state: 'in_review', claims: [], open: true, logged: '150' },
      { state: 'ready', claims: [], open: false, logged: '0' },
      { state: 'ready', claims: [], open: false, logged: '0' },
      { state: 'ready', claims: [], open: false, logged: '0' },
      { state: 'released', claims: ['released'], open: false, logged: '120' },
      { state: 'withdrawn', claims: [], open: false, logged: '0' },
    ]);
  });

  it("stores the engine's proposals: each consultant with a free claim slot gets the ready tasks that fit, with reasons", async () => {
    const db = ctx.db();

    const { rows } = await db.query<{ consultant: string; title: string; rank: number; assigned: boolean; reasons: string[]; terms: unknown[] }>(`
      SELECT c.display_name AS consultant, t.title, p.rank, p.assigned, p.reasons, p.terms
        FROM pairing_proposals p JOIN consultants c ON c.id = p.consultant_id JOIN tasks t ON t.id = p.task_id
       ORDER BY c.display_name, p.rank`);

    expect(rows.map((row) => [row.consultant, row.rank, row.assigned, row.title])).toEqual([
      ['Camille Martin', 1, true, 'Keyboard navigation for the layer switcher'],
      ['Léa Dubois', 1, true, 'Write the welcome guide for new volunteers'],
      ['Léa Dubois', 2, true, 'Translate the map legend help page into English'],
    ]);
    expect(rows[1]?.reasons).toEqual(
      expect.arrayContaining([
        'matches skill documentation at level 3 of 3 (+30)',
        'a cause they prefer: education (+15)',
        "speaks the task's language, fr (+10)",
      ]),
    );
    expect(rows.every((row) => row.reasons.length > 0 && row.terms.length > 0)).toBe(true);
  });

  it('credits the done task in the ledger, valued at the consultant’s cost rate', async () => {
    const db = ctx.db();

    const { rows } = await db.query(`
      SELECT c.kind, c.minutes, c.valuation_cents, c.review_status, c.change_request_url, c.landed_at,
             t.state, p.display_name, b.name AS beneficiary, s.siren
        FROM contributions c
        JOIN tasks t ON t.id = c.task_id
        JOIN consultants p ON p.id = c.consultant_id
        JOIN beneficiaries b ON b.id = c.beneficiary_id
        JOIN sponsors s ON s.id = c.sponsor_id`);

    expect(rows).toEqual([
      {
        kind: 'credit',
        minutes: 220,
        valuation_cents: '16867',
        review_status: 'pending',
        change_request_url: 'https://gitlab.com/entraide-solidaire/site-benevoles/-/merge_requests/77',
        landed_at: new Date('2026-11-21T10:00:00Z'),
        state: 'done',
        display_name: 'Léa Dubois',
        beneficiary: 'Entraide Solidaire',
        siren: DEMO_SPONSOR_SIREN,
      },
    ]);
  });

  it('spreads the world over both forges and dates it around now', async () => {
    const db = ctx.db();

    const repositories = await db.query('SELECT forge, host, b.kind FROM repositories r JOIN beneficiaries b ON b.id = r.beneficiary_id ORDER BY forge');
    const identities = await db.query<{ forges: string[] }>(
      'SELECT array_agg(DISTINCT forge ORDER BY forge) AS forges FROM consultant_identities GROUP BY consultant_id',
    );
    const windows = await db.query<{ from_date: string; to_date: string }>('SELECT from_date, to_date FROM availability_windows');
    const agreements = await db.query('SELECT valid_from, valid_to FROM agreements');

    expect(repositories.rows).toEqual([
      { forge: 'github', host: 'github.com', kind: 'free_software' },
      { forge: 'gitlab', host: 'gitlab.com', kind: 'nonprofit' },
    ]);
    expect(identities.rows.flatMap((row) => row.forges).sort()).toEqual(['github', 'github', 'github', 'gitlab', 'gitlab']);
    expect(windows.rows.every((window) => window.from_date <= '2026-11-23' && window.to_date >= '2026-11-23')).toBe(true);
    expect(agreements.rows).toEqual([
      { valid_from: '2026-09-24', valid_to: '2027-09-24' },
      { valid_from: '2026-09-24', valid_to: '2027-09-24' },
    ]);
    expect(isValidSiren(DEMO_SPONSOR_SIREN)).toBe(true);
  });
});
