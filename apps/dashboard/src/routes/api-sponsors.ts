import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { REVIEW_STATUSES } from '@wecena/core';
import type { Database } from '@wecena/db';
import { HTTPException } from 'hono/http-exception';
import { NEEDS_SESSION, checkViewer } from '../api/access';
import { RowIdCursor, idParam, pageLimit } from '../api/common-schemas';
import { ContributionPage, presentContribution } from '../api/contribution-schemas';
import { SESSION_ERRORS, answerInvalidRequest, errorResponse } from '../api/errors';
import { SponsorConsultants, presentSponsorConsultants } from '../api/sponsor-schemas';
import type { DashboardEnv } from '../auth/context';
import { sponsorReviewers } from '../auth/roles';
import { listContributionPage } from '../queries/contribution-queries';
import { findSponsor, listSponsorConsultants } from '../queries/sponsor-queries';

const SponsorParams = z.object({ id: idParam('id', 'sponsor', '1') });

const ContributionQuery = z.object({
  status: z
    .enum(REVIEW_STATUSES, { error: `status must be one of ${REVIEW_STATUSES.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'status', in: 'query' }, description: 'Only contributions in this review status.', example: 'pending' }),
  limit: pageLimit('Contributions'),
  cursor: RowIdCursor,
});

const NOT_FOUND = errorResponse('No sponsor has this id (told to operators; others get 403).');
const WHO = "Needs a session: a reviewer of the sponsor, or an operator.";

const listContributionsRoute = createRoute({
  method: 'get',
  path: '/sponsors/{id}/contributions',
  operationId: 'listSponsorContributions',
  tags: ['sponsors'],
  summary: "A sponsor's contributions to review",
  description:
    "The ledger's credits of the sponsor's consultants as they stand now (minutes and valuation with every correction, the latest review status), " +
    'the most recent first, a page at a time; filter by review status (`status=pending`: the review queue). ' +
    WHO,
  security: NEEDS_SESSION,
  request: { params: SponsorParams, query: ContributionQuery },
  responses: {
    200: { description: 'A page of contributions.', content: { 'application/json': { schema: ContributionPage } } },
    400: errorResponse('The id or a query parameter is invalid; the message says which and why.'),
    404: NOT_FOUND,
    ...SESSION_ERRORS,
  },
});

const listConsultantsRoute = createRoute({
  method: 'get',
  path: '/sponsors/{id}/consultants',
  operationId: 'listSponsorConsultants',
  tags: ['sponsors'],
  summary: "A sponsor's consultants and their availability",
  description: "The sponsor's consultants, active first, with their hourly cost (the sponsor's eyes only) and their availability windows not over yet. " + WHO,
  security: NEEDS_SESSION,
  request: { params: SponsorParams },
  responses: {
    200: { description: 'The consultants.', content: { 'application/json': { schema: SponsorConsultants } } },
    400: errorResponse('The id is not a sponsor id.'),
    404: NOT_FOUND,
    ...SESSION_ERRORS,
  },
});

/** `/sponsors/{id}/contributions` and `/sponsors/{id}/consultants`: what the sponsor's review and consultants pages show. */
export function sponsorApiRoutes({ db, clock }: { db: Database; clock: () => Date }): OpenAPIHono<DashboardEnv> {
  const app = new OpenAPIHono<DashboardEnv>({ defaultHook: answerInvalidRequest });

  app.openapi(listContributionsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { status, limit, cursor } = c.req.valid('query');
    const refusal = checkViewer(c.get('viewer'), "this sponsor's contributions", (viewer) => sponsorReviewers(viewer, { sponsorId: id }));
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    if ((await findSponsor(db, id)) === null) throw new HTTPException(404, { message: `No sponsor has id ${id}.` });
    const page = await listContributionPage(db, { sponsorId: id, status }, { limit, afterId: cursor });
    return c.json({ contributions: page.contributions.map(presentContribution), nextCursor: page.lastId }, 200);
  });

  app.openapi(listConsultantsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const refusal = checkViewer(c.get('viewer'), "this sponsor's consultants", (viewer) => sponsorReviewers(viewer, { sponsorId: id }));
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    const sponsor = await findSponsor(db, id);
    if (sponsor === null) throw new HTTPException(404, { message: `No sponsor has id ${id}.` });
    const consultants = await listSponsorConsultants(db, id, clock().toISOString().slice(0, 10));
    return c.json(presentSponsorConsultants(sponsor, consultants), 200);
  });

  return app;
}
