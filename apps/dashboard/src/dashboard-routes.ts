import type { Database } from '@wecena/db';
import { Hono } from 'hono';
import { consoleLogger, type DashboardLogger } from './logger';
import { securityHeaders } from './middleware/security-headers';
import { renderNotFoundPage, renderServerErrorPage } from './pages/error-pages';
import { apiRoutes } from './routes/api';
import { assetsRoutes } from './routes/assets';
import { homeRoutes } from './routes/home';

export interface DashboardDependencies {
  db: Database;
  /** Where faults are logged; the console unless told (the server passes its pino logger). */
  logger?: DashboardLogger;
}

/**
 * The dashboard pages and the REST API under `/api/v1`, to mount at '/'. Mount it last: it
 * answers every path the routers before it left unanswered, with a JSON 404 under `/api/v1`
 * and a 404 page elsewhere.
 */
export function dashboardRoutes({ db, logger = consoleLogger }: DashboardDependencies): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());
  app.route('/', assetsRoutes());
  app.route('/', homeRoutes({ db }));
  app.route('/', apiRoutes({ db, logger }));
  app.all('*', (c) => c.html(renderNotFoundPage(c.req.path), 404));
  app.onError((error, c) => {
    logger.error({ err: error, method: c.req.method, path: c.req.path }, 'dashboard page failed');
    return c.html(renderServerErrorPage(), 500);
  });
  return app;
}
