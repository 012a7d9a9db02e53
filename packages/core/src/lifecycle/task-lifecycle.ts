import { z } from 'zod';

/**
 * The task lifecycle as an explicit table: one row per state, one edge per event.
 * Everything the core may do to a task's state is written here, so the table is the
 * specification and `transition` only reads it.
 */

export const TASK_STATES = [
  'candidate',
  'ready',
  'claimed',
  'in_review',
  'done',
  'released',
  'expired',
  'withdrawn',
] as const;

/** Also a schema, for the edges that read a stored or reported state. */
export const TaskState = z.enum(TASK_STATES);
export type TaskState = z.infer<typeof TaskState>;

export const TASK_EVENTS = [
  /** A maintainer labels the issue `wecena-ready` or comments `/wecena ready`. */
  'mark_ready',
  /** A consultant comments `/wecena claim` (or accepts a pairing proposal). */
  'claim',
  /** The claimant opens a change request that refers to the issue. */
  'open_change_request',
  /** A change request of the claimant is closed without being merged. */
  'close_change_request',
  /** A change request that closes the issue is merged. */
  'merge',
  /** A maintainer confirms non-code work with `/wecena done <duration>`. */
  'confirm',
  /** The claimant hands the task back with `/wecena release <handoff note>`. */
  'release',
  /** The claim reached its expiry (claim TTL or end of the availability window). */
  'expire',
  /** The sponsor calls the consultant back to a client mission. */
  'recall',
  /** A released or expired task is offered again. */
  'reopen',
  /** A maintainer comments `/wecena unready` or removes the `wecena-ready` label. */
  'withdraw',
  /** A maintainer withdraws the credit with `/wecena reject <reason>`. */
  'reject',
] as const;

export const TaskEvent = z.enum(TASK_EVENTS);
export type TaskEvent = z.infer<typeof TaskEvent>;

/**
 * Decisions worth knowing before reading the table:
 *
 * - `released` and `expired` are real states left by an explicit `reopen`, not transient
 *   states the core skips over. Each event then moves along exactly one edge, the task's
 *   history says how the last claim ended (what the status comment and the next consultant
 *   need: the handoff note, or the fact that nobody left one), and a caller may hold a task
 *   there, for instance when a repository asks a maintainer to look before a relay. The
 *   worker fires `reopen` right after `release`, `expire` or `recall` by default, because
 *   relays between volunteers are the point of wecena.
 * - `recall` has no state of its own: for the task it is a release made by the sponsor rather
 *   than by the consultant, and the claim records the difference (`endedHow: 'recalled'`).
 * - `merge` and `confirm` are accepted from `claimed` as well as `in_review`: a change request
 *   may be merged before wecena saw it opened (a missed delivery, a link added later), and
 *   non-code work never has one.
 * - A second change request for the same task keeps it `in_review` (a self-loop), and closing
 *   one unmerged returns the task to `claimed`: the claimant still holds it. The caller sends
 *   `close_change_request` only when no other change request of the task remains open.
 * - `done` is final. `reject` only reverses the ledger entry: the work did land, and reopening
 *   the task would invite a second credit for the same issue. It is a self-loop on `done`, so
 *   that rejecting credit for a task that earned none is an illegal move with a clear reply.
 * - Any state but `done` can be `withdraw`n, and `withdrawn` goes back to `ready` when a
 *   maintainer marks it ready again.
 */
export const TASK_TRANSITIONS = {
  candidate: { mark_ready: 'ready', withdraw: 'withdrawn' },
  ready: { claim: 'claimed', withdraw: 'withdrawn' },
  claimed: {
    open_change_request: 'in_review',
    merge: 'done',
    confirm: 'done',
    release: 'released',
    expire: 'expired',
    recall: 'released',
    withdraw: 'withdrawn',
  },
  in_review: {
    open_change_request: 'in_review',
    close_change_request: 'claimed',
    merge: 'done',
    confirm: 'done',
    release: 'released',
    expire: 'expired',
    recall: 'released',
    withdraw: 'withdrawn',
  },
  done: { reject: 'done' },
  released: { reopen: 'ready', withdraw: 'withdrawn' },
  expired: { reopen: 'ready', withdraw: 'withdrawn' },
  withdrawn: { mark_ready: 'ready' },
} as const satisfies Record<TaskState, Partial<Record<TaskEvent, TaskState>>>;

/** An event that the task's current state does not accept: an expected outcome, not a fault. */
export interface IllegalTransition {
  code: 'illegal_transition';
  from: TaskState;
  event: TaskEvent;
  /** The events `from` does accept, in the order of `TASK_EVENTS`. */
  allowed: TaskEvent[];
}

export type TransitionResult = { ok: true; state: TaskState } | { ok: false; error: IllegalTransition };

/** Reads the table without widening it to the literal types of each row. */
function nextState(state: TaskState, event: TaskEvent): TaskState | undefined {
  const row: Partial<Record<TaskEvent, TaskState>> = TASK_TRANSITIONS[state];
  return row[event];
}

/** The events that `state` accepts, in the order of `TASK_EVENTS`. */
export function allowedEvents(state: TaskState): TaskEvent[] {
  return TASK_EVENTS.filter((event) => nextState(state, event) !== undefined);
}

export function canTransition(state: TaskState, event: TaskEvent): boolean {
  return nextState(state, event) !== undefined;
}

/** Moves a task along one edge of the table. Never throws: an illegal move is a typed value. */
export function transition(state: TaskState, event: TaskEvent): TransitionResult {
  const next = nextState(state, event);
  if (next === undefined) {
    return { ok: false, error: { code: 'illegal_transition', from: state, event, allowed: allowedEvents(state) } };
  }
  return { ok: true, state: next };
}

export function isTaskState(value: string): value is TaskState {
  return (TASK_STATES as readonly string[]).includes(value);
}

export function isTaskEvent(value: string): value is TaskEvent {
  return (TASK_EVENTS as readonly string[]).includes(value);
}
