import { summaryOf } from '@wecena/core';
import { describeEachEngine } from '@wecena/testkit';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Queryable } from '../database';
import { creditWriter } from './__fixtures__/credits';
import { reviewContribution } from './review-contribution';
import type { CreditCursor } from './ledger-entries';
import { type ReportLinesPage, loadSponsorYearLinesPage, loadSponsorYearReport } from './sponsor-report';
import { loadSponsorYearSummary } from './sponsor-summary';

/** A small deterministic generator: the same ledger on both engines and at every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * A sponsor with two consultants and three beneficiaries: one under an agreement for the whole
 * year, one from March only, one under none; and another sponsor whose credits must not count.
 */
async function insertLedgerWorld(db: Queryable) {
  const tag = randomUUID().slice(0, 8);
  const one = async (sql: string, params: unknown[]): Promise<string> => (await db.query<{ id: string }>(sql, params)).rows[0]?.id ?? '';
  const sponsorOf = (name: string) =>
    one(`INSERT INTO sponsors (name, legal_name, siren, address, default_cost_rate_cents) VALUES ($1, $1, $2, '1 rue de la Paix\n75002 Paris', 5000) RETURNING id`, [
      `${name} ${tag}`,
      String(100_000_000 + Math.floor(Math.random() * 899_999_999)),
    ]);
  const sponsor = await sponsorOf('Octet');
  const other = await sponsorOf('Autre');
  const reviewer = await one(`INSERT INTO sponsor_reviewers (sponsor_id, display_name, email) VALUES ($1, 'Claire', $2) RETURNING id`, [sponsor, `claire-${tag}@example.org`]);
  const consultants = [
    await one(`INSERT INTO consultants (sponsor_id, display_name, cost_rate_cents) VALUES ($1, 'Zoé Martin', 4600) RETURNING id`, [sponsor]),
    await one(`INSERT INTO consultants (sponsor_id, display_name, cost_rate_cents) VALUES ($1, 'Adam Roux', 5200) RETURNING id`, [sponsor]),
  ];
  const otherConsultant = await one(`INSERT INTO consultants (sponsor_id, display_name, cost_rate_cents) VALUES ($1, 'Noé', 4000) RETURNING id`, [other]);
  const beneficiaries: string[] = [];
  for (const name of ['Cartolibre', 'Atelier', 'Zeste']) {
    beneficiaries.push(
      await one(
        `INSERT INTO beneficiaries (kind, name, eligibility, licence, legal_name, rna, address) VALUES ('free_software', $1, 'osi_approved_licence', 'MIT', $1, 'W751234568', '20 rue des Cartographes\n75011 Paris') RETURNING id`,
        [`${name} ${tag}`],
      ),
    );
  }
  const agreement = (sponsorId: string, beneficiaryId: string, from: string, to: string | null) =>
    db.query(`INSERT INTO agreements (sponsor_id, beneficiary_id, signed_on, valid_from, valid_to) VALUES ($1, $2, $3, $3, $4)`, [sponsorId, beneficiaryId, from, to]);
  await agreement(sponsor, beneficiaries[0] ?? '', '2025-06-01', null);
  await agreement(sponsor, beneficiaries[1] ?? '', '2026-03-01', '2026-10-31');
  await agreement(other, beneficiaries[0] ?? '', '2026-01-01', null);
  const repository = await one(`INSERT INTO repositories (forge, host, forge_id, path) VALUES ('github', 'github.com', $1, $2) RETURNING id`, [randomUUID(), `owner-${tag}/project`]);
  const credit = creditWriter(db, repository, `owner-${tag}/project`);
  return { sponsor, other, reviewer, consultants, otherConsultant, beneficiaries, credit };
}

