import { describe, expect, it } from 'vitest';
import { transition, type IllegalTransition, type TaskEvent, type TaskState } from '../lifecycle/task-lifecycle';
import { describeIllegalTransition } from './lifecycle-messages';

function illegal(from: TaskState, event: TaskEvent): IllegalTransition {
  const result = transition(from, event);
  if (result.ok) throw new Error(`${from} accepts ${event}`);
  return result.error;
}

describe('describeIllegalTransition', () => {
  it.each([
    {
      from: 'claimed' as const,
      event: 'claim' as const,
      expected:
        'This issue is claimed, so wecena cannot claim it. Commands that apply now: `/wecena done`, `/wecena release`, `/wecena unready`.',
    },
    {
      from: 'ready' as const,
      event: 'reject' as const,
      expected: 'This issue is ready to be claimed, so wecena cannot reject its credit. Commands that apply now: `/wecena claim`, `/wecena unready`.',
    },
    {
      from: 'done' as const,
      event: 'withdraw' as const,
      expected: 'This issue is done, so wecena cannot withdraw it. Commands that apply now: `/wecena reject`.',
    },
  ])('explains $event from $from', ({ from, event, expected }) => {
    expect(describeIllegalTransition(illegal(from, event))).toBe(expected);
  });

  it('advises commands only, not what the forge or the clock does', () => {
    expect(describeIllegalTransition(illegal('expired', 'claim'))).toBe(
      'This issue is waiting to be offered again after its claim expired, so wecena cannot claim it. Commands that apply now: `/wecena unready`.',
    );
  });

  it('speaks of change requests, never of pull or merge requests', () => {
    const text = describeIllegalTransition(illegal('done', 'claim'));
    expect(text).not.toMatch(/pull request|merge request|\bPR\b|\bMR\b/i);
  });
});
