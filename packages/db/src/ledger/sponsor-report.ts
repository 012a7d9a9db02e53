import { type LedgerReport, type ReportLine, type ReportPeriod, buildLedgerReport, compareEntryIds, compareInstants } from '@wecena/core';
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
  // Both lists are in landing order: the page's last credit ends one of them, and the next page starts after it.
  const last = laterLine(report.lines.at(-1), report.outsideAgreement.lines.at(-1));
  const full = report.lines.length + report.outsideAgreement.lines.length === limit;
  return {
    lines: report.lines,
    outside: report.outsideAgreement.lines,
    next: full && last !== undefined ? { landedAt: last.landedAt, id: last.creditId } : null,
  };
}

/** The one of two lines that lands later, as the core orders them (instant, then credit id). */
function laterLine(a: ReportLine | undefined, b: ReportLine | undefined): ReportLine | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return (compareInstants(a.landedAt, b.landedAt) || compareEntryIds(a.creditId, b.creditId)) > 0 ? a : b;
}
