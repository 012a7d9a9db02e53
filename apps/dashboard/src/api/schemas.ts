import { z } from '@hono/zod-openapi';
import { TASK_STATES } from '@wecena/core';
import type { TaskView } from '../queries';
import { NextCursor, RowId } from './common-schemas';

/*
 * The API's shapes, named as their types (no `Schema` suffix). They both validate what goes
 * out and write the OpenAPI document, so the document cannot drift from the answers.
 */

export const TaskState = z.enum(TASK_STATES).openapi('TaskState', {
  description: 'Where the task is in its lifecycle: candidate → ready → claimed → in_review → done; released, expired and withdrawn lead back or out.',
});

export const Task = z
  .object({
    id: RowId.openapi({ example: '42' }),
    title: z.string().openapi({ description: "The issue's title, as written on the forge.", example: 'Translate the volunteer guide into English' }),
    url: z.string().openapi({ description: 'The issue on its forge.', example: 'https://github.com/cartolibre/cartolibre/issues/12' }),
    issueNumber: z.int().positive().openapi({ description: 'The number people see: #12 on GitHub, the iid on GitLab.', example: 12 }),
    state: TaskState,
    estimateMinutes: z.int().positive().nullable().openapi({ description: "The maintainer's estimate, in minutes.", example: 240 }),
    skills: z.array(z.string()).openapi({ example: ['typescript', 'accessibility'] }),
    category: z.string().openapi({ example: 'code' }),
    repository: z
      .object({
        id: RowId,
        forge: z.enum(['github', 'gitlab']),
        host: z.string().openapi({ example: 'github.com' }),
        path: z.string().openapi({ example: 'cartolibre/cartolibre' }),
      })
      .openapi('TaskRepository'),
    beneficiary: z
      .object({ id: RowId, name: z.string().openapi({ example: 'Cartolibre' }) })
      .nullable()
      .openapi({ description: 'Whose repository it is; null until an operator assigns it.' }),
    createdAt: z.iso.datetime().openapi({ example: '2026-03-02T09:30:00.000Z' }),
    updatedAt: z.iso.datetime(),
    stateChangedAt: z.iso.datetime(),
  })
  .openapi('Task');
export type Task = z.infer<typeof Task>;

export const TaskList = z
  .object({
    tasks: z.array(Task),
    nextCursor: NextCursor,
  })
  .openapi('TaskList');
export type TaskList = z.infer<typeof TaskList>;

export const Summary = z
  .object({
    tasksByState: z.object(Object.fromEntries(TASK_STATES.map((state) => [state, z.int().nonnegative()])) as Record<(typeof TASK_STATES)[number], z.ZodInt>).openapi({
      description: 'How many tasks are in each lifecycle state, zero included.',
    }),
    donatedMinutes: z.int().openapi({
      description: 'Minutes in the contributions ledger: credits, minus reversals, with adjustments applied.',
      example: 750,
    }),
    beneficiaries: z.int().nonnegative().openapi({ example: 2 }),
    sponsors: z.int().nonnegative().openapi({ example: 1 }),
  })
  .openapi('Summary');
export type Summary = z.infer<typeof Summary>;

/** A task read from the store, as the API shows it. */
export function presentTask(task: TaskView): Task {
  return {
    ...task,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
    stateChangedAt: task.stateChangedAt.toISOString(),
  };
}

