import { z } from '@hono/zod-openapi';
import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DashboardLogger } from '../logger';
import { API_BASE_PATH, REFERENCE_PATH } from './openapi-document';

/** Machine-readable reasons an API request failed: the `code` of a problem, and the last segment of its `type`. */
export const API_ERROR_CODES = ['bad_request', 'unauthorized', 'invalid_token', 'forbidden', 'not_found', 'internal_error'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The media type of every API error (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** What each problem type means: the same title and status every time it occurs (RFC 9457 §3.1). */
export const PROBLEM_TYPES = {
  bad_request: { status: 400, title: 'Invalid request', description: 'A parameter is missing or invalid: `detail` says which and why, `issues` has one entry per parameter.' },
  unauthorized: {
    status: 401,
    title: 'Credentials needed',
    description: 'The operation needs a session or a personal API token and the request carried neither.',
  },
  invalid_token: {
    status: 401,
    title: 'Invalid API token',
    description:
      'The `Authorization` header is not `Bearer wecena_pat_…`, or the token is unknown, revoked or expired: `detail` says which. Make a new token on the dashboard.',
  },
  forbidden: { status: 403, title: 'Not allowed', description: 'Signed in, or with a valid token, but none of the roles at hand gives access to this.' },
  not_found: { status: 404, title: 'Not found', description: 'No such operation, or no such thing (a task, a consultant) as the path names.' },
  internal_error: { status: 500, title: 'Server error', description: 'A fault on the server; the details are in its log, never in the answer. Try again later.' },
} as const satisfies Record<ApiErrorCode, { status: number; title: string; description: string }>;

/** The `type` of a problem: a path of this API that leads to its documentation. */
export function problemTypeOf(code: ApiErrorCode): string {
  return `${API_BASE_PATH}/problems/${code}`;
}

/** Where the reference page documents a problem type. */
export function problemAnchorOf(code: ApiErrorCode): string {
  return `problem-${code}`;
}

const Issue = z.object({ path: z.string().openapi({ example: 'state' }), message: z.string() });
type Issue = z.infer<typeof Issue>;

/** The body of every API error: an RFC 9457 problem with a stable `code`, and what was wrong with the input. */
export const ApiError = z
  .object({
    type: z
      .string()
      .openapi({
        description: `Identifies the kind of problem: \`${API_BASE_PATH}/problems/<code>\`, relative to the API's address; it leads to its documentation.`,
        example: problemTypeOf('bad_request'),
      }),
    title: z.string().openapi({ description: 'The kind of problem in a few words, the same for every occurrence of a `type`.', example: PROBLEM_TYPES.bad_request.title }),
    status: z.int().openapi({ description: 'The HTTP status code, repeated.', example: 400 }),
    detail: z.string().openapi({
      description: 'What went wrong with this request, for people.',
      example: 'state must be one of candidate, ready, claimed, in_review, done, released, expired, withdrawn',
    }),
    code: z.enum(API_ERROR_CODES).openapi({ description: 'The last segment of `type`, for clients to branch on.', example: 'bad_request' }),
    issues: z.array(Issue).optional().openapi({ description: 'One entry per invalid input, when the request did not validate.' }),
  })
  .openapi('ApiError', { description: `An RFC 9457 problem, served as \`${PROBLEM_MEDIA_TYPE}\`.` });
export type ApiError = z.infer<typeof ApiError>;

/** What a route says about a failure; the rest of the problem follows from its code. */
export interface ApiErrorInput {
  error: ApiErrorCode;
  message: string;
  issues?: Issue[];
}

/** The problem body of a failure. */
export function problemOf({ error, message, issues }: ApiErrorInput): ApiError {
  const { status, title } = PROBLEM_TYPES[error];
  return { type: problemTypeOf(error), title, status, detail: message, code: error, ...(issues === undefined ? {} : { issues }) };
}

/** A documented error response of an operation: its description and the ApiError body. */
export function errorResponse(description: string) {
  return { description, content: { [PROBLEM_MEDIA_TYPE]: { schema: ApiError } } };
}

/** The 401 and 403 of an operation that needs a session or a token. */
export const SESSION_ERRORS = {
  401: errorResponse('No credentials (`unauthorized`), or an API token that is malformed, unknown, revoked or expired (`invalid_token`).'),
  403: errorResponse('Signed in, or with a valid token, but none of the roles at hand gives access to this.'),
};

/** Answers with a problem (`application/problem+json`); its status is the code's. */
export function respondWithError(c: Context, status: ContentfulStatusCode, body: ApiErrorInput): Response {
  return c.json({ ...problemOf(body), status }, status, { 'Content-Type': PROBLEM_MEDIA_TYPE });
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
  respondWithError(c, 404, { error: 'not_found', message: `No API operation at ${c.req.method} ${c.req.path}; see ${REFERENCE_PATH}.` });

/** Faults become problems too; the detail goes to the log, never into the response. */
export function apiErrorHandler(logger: DashboardLogger): ErrorHandler {
  return function answerApiError(error, c) {
    if (error instanceof HTTPException && error.status < 500) {
      const status = error.status === 404 ? 404 : 400;
      return respondWithError(c, status, { error: status === 404 ? 'not_found' : 'bad_request', message: error.message || 'The request failed.' });
    }
    logger.error({ err: error, method: c.req.method, path: c.req.path }, 'API request failed');
    return respondWithError(c, 500, { error: 'internal_error', message: 'Something went wrong on the server.' });
  };
}

/**
 * Routes answer their errors with `c.json(problem, status)`, typed against the responses they
 * declare; this gives every such answer its media type, once for the whole API, and says on a
 * 401 how to authenticate (RFC 9110 §11.6.1).
 */
export function problemMediaType(): MiddlewareHandler {
  return async function setProblemMediaType(c, next) {
    await next();
    if (c.res.status < 400) return;
    if (c.res.headers.get('Content-Type')?.startsWith('application/json') === true) c.res.headers.set('Content-Type', PROBLEM_MEDIA_TYPE);
    if (c.res.status === 401 && !c.res.headers.has('WWW-Authenticate')) c.res.headers.set('WWW-Authenticate', 'Bearer realm="wecena"');
  };
}

/** `GET /api/v1/problems/{code}`: a problem's `type`, dereferenced, leads to its documentation. */
export function answerProblemType(c: Context): Response {
  const asked = c.req.param('code');
  const code = API_ERROR_CODES.find((known) => known === asked);
  if (code === undefined) return respondWithError(c, 404, { error: 'not_found', message: `No problem type ${asked}; see ${REFERENCE_PATH}#problems.` });
  return c.redirect(`${REFERENCE_PATH}#${problemAnchorOf(code)}`, 302);
}
