import { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '@wecena/db';
import type { DashboardEnv } from '../auth/context';
import { SESSION_COOKIE } from '../auth/context';
import type { DashboardLogger } from '../logger';
import { SESSION_SCHEME, TOKEN_SCHEME } from '../api/access';
import { answerApiNotFound, answerInvalidRequest, answerProblemType, apiErrorHandler, problemMediaType } from '../api/errors';
import { API_BASE_PATH, API_DESCRIPTION, OPENAPI_PATH, REFERENCE_PATH } from '../api/openapi-document';
import { renderReferencePage } from '../pages/reference-page';
import { beneficiaryApiRoutes } from './api-beneficiaries';
import { consultantApiRoutes } from './api-consultants';
import { operatorApiRoutes } from './api-operator';
import { reportApiRoutes } from './api-reports';
import { sponsorApiRoutes } from './api-sponsors';
import { proposalsRoutes } from './proposals';
import { summaryRoutes } from './summary';
import { tasksRoutes } from './tasks';

/**
 * `/api/v1`: one router per resource, the OpenAPI document generated from their schemas, the
 * reference page rendered from that document, and a problem (RFC 9457) for every error under the prefix.
 */
export function apiRoutes({ db, logger, clock = () => new Date() }: { db: Database; logger: DashboardLogger; clock?: () => Date }): OpenAPIHono<DashboardEnv> {
  const api = new OpenAPIHono<DashboardEnv>({ defaultHook: answerInvalidRequest });
  // `/api/v1/*` matches `/api/v1` itself too.
  api.use(`${API_BASE_PATH}/*`, problemMediaType());
  api.openAPIRegistry.registerComponent('securitySchemes', SESSION_SCHEME, {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      `The dashboard's session cookie, set by signing in with GitHub or GitLab (\`__Host-${SESSION_COOKIE}\` when served over HTTPS). ` +
      'Deny by default: an operation that needs it answers 401 without a session and 403 when none of your roles gives access.',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', TOKEN_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'wecena_pat_…',
    description:
      'A personal API token, sent as `Authorization: Bearer wecena_pat_…`: made on the dashboard at `/tokens` by someone signed in, shown once, revocable there. ' +
      'It carries the roles chosen when it was made, and of those only the ones its owner still holds at each request. ' +
      'A malformed, unknown, revoked or expired token answers 401 (`invalid_token`) on every operation, public ones included. Pages and forms ignore it.',
  });
  api.route(API_BASE_PATH, tasksRoutes({ db }));
  api.route(API_BASE_PATH, summaryRoutes({ db }));
  api.route(API_BASE_PATH, proposalsRoutes({ db }));
  api.route(API_BASE_PATH, consultantApiRoutes({ db }));
  api.route(API_BASE_PATH, sponsorApiRoutes({ db, clock }));
  api.route(API_BASE_PATH, reportApiRoutes({ db, clock }));
  api.route(API_BASE_PATH, beneficiaryApiRoutes({ db }));
  api.route(API_BASE_PATH, operatorApiRoutes({ db }));

  // Generated once: the routes are fixed when the app is built.
  const document = api.getOpenAPI31Document(API_DESCRIPTION);
  api.get(OPENAPI_PATH, (c) => c.json(document));
  api.get(REFERENCE_PATH, (c) => c.html(renderReferencePage(document, OPENAPI_PATH)));
  api.get(`${API_BASE_PATH}/problems/:code`, answerProblemType);

  api.all(API_BASE_PATH, answerApiNotFound);
  api.all(`${API_BASE_PATH}/*`, answerApiNotFound);
  api.onError(apiErrorHandler(logger));
  return api;
}
