import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { answerInvalidRequest } from './errors';

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
    const body = (await response.json()) as { error: string; message: string; issues: Array<{ path: string; message: string }> };

    expect(response.status).toBe(400);
    expect(body.error).toBe('bad_request');
    expect(body.message).toMatch(/^size: .+; kind must be a or b$/);
    expect(body.issues.map((issue) => issue.path)).toEqual(['size', 'kind']);
  });

  it('lets a valid request through', async () => {
    const response = await appWithQuery().request('http://localhost/things?size=2&kind=a');

    expect(response.status).toBe(200);
  });
});
