export { countTasksByState, readSummary, type Summary } from './summary-queries';
export { findTask, listReadyTasks, listTasks, type ListTasksInput, type TaskPage, type TaskView } from './task-queries';
