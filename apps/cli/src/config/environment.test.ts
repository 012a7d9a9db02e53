import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { environmentVariables, readConfig } from './environment';

const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const context = { cwd: '/srv/wecena', isTerminal: false, readFile: () => pem };

function problemsOf(env: Record<string, string | undefined>): string[] {
  const result = readConfig(env, context);
  return result.ok ? [] : result.problems;
}

describe('environment', () => {
  it('starts with nothing set: PGlite under ./.wecena, both forges off', () => {
    const result = readConfig({}, context);
    expect(result).toMatchObject({
      ok: true,
      config: {
        port: 3000,
        host: '127.0.0.1',
        publicUrl: 'http://127.0.0.1:3000',
        database: { kind: 'pglite', dataDir: '/srv/wecena/.wecena' },
        github: null,
        gitlab: null,
        worker: true,
        logFormat: 'json',
      },
    });
  });

  it.each([
    { name: 'a port that is not a number', env: { PORT: 'http' }, expected: 'PORT: must be a whole number from 0 (any free port) to 65535 (got "http")' },
    { name: 'a port out of range', env: { PORT: '70000' }, expected: 'PORT: must be a whole number from 0 (any free port) to 65535 (got "70000")' },
    {
      name: 'a DATABASE_URL that does not parse',
      env: { DATABASE_URL: 'localhost:5432/wecena' },
      expected: 'DATABASE_URL: must be a PostgreSQL URL such as postgres://user:password@host:5432/database',
    },
    {
      name: 'a DATABASE_URL for another database',
      env: { DATABASE_URL: 'mysql://root@localhost/wecena' },
      expected: 'DATABASE_URL: must be a PostgreSQL URL such as postgres://user:password@host:5432/database',
    },
    {
      name: 'a PRIVATE_KEY that is not a PEM',
      env: { APP_ID: '12', PRIVATE_KEY: 'not a key', WEBHOOK_SECRET: 's' },
      expected:
        'PRIVATE_KEY: is not a PEM private key (expected the .pem file GitHub gave for the App, starting with -----BEGIN RSA PRIVATE KEY-----)',
    },
    {
      name: 'half a GitHub App',
      env: { APP_ID: '12' },
      expected: 'GitHub App: PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET must be set too (set all of APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, or none)',
    },
    {
      name: 'half a GitLab bot',
      env: { GITLAB_WEBHOOK_SECRET: 'token' },
      expected: 'GitLab: GITLAB_TOKEN must be set too (set both GITLAB_TOKEN and GITLAB_WEBHOOK_SECRET, or neither)',
    },
    {
      name: 'a GitLab instance without its token',
      env: { GITLAB_TOKEN: 'token', GITLAB_WEBHOOK_SECRET: 'secret', GITLAB_HOSTS: 'https://git.example.org' },
      expected: "GITLAB_HOSTS lists git.example.org: set its bot user's token in GITLAB_TOKEN_GIT_EXAMPLE_ORG",
    },
    {
      name: 'an OAuth client without its secret',
      env: { GITHUB_CLIENT_ID: 'Iv1.abc', SESSION_SECRET: 'x'.repeat(32) },
      expected: 'GITHUB_CLIENT_SECRET: must be set too (set both GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET, or neither)',
    },
    {
      name: 'sign-in without a session secret',
      env: { GITHUB_CLIENT_ID: 'Iv1.abc', GITHUB_CLIENT_SECRET: 'shh' },
      expected: 'SESSION_SECRET: must be set for sign-in with the forges (32 characters or more)',
    },
    {
      name: 'an operator that is not host/login',
      env: { WECENA_OPERATORS: 'alice' },
      expected: 'WECENA_OPERATORS.0: each entry must be host/login, such as github.com/alice (got "alice")',
    },
    { name: 'a short session secret', env: { SESSION_SECRET: 'short' }, expected: 'SESSION_SECRET: must be at least 32 characters long' },
    { name: 'an unknown log level', env: { LOG_LEVEL: 'loud' }, expected: 'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace (got "loud")' },
  ])('refuses $name with one line', ({ env, expected }) => {
    expect(problemsOf(env)).toEqual([expected]);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({ PORT: '-1', DATABASE_URL: 'nope', GHE_HOST: 'https://github.example.org' });
    expect(problems).toHaveLength(3);
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['PORT', 'DATABASE_URL', 'GHE_HOST']);
  });

  it('never echoes a secret back', () => {
    const problems = problemsOf({ DATABASE_URL: 'postgres//admin:hunter2@db/wecena' });
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('reads a complete GitHub App, with the key given with \\n escapes as many hosts require', () => {
    const result = readConfig({ APP_ID: '12', PRIVATE_KEY: pem.replace(/\n/g, '\\n'), WEBHOOK_SECRET: 'secret' }, context);
    expect(result.ok && result.config.github).toEqual({ appId: 12, privateKey: pem, webhookSecret: 'secret', host: null });
  });

  it('reads the key from PRIVATE_KEY_PATH', () => {
    const result = readConfig({ APP_ID: '12', PRIVATE_KEY_PATH: 'app.pem', WEBHOOK_SECRET: 'secret' }, context);
    expect(result.ok && result.config.github?.privateKey).toBe(pem);
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    const result = readConfig({ DATABASE_URL: 'postgres://wecena@db.internal:5432/wecena' }, context);
    expect(result.ok && result.config.database).toEqual({ kind: 'postgres', url: 'postgres://wecena@db.internal:5432/wecena' });
  });

  it('documents every variable it reads', () => {
    const documented = environmentVariables.map((variable) => variable.name).sort();
    const result = readConfig({}, context);
    expect(result.ok).toBe(true);
    expect(documented).toEqual(
      [
        'PORT', 'HOST', 'PUBLIC_URL', 'DATABASE_URL', 'WECENA_DATA_DIR', 'APP_ID', 'PRIVATE_KEY', 'PRIVATE_KEY_PATH',
        'WEBHOOK_SECRET', 'GHE_HOST', 'GITLAB_URL', 'GITLAB_TOKEN', 'GITLAB_WEBHOOK_SECRET', 'SESSION_SECRET',
        'WECENA_WORKER', 'LOG_LEVEL', 'LOG_FORMAT', 'GITLAB_HOSTS', 'GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET',
        'GITLAB_CLIENT_ID', 'GITLAB_CLIENT_SECRET', 'WECENA_OPERATORS',
      ].sort(),
    );
  });
});
