import type { RepositoryRef } from '@wecena/core';
import { describe, expect, it } from 'vitest';
import { closingKeywordIssueNumbers } from './closing-keywords';

const repository: RepositoryRef = { forge: 'github', host: 'github.com', forgeId: '1', path: 'octo-org/Hello-World' };

describe('closingKeywordIssueNumbers', () => {
  it.each([
    { name: 'every keyword GitHub knows', input: 'close #1 closes #2 closed #3 fix #4 fixes #5 fixed #6 resolve #7 resolves #8 resolved #9', expected: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
    { name: 'any case, with a colon', input: 'FIXES: #12', expected: [12] },
    { name: 'the same repository named in full, any case', input: 'Resolves octo-org/hello-world#4', expected: [4] },
    { name: 'the issue URL on the same host', input: 'Closes https://github.com/octo-org/Hello-World/issues/8.', expected: [8] },
    { name: 'each number once, ascending', input: 'Fixes #9\nfixes #2\ncloses #9', expected: [2, 9] },
    { name: 'one reference per keyword, as on GitHub', input: 'Fixes #1, #2 and #3', expected: [1] },
    { name: 'another repository', input: 'Fixes octo-org/other#3', expected: [] },
    { name: 'another host', input: 'Fixes https://ghe.example.org/octo-org/Hello-World/issues/3', expected: [] },
    { name: 'a pull request URL', input: 'Fixes https://github.com/octo-org/Hello-World/pull/3', expected: [] },
    { name: 'a keyword inside a word', input: 'prefixes #3, unresolved #4, fixesx #5', expected: [] },
    { name: 'a number glued to a word', input: 'fixes #3abc', expected: [] },
    { name: 'a mention without a keyword', input: 'See #3; relates to #4', expected: [] },
  ])('reads $name', ({ input, expected }) => {
    expect(closingKeywordIssueNumbers(input, repository)).toEqual(expected);
  });
});
