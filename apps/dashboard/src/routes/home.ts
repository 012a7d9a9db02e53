import type { Database } from '@wecena/db';
import { Hono } from 'hono';
import { renderHomePage } from '../pages/home-page';
import { listReadyTasks, readSummary } from '../queries';

/** How many ready tasks the home page lists; the API pages through the rest. */
export const HOME_READY_TASKS = 50;

/** `/`: the dashboard home. */
export function homeRoutes({ db }: { db: Database }): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const [summary, readyTasks] = await Promise.all([readSummary(db), listReadyTasks(db, HOME_READY_TASKS)]);
    return c.html(renderHomePage({ summary, readyTasks }));
  });
  return app;
}
