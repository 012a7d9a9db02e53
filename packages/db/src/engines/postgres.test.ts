import { describe, expect, it } from 'vitest';
import { describePostgresUrl } from './postgres';

describe('describePostgresUrl', () => {
  it.each([
    { name: 'host, port and database', url: 'postgres://postgres@127.0.0.1:5432/test', expected: 'PostgreSQL at 127.0.0.1:5432/test' },
    { name: 'never the password', url: 'postgresql://wecena:s3cret@db.example.org/wecena', expected: 'PostgreSQL at db.example.org:5432/wecena' },
    { name: 'a socket directory', url: 'postgres:///wecena?host=/var/run/postgresql', expected: 'PostgreSQL at /var/run/postgresql:5432/wecena' },
    { name: 'not a URL', url: 'host=localhost dbname=wecena', expected: 'PostgreSQL' },
  ])('$name', ({ url, expected }) => {
    expect(describePostgresUrl(url)).toBe(expected);
    expect(describePostgresUrl(url)).not.toContain('s3cret');
  });
});
