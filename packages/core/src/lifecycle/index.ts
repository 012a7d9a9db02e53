export {
  TASK_EVENTS,
  TASK_STATES,
  TASK_TRANSITIONS,
  allowedEvents,
  canTransition,
  isTaskEvent,
  isTaskState,
  transition,
  type IllegalTransition,
  type TaskEvent,
  type TaskState,
  type TransitionResult,
} from './task-lifecycle';
