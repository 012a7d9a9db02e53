import { describe, expect, it } from 'vitest';
import { normalizeLabel, stripCode } from './issue-facts';

describe('normalizeLabel', () => {
  it.each([
    { input: 'good first issue', expected: 'good first issue' },
    { input: 'Good-First-Issue', expected: 'good first issue' },
    { input: ':star: good_first_issue', expected: 'good first issue' },
    { input: 'E-easy', expected: 'e easy' },
    { input: 'type: epic', expected: 'type epic' },
    { input: 'Area: Accessibility', expected: 'area accessibility' },
    { input: 'size/XS', expected: 'size xs' },
    { input: 'C#', expected: 'c#' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(normalizeLabel(input)).toBe(expected);
  });
});

describe('stripCode', () => {
  it.each([
    { name: 'a fenced block', input: 'before\n```\nsecurity refactor\n```\nafter', expected: ['before', 'after'], absent: 'security' },
    { name: 'an unclosed fence', input: 'before\n```\nsecurity refactor', expected: ['before'], absent: 'security' },
    { name: 'a code span', input: 'run `npm audit --security` now', expected: ['run', 'now'], absent: 'audit' },
  ])('removes $name', ({ input, expected, absent }) => {
    const stripped = stripCode(input);

    for (const word of expected) expect(stripped).toContain(word);
    expect(stripped).not.toContain(absent);
  });
});
