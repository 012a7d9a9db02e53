import { z } from '@hono/zod-openapi';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DashboardLogger } from '../logger';

/** Machine-readable reasons an API request failed. */
export const API_ERROR_CODES = ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'internal_error'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The body of every API error: a stable code, a sentence for people, and what was wrong with the input. */
export const ApiError = z
  .object({
    error: z.enum(API_ERROR_CODES).openapi({ example: 'bad_request' }),
    message: z.string().openapi({ example: 'state must be one of candidate, ready, claimed, in_review, done, released, expired, withdrawn' }),
    issues: z
      .array(z.object({ path: z.string().openapi({ example: 'state' }), message: z.string() }))
      .optional()
      .openapi({ description: 'One entry per invalid input, when the request did not validate.' }),
  })
  .openapi('ApiError');
export type ApiError = z.infer<typeof ApiError>;

/** A documented error response of an operation: its description and the ApiError body. */
export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ApiError } } };
}

/** The 401 and 403 of an operation that needs a session. */
export const SESSION_ERRORS = {
  401: errorResponse('No session: sign in to the dashboard first (the session cookie is sent by the browser).'),
  403: errorResponse('Signed in, but none of your roles gives access to this.'),
};

/** Answers with an ApiError body. */
export function respondWithError(c: Context, status: ContentfulStatusCode, body: ApiError): Response {
  return c.json(body, status);
}

/**
 * The `defaultHook` of every API router: a request that does not validate gets a 400 that says
 * which parameter was wrong and why, one issue per parameter.
 */
export function answerInvalidRequest(result: { success: true } | { success: false; error: z.ZodError }, c: Context): Response | undefined {
  if (result.success) return undefined;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(request)',
    message: issue.message,
  }));
  // Our own messages name their parameter ("limit must be…"); zod's defaults do not.
  const message = issues
    .map((issue) => (issue.path === '(request)' || issue.message.startsWith(`${issue.path} `) ? issue.message : `${issue.path}: ${issue.message}`))
    .join('; ');
  return respondWithError(c, 400, { error: 'bad_request', message, issues });
}

/** Any path under the API that no route answers. */
export const answerApiNotFound: NotFoundHandler = (c) =>
  respondWithError(c, 404, { error: 'not_found', message: `No API operation at ${c.req.method} ${c.req.path}; see /api/v1/reference.` });

/** Faults become JSON too; the detail goes to the log, never into the response. */
export function apiErrorHandler(logger: DashboardLogger): ErrorHandler {
  return function answerApiError(error, c) {
    if (error instanceof HTTPException && error.status < 500) {
      const status = error.status === 404 ? 404 : 400;
      const code: ApiErrorCode = status === 404 ? 'not_found' : 'bad_request';
      return respondWithError(c, status, { error: code, message: error.message || 'The request failed.' });
    }
    logger.error({ err: error, method: c.req.method, path: c.req.path }, 'API request failed');
    return respondWithError(c, 500, { error: 'internal_error', message: 'Something went wrong on the server.' });
  };
}
