import { describe, expect, it } from 'vitest';
import { DEFAULT_SUITABILITY_THRESHOLD, NEAR_MISS_MARGIN, scoreSuitability } from './score-suitability';
import type { SuitabilityInput, SuitabilityReason } from './suitability-input';

const plain = { title: 'Button label is cut off on mobile', body: 'The "Save" label is truncated on narrow screens.' };

/** Everything a reason may quote: the issue's own words, labels and comments. */
function textOf(input: SuitabilityInput): string {
  return [input.title, input.body, ...input.labels, ...(input.comments ?? []).map((comment) => comment.body)]
    .join('\n')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Each quoted part of a reason ("…" shortened ones by their start) occurs in the issue. */
function quotesOf(reason: SuitabilityReason): string[] {
  return [...reason.text.matchAll(/"(?<quoted>[^"]+)"/g)].map((match) =>
    (match.groups?.['quoted'] ?? '').replace(/…$/, '').replace(/\s+/g, ' ').toLowerCase(),
  );
}

function factorsOf(input: SuitabilityInput): string[] {
  return scoreSuitability(input)
    .reasons.map((reason) => `${reason.factor} ${reason.points}`)
    .sort();
}

describe('scoreSuitability', () => {
  it.each<{ name: string; input: SuitabilityInput; expected: { factors: string[]; suitable: boolean } }>([
    {
      name: 'a located typo labelled good first issue',
      input: { title: 'Fix typo in README.md', body: 'Line 12 of README.md says `recieve`; it should read `receive`.', labels: ['good first issue'] },
      expected: {
        factors: ['expected_result 1', 'named_location 1', 'newcomer_label 3', 'short_scope 1', 'small_task 2'],
        suitable: true,
      },
    },
    {
      name: 'a self-evident title with no description',
      input: { title: 'Add a --version flag', body: '', labels: [] },
      expected: { factors: ['no_description 1', 'small_task 2'], suitable: true },
    },
    {
      name: 'a vague title with no description',
      input: { title: 'Support for plugins', body: '', labels: [] },
      expected: { factors: ['large_scope -3', 'no_description -2', 'vague_request -1'], suitable: false },
    },
    {
      name: 'a bug with steps to reproduce and the expected behaviour',
      input: {
        title: 'Export button downloads an empty file',
        body: 'Steps to reproduce:\n1. Open a project\n2. Click Export\n\nExpected behavior: the file holds the rows shown.\nActual: the file is empty.',
        labels: ['bug'],
      },
      expected: { factors: ['expected_result 2', 'short_scope 1'], suitable: true },
    },
    {
      name: 'acceptance criteria and a task list',
      input: {
        title: 'Add a page title to the contact page',
        body: '## Acceptance criteria\n- [ ] the contact page has a <title>\n- [ ] the page test checks it',
        labels: [],
      },
      expected: { factors: ['expected_result 2', 'short_scope 1', 'task_list 1'], suitable: true },
    },
    {
      name: 'a security report',
      input: { title: 'XSS in the search page', body: 'The query parameter is echoed back unescaped.', labels: ['bug'] },
      expected: { factors: ['security -4', 'short_scope 1'], suitable: false },
    },
    {
      name: 'a discussion label',
      input: { title: 'New theme engine', body: 'Where should theming go next.', labels: ['discussion'] },
      expected: { factors: ['discussion -3', 'short_scope 1'], suitable: false },
    },
    {
      name: 'a question for a title',
      input: { title: 'How do I change the port?', body: 'The docs do not say.', labels: [] },
      expected: { factors: ['discussion -2', 'short_scope 1'], suitable: false },
    },
    {
      name: 'an epic',
      input: { title: 'Epic: volunteer onboarding', body: 'Everything we need before the launch.', labels: [] },
      expected: { factors: ['short_scope 1', 'tracking -4'], suitable: false },
    },
    {
      name: "a maintainer's refusal",
      input: {
        title: 'Dates are shown in UTC',
        body: 'I expected my own time zone.',
        labels: [],
        comments: [{ author: 'maintainer', body: 'This is by design: the server renders UTC.' }],
      },
      expected: { factors: ['not_planned -4', 'short_scope 1'], suitable: false },
    },
    {
      name: 'an unanswered question in the last comment',
      input: { ...plain, labels: [], comments: [{ author: 'reporter', body: 'Which stylesheet sets the width?' }] },
      expected: { factors: ['open_question -2', 'short_scope 1'], suitable: false },
    },
    {
      name: 'a maintainer asking for information',
      input: { ...plain, labels: [], comments: [{ author: 'maintainer', body: 'Could you share a screenshot?' }] },
      expected: { factors: ['open_question -2', 'short_scope 1'], suitable: false },
    },
    {
      name: 'a maintainer inviting a change request',
      input: { ...plain, labels: [], comments: [{ author: 'maintainer', body: 'Good catch, PRs welcome!' }] },
      expected: { factors: ['maintainer_invites 2', 'short_scope 1'], suitable: true },
    },
    {
      name: 'a label the configuration maps to newcomer work',
      input: { ...plain, labels: ['Starter-Task'], labelMeanings: { 'starter-task': 'newcomer' } },
      expected: { factors: ['newcomer_label 3', 'short_scope 1'], suitable: true },
    },
    {
      name: 'help wanted and documentation labels',
      input: { ...plain, labels: ['help wanted', 'documentation'] },
      expected: { factors: ['help_wanted 2', 'short_scope 1', 'work_kind_label 1'], suitable: true },
    },
    {
      name: 'a small size label',
      input: { ...plain, labels: ['size/XS'] },
      expected: { factors: ['short_scope 1', 'size 2'], suitable: true },
    },
    {
      name: 'a hard difficulty label',
      input: { ...plain, labels: ['difficulty: hard'] },
      expected: { factors: ['short_scope 1', 'size -3'], suitable: false },
    },
    {
      name: 'an estimate in words',
      input: { title: 'Button label is cut off on mobile', body: 'A one-line fix in the button styles.', labels: [] },
      expected: { factors: ['short_scope 1', 'size 2'], suitable: true },
    },
    {
      name: 'an intermittent failure',
      input: { title: 'Sync test fails on CI', body: 'It fails intermittently, about one run in ten.', labels: [] },
      expected: { factors: ['short_scope 1', 'unknown_cause -3'], suitable: false },
    },
    {
      name: 'a performance problem',
      input: { title: 'Search is very slow on large projects', body: 'Over 10 s with 5000 documents.', labels: [] },
      expected: { factors: ['performance -2', 'short_scope 1'], suitable: false },
    },
    {
      name: 'production secrets',
      input: { title: 'Rotate the production API key', body: 'The key in the deployment must change.', labels: [] },
      expected: { factors: ['private_context -3', 'short_scope 1'], suitable: false },
    },
    {
      name: 'a breaking change',
      input: { title: 'Move the settings file', body: 'This is a breaking change for every user.', labels: [] },
      expected: { factors: ['breaking_change -2', 'short_scope 1'], suitable: false },
    },
    {
      name: 'a refactor',
      input: { title: 'Refactor the storage layer', body: 'Split it into modules.', labels: ['good first issue'] },
      expected: { factors: ['large_scope -3', 'newcomer_label 3', 'short_scope 1'], suitable: false },
    },
    {
      name: 'eight files named',
      input: { title: 'Update the header comment', body: 'In a.py, b.py, c.py, d.py, e.py, f.py, g.py and h.py.', labels: [] },
      expected: { factors: ['named_location -1', 'short_scope 1'], suitable: false },
    },
    {
      name: 'recent activity',
      input: { ...plain, labels: [], daysSinceActivity: 10 },
      expected: { factors: ['activity 1', 'short_scope 1'], suitable: false },
    },
    {
      name: 'no activity for years',
      input: { ...plain, labels: [], daysSinceActivity: 1000 },
      expected: { factors: ['activity -1', 'short_scope 1'], suitable: false },
    },
    {
      name: 'opened years ago, activity unknown',
      input: { ...plain, labels: [], ageDays: 2000 },
      expected: { factors: ['activity -1', 'short_scope 1'], suitable: false },
    },
    {
      name: 'a long thread',
      input: { ...plain, labels: [], comments: Array.from({ length: 6 }, () => ({ author: 'other' as const, body: 'Same here.' })) },
      expected: { factors: ['long_discussion -1', 'short_scope 1'], suitable: false },
    },
    {
      name: 'words in code are not the reporter’s',
      input: { title: 'Export fails', body: '```\nSecurityError: refactor of token failed intermittently\n```', labels: [] },
      expected: { factors: [], suitable: false },
    },
  ])('$name', ({ input, expected }) => {
    const result = scoreSuitability(input);

    expect(factorsOf(input)).toEqual(expected.factors);
    expect(result.suitable).toBe(expected.suitable);
    expect(result.score).toBe(result.reasons.reduce((sum, reason) => sum + reason.points, 0));
    for (const reason of result.reasons) {
      for (const quoted of quotesOf(reason)) expect(textOf(input)).toContain(quoted);
    }
  });

  it('quotes the labels it rests on and counts what it says it counts', () => {
    const input: SuitabilityInput = {
      title: 'Add a page title',
      body: '- [ ] contact page\n- [ ] about page\n- [x] home page',
      labels: ['E-easy'],
      comments: Array.from({ length: 7 }, () => ({ author: 'other' as const, body: '+1' })),
    };

    const texts = scoreSuitability(input).reasons.map((reason) => reason.text);

    expect(texts).toContain('labelled "E-easy" (newcomer work)');
    expect(texts).toContain('the description has a task list of 3 items');
    expect(texts).toContain('7 comments: still being discussed');
    expect(texts).toContain(`a short description (${input.body.length} characters), a narrow scope`);
  });

  it('orders reasons strongest first', () => {
    const points = scoreSuitability({
      title: 'Refactor the parser',
      body: 'A one-line fix would not do; see parser.ts.',
      labels: ['good first issue', 'documentation'],
    }).reasons.map((reason) => Math.abs(reason.points));

    expect(points).toEqual([...points].sort((a, b) => b - a));
  });

  it('is pure: the same issue gets the same result', () => {
    const input: SuitabilityInput = { ...plain, labels: ['help wanted'], comments: [{ author: 'maintainer', body: 'Agreed.' }] };

    expect(scoreSuitability(input)).toEqual(scoreSuitability(input));
  });
});

