import { describe, expect, it } from 'vitest';
import { toSafeHref } from './links';

describe('toSafeHref', () => {
  it.each([
    { name: 'a GitHub issue', input: 'https://github.com/cartolibre/cartolibre/issues/12', expected: 'https://github.com/cartolibre/cartolibre/issues/12' },
    { name: 'a self-managed GitLab over http', input: 'http://gitlab.example.org/a/b/-/issues/3', expected: 'http://gitlab.example.org/a/b/-/issues/3' },
    { name: 'a script', input: 'javascript:alert(1)', expected: null },
    { name: 'a script in capitals with spaces', input: ' JavaScript:alert(1)', expected: null },
    { name: 'data', input: 'data:text/html,<script>alert(1)</script>', expected: null },
    { name: 'not a URL', input: 'issues/12', expected: null },
  ])('$name', ({ input, expected }) => {
    expect(toSafeHref(input)).toBe(expected);
  });
});
