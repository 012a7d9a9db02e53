import { describe, expect, it } from 'vitest';
import { type LabelledIssue, parseLabelledIssues, readLabelledIssue } from './labelled-issues';

const record = {
  id: 'example/app#1',
  title: 'Title',
  body: 'State: open. Language: Python.\n\nReporter (2024-01-01):\nIt breaks.',
  labels_seen: ['bug'],
  label: 'suitable',
};

describe('parseLabelledIssues', () => {
  it.each([
    { name: 'two lines and a blank one', input: `${JSON.stringify(record)}\n\n${JSON.stringify(record)}\n`, expected: { ok: true, count: 2 } },
    { name: 'an empty file', input: '', expected: { ok: true, count: 0 } },
    { name: 'Windows line ends', input: `${JSON.stringify(record)}\r\n${JSON.stringify(record)}\r\n`, expected: { ok: true, count: 2 } },
  ])('reads $name', ({ input, expected }) => {
    const result = parseLabelledIssues(input);

    expect(result.ok).toBe(expected.ok);
    expect(result.ok && result.issues.length).toBe(expected.count);
  });

  it.each([
    { name: 'broken JSON', input: `${JSON.stringify(record)}\n{"id":`, expected: { ok: false, line: 2, message: 'not valid JSON' } },
    {
      name: 'an unknown label',
      input: JSON.stringify({ ...record, label: 'maybe' }),
      expected: { ok: false, line: 1, message: expect.stringContaining('label') },
    },
    {
      name: 'a missing title',
      input: JSON.stringify({ ...record, title: undefined }),
      expected: { ok: false, line: 1, message: expect.stringContaining('title') },
    },
  ])('refuses $name with its line', ({ input, expected }) => {
    expect(parseLabelledIssues(input)).toEqual(expected);
  });
});

describe('readLabelledIssue', () => {
  const issue = (body: string): LabelledIssue => ({ id: 'a/b#1', title: 'Title', body, labels_seen: ['bug'], label: 'suitable' });

  it.each([
    {
      name: 'a thread with comments by role',
      body: 'State: closed. Language: C++.\n\nReporter (2020-08-11):\nIt breaks.\n\nMaintainer comment (2020-08-12):\nPRs welcome.\n\nReporter comment (2020-08-13):\nThanks!\n\nOther commenter (2020-08-14):\nSame here.',
      expected: {
        body: 'It breaks.',
        comments: [
          { author: 'maintainer', body: 'PRs welcome.' },
          { author: 'reporter', body: 'Thanks!' },
          { author: 'other', body: 'Same here.' },
        ],
        repositoryLanguages: ['C++'],
      },
    },
    {
      name: 'a title-only thread',
      body: 'State: closed. Language: Go.\n\n(no description; title only)',
      expected: { body: '', comments: [], repositoryLanguages: ['Go'] },
    },
    {
      name: 'a thread with no language',
      body: 'State: open.\n\nReporter (2020-08-11):\nIt breaks.',
      expected: { body: 'It breaks.', comments: [], repositoryLanguages: [] },
    },
    {
      name: 'a body with no headers at all',
      body: 'It breaks.\nAgain.',
      expected: { body: 'It breaks.\nAgain.', comments: [], repositoryLanguages: [] },
    },
  ])('reads $name', ({ body, expected }) => {
    expect(readLabelledIssue(issue(body))).toEqual({ title: 'Title', labels: ['bug'], ...expected });
  });
});
