import { describe, expect, it } from 'vitest';
import type { TaskSnapshot } from './journey-types';
import { withForgeTrackedTime } from './forge-tracked-time';

const task: TaskSnapshot = {
  id: '1',
  issueNumber: 12,
  title: 'Translate the volunteer guide',
  url: 'https://gitlab.com/cartolibre/atlas/-/issues/12',
  state: 'claimed',
  estimateMinutes: 240,
  skills: [],
  category: 'content',
  openClaim: null,
  handoffs: [],
  loggedTime: [
    { consultantId: '7', login: 'camille', minutes: 150 },
    { consultantId: '8', login: 'dominique', minutes: 30 },
  ],
  credits: [],
};

describe("a forge's own time log beside wecena's", () => {
  it.each([
    { name: 'counts the forge log when it is larger', consultantId: '7', forgeMinutes: 180, expected: 180 },
    { name: "keeps wecena's log when it is larger", consultantId: '7', forgeMinutes: 90, expected: 150 },
    { name: 'never adds the two', consultantId: '7', forgeMinutes: 150, expected: 150 },
    { name: 'counts the forge log of a consultant who logged nothing with wecena', consultantId: '9', forgeMinutes: 60, expected: 60 },
  ])('$name', ({ consultantId, forgeMinutes, expected }) => {
    const result = withForgeTrackedTime(task, consultantId, 'alex', forgeMinutes);
    expect(result.loggedTime.find((entry) => entry.consultantId === consultantId)?.minutes).toBe(expected);
    expect(result.loggedTime.find((entry) => entry.consultantId === '8')?.minutes).toBe(30);
  });

  it('leaves the task as it was when the forge logged nothing', () => {
    expect(withForgeTrackedTime(task, '9', 'alex', 0)).toBe(task);
  });
});
