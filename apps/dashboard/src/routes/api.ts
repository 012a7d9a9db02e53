import { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '@wecena/db';
import type { DashboardLogger } from '../logger';
import { answerApiNotFound, apiErrorHandler, answerInvalidRequest } from '../api/errors';
import { API_BASE_PATH, API_DESCRIPTION, OPENAPI_PATH, REFERENCE_PATH } from '../api/openapi-document';
import { renderReferencePage } from '../pages/reference-page';
import { proposalsRoutes } from './proposals';
import { summaryRoutes } from './summary';
import { tasksRoutes } from './tasks';

/**
 * `/api/v1`: one router per resource, the OpenAPI document generated from their schemas, the
 * reference page rendered from that document, and JSON for every error under the prefix.
 */
export function apiRoutes({ db, logger }: { db: Database; logger: DashboardLogger }): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: answerInvalidRequest });
  api.route(API_BASE_PATH, tasksRoutes({ db }));
  api.route(API_BASE_PATH, summaryRoutes({ db }));
  api.route(API_BASE_PATH, proposalsRoutes({ db }));

  // Generated once: the routes are fixed when the app is built.
  const document = api.getOpenAPI31Document(API_DESCRIPTION);
  api.get(OPENAPI_PATH, (c) => c.json(document));
  api.get(REFERENCE_PATH, (c) => c.html(renderReferencePage(document, OPENAPI_PATH)));

  api.all(API_BASE_PATH, answerApiNotFound);
  api.all(`${API_BASE_PATH}/*`, answerApiNotFound);
  api.onError(apiErrorHandler(logger));
  return api;
}
