import { describe, expect, it } from 'vitest';
import { lineOfConfigKeys, readRepositoryConfigText, type ConfigText } from './config-text';

function parsed(source: string): ConfigText {
  const result = readRepositoryConfigText(source);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.text;
}

describe('readRepositoryConfigText', () => {
  it('gives the plain value of the YAML', () => {
    const source = ['# wecena', 'claimTtlDays: 5', 'sizes:', '  size/S: 3h', 'skills: { a11y: [accessibility, html] }', ''].join('\n');

    expect(parsed(source).value).toEqual({ claimTtlDays: 5, sizes: { 'size/S': '3h' }, skills: { a11y: ['accessibility', 'html'] } });
  });

  it.each([
    { name: 'an empty file', source: '' },
    { name: 'a file of comments', source: '# nothing yet\n' },
  ])('reads $name as null', ({ source }) => {
    expect(parsed(source).value).toBeNull();
  });

  it.each([
    {
      name: 'a key given twice',
      source: 'claimTtlDays: 3\nhoursPerDay: 7\nclaimTtlDays: 4\n',
      expected: [{ line: 3, path: '', message: 'Map keys must be unique' }],
    },
    {
      name: 'a tab for indentation',
      source: 'sizes:\n\tsize/S: 3h\n',
      expected: [{ line: 2, path: '', message: expect.stringContaining('Tabs are not allowed') }],
    },
    {
      name: 'an unclosed flow mapping',
      source: 'labels: { ready: go\nclaimTtlDays: 3\n',
      expected: [expect.objectContaining({ line: expect.any(Number), path: '' })],
    },
    {
      name: 'two documents',
      source: 'claimTtlDays: 3\n---\nhoursPerDay: 7\n',
      expected: [{ line: 2, path: '', message: 'The file holds more than one YAML document (a second `---`); wecena reads one.' }],
    },
  ])('reports $name with its line', ({ source, expected }) => {
    expect(readRepositoryConfigText(source)).toEqual({ ok: false, problems: expected });
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 6; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }

    expect(readRepositoryConfigText(levels.join('\n'))).toMatchObject({ ok: false, problems: [{ line: null, path: '' }] });
  });
});

describe('lineOfConfigKeys', () => {
  const text = parsed(
    [
      '# wecena configuration', //            1
      'labels:', //                            2
      '  ready: good-for-wecena', //           3
      'claimTtlDays: 0', //                    4
      'sizes:', //                             5
      '  size/S: 3h', //                       6
      '  "size/L": 2 days', //                 7
      'skills:', //                            8
      '  a11y:', //                            9
      '    - accessibility', //                10
      '    - HTML', //                         11
      'categories: { docs: content, 42: x }', // 12
      'defaults: &defaults', //                13
      '  hoursPerDay: 7', //                   14
      'copy: *defaults', //                    15
    ].join('\n'),
  );

  it.each([
    { name: 'a top-level key', keys: ['claimTtlDays'], expected: 4 },
    { name: 'a nested key', keys: ['labels', 'ready'], expected: 3 },
    { name: 'a key with a slash', keys: ['sizes', 'size/S'], expected: 6 },
    { name: 'a quoted key', keys: ['sizes', 'size/L'], expected: 7 },
    { name: 'an item of a list', keys: ['skills', 'a11y', 1], expected: 11 },
    { name: 'a key of a flow mapping', keys: ['categories', 'docs'], expected: 12 },
    { name: 'a number key', keys: ['categories', 42], expected: 12 },
    { name: 'a key reached through an alias', keys: ['copy', 'hoursPerDay'], expected: 14 },
    { name: 'a missing key, at its deepest existing parent', keys: ['labels', 'wip'], expected: 2 },
    { name: 'a list item past the end, at the list', keys: ['skills', 'a11y', 9], expected: 9 },
    { name: 'the file as a whole, at its first content', keys: [], expected: 2 },
  ])('finds $name on line $expected', ({ keys, expected }) => {
    expect(lineOfConfigKeys(text, keys)).toBe(expected);
  });

  it('has no line in an empty file', () => {
    expect(lineOfConfigKeys(parsed(''), ['claimTtlDays'])).toBeNull();
  });
});
