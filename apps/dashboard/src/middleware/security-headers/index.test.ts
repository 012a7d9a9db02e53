import { Hono, type Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS, securityHeaders } from './index';

function appWith(handler: (c: Context) => Response) {
  const app = new Hono();
  app.use('*', securityHeaders());
  app.get('/', (c) => handler(c));
  return app;
}

describe('securityHeaders', () => {
  it.each(Object.entries(SECURITY_HEADERS).map(([name, value]) => ({ name, value })))('sets $name', async ({ name, value }) => {
    const app = appWith((c) => c.html('<p>hello</p>'));

    const response = await app.request('http://localhost/');

    expect(response.headers.get(name)).toBe(value);
  });

  it("restricts every resource to the dashboard's own origin", async () => {
    const app = appWith((c) => c.html('<p>hello</p>'));

    const policy = (await app.request('http://localhost/')).headers.get('Content-Security-Policy') ?? '';

    expect(policy.split(';').map((directive) => directive.trim())).toContain("default-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('keeps a header that the handler set itself', async () => {
    const app = new Hono();
    app.use('*', securityHeaders());
    app.get('/', (c) => c.text('framed', 200, { 'X-Frame-Options': 'SAMEORIGIN' }));

    const response = await app.request('http://localhost/');

    expect(response.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('sets the headers on a 404 too', async () => {
    const app = new Hono();
    app.use('*', securityHeaders());

    const response = await app.request('http://localhost/nowhere');

    expect(response.status).toBe(404);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});
