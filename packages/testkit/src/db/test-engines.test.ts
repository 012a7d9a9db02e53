import { describe, expect, it } from 'vitest';
import { MISSING_DATABASE_URL, testEngines } from './test-engines';

describe('testEngines', () => {
  it.each([
    {
      name: 'PGlite only, PostgreSQL skipped, on a laptop without DATABASE_URL',
      env: {},
      expected: [
        { engine: 'pglite', label: 'PGlite', status: 'run' },
        { engine: 'postgres', label: 'PostgreSQL', status: 'skip', reason: MISSING_DATABASE_URL },
      ],
    },
    {
      name: 'PostgreSQL failing in CI without DATABASE_URL',
      env: { CI: 'true', DATABASE_URL: ' ' },
      expected: [
        { engine: 'pglite', label: 'PGlite', status: 'run' },
        { engine: 'postgres', label: 'PostgreSQL', status: 'fail', reason: MISSING_DATABASE_URL },
      ],
    },
    {
      name: 'both engines with DATABASE_URL',
      env: { CI: 'true', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' },
      expected: [
        { engine: 'pglite', label: 'PGlite', status: 'run' },
        { engine: 'postgres', label: 'PostgreSQL', status: 'run', url: 'postgres://postgres@127.0.0.1:5432/test' },
      ],
    },
  ])('$name', ({ env, expected }) => {
    expect(testEngines(env)).toEqual(expected);
  });
});
