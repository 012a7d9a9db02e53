import { buildLedgerReport, buildReceiptData, renderLedgerCsv } from '@wecena/core';
import { describeEachEngine } from '@wecena/testkit';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Database, Queryable } from '../database';
import { creditWriter } from './__fixtures__/credits';
import { loadAgreements, loadLedgerEntries } from './ledger-entries';
import { loadLegalIdentities } from './legal-identities';
import { approveContributions, reviewContribution } from './review-contribution';

/** A sponsor with a reviewer and a consultant at 46 €/h, a beneficiary with a task, and an agreement for 2026. */
async function insertWorld(db: Queryable) {
  const tag = randomUUID().slice(0, 8);
  const one = async (sql: string, params: unknown[]): Promise<string> => (await db.query<{ id: string }>(sql, params)).rows[0]?.id ?? '';
  const siren = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  const sponsor = await one(
    `INSERT INTO sponsors (name, legal_name, siren, address, default_cost_rate_cents) VALUES ($1, $2, $3, '1 rue de la Paix\n75002 Paris', 5000) RETURNING id`,
    [`Sponsor ${tag}`, `Sponsor ${tag} SAS`, siren],
  );
  const reviewer = await one(`INSERT INTO sponsor_reviewers (sponsor_id, display_name, email) VALUES ($1, 'Claire', $2) RETURNING id`, [sponsor, `claire-${tag}@example.org`]);
  const consultant = await one(`INSERT INTO consultants (sponsor_id, display_name, cost_rate_cents) VALUES ($1, 'Léa Dubois', 4600) RETURNING id`, [sponsor]);
  const beneficiary = await one(
    `INSERT INTO beneficiaries (kind, name, eligibility, licence, legal_name, rna, address) VALUES ('free_software', $1, 'osi_approved_licence', 'MIT', $2, 'W751234568', '20 rue des Cartographes\n75011 Paris') RETURNING id`,
    [`Project ${tag}`, `Association ${tag}`],
  );
  const repository = await one(`INSERT INTO repositories (forge, host, forge_id, path, beneficiary_id) VALUES ('github', 'github.com', $1, $2, $3) RETURNING id`, [
    randomUUID(),
    `owner-${tag}/project`,
    beneficiary,
  ]);
  const agreement = await one(
    `INSERT INTO agreements (sponsor_id, beneficiary_id, signed_on, valid_from, valid_to) VALUES ($1, $2, '2026-01-15', '2026-02-01', '2026-12-31') RETURNING id`,
    [sponsor, beneficiary],
  );
  const writeCredit = creditWriter(db, repository, `owner-${tag}/project`);
  const credit = (landedAt: string, minutes: number): Promise<string> =>
    writeCredit({ consultantId: consultant, sponsorId: sponsor, beneficiaryId: beneficiary, landedAt, minutes });
  return { sponsor, reviewer, consultant, beneficiary, agreement, credit };
}

async function countEntries(db: Queryable, sponsor: string): Promise<number> {
  const { rows } = await db.query<{ count: string }>('SELECT count(*) AS count FROM contributions WHERE sponsor_id = $1', [sponsor]);
  return Number(rows[0]?.count);
}

async function reportOf(db: Database, sponsor: string) {
  const period = { from: '2026-01-01', to: '2026-12-31' };
  return buildLedgerReport({
    ...period,
    sponsorId: sponsor,
    entries: await loadLedgerEntries(db, { ...period, sponsorId: sponsor }),
    agreements: await loadAgreements(db, { sponsorId: sponsor }),
  });
}

