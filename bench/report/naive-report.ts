import type { ReportTotals } from '@wecena/core';
import type { Database } from '@wecena/db';

interface LedgerRow {
  id: string;
  kind: string;
  refers_to: string | null;
  sponsor_id: string;
  beneficiary_id: string;
  landed_at: Date;
  minutes: number;
  valuation_cents: string;
  review_status: string;
  recorded_at: Date;
}

interface AgreementRow {
  sponsor_id: string;
  beneficiary_id: string;
  valid_from: string;
  valid_to: string | null;
}

interface CreditState {
  landedOn: string;
  beneficiaryId: string;
  minutes: number;
  valuationCents: number;
  status: string;
  statusAt: number;
  statusId: number;
}

/**
 * The baseline: what a report written without thought would do. It loads every row of the
 * ledger and every agreement, then keeps the sponsor's credits of the year in JavaScript, adds
 * their corrections, and sums those under an agreement in force on their day (a rejected
 * credit counts zero). Its totals must equal the core's report: the bench checks they do.
 */
export async function naiveYearTotals(db: Database, sponsorId: string, year: number): Promise<ReportTotals> {
  const { rows } = await db.query<LedgerRow>('SELECT * FROM contributions');
  const { rows: agreements } = await db.query<AgreementRow>('SELECT * FROM agreements');
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const credits = new Map<string, CreditState>();
  for (const row of rows) {
    if (row.kind !== 'credit' || row.sponsor_id !== sponsorId) continue;
    const landedOn = row.landed_at.toISOString().slice(0, 10);
    if (landedOn < from || landedOn > to) continue;
    credits.set(row.id, {
      landedOn,
      beneficiaryId: row.beneficiary_id,
      minutes: row.minutes,
      valuationCents: Number(row.valuation_cents),
      status: row.review_status,
      statusAt: row.recorded_at.getTime(),
      statusId: Number(row.id),
    });
  }
  for (const row of rows) {
    const credit = row.refers_to === null ? undefined : credits.get(row.refers_to);
    if (credit === undefined) continue;
    credit.minutes += row.minutes;
    credit.valuationCents += Number(row.valuation_cents);
    const at = row.recorded_at.getTime();
    if (at > credit.statusAt || (at === credit.statusAt && Number(row.id) > credit.statusId)) {
      credit.status = row.review_status;
      credit.statusAt = at;
      credit.statusId = Number(row.id);
    }
  }
  const totals: ReportTotals = { credits: 0, minutes: 0, valuationCents: 0 };
  for (const credit of credits.values()) {
    const covered = agreements.some(
      (agreement) =>
        agreement.sponsor_id === sponsorId &&
        agreement.beneficiary_id === credit.beneficiaryId &&
        agreement.valid_from <= credit.landedOn &&
        (agreement.valid_to === null || credit.landedOn <= agreement.valid_to),
    );
    if (!covered || credit.status === 'rejected') continue;
    totals.credits += 1;
    totals.minutes += credit.minutes;
    totals.valuationCents += credit.valuationCents;
  }
  return totals;
}
