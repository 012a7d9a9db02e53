import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Database } from '@wecena/db';
import { listAgreements, listBeneficiaries, listSponsors } from '@wecena/db';
import { NEEDS_SESSION, checkViewer } from '../api/access';
import { keyCursor, pageLimit } from '../api/common-schemas';
import { SESSION_ERRORS, answerInvalidRequest, errorResponse } from '../api/errors';
import {
  AgreementList,
  BeneficiaryList,
  DELIVERY_CURSOR,
  InboxHealth,
  RepositoryList,
  SponsorList,
  deliveryCursorOf,
  deliveryKeyOf,
  presentAgreementRecord,
  presentParkedDelivery,
  presentRepositoryLink,
} from '../api/operator-schemas';
import type { DashboardEnv } from '../auth/context';
import { isOperator } from '../auth/roles';
import { listParkedDeliveries, listRepositoryLinks, readInboxDepth } from '../queries/operator-queries';
import { pageOf } from '../queries/page';

const OPERATORS = 'Needs a session of an operator.';

function operatorList<T extends z.ZodType>(path: string, operationId: string, summary: string, description: string, schema: T) {
  return createRoute({
    method: 'get',
    path,
    operationId,
    tags: ['operator'],
    summary,
    description: `${description} ${OPERATORS}`,
    security: NEEDS_SESSION,
    responses: { 200: { description: 'The list.', content: { 'application/json': { schema } } }, ...SESSION_ERRORS },
  });
}

const getInboxRoute = createRoute({
  method: 'get',
  path: '/inbox',
  operationId: 'getInboxHealth',
  tags: ['operator'],
  summary: 'Webhook inbox health',
  description:
    'How many deliveries wait for the worker and how many are parked, with the parked ones (the latest received first, a page at a time) and their last error. ' +
    OPERATORS,
  security: NEEDS_SESSION,
  request: {
    query: z.object({ limit: pageLimit('Parked deliveries'), cursor: keyCursor(DELIVERY_CURSOR) }),
  },
  responses: {
    200: { description: 'The inbox depth and a page of parked deliveries.', content: { 'application/json': { schema: InboxHealth } } },
    400: errorResponse('A query parameter is invalid; the message says which and why.'),
    ...SESSION_ERRORS,
  },
});

const listBeneficiariesRoute = operatorList(
  '/beneficiaries',
  'listBeneficiaries',
  'Beneficiaries',
  'Every registered nonprofit and free-software project, with its legal identity, eligibility and linked repositories, in registration order.',
  BeneficiaryList,
);
const listRepositoriesRoute = operatorList(
  '/repositories',
  'listRepositories',
  'Repositories',
  'Every repository wecena knows (registered when the GitHub App or the GitLab bot reached it), the beneficiary it is linked to, and where its discovery scan stands.',
  RepositoryList,
);
const listSponsorsRoute = operatorList(
  '/sponsors',
  'listSponsors',
  'Sponsors',
  'Every registered sponsor, with its legal identity, default cost rate and how many consultants and reviewers it has, in registration order.',
  SponsorList,
);
const listAgreementsRoute = operatorList(
  '/agreements',
  'listAgreements',
  'Agreements',
  'Every convention de mécénat between a sponsor and a beneficiary, with its dates, by sponsor, beneficiary and start.',
  AgreementList,
);

/** `/inbox`, `/beneficiaries`, `/repositories`, `/sponsors`, `/agreements`: what operators watch and register. */
export function operatorApiRoutes({ db }: { db: Database }): OpenAPIHono<DashboardEnv> {
  const app = new OpenAPIHono<DashboardEnv>({ defaultHook: answerInvalidRequest });

  app.openapi(getInboxRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const refusal = checkViewer(c.get('viewer'), 'the inbox health', isOperator);
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    const [depth, rows] = await Promise.all([readInboxDepth(db), listParkedDeliveries(db, limit + 1, deliveryKeyOf(cursor))]);
    const page = pageOf(rows, limit, deliveryCursorOf);
    return c.json({ depth, parked: page.rows.map(presentParkedDelivery), nextCursor: page.nextKey }, 200);
  });

  app.openapi(listBeneficiariesRoute, async (c) => {
    const refusal = checkViewer(c.get('viewer'), 'the beneficiaries', isOperator);
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    return c.json({ beneficiaries: await listBeneficiaries(db) }, 200);
  });

  app.openapi(listRepositoriesRoute, async (c) => {
    const refusal = checkViewer(c.get('viewer'), 'the repositories', isOperator);
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    return c.json({ repositories: (await listRepositoryLinks(db)).map(presentRepositoryLink) }, 200);
  });

  app.openapi(listSponsorsRoute, async (c) => {
    const refusal = checkViewer(c.get('viewer'), 'the sponsors', isOperator);
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    return c.json({ sponsors: await listSponsors(db) }, 200);
  });

  app.openapi(listAgreementsRoute, async (c) => {
    const refusal = checkViewer(c.get('viewer'), 'the agreements', isOperator);
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    return c.json({ agreements: (await listAgreements(db)).map(presentAgreementRecord) }, 200);
  });

  return app;
}
