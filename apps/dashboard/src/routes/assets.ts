import { Hono } from 'hono';
import { STYLESHEET_PATH } from '../pages/layout';
import { STYLESHEET } from '../pages/stylesheet';

/** The stylesheet, from a route of ours: no CDN, and the CSP needs no inline style. */
export function assetsRoutes(): Hono {
  const app = new Hono();
  app.get(STYLESHEET_PATH, (c) =>
    c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300' }),
  );
  return app;
}