describe('threshold', () => {
  // short description 1 + help wanted 2 = 3
  const atDefault: SuitabilityInput = { ...plain, labels: ['help wanted'] };

  it(`defaults to ${DEFAULT_SUITABILITY_THRESHOLD}`, () => {
    expect(DEFAULT_SUITABILITY_THRESHOLD).toBe(3);
    expect(scoreSuitability(atDefault)).toMatchObject({ score: 3, suitable: true, missing: null });
  });

  it.each([
    { name: 'below the score', threshold: 2, suitable: true },
    { name: 'equal to the score', threshold: 3, suitable: true },
    { name: 'one above the score', threshold: 4, suitable: false },
    { name: 'far above the score', threshold: 10, suitable: false },
  ])('is suitable when the threshold is $name', ({ threshold, suitable }) => {
    expect(scoreSuitability(atDefault, { threshold }).suitable).toBe(suitable);
  });

  it.each<{ name: string; input: SuitabilityInput; threshold?: number; expected: string | null }>([
    {
      name: 'a near-miss gets the first thing that closes the gap',
      input: { ...plain, labels: [] },
      expected: 'the expected result: steps to reproduce and expected behaviour, or acceptance criteria',
    },
    {
      name: 'an open question comes first',
      input: { ...plain, labels: ['help wanted'], comments: [{ author: 'reporter', body: 'Which file is it?' }] },
      expected: 'an answer from a maintainer to the open question',
    },
    {
      name: 'a near-miss that no single change lifts gets the largest gain',
      // newcomer 3, refactor -3, expected result 1, short description 1: 2, three short of 5
      input: { title: 'Refactor the storage layer', body: 'Expected: one module per table.', labels: ['good first issue'] },
      threshold: 5,
      expected: 'an estimate or a size label showing that it fits in a day',
    },
    {
      name: `an issue more than ${NEAR_MISS_MARGIN} points short gets nothing`,
      input: { title: 'Support for plugins', body: '', labels: [] },
      expected: null,
    },
    {
      name: 'a security report gets nothing to add',
      input: { title: 'XSS in search', body: 'Echoed unescaped. Expected: escaped.', labels: ['good first issue'] },
      expected: null,
    },
    { name: 'a suitable issue misses nothing', input: atDefault, expected: null },
  ])('$name', ({ input, threshold, expected }) => {
    expect(scoreSuitability(input, threshold === undefined ? {} : { threshold }).missing).toBe(expected);
  });
});
