import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Database } from '@wecena/db';
import { answerInvalidRequest } from '../api/errors';
import { Summary } from '../api/schemas';
import { readSummary } from '../queries';

const getSummaryRoute = createRoute({
  method: 'get',
  path: '/summary',
  operationId: 'getSummary',
  tags: ['summary'],
  summary: 'Totals at a glance',
  description: 'Tasks per lifecycle state, minutes donated (the net of the ledger), beneficiaries and sponsors.',
  responses: {
    200: { description: 'The totals.', content: { 'application/json': { schema: Summary } } },
  },
});

/** `/summary`: the figures of the dashboard home. */
export function summaryRoutes({ db }: { db: Database }): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: answerInvalidRequest });
  app.openapi(getSummaryRoute, async (c) => c.json(await readSummary(db), 200));
  return app;
}
