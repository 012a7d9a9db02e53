import type { IllegalTransition, TaskEvent, TaskState } from '../lifecycle/task-lifecycle';

/** How a task's state reads in a reply: "This issue is claimed." */
export const TASK_STATE_LABELS = {
  candidate: 'not offered on wecena yet',
  ready: 'ready to be claimed',
  claimed: 'claimed',
  in_review: 'claimed, with a change request under review',
  done: 'done',
  released: 'waiting to be offered again after its consultant released it',
  expired: 'waiting to be offered again after its claim expired',
  withdrawn: 'withdrawn from wecena',
} as const satisfies Record<TaskState, string>;

/** What each event asks for, as the object of "cannot ...". */
export const TASK_EVENT_LABELS = {
  mark_ready: 'mark it ready',
  claim: 'claim it',
  open_change_request: 'put it in review',
  close_change_request: 'take it out of review',
  merge: 'count a merged change request for it',
  confirm: 'confirm it done',
  release: 'release it',
  expire: 'let its claim expire',
  recall: 'recall its consultant',
  reopen: 'offer it again',
  withdraw: 'withdraw it',
  reject: 'reject its credit',
} as const satisfies Record<TaskEvent, string>;

/**
 * The comment command behind each event a person can cause; the others (merge, expiry, recall...)
 * come from the forge, the clock or the sponsor, and are no advice to give in a reply.
 */
const EVENT_COMMANDS = {
  mark_ready: '/wecena ready',
  withdraw: '/wecena unready',
  claim: '/wecena claim',
  release: '/wecena release',
  confirm: '/wecena done',
  reject: '/wecena reject',
} as const satisfies Partial<Record<TaskEvent, string>>;

function commandFor(event: TaskEvent): string | undefined {
  const commands: Partial<Record<TaskEvent, string>> = EVENT_COMMANDS;
  return commands[event];
}

/** A reply to an illegal move, for the person whose command caused it. */
export function describeIllegalTransition(error: IllegalTransition): string {
  const commands = error.allowed.flatMap((event) => {
    const command = commandFor(event);
    return command === undefined ? [] : [`\`${command}\``];
  });
  const advice = commands.length === 0 ? '' : ` Commands that apply now: ${commands.join(', ')}.`;
  return `This issue is ${TASK_STATE_LABELS[error.from]}, so wecena cannot ${TASK_EVENT_LABELS[error.event]}.${advice}`;
}
