import type { Database } from '@wecena/db';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { DashboardEnv } from './auth/context';
import { settleSignIn, type DashboardSignInOptions } from './auth/sign-in-options';
import { consoleLogger, type DashboardLogger } from './logger';
import { protectForms } from './middleware/form-protection';
import { securityHeaders } from './middleware/security-headers';
import { loadViewer } from './middleware/session';
import { renderNotFoundPage, renderServerErrorPage } from './pages/error-pages';
import { apiRoutes } from './routes/api';
import { assetsRoutes } from './routes/assets';
import { beneficiariesRoutes } from './routes/beneficiaries';
import { candidatesRoutes } from './routes/candidates';
import { consultantsRoutes } from './routes/consultants';
import { demoSignInRoutes } from './routes/demo-sign-in';
import { homeRoutes } from './routes/home';
import { operatorRoutes } from './routes/operator';
import { signInRoutes } from './routes/sign-in';
import { sponsorReportsRoutes } from './routes/sponsor-reports';
import { sponsorsRoutes } from './routes/sponsors';
import { tokensRoutes } from './routes/tokens';

export interface DashboardDependencies {
  db: Database;
  /** Where faults are logged; the console unless told (the server passes its pino logger). */
  logger?: DashboardLogger;
  /** Signing in (OAuth clients, SESSION_SECRET, demo). Without it the role pages refuse everyone. */
  signIn?: DashboardSignInOptions;
  /** The time of sessions, claims' expiry and ledger entries; the system clock unless told. */
  clock?: () => Date;
}

/**
 * The dashboard pages and the REST API under `/api/v1`, to mount at '/'. Mount it last: it
 * answers every path the routers before it left unanswered, with a JSON 404 under `/api/v1`
 * and a 404 page elsewhere.
 */
export function dashboardRoutes({ db, logger = consoleLogger, signIn: signInOptions, clock = () => new Date() }: DashboardDependencies): Hono {
  const signIn = settleSignIn(db, signInOptions, clock);
  const app = new Hono<DashboardEnv>();
  app.use('*', securityHeaders());
  app.route('/', assetsRoutes());
  app.use('*', loadViewer(signIn));
  app.use('*', protectForms(signIn));
  app.route('/', homeRoutes({ db }));
  app.route('/', signInRoutes(signIn, logger));
  if (signIn?.demo === true) app.route('/', demoSignInRoutes(signIn));
  app.route('/', consultantsRoutes({ db, clock }));
  app.route('/', sponsorsRoutes({ db, clock }));
  app.route('/', sponsorReportsRoutes({ db, clock }));
  app.route('/', beneficiariesRoutes({ db }));
  app.route('/', candidatesRoutes({ db, clock }));
  app.route('/', operatorRoutes({ db, clock }));
  app.route('/', tokensRoutes({ db, clock }));
  app.route('/', apiRoutes({ db, logger, clock }));
  app.all('*', (c) => c.html(renderNotFoundPage(c.req.path), 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    logger.error({ err: error, method: c.req.method, path: c.req.path }, 'dashboard page failed');
    return c.html(renderServerErrorPage(), 500);
  });
  // Mounted on a plain Hono: the server's app knows nothing of the dashboard's context variables.
  const mounted = new Hono();
  mounted.route('/', app);
  return mounted;
}
