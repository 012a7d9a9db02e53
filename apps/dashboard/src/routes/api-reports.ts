import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { type Database, loadSponsorYearReport, loadSponsorYearSummary } from '@wecena/db';
import { HTTPException } from 'hono/http-exception';
import { NEEDS_SESSION, checkViewer } from '../api/access';
import { idParam, yearParam } from '../api/common-schemas';
import { SESSION_ERRORS, answerInvalidRequest, errorResponse } from '../api/errors';
import { Receipt, SponsorFigures, SponsorReport, presentReceipt, presentSponsorFigures, presentSponsorReport } from '../api/report-schemas';
import type { DashboardEnv } from '../auth/context';
import { receiptReaders, sponsorReviewers } from '../auth/roles';
import { loadReceipt } from '../queries/report-queries';
import { findSponsor } from '../queries/sponsor-queries';

const getReportRoute = createRoute({
  method: 'get',
  path: '/sponsors/{id}/report',
  operationId: 'getSponsorReport',
  tags: ['reports'],
  summary: "A sponsor's yearly report",
  description:
    "The year's contributions of the sponsor's consultants, derived from the ledger alone as on the report page and in its CSV: totals, " +
    'per review status, month, beneficiary and consultant, in minutes and cents, and every line with the URL of the merged change that proves it. ' +
    'A contribution counts only under an agreement in force on its day; the others are listed apart. ' +
    'Needs a session: a reviewer of the sponsor, or an operator.',
  security: NEEDS_SESSION,
  request: {
    params: z.object({ id: idParam('id', 'sponsor', '1') }),
    query: z.object({ year: yearParam('year', 'query', 'The calendar year (UTC), the current one unless told.').optional() }),
  },
  responses: {
    200: { description: 'The report.', content: { 'application/json': { schema: SponsorReport } } },
    400: errorResponse('The id or the year is invalid.'),
    404: errorResponse('No sponsor has this id (told to operators; others get 403).'),
    ...SESSION_ERRORS,
  },
});

const getFiguresRoute = createRoute({
  method: 'get',
  path: '/sponsors/{id}/figures',
  operationId: 'getSponsorFigures',
  tags: ['reports'],
  summary: "A sponsor's yearly figures, without the lines",
  description:
    "The figures of the yearly report (totals, per review status, month, beneficiary and consultant, and what no agreement covers), summed by the database: " +
    'the same numbers as `getSponsorReport`, answered fast however many contributions the year holds. ' +
    'Needs a session: a reviewer of the sponsor, or an operator.',
  security: NEEDS_SESSION,
  request: getReportRoute.request,
  responses: {
    200: { description: 'The figures.', content: { 'application/json': { schema: SponsorFigures } } },
    400: errorResponse('The id or the year is invalid.'),
    404: errorResponse('No sponsor has this id (told to operators; others get 403).'),
    ...SESSION_ERRORS,
  },
});

const getReceiptRoute = createRoute({
  method: 'get',
  path: '/sponsors/{sponsorId}/receipts/{beneficiaryId}/{year}',
  operationId: 'getReceipt',
  tags: ['reports'],
  summary: 'Receipt data of a sponsor, a beneficiary and a year',
  description:
    'What the beneficiary needs to issue the receipt for company gifts (Cerfa 16216): both legal identities, the amount in cents, in figures and in words, ' +
    'the nature and valuation of the gift, the staff lent, and the reviewed lines it sums; pending work and work outside an agreement listed apart. ' +
    "Needs a session: a reviewer of the sponsor, a contact of the beneficiary, or an operator.",
  security: NEEDS_SESSION,
  request: {
    params: z.object({
      sponsorId: idParam('sponsorId', 'sponsor', '1'),
      beneficiaryId: idParam('beneficiaryId', 'beneficiary', '2'),
      year: yearParam('year', 'path', 'The calendar year (UTC).'),
    }),
  },
  responses: {
    200: { description: 'The receipt data.', content: { 'application/json': { schema: Receipt } } },
    400: errorResponse('An id or the year is invalid.'),
    404: errorResponse('No such sponsor or beneficiary (told to those whose side it would be).'),
    ...SESSION_ERRORS,
  },
});

/** `/sponsors/{id}/report` (and its `/figures`) and `/sponsors/{sponsorId}/receipts/{beneficiaryId}/{year}`: the core's report and receipt data. */
export function reportApiRoutes({ db, clock }: { db: Database; clock: () => Date }): OpenAPIHono<DashboardEnv> {
  const app = new OpenAPIHono<DashboardEnv>({ defaultHook: answerInvalidRequest });

  /** The sponsor a report is asked of; 404 when there is none (the caller's right to know was checked first). */
  async function reportSponsor(id: string) {
    const sponsor = await findSponsor(db, id);
    if (sponsor === null) throw new HTTPException(404, { message: `No sponsor has id ${id}.` });
    return sponsor;
  }

  app.openapi(getReportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const year = c.req.valid('query').year ?? clock().getUTCFullYear();
    const refusal = checkViewer(c.get('viewer'), "this sponsor's report", (viewer) => sponsorReviewers(viewer, { sponsorId: id }));
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    const sponsor = await reportSponsor(id);
    return c.json(presentSponsorReport(sponsor, year, await loadSponsorYearReport(db, { sponsorId: id, year })), 200);
  });

  app.openapi(getFiguresRoute, async (c) => {
    const { id } = c.req.valid('param');
    const year = c.req.valid('query').year ?? clock().getUTCFullYear();
    const refusal = checkViewer(c.get('viewer'), "this sponsor's figures", (viewer) => sponsorReviewers(viewer, { sponsorId: id }));
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    const sponsor = await reportSponsor(id);
    return c.json(presentSponsorFigures(sponsor, year, await loadSponsorYearSummary(db, { sponsorId: id, year })), 200);
  });

  app.openapi(getReceiptRoute, async (c) => {
    const { sponsorId, beneficiaryId, year } = c.req.valid('param');
    const refusal = checkViewer(c.get('viewer'), 'this receipt data', (viewer) => receiptReaders(viewer, { sponsorId, beneficiaryId }));
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    const found = await loadReceipt(db, { sponsorId, beneficiaryId }, year);
    if (found === null) {
      throw new HTTPException(404, { message: `No receipt data: sponsor ${sponsorId} or beneficiary ${beneficiaryId} does not exist.` });
    }
    return c.json(presentReceipt(found.receipt, year, found.currency), 200);
  });

  return app;
}
