import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readMigrationFiles } from '@wecena/db';
import { afterAll, describe, expect, it } from 'vitest';

const wecena = resolve(import.meta.dirname, '../bin/wecena.js');

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [wecena, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('wecena at start-up', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wecena-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a bad environment with one line per problem, exit code 1, and starts nothing', async () => {
    const { code, stdout, stderr } = await run(['serve'], {
      PORT: 'eighty',
      DATABASE_URL: 'db.internal/wecena',
      APP_ID: '7',
      PRIVATE_KEY: 'not a key',
      WEBHOOK_SECRET: 'secret',
      WECENA_DATA_DIR: dataDir,
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'wecena cannot start: 2 problem(s) in the environment',
      '  PORT: must be a whole number from 0 (any free port) to 65535 (got "eighty")',
      '  DATABASE_URL: must be a PostgreSQL URL such as postgres://user:password@host:5432/database',
    ]);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);
  });

  it('reports a PRIVATE_KEY that is not a PEM on its own line', async () => {
    const { code, stderr } = await run(['serve'], { APP_ID: '7', PRIVATE_KEY: 'not a key', WEBHOOK_SECRET: 'secret', WECENA_DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(stderr).toContain(
      '  PRIVATE_KEY: is not a PEM private key (expected the .pem file GitHub gave for the App, starting with -----BEGIN RSA PRIVATE KEY-----)',
    );
  });

  it('answers --help for every command', async () => {
    for (const command of [[], ['serve'], ['migrate'], ['seed']]) {
      const { code, stdout } = await run([...command, '--help'], {});
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: wecena/);
    }
  });

  it('migrates a fresh PGlite directory, then finds it up to date', async () => {
    const env = { WECENA_DATA_DIR: dataDir };
    const first = await run(['migrate'], env);
    expect(first.code).toBe(0);
    const names = (await readMigrationFiles()).map((file) => file.name);
    expect(first.stdout).toContain(`applied ${names.length} migration(s): ${names.join(', ')}`);
    const status = await run(['migrate', '--status'], env);
    expect(status.stdout).toMatch(/up to date/);
    expect(status.code).toBe(0);
  });

  it('refuses seed without --demo', async () => {
    const { code, stderr } = await run(['seed'], { WECENA_DATA_DIR: dataDir });
    expect(code).toBe(2);
    expect(stderr).toBe('wecena seed: only the demo data set can be loaded: wecena seed --demo\n');
  });
});
