import { type LedgerReport, type ReportPeriod, buildLedgerReport } from '@wecena/core';
import type { Queryable } from '../database';
import { loadAgreements, loadLedgerEntries } from './ledger-entries';

/** A calendar year as a report period: 1 January to 31 December, both included. */
export function yearPeriod(year: number): ReportPeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * A sponsor's report for a calendar year, the one the dashboard shows and the CLI prints: the
 * core's report over the ledger entries of the year's credits and the sponsor's agreements.
 */
export async function loadSponsorYearReport(db: Queryable, { sponsorId, year }: { sponsorId: string; year: number }): Promise<LedgerReport> {
  const period = yearPeriod(year);
  const [entries, agreements] = await Promise.all([loadLedgerEntries(db, { sponsorId, ...period }), loadAgreements(db, { sponsorId })]);
  return buildLedgerReport({ entries, agreements, sponsorId, ...period });
}
