import { renderLedgerCsv } from '@wecena/core';
import { type Database, loadSponsorYearReport } from '@wecena/db';
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

/** The year asked in `?year=`, else the current one; null when it is not a plausible year. */
function yearOf(given: string | undefined, now: Date): number | null {
  if (given === undefined || given === '') return now.getUTCFullYear();
  return /^20[0-9]{2}$/.test(given) ? Number(given) : null;
}

/**
 * `/sponsors/:sponsorId/reports` (the year's report, with its chart), `/reports.csv` (the same
 * lines as CSV), `/receipts/:beneficiaryId/:year` (the receipt data, printable) and the same
 * receipt as a PDF at `/receipts/:beneficiaryId/:year.pdf`. Every
 * figure comes from the core's report over the ledger entries: a pure function of the ledger.
 */
export function sponsorReportsRoutes({ db, clock }: { db: Database; clock: () => Date }): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();

  app.get(`/sponsors/:sponsorId${ID}/reports`, guard(sponsorReviewers), async (c) => {
    const sponsorId = c.req.param('sponsorId');
    const year = yearOf(c.req.query('year'), clock());
    const sponsor = await findSponsor(db, sponsorId);
    if (sponsor === null || year === null) return c.html(renderNotFoundPage(c.req.path), 404);
    const thisYear = clock().getUTCFullYear();
    const years = Array.from({ length: REPORT_YEARS_BACK + 1 }, (_, index) => thisYear - index);
    if (!years.includes(year)) years.push(year);
    return c.html(renderSponsorReportPage({ sponsor, year, years, report: await loadSponsorYearReport(db, { sponsorId, year }), signedIn: chromeOf(c) }));
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