describeEachEngine('ledger: loading', (ctx) => {
  it('loads the credits of a sponsor and period with every correction, typed as the core reads them', async () => {
    const db = ctx.db();
    const world = await insertWorld(db);
    const other = await insertWorld(db);
    const inPeriod = await world.credit('2026-03-10T14:00:00Z', 120);
    const lastDay = await world.credit('2026-03-31T23:59:59Z', 60);
    await world.credit('2026-04-01T00:00:00Z', 30);
    await other.credit('2026-03-10T14:00:00Z', 45);
    await reviewContribution(db, { creditId: inPeriod, action: 'approve', reviewer: world.reviewer, now: new Date('2026-05-02T10:00:00Z') });

    const entries = await loadLedgerEntries(db, { sponsorId: world.sponsor, from: '2026-03-01', to: '2026-03-31' });

    expect(entries.map((entry) => [entry.kind, entry.refersTo, entry.minutes, entry.valuationCents, entry.reviewStatus])).toEqual([
      ['credit', null, 120, 9_200, 'pending'],
      ['credit', null, 60, 4_600, 'pending'],
      ['adjustment', inPeriod, 0, 0, 'approved'],
    ]);
    expect(entries[0]).toMatchObject({
      id: inPeriod,
      taskTitle: 'Task 1',
      consultantId: world.consultant,
      consultantName: 'Léa Dubois',
      beneficiaryId: world.beneficiary,
      landedAt: '2026-03-10T14:00:00.000Z',
      estimated: false,
      recordedBy: 'wecena',
    });
    expect(entries[2]).toMatchObject({ landedAt: '2026-03-10T14:00:00.000Z', recordedAt: '2026-05-02T10:00:00.000Z', recordedBy: `reviewer:${world.reviewer}` });
    expect(entries.map((entry) => entry.id)).toContain(lastDay);
    expect(await loadLedgerEntries(db, { consultantId: world.consultant, from: '2026-04-01', to: '2026-04-30' })).toHaveLength(1);
    expect(await loadLedgerEntries(db, { beneficiaryId: other.beneficiary, from: '2026-01-01', to: '2026-12-31' })).toHaveLength(1);
  });

  it('loads agreements and legal identities', async () => {
    const db = ctx.db();
    const world = await insertWorld(db);

    expect(await loadAgreements(db, { sponsorId: world.sponsor })).toEqual([
      { id: world.agreement, sponsorId: world.sponsor, beneficiaryId: world.beneficiary, signedOn: '2026-01-15', from: '2026-02-01', to: '2026-12-31', reference: null },
    ]);
    expect(await loadAgreements(db, { beneficiaryId: world.beneficiary })).toHaveLength(1);
    expect(await loadLegalIdentities(db, { sponsorId: world.sponsor, beneficiaryId: world.beneficiary })).toMatchObject({
      sponsor: { id: world.sponsor, legalForm: null, address: '1 rue de la Paix\n75002 Paris' },
      beneficiary: { id: world.beneficiary, rna: 'W751234568', siren: null },
    });
    expect(await loadLegalIdentities(db, { sponsorId: world.sponsor, beneficiaryId: '999999999' })).toBeNull();
  });
});

