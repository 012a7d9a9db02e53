import { describe, expect, it } from 'vitest';
import { splitCommentLines } from './comment-lines';

/** The texts of the lines that may hold a command. */
function open(body: string): string[] {
  return splitCommentLines(body)
    .filter((line) => line.mayHoldCommand)
    .map((line) => line.text);
}

describe('splitCommentLines', () => {
  it.each([
    { name: 'plain lines', body: 'a\nb', expected: ['a', 'b'] },
    { name: 'Windows line endings', body: 'a\r\nb\rc', expected: ['a', 'b', 'c'] },
    { name: 'a backtick fence', body: 'a\n```\nb\n```\nc', expected: ['a', 'c'] },
    { name: 'a tilde fence', body: 'a\n~~~sh\nb\n~~~\nc', expected: ['a', 'c'] },
    { name: 'a fence with an info string', body: '```text\nb\n```\nc', expected: ['c'] },
    { name: 'a longer closing fence', body: '```\nb\n`````\nc', expected: ['c'] },
    { name: 'a shorter fence inside a longer one', body: '````\n```\nb\n```\nc\n````\nd', expected: ['d'] },
    { name: 'a tilde line inside a backtick fence', body: '```\n~~~\nb\n```\nc', expected: ['c'] },
    { name: 'an unclosed fence', body: 'a\n```\nb\nc', expected: ['a'] },
    { name: 'an indented fence', body: '  ```\n  b\n  ```\nc', expected: ['c'] },
    { name: 'inline code that looks like a fence', body: '```js```\nb', expected: ['```js```', 'b'] },
    { name: 'four spaces of indent', body: '    a\nb', expected: ['b'] },
    { name: 'a tab of indent', body: '\ta\nb', expected: ['b'] },
    { name: 'three spaces of indent', body: '   a', expected: ['   a'] },
    { name: 'a quoted line', body: '> a\nb', expected: ['b'] },
    { name: 'a nested quote', body: '>> a\n> > b\nc', expected: ['c'] },
    { name: 'an indented quote', body: '  > a\nb', expected: ['b'] },
    { name: 'a one-line HTML comment', body: '<!-- a -->\nb', expected: ['b'] },
    { name: 'a multi-line HTML comment', body: '<!--\na\n-->\nb', expected: ['b'] },
    { name: 'an HTML comment opened mid-line', body: 'a <!-- b\nc\n--> d\ne', expected: ['a <!-- b', 'e'] },
    { name: 'a closed HTML comment mid-line', body: 'a <!-- b --> c\nd', expected: ['a <!-- b --> c', 'd'] },
    { name: 'a fence inside an HTML comment', body: '<!--\n```\n-->\nb', expected: ['b'] },
  ])('keeps only the open lines of $name', ({ body, expected }) => {
    expect(open(body)).toEqual(expected);
  });

  it('numbers lines from 1', () => {
    expect(splitCommentLines('a\n\nb').map((line) => line.number)).toEqual([1, 2, 3]);
  });
});
