import { buildLedgerReport, buildReceiptData } from '@wecena/core';
import { type Database, approveContributions, loadAgreements, loadLedgerEntries, loadLegalIdentities, reviewContribution } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { formatHoursAndMinutes } from '../pages/format';
import { insertDemoWorld, type DemoWorld } from '../testing/demo-world';
import { DEMO_NOW } from '../testing/sample-data';
import { LOOPBACK_ORIGIN, dashboardWithDemoSignIn, getJson, signInAsDemo, type TestSession } from '../testing/sign-in';
import { insertTask } from '../testing/store-fixtures';

interface RawEntry {
  id: string;
  kind: string;
  refers_to: string | null;
  beneficiary_id: string;
  change_request_url: string | null;
  landed_at: Date;
  minutes: number;
  valuation_cents: string;
  review_status: string;
}

/** The year's totals of a sponsor folded from the raw rows of the ledger, without the core: credits under an agreement, rejected ones left out. */
function totalsFromRawRows(rows: RawEntry[], year: number, coveredBeneficiaries: Set<string>) {
  const credits = rows.filter((row) => row.kind === 'credit' && row.landed_at.getUTCFullYear() === year && coveredBeneficiaries.has(row.beneficiary_id));
  return credits.reduce(
    (totals, credit) => {
      const entries = rows.filter((row) => row.id === credit.id || row.refers_to === credit.id).sort((a, b) => Number(a.id) - Number(b.id));
      if (entries.at(-1)?.review_status === 'rejected') return totals;
      return {
        credits: totals.credits + 1,
        minutes: totals.minutes + entries.reduce((sum, entry) => sum + entry.minutes, 0),
        valuationCents: totals.valuationCents + entries.reduce((sum, entry) => sum + Number(entry.valuation_cents), 0),
      };
    },
    { credits: 0, minutes: 0, valuationCents: 0 },
  );
}

