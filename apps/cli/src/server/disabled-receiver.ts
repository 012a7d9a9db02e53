import { Hono } from 'hono';

/** A forge that is not configured answers its webhook path plainly instead of 404. */
export function disabledReceiver(path: string, howToEnable: string): Hono {
  const app = new Hono();
  app.post(path, (c) => c.json({ error: `this integration is off: ${howToEnable}` }, 503));
  return app;
}
