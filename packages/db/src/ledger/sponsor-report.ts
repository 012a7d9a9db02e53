import { type LedgerReport, type ReportLine, type ReportPeriod, buildLedgerReport } from '@wecena/core';
import type { Queryable } from '../database';
import { type CreditCursor, loadAgreements, loadLedgerEntries, loadLedgerEntriesPage } from './ledger-entries';

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

/** A page of a yearly report's lines, in landing order: those counted, those outside any agreement, and where the next page starts. */
export interface ReportLinesPage {
  lines: ReportLine[];
  outside: ReportLine[];
  /** Null on the last page. */
  next: CreditCursor | null;
}

/**
 * The lines of a sponsor's yearly report, `limit` credits at a time in landing order: each the
 * core's line over its credit's entries, as in `loadSponsorYearReport`, without reading the year.
 */
export async function loadSponsorYearLinesPage(
  db: Queryable,
  { sponsorId, year, after, limit }: { sponsorId: string; year: number; after: CreditCursor | null; limit: number },
): Promise<ReportLinesPage> {
  const period = yearPeriod(year);
  const [entries, agreements] = await Promise.all([loadLedgerEntriesPage(db, { sponsorId, ...period, after, limit }), loadAgreements(db, { sponsorId })]);
  const report = buildLedgerReport({ entries, agreements, sponsorId, ...period });
  const credits = entries.filter((entry) => entry.kind === 'credit');
  const last = [...report.lines, ...report.outsideAgreement.lines].reduce<ReportLine | null>(
    (latest, line) => (latest === null || line.landedAt > latest.landedAt || (line.landedAt === latest.landedAt && Number(line.creditId) > Number(latest.creditId)) ? line : latest),
    null,
  );
  return {
    lines: report.lines,
    outside: report.outsideAgreement.lines,
    next: credits.length === limit && last !== null ? { landedAt: last.landedAt, id: last.creditId } : null,
  };
}
