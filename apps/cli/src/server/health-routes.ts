import { type Database, migrationStatus } from '@wecena/db';
import type { InboxMetrics } from '@wecena/inbox';
import { Hono } from 'hono';

/** Liveness, readiness and Prometheus metrics: what an operator's probes and scrapers ask. */
export function healthRoutes(db: Database, metrics: InboxMetrics): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const problems: string[] = [];
    try {
      const status = await migrationStatus(db);
      if (status.pending.length > 0) problems.push(`migrations pending: ${status.pending.join(', ')} (run wecena migrate)`);
      if (status.mismatched.length > 0) problems.push(`migrations changed since applied: ${status.mismatched.map((m) => m.name).join(', ')}`);
    } catch {
      problems.push('database unreachable');
    }
    if (problems.length > 0) return c.json({ status: 'not_ready', problems }, 503);
    return c.json({ status: 'ready', database: db.engine });
  });
  app.get('/metrics', async (c) => {
    const text = await metrics.registry.metrics();
    return c.text(text, 200, { 'content-type': metrics.registry.contentType });
  });
  return app;
}
