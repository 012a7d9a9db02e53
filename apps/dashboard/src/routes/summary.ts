import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Database } from '@wecena/db';
import { PUBLIC } from '../api/access';
import { answerInvalidRequest } from '../api/errors';
import type { DashboardEnv } from '../auth/context';
import { Summary } from '../api/schemas';
import { readSummary } from '../queries';

const getSummaryRoute = createRoute({
  method: 'get',
  path: '/summary',
  operationId: 'getSummary',
  tags: ['summary'],
  summary: 'Totals at a glance',
  description: 'Tasks per lifecycle state, minutes donated (the net of the ledger), beneficiaries and sponsors. Public.',
  // Public: counts only, no name, no sponsor's or consultant's figure on its own; the home page shows them to anyone.
  security: PUBLIC,
  responses: {
    200: { description: 'The totals.', content: { 'application/json': { schema: Summary } } },
  },
});

/** `/summary`: the figures of the dashboard home. */
export function summaryRoutes({ db }: { db: Database }): OpenAPIHono<DashboardEnv> {
  const app = new OpenAPIHono<DashboardEnv>({ defaultHook: answerInvalidRequest });
  app.openapi(getSummaryRoute, async (c) => c.json(await readSummary(db), 200));
  return app;
}
