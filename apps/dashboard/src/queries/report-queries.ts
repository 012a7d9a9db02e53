import { buildReceiptData, type ReceiptData } from '@wecena/core';
import { type Queryable, loadAgreements, loadLedgerEntries, loadLegalIdentities, yearPeriod } from '@wecena/db';

/** The core's receipt data of a sponsor, a beneficiary and a year; null when either is unknown. */
export async function loadReceipt(db: Queryable, ids: { sponsorId: string; beneficiaryId: string }, year: number): Promise<ReceiptData | null> {
  const identities = await loadLegalIdentities(db, ids);
  if (identities === null) return null;
  const period = yearPeriod(year);
  const [entries, agreements] = await Promise.all([loadLedgerEntries(db, { ...ids, ...period }), loadAgreements(db, ids)]);
  return buildReceiptData({ entries, agreements, ...identities, ...period });
}
