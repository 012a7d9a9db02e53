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
  TaskEvent,
  TaskState,
  type TransitionResult,
} from './task-lifecycle';
