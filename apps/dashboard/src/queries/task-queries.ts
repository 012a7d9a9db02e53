import { TASK_STATES, type TaskState } from '@wecena/core';
import type { Queryable } from '@wecena/db';
import { z } from '@hono/zod-openapi';
import { pageOf } from './page';

/** A task as the dashboard reads it: the issue, where it lives and whose it is. */
export interface TaskView {
  id: string;
  title: string;
  url: string;
  issueNumber: number;
  state: TaskState;
  estimateMinutes: number | null;
  skills: string[];
  category: string;
  repository: { id: string; forge: 'github' | 'gitlab'; host: string; path: string };
  beneficiary: { id: string; name: string } | null;
  createdAt: Date;
  updatedAt: Date;
  stateChangedAt: Date;
}

// Raw rows are an edge: parsed, with only the columns we read.
const TaskRow = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  issue_number: z.number(),
  state: z.enum(TASK_STATES),
  estimate_minutes: z.number().nullable(),
  skills: z.array(z.string()),
  category: z.string(),
  repository_id: z.string(),
  forge: z.enum(['github', 'gitlab']),
  host: z.string(),
  path: z.string(),
  beneficiary_id: z.string().nullable(),
  beneficiary_name: z.string().nullable(),
  created_at: z.date(),
  updated_at: z.date(),
  state_changed_at: z.date(),
});

const TASK_COLUMNS = `
  t.id, t.title, t.url, t.issue_number, t.state, t.estimate_minutes, t.skills, t.category,
  t.created_at, t.updated_at, t.state_changed_at,
  r.id AS repository_id, r.forge, r.host, r.path,
  b.id AS beneficiary_id, b.name AS beneficiary_name
  FROM tasks t
  JOIN repositories r ON r.id = t.repository_id
  LEFT JOIN beneficiaries b ON b.id = r.beneficiary_id`;

function toTaskView(raw: unknown): TaskView {
  const row = TaskRow.parse(raw);
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    issueNumber: row.issue_number,
    state: row.state,
    estimateMinutes: row.estimate_minutes,
    skills: row.skills,
    category: row.category,
    repository: { id: row.repository_id, forge: row.forge, host: row.host, path: row.path },
    beneficiary: row.beneficiary_id !== null && row.beneficiary_name !== null ? { id: row.beneficiary_id, name: row.beneficiary_name } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    stateChangedAt: row.state_changed_at,
  };
}

export interface ListTasksInput {
  state?: TaskState;
  limit: number;
  /** Only tasks whose id is greater than this one: the last id of the previous page. */
  afterId?: string;
}

export interface TaskPage {
  tasks: TaskView[];
  /** The id to pass as `afterId` for the next page, or null on the last page. */
  lastId: string | null;
}

/**
 * Tasks in id order, one page at a time (keyset pagination: a page stays right while tasks
 * are added). Reads one row more than asked to know whether another page follows.
 */
export async function listTasks(db: Queryable, input: ListTasksInput): Promise<TaskPage> {
  const { rows } = await db.query(
    `SELECT ${TASK_COLUMNS}
      WHERE ($1::text IS NULL OR t.state = $1) AND ($2::bigint IS NULL OR t.id > $2::bigint)
      ORDER BY t.id
      LIMIT $3`,
    [input.state ?? null, input.afterId ?? null, input.limit + 1],
  );
  const page = pageOf(rows.map(toTaskView), input.limit, (task) => task.id);
  return { tasks: page.rows, lastId: page.nextKey };
}

/** The task with this id, or null. */
export async function findTask(db: Queryable, id: string): Promise<TaskView | null> {
  const { rows } = await db.query(`SELECT ${TASK_COLUMNS} WHERE t.id = $1::bigint`, [id]);
  return rows[0] === undefined ? null : toTaskView(rows[0]);
}

/** Ready tasks, the most recently offered first: what a consultant can pick up today. */
export async function listReadyTasks(db: Queryable, limit: number): Promise<TaskView[]> {
  const { rows } = await db.query(
    `SELECT ${TASK_COLUMNS} WHERE t.state = 'ready' ORDER BY t.state_changed_at DESC, t.id DESC LIMIT $1`,
    [limit],
  );
  return rows.map(toTaskView);
}
