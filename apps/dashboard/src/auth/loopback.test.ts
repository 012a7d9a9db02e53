import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from './loopback';

describe('isLoopbackHost', () => {
  it.each([
    { input: 'localhost', expected: true },
    { input: 'LOCALHOST', expected: true },
    { input: 'app.localhost', expected: true },
    { input: '127.0.0.1', expected: true },
    { input: '127.10.0.3', expected: true },
    { input: '::1', expected: true },
    { input: '[::1]', expected: true },
    { input: '::ffff:127.0.0.1', expected: true },
    { input: '0.0.0.0', expected: false },
    { input: '::', expected: false },
    { input: '192.168.1.10', expected: false },
    { input: 'wecena.example.org', expected: false },
    { input: 'localhost.example.org', expected: false },
    { input: '128.0.0.1', expected: false },
  ])('$input → $expected', ({ input, expected }) => {
    expect(isLoopbackHost(input)).toBe(expected);
  });
});
