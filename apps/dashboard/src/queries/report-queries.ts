import { buildLedgerReport, buildReceiptData, type LedgerReport, type ReceiptData, type ReportPeriod } from '@wecena/core';
import { type Queryable, loadAgreements, loadLedgerEntries, loadLegalIdentities } from '@wecena/db';

/** A calendar year as a report period (UTC days). */
export function yearPeriod(year: number): ReportPeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The core's report of a sponsor's year, over the ledger entries and agreements of the store. */
export async function loadSponsorReport(db: Queryable, sponsorId: string, year: number): Promise<LedgerReport> {
  const period = yearPeriod(year);
  const [entries, agreements] = await Promise.all([loadLedgerEntries(db, { sponsorId, ...period }), loadAgreements(db, { sponsorId })]);
  return buildLedgerReport({ entries, agreements, sponsorId, ...period });
}

/** The core's receipt data of a sponsor, a beneficiary and a year; null when either is unknown. */
export async function loadReceipt(db: Queryable, ids: { sponsorId: string; beneficiaryId: string }, year: number): Promise<ReceiptData | null> {
  const identities = await loadLegalIdentities(db, ids);
  if (identities === null) return null;
  const period = yearPeriod(year);
  const [entries, agreements] = await Promise.all([loadLedgerEntries(db, { ...ids, ...period }), loadAgreements(db, ids)]);
  return buildReceiptData({ entries, agreements, ...identities, ...period });
}
