import { describe, expect, it } from 'vitest';
import { describeAccess, describeSchema, renderProse } from './reference-page';

describe('describeSchema', () => {
  it.each([
    { name: 'a named schema', input: { $ref: '#/components/schemas/Task' }, expected: 'Task' },
    { name: 'an array of a named schema', input: { type: 'array', items: { $ref: '#/components/schemas/Task' } }, expected: 'array of Task' },
    { name: 'an enum', input: { type: 'string', enum: ['ready', 'done'] }, expected: 'one of: ready, done' },
    { name: 'a bounded integer with a default', input: { type: 'integer', minimum: 1, maximum: 100, default: 50 }, expected: 'integer, 1 to 100, default 50' },
    { name: 'a nullable integer', input: { type: ['integer', 'null'] }, expected: 'integer, or null' },
    { name: 'a date-time', input: { type: 'string', format: 'date-time' }, expected: 'string, date-time' },
    { name: 'nothing said', input: undefined, expected: 'any' },
  ])('$name', ({ input, expected }) => {
    expect(describeSchema(input)).toBe(expected);
  });
});

describe('renderProse', () => {
  it.each([
    { name: 'plain text', input: 'Tasks per page.', expected: 'Tasks per page.' },
    { name: 'a code span', input: 'The `nextCursor` of the page.', expected: 'The <code>nextCursor</code> of the page.' },
    { name: 'markup, escaped inside and out', input: '<b>bold</b> and `<i>`', expected: '&lt;b&gt;bold&lt;/b&gt; and <code>&lt;i&gt;</code>' },
    { name: 'an unmatched backtick, shown as written', input: 'a ` b', expected: 'a ` b' },
  ])('$name', async ({ input, expected }) => {
    expect((await renderProse(input)).toString()).toBe(expected);
  });
});

describe('describeAccess', () => {
  it.each([
    { name: 'no security at all', input: undefined, expected: 'public' },
    { name: 'an empty list', input: [], expected: 'public' },
    { name: 'a session or nothing', input: [{}, { session: [] }], expected: 'session optional' },
    { name: 'a session', input: [{ session: [] }], expected: 'session needed' },
    { name: 'a session or an API token', input: [{ session: [] }, { apiToken: [] }], expected: 'session needed' },
  ] as const)('$name', ({ input, expected }) => {
    expect(describeAccess(input as Array<Record<string, string[]>> | undefined)).toBe(expected);
  });
});
