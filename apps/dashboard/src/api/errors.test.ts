import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { DashboardLogger } from '../logger';
import { checkViewer } from './access';
import { API_ERROR_CODES, PROBLEM_TYPES, answerApiNotFound, answerInvalidRequest, answerProblemType, apiErrorHandler, problemMediaType } from './errors';

// A route of its own, so that zod's default messages (which name no parameter) show up too.
function appWithQuery() {
  const app = new OpenAPIHono({ defaultHook: answerInvalidRequest });
  const route = createRoute({
    method: 'get',
    path: '/things',
    request: { query: z.object({ size: z.coerce.number().int(), kind: z.enum(['a', 'b'], { error: 'kind must be a or b' }) }) },
    responses: { 200: { description: 'ok' } },
  });
  app.openapi(route, (c) => c.text('ok'));
  return app;
}

describe('answerInvalidRequest', () => {
  it('prefixes a default message with its parameter and keeps our own as written', async () => {
    const response = await appWithQuery().request('http://localhost/things?size=big&kind=c');
    const body = (await response.json()) as { code: string; detail: string; issues: Array<{ path: string; message: string }> };

    expect(response.status).toBe(400);
    expect(body.code).toBe('bad_request');
    expect(body.detail).toMatch(/^size: .+; kind must be a or b$/);
    expect(body.issues.map((issue) => issue.path)).toEqual(['size', 'kind']);
  });

  it('lets a valid request through', async () => {
    const response = await appWithQuery().request('http://localhost/things?size=2&kind=a');

    expect(response.status).toBe(200);
  });
});

/** An API as routes/api.ts builds it: a route per kind of failure, routes answering with c.json as they do. */
function appFailingEveryWay(logged: unknown[]) {
  const logger: DashboardLogger = { error: (meta, message) => logged.push({ meta, message }) };
  const app = new OpenAPIHono({ defaultHook: answerInvalidRequest });
  app.use('/api/v1/*', problemMediaType());
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/things', request: { query: z.object({ size: z.coerce.number().int() }) }, responses: { 200: { description: 'ok' } } }),
    (c) => c.text('ok'),
  );
  app.get('/api/v1/private', (c) => {
    const refusal = checkViewer(c.req.query('as') === 'someone' ? { displayName: 'Ana', identity: null, roles: [] } : null, 'private things', () => false);
    return refusal === null ? c.text('ok') : c.json(refusal.body, refusal.status);
  });
  app.get('/api/v1/broken', () => {
    throw new Error('the database is on fire at 10.0.0.7');
  });
  app.get('/api/v1/problems/:code', answerProblemType);
  app.all('/api/v1/*', answerApiNotFound);
  app.onError(apiErrorHandler(logger));
  return app;
}

describe('problems (RFC 9457)', () => {
  const logged: unknown[] = [];
  const app = appFailingEveryWay(logged);

  it.each([
    { name: 'an invalid parameter', path: '/api/v1/things?size=big', status: 400, code: 'bad_request', detail: /^size: / },
    { name: 'no credentials', path: '/api/v1/private', status: 401, code: 'unauthorized', detail: /Sign in to the dashboard, or send a personal API token/ },
    { name: 'a role short', path: '/api/v1/private?as=someone', status: 403, code: 'forbidden', detail: /None of your roles lets you read private things/ },
    { name: 'no such operation', path: '/api/v1/nothing', status: 404, code: 'not_found', detail: /No API operation at GET \/api\/v1\/nothing/ },
    { name: 'a fault', path: '/api/v1/broken', status: 500, code: 'internal_error', detail: /^Something went wrong on the server\.$/ },
  ])('answers $name with a $status problem', async ({ path, status, code, detail }) => {
    const response = await app.request(`http://localhost${path}`);
    const body = (await response.json()) as Record<string, unknown>;

    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(body).toMatchObject({ type: `/api/v1/problems/${code}`, title: PROBLEM_TYPES[code as keyof typeof PROBLEM_TYPES].title, status, code });
    expect(body.detail).toMatch(detail);
  });

  it('keeps the per-parameter issues on a 400 only', async () => {
    const invalid = (await (await app.request('http://localhost/api/v1/things?size=big')).json()) as Record<string, unknown>;
    const refused = (await (await app.request('http://localhost/api/v1/private')).json()) as Record<string, unknown>;

    expect(invalid.issues).toEqual([{ path: 'size', message: expect.any(String) }]);
    expect(refused).not.toHaveProperty('issues');
  });

  it('says how to authenticate on a 401', async () => {
    const response = await app.request('http://localhost/api/v1/private');

    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="wecena"');
  });

  it('keeps a fault in the log, out of the answer', async () => {
    logged.length = 0;
    const text = await (await app.request('http://localhost/api/v1/broken')).text();

    expect(text).not.toContain('10.0.0.7');
    expect(logged).toHaveLength(1);
  });

  it.each(API_ERROR_CODES)('leads the type of %s to its documentation', async (code) => {
    const response = await app.request(`http://localhost/api/v1/problems/${code}`);

    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe(`/api/v1/reference#problem-${code}`);
  });

  it('answers an unknown problem type with a 404 problem', async () => {
    const response = await app.request('http://localhost/api/v1/problems/teapot');

    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  });
});
