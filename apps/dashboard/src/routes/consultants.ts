import type { Database } from '@wecena/db';
import { Hono } from 'hono';
import type { DashboardEnv } from '../auth/context';
import { chromeOf, guard } from '../auth/guard';
import { consultantThemself } from '../auth/roles';
import { renderNotFoundPage } from '../pages/error-pages';
import { renderConsultantPage } from '../pages/consultant-page';
import { listContributions } from '../queries/contribution-queries';
import { findConsultant, listOpenClaims, listProposals, listTimeLogs } from '../queries/consultant-queries';

/** How many time logs the consultant's page lists. */
export const CONSULTANT_TIME_LOGS = 30;

/** `/consultants/:consultantId`: the consultant's "what to do next". */
export function consultantsRoutes({ db, clock }: { db: Database; clock: () => Date }): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.get('/consultants/:consultantId{[1-9][0-9]{0,17}}', guard(consultantThemself), async (c) => {
    const consultantId = c.req.param('consultantId');
    const consultant = await findConsultant(db, consultantId);
    if (consultant === null) return c.html(renderNotFoundPage(c.req.path), 404);
    const [proposals, claims, timeLogs, contributions] = await Promise.all([
      listProposals(db, consultantId),
      listOpenClaims(db, consultantId),
      listTimeLogs(db, consultantId, CONSULTANT_TIME_LOGS),
      listContributions(db, { consultantId }),
    ]);
    return c.html(renderConsultantPage({ consultant, proposals, claims, timeLogs, contributions, now: clock(), signedIn: chromeOf(c) }));
  });
  return app;
}