describeEachEngine('a sponsor yearly summary summed by the database, and its lines a page at a time', (ctx) => {
  it('equals the core report of the same ledger, figure for figure, whatever the reviews', async () => {
    const db = ctx.db();
    const world = await insertLedgerWorld(db);
    const random = sequence(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const credits: string[] = [];
    for (let index = 0; index < 60; index++) {
      // Across 2025, 2026 and New Year's Eve at midnight UTC, under an agreement or not.
      const landedAt = index % 20 === 0 ? '2026-12-31T23:59:59.999Z' : index % 20 === 1 ? '2026-01-01T00:00:00.000Z' : `${pick(['2025', '2026', '2026'])}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}T${String(Math.floor(random() * 24)).padStart(2, '0')}:30:00.000Z`;
      credits.push(await world.credit({ sponsorId: world.sponsor, consultantId: pick(world.consultants), beneficiaryId: pick(world.beneficiaries), landedAt, minutes: 15 + Math.floor(random() * 600) }));
    }
    await world.credit({ sponsorId: world.other, consultantId: world.otherConsultant, beneficiaryId: world.beneficiaries[0] ?? '', landedAt: '2026-04-01T10:00:00.000Z', minutes: 600 });
    // Reviews in every order: some credits reviewed twice, some several times at the same instant.
    let minute = 0;
    for (const creditId of credits) {
      const reviews = Math.floor(random() * 3);
      for (let review = 0; review < reviews; review++) {
        const action = pick(['approve', 'adjust', 'reject'] as const);
        const now = new Date(Date.UTC(2027, 0, 2, 9, review === 1 && random() < 0.5 ? minute : (minute += 1)));
        await reviewContribution(db, {
          creditId,
          action,
          ...(action === 'adjust' ? { minutes: 30 + Math.floor(random() * 300), reason: 'hours agreed with the maintainer' } : {}),
          ...(action === 'reject' ? { reason: 'not part of the agreement' } : {}),
          reviewer: world.reviewer,
          now,
        });
      }
    }

    for (const year of [2025, 2026, 2027]) {
      const summary = await loadSponsorYearSummary(db, { sponsorId: world.sponsor, year });
      expect(summary).toEqual(summaryOf(await loadSponsorYearReport(db, { sponsorId: world.sponsor, year })));
    }
    // The lines a page at a time, 7 credits each, give the report's lines in the same order.
    const report2026 = await loadSponsorYearReport(db, { sponsorId: world.sponsor, year: 2026 });
    const paged: { lines: string[]; outside: string[] } = { lines: [], outside: [] };
    let after: CreditCursor | null = null;
    let pages = 0;
    do {
      const page: ReportLinesPage = await loadSponsorYearLinesPage(db, { sponsorId: world.sponsor, year: 2026, after, limit: 7 });
      paged.lines.push(...page.lines.map((line) => JSON.stringify(line)));
      paged.outside.push(...page.outside.map((line) => JSON.stringify(line)));
      after = page.next;
      pages += 1;
    } while (after !== null && pages < 100);
    expect(paged.lines).toEqual(report2026.lines.map((line) => JSON.stringify(line)));
    expect(paged.outside).toEqual(report2026.outsideAgreement.lines.map((line) => JSON.stringify(line)));
    expect(pages).toBe(Math.floor((report2026.lines.length + report2026.outsideAgreement.lines.length) / 7) + 1);

    const year2026 = await loadSponsorYearSummary(db, { sponsorId: world.sponsor, year: 2026 });
    // The ledger above does give figures of every kind: each status, counted, outside any agreement.
    const statuses = new Set((await loadSponsorYearReport(db, { sponsorId: world.sponsor, year: 2026 })).lines.map((line) => line.reviewStatus));
    expect([...statuses].sort()).toEqual(['adjusted', 'approved', 'pending', 'rejected']);
    expect(year2026.totals.credits).toBeGreaterThan(5);
    expect(year2026.outsideAgreement.totals.credits).toBeGreaterThan(0);
    expect(year2026.byStatus.rejected).toEqual({ credits: 0, minutes: 0, valuationCents: 0 });
    expect(year2026.byBeneficiary.map((line) => line.beneficiaryName.split(' ')[0])).toEqual(['Atelier', 'Cartolibre']);
  });

  it('gives every month of the year at zero for a sponsor with no credit', async () => {
    const world = await insertLedgerWorld(ctx.db());
    const summary = await loadSponsorYearSummary(ctx.db(), { sponsorId: world.sponsor, year: 2026 });
    expect(summary.byMonth).toHaveLength(12);
    expect(summary.totals).toEqual({ credits: 0, minutes: 0, valuationCents: 0 });
    expect(summary).toEqual(summaryOf(await loadSponsorYearReport(ctx.db(), { sponsorId: world.sponsor, year: 2026 })));
  });
});