describeEachEngine('API: yearly report and receipt data', (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  let reviewer: TestSession;
  let cartolibreId: string;
  const credits: Record<string, string> = {};

  async function insertCredit(db: Database, input: { beneficiaryId: string; issueNumber: number; landedAt: string; minutes: number; valuationCents: number }): Promise<string> {
    const repository = await db.query<{ id: string }>('SELECT id FROM repositories WHERE beneficiary_id = $1 ORDER BY id LIMIT 1', [input.beneficiaryId]);
    const taskId = await insertTask(db, { repositoryId: repository.rows[0]?.id ?? '', issueNumber: input.issueNumber, title: `Task ${input.issueNumber}`, state: 'done' });
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO contributions (kind, task_id, consultant_id, sponsor_id, beneficiary_id, change_request_url, landed_at, minutes, valuation_cents, review_status, recorded_by)
       VALUES ('credit', $1, $2, $3, $4, $5, $6, $7, $8, 'pending', 'wecena') RETURNING id`,
      [taskId, world.consultantId, world.sponsorId, input.beneficiaryId, `https://example.org/merge_requests/${input.issueNumber}`, input.landedAt, input.minutes, input.valuationCents],
    );
    return rows[0]?.id ?? '';
  }

  beforeAll(async () => {
    const db = ctx.db();
    world = await insertDemoWorld(db);
    cartolibreId = (await db.query<{ id: string }>(`SELECT id FROM beneficiaries WHERE name = 'Cartolibre'`)).rows[0]?.id ?? '';
    credits['approved'] = await insertCredit(db, { beneficiaryId: world.beneficiaryId, issueNumber: 801, landedAt: '2026-03-01T15:00:00Z', minutes: 120, valuationCents: 11_600 });
    credits['adjusted'] = await insertCredit(db, { beneficiaryId: cartolibreId, issueNumber: 802, landedAt: '2026-02-10T09:00:00Z', minutes: 90, valuationCents: 7_650 });
    credits['rejected'] = await insertCredit(db, { beneficiaryId: cartolibreId, issueNumber: 803, landedAt: '2026-02-11T09:00:00Z', minutes: 30, valuationCents: 2_550 });
    // No agreement binds the demo sponsor to the other beneficiary, nor to anyone in 2025.
    credits['outside'] = await insertCredit(db, { beneficiaryId: world.other.beneficiaryId, issueNumber: 804, landedAt: '2026-03-01T16:00:00Z', minutes: 45, valuationCents: 3_900 });
    credits['lastYear'] = await insertCredit(db, { beneficiaryId: world.beneficiaryId, issueNumber: 805, landedAt: '2025-06-10T09:00:00Z', minutes: 60, valuationCents: 5_800 });
    expect((await approveContributions(db, { creditIds: [credits['approved'] ?? ''], reviewer: world.reviewerId, now: DEMO_NOW })).skipped).toEqual([]);
    const review = (creditId: string, action: 'adjust' | 'reject', minutes?: number) =>
      reviewContribution(db, { creditId, action, minutes, reason: `${action}ed in a test`, reviewer: world.reviewerId, now: DEMO_NOW });
    expect((await review(credits['adjusted'] ?? '', 'adjust', 60)).ok).toBe(true);
    expect((await review(credits['rejected'] ?? '', 'reject')).ok).toBe(true);
    app = dashboardWithDemoSignIn(db, () => DEMO_NOW);
    reviewer = await signInAsDemo(app, `sponsor_reviewer:${world.reviewerId}`);
  });

  it("answers the core's report of the year over the ledger, and totals re-derived from the raw ledger rows agree", async () => {
    const db = ctx.db();
    const period = { from: '2026-01-01', to: '2026-12-31' };
    const expected = buildLedgerReport({
      entries: await loadLedgerEntries(db, { sponsorId: world.sponsorId, ...period }),
      agreements: await loadAgreements(db, { sponsorId: world.sponsorId }),
      sponsorId: world.sponsorId,
      ...period,
    });
    const { rows } = await db.query<RawEntry>(
      'SELECT id::text AS id, kind, refers_to::text AS refers_to, beneficiary_id::text AS beneficiary_id, change_request_url, landed_at, minutes, valuation_cents::text AS valuation_cents, review_status FROM contributions WHERE sponsor_id = $1',
      [world.sponsorId],
    );

    const { status, body } = await getJson(app, `/api/v1/sponsors/${world.sponsorId}/report?year=2026`, reviewer);

    expect(status).toBe(200);
    const { sponsorId: _sponsorId, ...figures } = expected;
    expect(body).toEqual({ sponsor: { id: world.sponsorId, name: 'Octet Conseil', currency: 'EUR', defaultCostRateCents: 5_200 }, year: 2026, ...figures });
    expect(body.totals).toEqual(totalsFromRawRows(rows, 2026, new Set([world.beneficiaryId, cartolibreId])));
    expect(body.totals.credits).toBe(3);
    expect(body.byMonth).toHaveLength(12);
    expect(body.byMonth.reduce((sum: number, month: any) => sum + month.totals.minutes, 0)).toBe(body.totals.minutes);
    expect(body.byBeneficiary.reduce((sum: number, line: any) => sum + line.totals.valuationCents, 0)).toBe(body.totals.valuationCents);
    expect(body.byConsultant.reduce((sum: number, line: any) => sum + line.totals.credits, 0)).toBe(body.totals.credits);
    for (const line of body.lines) expect(line.proofUrl).toBe(rows.find((row) => row.id === line.creditId)?.change_request_url);
    expect(body.lines.find((line: any) => line.creditId === credits['adjusted'])).toMatchObject({ reviewStatus: 'adjusted', minutes: 60, creditedMinutes: 90 });
    expect(body.lines.find((line: any) => line.creditId === credits['rejected'])).toMatchObject({ reviewStatus: 'rejected', minutes: 0, valuationCents: 0 });
    expect(body.outsideAgreement.lines.map((line: any) => line.creditId)).toEqual([credits['outside']]);
  });

  it('answers the figures of the same report, summed by the database, for every year', async () => {
    for (const year of [2025, 2026]) {
      const report = await getJson(app, `/api/v1/sponsors/${world.sponsorId}/report?year=${year}`, reviewer);
      const figures = await getJson(app, `/api/v1/sponsors/${world.sponsorId}/figures?year=${year}`, reviewer);

      expect(figures.status).toBe(200);
      const { lines: _lines, orphanEntryIds: _orphans, outsideAgreement, ...reportFigures } = report.body;
      expect(figures.body).toEqual({ ...reportFigures, outsideAgreement: { totals: outsideAgreement.totals } });
    }
  });

  it('shows the same total and lines as the report page', async () => {
    const { body } = await getJson(app, `/api/v1/sponsors/${world.sponsorId}/report?year=2026`, reviewer);
    const page = await (await app.request(`${LOOPBACK_ORIGIN}/sponsors/${world.sponsorId}/reports?year=2026`, { headers: { Cookie: reviewer.cookie } })).text();

    expect(page).toContain(`data-figure="report-hours">${formatHoursAndMinutes(body.totals.minutes)}<`);
    const onPage = [...page.matchAll(/data-credit="(\d+)"/g)].map((match) => match[1]);
    expect(onPage).toEqual([...body.lines, ...body.outsideAgreement.lines].map((line: any) => line.creditId));
  });

  it('reports the current year unless told, and any other year asked', async () => {
    const current = await getJson(app, `/api/v1/sponsors/${world.sponsorId}/report`, reviewer);
    const lastYear = await getJson(app, `/api/v1/sponsors/${world.sponsorId}/report?year=2025`, reviewer);

    expect(current.body).toEqual((await getJson(app, `/api/v1/sponsors/${world.sponsorId}/report?year=2026`, reviewer)).body);
    expect(lastYear.body).toMatchObject({ year: 2025, from: '2025-01-01', to: '2025-12-31', lines: [], totals: { credits: 0, minutes: 0, valuationCents: 0 } });
    expect(lastYear.body.outsideAgreement.lines.map((line: any) => line.creditId)).toEqual([credits['lastYear']]);
  });

  it('refuses a year that is no year, naming it', async () => {
    for (const path of [`/api/v1/sponsors/${world.sponsorId}/report?year=26`, `/api/v1/sponsors/${world.sponsorId}/receipts/${world.beneficiaryId}/1999`]) {
      const { status, body } = await getJson(app, path, reviewer);
      expect(status, path).toBe(400);
      expect(JSON.stringify(body), path).toContain('year must be a year from 2000 to 2099');
    }
  });

  it("answers the core's receipt data: only reviewed work under an agreement counts, pending work listed apart", async () => {
    const db = ctx.db();
    const ids = { sponsorId: world.sponsorId, beneficiaryId: world.beneficiaryId };
    const period = { from: '2026-01-01', to: '2026-12-31' };
    const identities = await loadLegalIdentities(db, ids);
    if (identities === null) throw new Error('the demo has both legal identities');
    const expected = buildReceiptData({ entries: await loadLedgerEntries(db, { ...ids, ...period }), agreements: await loadAgreements(db, ids), ...identities, ...period });
    const contact = await signInAsDemo(app, `beneficiary_contact:${world.beneficiaryId}`);

    const { status, body } = await getJson(app, `/api/v1/sponsors/${world.sponsorId}/receipts/${world.beneficiaryId}/2026`, contact);

    expect(status).toBe(200);
    expect(body).toEqual({ year: 2026, currency: 'EUR', ...expected, taxReduction: { ...expected.taxReduction, sources: [...expected.taxReduction.sources] } });
    expect(body.amountCents).toBe(11_600);
    expect(body.amountInWords).toBe('cent seize euros');
    expect(body.lines.map((line: any) => line.creditId)).toEqual([credits['approved']]);
    expect(body.excluded.pending.map((line: any) => line.creditId)).toEqual([world.pendingCreditId]);
    expect(body.sponsor.siren).toMatch(/^\d{9}$/);
  });

  it("answers the report to the sponsor's side, the receipt to either party; 401 to a stranger, 403 to others, 404 to those allowed to know", async () => {
    const operator = await signInAsDemo(app, 'operator');
    const otherReviewer = await signInAsDemo(app, `sponsor_reviewer:${world.other.reviewerId}`);
    const consultant = await signInAsDemo(app, `consultant:${world.consultantId}`);
    const contact = await signInAsDemo(app, `beneficiary_contact:${world.beneficiaryId}`);
    const report = `/api/v1/sponsors/${world.sponsorId}/report`;
    const receipt = `/api/v1/sponsors/${world.sponsorId}/receipts/${world.beneficiaryId}/2026`;
    const statusOf = async (path: string, session?: TestSession) => (await getJson(app, path, session)).status;

    expect([await statusOf(report, operator), await statusOf(report, otherReviewer), await statusOf(report, consultant), await statusOf(report, contact)]).toEqual([200, 403, 403, 403]);
    expect([await statusOf(receipt, operator), await statusOf(receipt, reviewer), await statusOf(receipt, otherReviewer), await statusOf(receipt, consultant)]).toEqual([200, 200, 403, 403]);
    expect(await statusOf(`/api/v1/sponsors/${world.sponsorId}/receipts/${cartolibreId}/2026`, contact)).toBe(403);
    const stranger = await getJson(app, receipt);
    expect(stranger.status).toBe(401);
    expect(JSON.stringify(stranger.body)).toContain('unauthorized');
    expect(await statusOf(report)).toBe(401);
    expect(await statusOf('/api/v1/sponsors/999999/report', operator)).toBe(404);
    expect(await statusOf('/api/v1/sponsors/999999/report', reviewer)).toBe(403);
    expect(await statusOf(`/api/v1/sponsors/${world.sponsorId}/receipts/999999/2026`, operator)).toBe(404);
    expect(await statusOf(`/api/v1/sponsors/${world.sponsorId}/receipts/999999/2026`, reviewer)).toBe(404);
    expect(await statusOf(`/api/v1/sponsors/999999/receipts/${world.beneficiaryId}/2026`, contact)).toBe(404);
  });
});
