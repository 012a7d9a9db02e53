import { describe, expect, it } from 'vitest';
import { countDaysLeft, findAvailability } from './availability';
import type { PairingConsultant, PairingTask } from './model';
import { describeTerm, scorePair } from './score';

const NOW = '2026-03-02T09:00:00Z';
const TODAY = '2026-03-02';

const ada: PairingConsultant = {
  id: 'ada',
  skills: [
    { name: 'typescript', level: 3 },
    { name: 'css', level: 1 },
  ],
  languages: ['fr', 'en'],
  causes: ['education'],
  windows: [{ from: '2026-03-01', to: '2026-03-03', minutesPerDay: 240 }],
  openClaimsLimit: 2,
  openClaims: 0,
  committedMinutes: 0,
  pastBeneficiaryIds: ['wikimedia'],
  teammateIds: ['grace'],
};

const task: PairingTask = {
  id: 't1',
  url: 'https://github.com/example/project/issues/1',
  skills: ['typescript'],
  estimateMinutes: 180,
  beneficiaryId: 'framasoft',
  cause: null,
  language: null,
  readySince: NOW,
  handoffAuthorId: null,
};

describe('countDaysLeft', () => {
  it.each([
    { name: 'the same day', today: '2026-03-02', last: '2026-03-02', expected: 1 },
    { name: 'a week', today: '2026-03-02', last: '2026-03-08', expected: 7 },
    { name: 'across February', today: '2028-02-28', last: '2028-03-01', expected: 3 },
    { name: 'a past window', today: '2026-03-02', last: '2026-03-01', expected: 0 },
  ])('counts $name', ({ today, last, expected }) => {
    expect(countDaysLeft(today, last)).toBe(expected);
  });
});

describe('findAvailability', () => {
  it.each([
    { name: 'a window covering today', input: {}, expected: { freeMinutes: 480, freeSlots: 2 } },
    {
      name: 'open claims taking minutes and slots',
      input: { openClaims: 1, committedMinutes: 300 },
      expected: { freeMinutes: 180, freeSlots: 1 },
    },
    {
      name: 'more committed than left',
      input: { openClaims: 2, committedMinutes: 900 },
      expected: { freeMinutes: 0, freeSlots: 0 },
    },
    { name: 'a window not yet begun', input: { windows: [{ from: '2026-03-03', to: '2026-03-09', minutesPerDay: 60 }] }, expected: null },
    { name: 'no window', input: { windows: [] }, expected: null },
    {
      name: 'overlapping windows, the most generous',
      input: {
        windows: [
          { from: '2026-03-01', to: '2026-03-03', minutesPerDay: 240 },
          { from: '2026-03-02', to: '2026-03-02', minutesPerDay: 600 },
        ],
      },
      expected: { freeMinutes: 600, freeSlots: 2 },
    },
  ])('reads $name', ({ input, expected }) => {
    expect(findAvailability({ ...ada, ...input }, TODAY)).toEqual(expected);
  });
});

describe('scorePair', () => {
  const availability = { freeMinutes: 480, freeSlots: 2 };

  it.each([
    {
      name: 'one skill at level 3',
      task: {},
      expected: {
        score: 30,
        reasons: ['matches skill typescript at level 3 of 3 (+30)', 'fits the time left: 3h of 8h'],
      },
    },
    {
      name: 'two skills, one missing',
      task: { skills: ['typescript', 'css', 'rust'] },
      expected: {
        score: 40,
        reasons: [
          'matches skill typescript at level 3 of 3 (+30)',
          'matches skill css at level 1 of 3 (+10)',
          'fits the time left: 3h of 8h',
        ],
      },
    },
    {
      name: 'no skill needed',
      task: { skills: [] },
      expected: { score: 10, reasons: ['needs no particular skill (+10)', 'fits the time left: 3h of 8h'] },
    },
    {
      name: 'every term at once',
      task: {
        cause: 'education',
        language: 'fr',
        beneficiaryId: 'wikimedia',
        handoffAuthorId: 'grace',
        readySince: '2026-02-20T08:00:00Z',
      },
      expected: {
        score: 30 + 15 + 10 + 20 + 10 + 10,
        reasons: [
          'matches skill typescript at level 3 of 3 (+30)',
          'fits the time left: 3h of 8h',
          'a cause they prefer: education (+15)',
          'ready for 10 days (+10)',
          'worked for this beneficiary before (+20)',
          "teammate of the hand-off note's author (+10)",
          "speaks the task's language, fr (+10)",
        ],
      },
    },
    {
      name: 'age bounded at thirty days',
      task: { readySince: '2025-12-01T09:00:00Z' },
      expected: {
        score: 60,
        reasons: ['matches skill typescript at level 3 of 3 (+30)', 'fits the time left: 3h of 8h', 'ready for 91 days (+30)'],
      },
    },
    {
      name: 'one day ready',
      task: { readySince: '2026-03-01T09:00:00Z' },
      expected: {
        score: 31,
        reasons: ['matches skill typescript at level 3 of 3 (+30)', 'fits the time left: 3h of 8h', 'ready for 1 day (+1)'],
      },
    },
    {
      name: 'a cause, language and author the consultant does not share',
      task: { cause: 'health', language: 'de', handoffAuthorId: 'linus' },
      expected: { score: 30, reasons: ['matches skill typescript at level 3 of 3 (+30)', 'fits the time left: 3h of 8h'] },
    },
    { name: 'no shared skill', task: { skills: ['rust'] }, expected: null },
    { name: 'too long for the time left', task: { estimateMinutes: 481 }, expected: null },
  ])('$name', ({ task: overrides, expected }) => {
    const scored = scorePair(ada, { ...task, ...overrides }, availability, NOW);
    expect(scored && { score: scored.score, reasons: scored.terms.map(describeTerm) }).toEqual(expected);
  });

  it('sums the points of its terms', () => {
    const scored = scorePair(ada, { ...task, skills: ['typescript', 'css'], cause: 'education' }, availability, NOW);
    expect(scored?.score).toBe(scored?.terms.reduce((sum, term) => sum + term.points, 0));
  });
});
