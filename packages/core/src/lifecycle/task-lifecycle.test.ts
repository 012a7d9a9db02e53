import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TASK_EVENTS,
  TASK_STATES,
  TASK_TRANSITIONS,
  allowedEvents,
  transition,
  type TaskEvent,
  type TaskState,
} from './task-lifecycle';

// Written out by hand from DESIGN.md, independently of TASK_TRANSITIONS: every pair that is
// not listed here must be rejected.
const EXPECTED_EDGES: ReadonlyArray<readonly [TaskState, TaskEvent, TaskState]> = [
  ['candidate', 'mark_ready', 'ready'],
  ['candidate', 'withdraw', 'withdrawn'],
  ['ready', 'claim', 'claimed'],
  ['ready', 'withdraw', 'withdrawn'],
  ['claimed', 'open_change_request', 'in_review'],
  ['claimed', 'merge', 'done'],
  ['claimed', 'confirm', 'done'],
  ['claimed', 'release', 'released'],
  ['claimed', 'expire', 'expired'],
  ['claimed', 'recall', 'released'],
  ['claimed', 'withdraw', 'withdrawn'],
  ['in_review', 'open_change_request', 'in_review'],
  ['in_review', 'close_change_request', 'claimed'],
  ['in_review', 'merge', 'done'],
  ['in_review', 'confirm', 'done'],
  ['in_review', 'release', 'released'],
  ['in_review', 'expire', 'expired'],
  ['in_review', 'recall', 'released'],
  ['in_review', 'withdraw', 'withdrawn'],
  ['done', 'reject', 'done'],
  ['released', 'reopen', 'ready'],
  ['released', 'withdraw', 'withdrawn'],
  ['expired', 'reopen', 'ready'],
  ['expired', 'withdraw', 'withdrawn'],
  ['withdrawn', 'mark_ready', 'ready'],
];

function expectedNext(state: TaskState, event: TaskEvent): TaskState | null {
  const edge = EXPECTED_EDGES.find(([from, on]) => from === state && on === event);
  return edge ? edge[2] : null;
}

const ALL_PAIRS = TASK_STATES.flatMap((state) =>
  TASK_EVENTS.map((event) => ({ state, event, expected: expectedNext(state, event) })),
);

describe('transition', () => {
  it('covers every state and event', () => {
    expect(ALL_PAIRS).toHaveLength(TASK_STATES.length * TASK_EVENTS.length);
  });

  it.each(ALL_PAIRS.filter((pair) => pair.expected !== null))(
    'accepts $event from $state, reaching $expected',
    ({ state, event, expected }) => {
      expect(transition(state, event)).toEqual({ ok: true, state: expected });
    },
  );

  it.each(ALL_PAIRS.filter((pair) => pair.expected === null))('rejects $event from $state', ({ state, event }) => {
    const allowed = TASK_EVENTS.filter((candidate) => expectedNext(state, candidate) !== null);

    expect(transition(state, event)).toEqual({
      ok: false,
      error: { code: 'illegal_transition', from: state, event, allowed },
    });
  });

  it('has no edge that the expected table lacks', () => {
    const implemented = TASK_STATES.flatMap((state) =>
      allowedEvents(state).map((event) => `${state} --${event}--> ${String(TASK_TRANSITIONS[state][event as never])}`),
    );
    const expected = EXPECTED_EDGES.map(([from, on, to]) => `${from} --${on}--> ${to}`);

    expect(implemented.sort()).toEqual(expected.slice().sort());
  });

  it('keeps done final: reject is its only event and leaves the task done', () => {
    expect(allowedEvents('done')).toEqual(['reject']);
  });

  it('never throws and only moves along table edges, whatever the sequence of events', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TASK_STATES), fc.array(fc.constantFrom(...TASK_EVENTS), { maxLength: 60 }), (start, events) => {
        let state: TaskState = start;
        for (const event of events) {
          const result = transition(state, event);
          const expected = expectedNext(state, event);
          if (result.ok) {
            expect(result.state).toBe(expected);
            state = result.state;
          } else {
            expect(expected).toBeNull();
            expect(result.error.allowed).not.toContain(event);
          }
        }
      }),
    );
  });

  it('reaches every state from candidate', () => {
    const seen = new Set<TaskState>(['candidate']);
    const queue: TaskState[] = ['candidate'];
    for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
      for (const event of allowedEvents(state)) {
        const result = transition(state, event);
        if (result.ok && !seen.has(result.state)) {
          seen.add(result.state);
          queue.push(result.state);
        }
      }
    }

    expect([...seen].sort()).toEqual([...TASK_STATES].sort());
  });
});
