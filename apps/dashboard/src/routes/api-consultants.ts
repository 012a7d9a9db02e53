import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Database } from '@wecena/db';
import { HTTPException } from 'hono/http-exception';
import { NEEDS_SESSION, checkViewer } from '../api/access';
import { idParam } from '../api/common-schemas';
import { ConsultantOverview, presentConsultantOverview } from '../api/consultant-schemas';
import { SESSION_ERRORS, answerInvalidRequest, errorResponse } from '../api/errors';
import type { DashboardEnv } from '../auth/context';
import { consultantThemself } from '../auth/roles';
import { listContributions } from '../queries/contribution-queries';
import { findConsultant, listOpenClaims, listTimeLogs } from '../queries/consultant-queries';
import { CONSULTANT_TIME_LOGS } from './consultants';

const getConsultantRoute = createRoute({
  method: 'get',
  path: '/consultants/{id}',
  operationId: 'getConsultant',
  tags: ['consultants'],
  summary: "A consultant's claims, time and contributions",
  description:
    "What the consultant's dashboard page shows: their open claims with when each expires, the time they logged, " +
    'and their contributions with their review status (their proposals: `/consultants/{id}/proposals`). ' +
    'Needs a session: the consultant themself, or an operator.',
  security: NEEDS_SESSION,
  request: { params: z.object({ id: idParam('id', 'consultant', '3') }) },
  responses: {
    200: { description: 'The consultant’s page, as data.', content: { 'application/json': { schema: ConsultantOverview } } },
    400: errorResponse('The id is not a consultant id.'),
    404: errorResponse('No consultant has this id (told to operators; others get 403).'),
    ...SESSION_ERRORS,
  },
});

/** `/consultants/{id}`: the consultant's "what to do next", as on their page. */
export function consultantApiRoutes({ db }: { db: Database }): OpenAPIHono<DashboardEnv> {
  const app = new OpenAPIHono<DashboardEnv>({ defaultHook: answerInvalidRequest });

  app.openapi(getConsultantRoute, async (c) => {
    const { id } = c.req.valid('param');
    // The policy names the consultant in the path: only an operator learns that an id is no one's.
    const refusal = checkViewer(c.get('viewer'), "this consultant's page", (viewer) => consultantThemself(viewer, { consultantId: id }));
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    const consultant = await findConsultant(db, id);
    if (consultant === null) throw new HTTPException(404, { message: `No consultant has id ${id}.` });
    const [claims, timeLogs, contributions] = await Promise.all([
      listOpenClaims(db, id),
      listTimeLogs(db, id, CONSULTANT_TIME_LOGS),
      listContributions(db, { consultantId: id }),
    ]);
    return c.json(presentConsultantOverview({ consultant, claims, timeLogs, contributions }), 200);
  });

  return app;
}
