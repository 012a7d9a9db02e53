import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { TASK_STATES } from '@wecena/core';
import type { Database } from '@wecena/db';
import { SESSION_OPTIONAL, checkViewer } from '../api/access';
import { SESSION_ERRORS, answerInvalidRequest, errorResponse, problemOf } from '../api/errors';
import type { DashboardEnv } from '../auth/context';
import { anyRole } from '../auth/roles';
import { RowIdCursor, idParam, pageLimit } from '../api/common-schemas';
import { Task, TaskList, presentTask } from '../api/schemas';
import { findTask, listTasks } from '../queries';

const TaskListQuery = z.object({
  state: z
    .enum(TASK_STATES, { error: `state must be one of ${TASK_STATES.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'state', in: 'query' }, description: 'Only tasks in this state.', example: 'ready' }),
  limit: pageLimit('Tasks'),
  cursor: RowIdCursor,
});

/*
 * Who may read tasks. A ready task is public: its maintainer marked the issue `wecena-ready`
 * to invite newcomers, the home page lists it to anyone, and a task names no consultant. Tasks
 * in the other states are not offered to the public (a candidate the maintainer has not
 * offered, a withdrawn one, an issue of a private repository once worked on): they need a
 * session with a role. No task answer names a consultant, whatever the state.
 */
const WHAT = 'tasks in every state (without a session, ask for state=ready)';

const listTasksRoute = createRoute({
  method: 'get',
  path: '/tasks',
  operationId: 'listTasks',
  tags: ['tasks'],
  summary: 'List tasks',
  description:
    'Tasks in id order, a page at a time; filter by lifecycle state. Ready tasks (`state=ready`) are public; ' +
    'without `state=ready`, the list needs a session with a role.',
  security: SESSION_OPTIONAL,
  request: { query: TaskListQuery },
  responses: {
    200: { description: 'A page of tasks.', content: { 'application/json': { schema: TaskList } } },
    400: errorResponse('A query parameter is invalid; the message says which and why.'),
    ...SESSION_ERRORS,
  },
});

const getTaskRoute = createRoute({
  method: 'get',
  path: '/tasks/{id}',
  operationId: 'getTask',
  tags: ['tasks'],
  summary: 'Get one task',
  description: 'A ready task is public; a task in any other state needs a session with a role.',
  security: SESSION_OPTIONAL,
  request: { params: z.object({ id: idParam('id', 'task', '42') }) },
  responses: {
    200: { description: 'The task.', content: { 'application/json': { schema: Task } } },
    400: errorResponse('The id is not a task id.'),
    404: errorResponse('No task has this id.'),
    ...SESSION_ERRORS,
  },
});

/** `/tasks` and `/tasks/{id}`: the issues wecena tracks. */
export function tasksRoutes({ db }: { db: Database }): OpenAPIHono<DashboardEnv> {
  const app = new OpenAPIHono<DashboardEnv>({ defaultHook: answerInvalidRequest });

  app.openapi(listTasksRoute, async (c) => {
    const { state, limit, cursor } = c.req.valid('query');
    const refusal = state === 'ready' ? null : checkViewer(c.get('viewer'), WHAT, (viewer) => anyRole(viewer, {}));
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    const page = await listTasks(db, { state, limit, afterId: cursor });
    return c.json({ tasks: page.tasks.map(presentTask), nextCursor: page.lastId }, 200);
  });

  app.openapi(getTaskRoute, async (c) => {
    const { id } = c.req.valid('param');
    const task = await findTask(db, id);
    if (task === null) return c.json(problemOf({ error: 'not_found', message: `No task has id ${id}.` }), 404);
    const refusal = task.state === 'ready' ? null : checkViewer(c.get('viewer'), `a task that is ${task.state}`, (viewer) => anyRole(viewer, {}));
    if (refusal !== null) return c.json(refusal.body, refusal.status);
    return c.json(presentTask(task), 200);
  });

  return app;
}
