import { z } from 'zod';
import { TaskState } from '../lifecycle/task-lifecycle';
import { Id, Minutes, Tag, Text, WebUrl } from './primitives';

export const TASK_CATEGORIES = [
  'code',
  'content',
  'data',
  'accessibility',
  'design',
  'translation',
  'training',
  'other',
] as const;
export const TaskCategory = z.enum(TASK_CATEGORIES);
export type TaskCategory = z.infer<typeof TaskCategory>;

/** One issue in the task lifecycle. */
export const Task = z.object({
  id: Id,
  repositoryId: Id,
  /** The number users see: #12 on GitHub, the iid on GitLab. */
  issueNumber: z.int().positive(),
  title: Text,
  url: WebUrl,
  state: TaskState,
  /** Null while a candidate has no estimate; readiness asks for one. */
  estimateMinutes: Minutes.nullable(),
  skills: z.array(Tag),
  category: TaskCategory,
});
export type Task = z.infer<typeof Task>;
