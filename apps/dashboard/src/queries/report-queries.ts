import { buildReceiptData, type ReceiptData } from '@wecena/core';
import { type Queryable, loadAgreements, loadLedgerEntries, loadLegalIdentities, yearPeriod } from '@wecena/db';
import { findSponsor } from './sponsor-queries';

/** A receipt as the page, its PDF and the API show it: the core's receipt data, in the sponsor's currency. */
export interface LoadedReceipt {
  receipt: ReceiptData;
  currency: string;
}

/** The core's receipt data of a sponsor, a beneficiary and a year, with the sponsor's currency; null when either is unknown. */
export async function loadReceipt(db: Queryable, ids: { sponsorId: string; beneficiaryId: string }, year: number): Promise<LoadedReceipt | null> {
  const [identities, sponsor] = await Promise.all([loadLegalIdentities(db, ids), findSponsor(db, ids.sponsorId)]);
  if (identities === null || sponsor === null) return null;
  const period = yearPeriod(year);
  const [entries, agreements] = await Promise.all([loadLedgerEntries(db, { ...ids, ...period }), loadAgreements(db, ids)]);
  return { receipt: buildReceiptData({ entries, agreements, ...identities, ...period }), currency: sponsor.currency };
}
