import { renderLedgerCsv } from '@wecena/core';
import { type CreditCursor, type Database, loadSponsorYearLinesPage, loadSponsorYearReport, loadSponsorYearSummary } from '@wecena/db';
import { Hono } from 'hono';
import type { DashboardEnv } from '../auth/context';
import { chromeOf, guard } from '../auth/guard';
import { receiptReaders, sponsorReviewers } from '../auth/roles';
import { renderNotFoundPage } from '../pages/error-pages';
import { renderReceiptPdf } from '../pages/receipt-pdf';
import { renderReceiptPage, renderSponsorReportPage } from '../pages/report-pages';
import { loadReceipt } from '../queries/report-queries';
import { findSponsor } from '../queries/sponsor-queries';

const ID = '{[1-9][0-9]{0,17}}';
const YEAR = '{20[0-9]{2}}';
const YEAR_PDF = '{20[0-9]{2}\\.pdf}';
/** How many years back the year picker offers. */
export const REPORT_YEARS_BACK = 5;
/** How many contributions the report page lists at a time; the CSV has them all. */
export const REPORT_LINES_PER_PAGE = 200;

/** `?after=<landing instant>~<credit id>`: where the page of lines starts; null for the first, undefined when malformed. */
function cursorOf(given: string | undefined): CreditCursor | null | undefined {
  if (given === undefined || given === '') return null;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)~([1-9]\d{0,17})$/.exec(given);
  return match === null || Number.isNaN(Date.parse(match[1] ?? '')) ? undefined : { landedAt: match[1] ?? '', id: match[2] ?? '' };
}

/** The year asked in `?year=`, else the current one; null when it is not a plausible year. */
function yearOf(given: string | undefined, now: Date): number | null {
  if (given === undefined || given === '') return now.getUTCFullYear();
  return /^20[0-9]{2}$/.test(given) ? Number(given) : null;
}

/**
 * `/sponsors/:sponsorId/reports` (the year's report, with its chart), `/reports.csv` (the same
 * lines as CSV), `/receipts/:beneficiaryId/:year` (the receipt data, printable) and the same
 * receipt as a PDF at `/receipts/:beneficiaryId/:year.pdf`. Every figure comes from the ledger
 * alone: the report page's figures summed by the database (held equal to the core's report by a
 * test), its lines and the CSV the core's report over the ledger entries.
 */
export function sponsorReportsRoutes({ db, clock }: { db: Database; clock: () => Date }): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();

  app.get(`/sponsors/:sponsorId${ID}/reports`, guard(sponsorReviewers), async (c) => {
    const sponsorId = c.req.param('sponsorId');
    const year = yearOf(c.req.query('year'), clock());
    const after = cursorOf(c.req.query('after'));
    const sponsor = await findSponsor(db, sponsorId);
    if (sponsor === null || year === null || after === undefined) return c.html(renderNotFoundPage(c.req.path), 404);
    const thisYear = clock().getUTCFullYear();
    const years = Array.from({ length: REPORT_YEARS_BACK + 1 }, (_, index) => thisYear - index);
    if (!years.includes(year)) years.push(year);
    // The figures summed by the database, the lines a page at a time: fast however large the year.
    const [figures, page] = await Promise.all([
      loadSponsorYearSummary(db, { sponsorId, year }),
      loadSponsorYearLinesPage(db, { sponsorId, year, after, limit: REPORT_LINES_PER_PAGE }),
    ]);
    const nextHref = page.next === null ? null : `/sponsors/${sponsorId}/reports?year=${year}&after=${encodeURIComponent(`${page.next.landedAt}~${page.next.id}`)}#lines`;
    return c.html(renderSponsorReportPage({ sponsor, year, years, figures, page, nextHref, later: after !== null, signedIn: chromeOf(c) }));
  });

  app.get(`/sponsors/:sponsorId${ID}/reports.csv`, guard(sponsorReviewers), async (c) => {
    const sponsorId = c.req.param('sponsorId');
    const year = yearOf(c.req.query('year'), clock());
    const sponsor = await findSponsor(db, sponsorId);
    if (sponsor === null || year === null) return c.html(renderNotFoundPage(c.req.path), 404);
    const report = await loadSponsorYearReport(db, { sponsorId, year });
    return c.body(renderLedgerCsv(report.lines), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="wecena-${sponsorId}-${year}.csv"`,
      'Cache-Control': 'no-store',
    });
  });

  app.get(`/sponsors/:sponsorId${ID}/receipts/:beneficiaryId${ID}/:year${YEAR}`, guard(receiptReaders), async (c) => {
    const { sponsorId, beneficiaryId } = c.req.param();
    const year = Number(c.req.param('year'));
    const found = await loadReceipt(db, { sponsorId, beneficiaryId }, year);
    if (found === null) return c.html(renderNotFoundPage(c.req.path), 404);
    const viewer = c.get('viewer');
    const isSponsorSide = viewer !== null && sponsorReviewers(viewer, { sponsorId });
    return c.html(
      renderReceiptPage({
        ...found,
        year,
        signedIn: chromeOf(c),
        backHref: isSponsorSide ? `/sponsors/${sponsorId}/reports?year=${year}` : `/beneficiaries/${beneficiaryId}`,
      }),
    );
  });

  // Hono reads no literal suffix after a parameter in the same segment: the year and `.pdf` are one parameter.
  app.get(`/sponsors/:sponsorId${ID}/receipts/:beneficiaryId${ID}/:yearPdf${YEAR_PDF}`, guard(receiptReaders), async (c) => {
    const { sponsorId, beneficiaryId } = c.req.param();
    const year = Number.parseInt(c.req.param('yearPdf'), 10);
    const found = await loadReceipt(db, { sponsorId, beneficiaryId }, year);
    if (found === null) return c.html(renderNotFoundPage(c.req.path), 404);
    const pdf = await renderReceiptPdf({ ...found, year, generatedAt: clock() });
    return c.body(pdf, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="wecena-receipt-${sponsorId}-${beneficiaryId}-${year}.pdf"`,
      'Cache-Control': 'no-store',
    });
  });

  return app;
}