describeEachEngine('ledger: reviews', (ctx) => {
  it('appends an entry per review, and the report re-derives the totals', async () => {
    const db = ctx.db();
    const world = await insertWorld(db);
    const approved = await world.credit('2026-03-10T14:00:00Z', 120);
    const adjusted = await world.credit('2026-03-12T14:00:00Z', 60);
    const rejected = await world.credit('2026-04-02T14:00:00Z', 240);
    const outside = await world.credit('2026-01-20T14:00:00Z', 30);
    const now = new Date('2026-05-02T10:00:00Z');
    const before = await countEntries(db, world.sponsor);

    const approval = await reviewContribution(db, { creditId: approved, action: 'approve', reviewer: world.reviewer, now });
    // 90 min at Léa's 46 €/h = 69 €, 23 € more than the 46 € credited.
    const adjustment = await reviewContribution(db, { creditId: adjusted, action: 'adjust', minutes: 90, reason: 'the review took longer', reviewer: world.reviewer, now });
    const rejection = await reviewContribution(db, { creditId: rejected, action: 'reject', reason: 'not wecena work', reviewer: world.reviewer, now });

    expect(approval).toMatchObject({ ok: true, value: { entry: { kind: 'adjustment', minutes: 0, valuationCents: 0, reviewStatus: 'approved' }, credit: { reviewStatus: 'approved', minutes: 120 } } });
    expect(adjustment).toMatchObject({ ok: true, value: { entry: { kind: 'adjustment', minutes: 30, valuationCents: 2_300, reviewStatus: 'adjusted' }, credit: { minutes: 90, valuationCents: 6_900 } } });
    expect(rejection).toMatchObject({ ok: true, value: { entry: { kind: 'reversal', minutes: -240, valuationCents: -18_400, reviewStatus: 'rejected' }, credit: { minutes: 0 } } });
    expect(await countEntries(db, world.sponsor)).toBe(before + 3);

    const report = await reportOf(db, world.sponsor);
    expect(report.lines.map((line) => [line.creditId, line.minutes, line.valuationCents, line.reviewStatus])).toEqual([
      [approved, 120, 9_200, 'approved'],
      [adjusted, 90, 6_900, 'adjusted'],
      [rejected, 0, 0, 'rejected'],
    ]);
    expect(report.totals).toEqual({ credits: 2, minutes: 210, valuationCents: 16_100 });
    expect(report.outsideAgreement.lines.map((line) => line.creditId)).toEqual([outside]);
    expect(report.byMonth.find((month) => month.month === '2026-03')?.totals).toEqual({ credits: 2, minutes: 210, valuationCents: 16_100 });
    expect(renderLedgerCsv(report.lines).split('\r\n')).toHaveLength(5);

    const parties = await loadLegalIdentities(db, { sponsorId: world.sponsor, beneficiaryId: world.beneficiary });
    if (parties === null) throw new Error('no parties');
    const receipt = buildReceiptData({
      ...parties,
      from: '2026-01-01',
      to: '2026-12-31',
      entries: await loadLedgerEntries(db, { sponsorId: world.sponsor, from: '2026-01-01', to: '2026-12-31' }),
      agreements: await loadAgreements(db, { sponsorId: world.sponsor }),
    });
    expect(receipt).toMatchObject({ amountCents: 16_100, amountInWords: 'cent soixante et un euros', agreementIds: [world.agreement] });
  });

  it.each([
    { name: 'an unknown credit', action: 'approve' as const, reason: null, problem: 'no credit 999999999' },
    { name: 'a rejection without a reason', action: 'reject' as const, reason: ' ', problem: 'a rejection needs a reason' },
    {
      name: 'an adjustment without minutes',
      action: 'adjust' as const,
      reason: 'why',
      problem: 'an adjustment gives the minutes the work should count for, a whole number of at least 1 (reject the credit to count none)',
    },
    { name: "another sponsor's reviewer", action: 'approve' as const, reason: null, problem: 'reviewer {reviewer} does not review for the sponsor of credit {credit}' },
  ])('refuses $name and writes nothing', async ({ name, action, reason, problem }) => {
    const db = ctx.db();
    const world = await insertWorld(db);
    const other = await insertWorld(db);
    const credit = await world.credit('2026-03-10T14:00:00Z', 120);
    const before = await countEntries(db, world.sponsor);
    const reviewer = name === "another sponsor's reviewer" ? other.reviewer : world.reviewer;

    const outcome = await reviewContribution(db, {
      creditId: name === 'an unknown credit' ? '999999999' : credit,
      action,
      reason,
      reviewer,
      now: new Date('2026-05-02T10:00:00Z'),
    });

    expect(outcome).toEqual({ ok: false, problem: problem.replace('{reviewer}', reviewer).replace('{credit}', credit) });
    expect(await countEntries(db, world.sponsor)).toBe(before);
  });

  it('approves in bulk, skipping what cannot be approved', async () => {
    const db = ctx.db();
    const world = await insertWorld(db);
    const credits = [await world.credit('2026-03-10T14:00:00Z', 60), await world.credit('2026-03-11T14:00:00Z', 60), await world.credit('2026-03-12T14:00:00Z', 60)];
    const now = new Date('2026-05-02T10:00:00Z');
    await reviewContribution(db, { creditId: credits[2] ?? '', action: 'reject', reason: 'duplicate', reviewer: world.reviewer, now });

    const result = await approveContributions(db, { creditIds: [...credits, credits[0] ?? ''], reviewer: world.reviewer, now });

    expect(result.approved.map((approval) => approval.credit.creditId)).toEqual(credits.slice(0, 2));
    expect(result.skipped).toEqual([{ creditId: credits[2], problem: `credit ${credits[2]} was rejected: it takes no further review` }]);
    const again = await approveContributions(db, { creditIds: credits.slice(0, 2), reviewer: world.reviewer, now });
    expect(again.approved).toEqual([]);
    expect(again.skipped.map((skip) => skip.problem)).toEqual(credits.slice(0, 2).map((id) => `credit ${id} is already approved`));
    expect((await reportOf(db, world.sponsor)).totals).toEqual({ credits: 2, minutes: 120, valuationCents: 9_200 });
  });

  it('still refuses UPDATE and DELETE of the ledger after reviews', async () => {
    const db = ctx.db();
    const world = await insertWorld(db);
    const credit = await world.credit('2026-03-10T14:00:00Z', 60);
    await reviewContribution(db, { creditId: credit, action: 'approve', reviewer: world.reviewer, now: new Date('2026-05-02T10:00:00Z') });

    await expect(db.query('UPDATE contributions SET minutes = 600 WHERE id = $1', [credit])).rejects.toThrow('the contributions ledger is append-only');
    await expect(db.query('DELETE FROM contributions WHERE refers_to = $1', [credit])).rejects.toThrow('the contributions ledger is append-only');
    expect((await reportOf(db, world.sponsor)).totals.minutes).toBe(60);
  });
});
