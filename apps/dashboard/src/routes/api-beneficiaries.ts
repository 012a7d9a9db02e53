import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Database } from '@wecena/db';
import { HTTPException } from 'hono/http-exception';
import { NEEDS_SESSION, checkViewer } from '../api/access';
import { BeneficiaryOverview, presentBeneficiaryOverview } from '../api/beneficiary-schemas';
import { idParam } from '../api/common-schemas';
import { SESSION_ERRORS, answerInvalidRequest, errorResponse } from '../api/errors';
import type { DashboardEnv } from '../auth/context';
import { beneficiaryContacts } from '../auth/roles';
import { findBeneficiary, listReceived, listRepositories, readThroughput } from '../queries/beneficiary-queries';

const getBeneficiaryRoute = createRoute({
  method: 'get',
  path: '/beneficiaries/{id}',
  operationId: 'getBeneficiary',
  tags: ['beneficiaries'],
  summary: 'What a beneficiary received, and how fast its tasks get done',
  description:
    "What the beneficiary's dashboard page shows: minutes and valuation received per sponsor and year (the figures of its receipts), " +
    'the lead time of its tasks (median and 90th percentile), the tasks waiting for someone, and its repositories. ' +
    'Needs a session: a contact of the beneficiary, or an operator.',
  security: NEEDS_SESSION,
  request: { params: z.object({ id: idParam('id', 'beneficiary', '2') }) },
  responses: {
    200: { description: 'The beneficiary’s page, as data.', content: { 'application/json': { schema: BeneficiaryOverview } } },
    400: errorResponse('The id is not a beneficiary id.'),
    404: errorResponse('No beneficiary has this id (told to operators; others get 403).'),
    ...SESSION_ERRORS,
  },
});

/** `/beneficiaries/{id}`: hours and valuation received per sponsor and year, task throughput. */
export function beneficiaryApiRoutes({ db }: { db: Database }): OpenAPIHono<DashboardEnv> {
  const app = new OpenAPIHono<DashboardEnv>({ defaultHook: answerInvalidRequest });

  app.openapi(getBeneficiaryRoute, async (c) => {
    const { id } = c.req.valid('param');
    const refusal = checkViewer(c.get('viewer'), "this beneficiary's page", (viewer) => beneficiaryContacts(viewer, { beneficiaryId: id }));
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    const beneficiary = await findBeneficiary(db, id);
    if (beneficiary === null) throw new HTTPException(404, { message: `No beneficiary has id ${id}.` });
    const [received, throughput, repositories] = await Promise.all([listReceived(db, id), readThroughput(db, id), listRepositories(db, id)]);
    return c.json(presentBeneficiaryOverview({ beneficiary: { id, ...beneficiary }, received, throughput, repositories }), 200);
  });

  return app;
}
