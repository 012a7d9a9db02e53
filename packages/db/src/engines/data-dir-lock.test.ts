import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirectoryLocked } from '../errors';
import { openDatabase } from '../open-database';
import { LOCK_FILE_NAME, acquireDataDirLock } from './data-dir-lock';

const LOCK_MODULE = fileURLToPath(new URL('./data-dir-lock.ts', import.meta.url));
const DB_MODULE = fileURLToPath(new URL('../index.ts', import.meta.url));

const directories: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function temporaryDataDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'wecena-lock-test-'));
  directories.push(directory);
  return join(directory, 'pgdata');
}

function writeLock(dataDir: string, owner: Record<string, unknown>): void {
  acquireDataDirLock({ dataDir }).release(); // creates the directory
  writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify(owner));
}

/** The pid of a process that existed and is gone. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('the child process did not start');
  return child.pid;
}

/** Runs TypeScript in a child node process; resolves once it prints `line`. */
function spawnTypeScript(code: string, line: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (output.includes(line)) resolve({ child, output: () => output });
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before printing ${line}:\n${output}`)));
  });
}

describe('acquireDataDirLock', () => {
  it('writes who holds the directory, and removes the lock on release', () => {
    const dataDir = temporaryDataDir();

    const lock = acquireDataDirLock({ dataDir, command: 'wecena serve' });
    const owner = JSON.parse(readFileSync(lock.file, 'utf8')) as Record<string, unknown>;
    lock.release();

    expect(lock.file).toBe(join(dataDir, LOCK_FILE_NAME));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname(), command: 'wecena serve' });
    expect(new Date(String(owner['startedAt'])).getTime()).not.toBeNaN();
    expect(existsSync(lock.file)).toBe(false);
  });

  it('refuses a second holder, naming the first', () => {
    const dataDir = temporaryDataDir();
    const first = acquireDataDirLock({ dataDir, command: 'wecena serve' });

    let refusal: unknown;
    try {
      acquireDataDirLock({ dataDir });
    } catch (error) {
      refusal = error;
    }
    first.release();

    expect(refusal).toBeInstanceOf(DataDirectoryLocked);
    expect(refusal).toMatchObject({ code: 'data_dir_locked', dataDir, owner: { pid: process.pid, command: 'wecena serve' } });
    expect((refusal as Error).message).toMatch(
      new RegExp(
        `^The PGlite data directory ${dataDir} is in use by process ${process.pid} \\(wecena serve, started \\d{4}-\\d\\d-\\d\\dT[^)]+\\); stop it or set WECENA_DATA_DIR to another directory$`,
      ),
    );
  });

  it('takes over the lock of a process that is gone, and says so', async () => {
    const dataDir = temporaryDataDir();
    const pid = await deadPid();
    writeLock(dataDir, { pid, host: hostname(), startedAt: '2026-01-05T09:00:00.000Z', command: 'wecena serve' });
    const warnings: unknown[] = [];

    const lock = acquireDataDirLock({ dataDir, onWarning: (message, details) => warnings.push({ message, details }) });
    const owner = JSON.parse(readFileSync(lock.file, 'utf8')) as Record<string, unknown>;
    lock.release();

    expect(owner['pid']).toBe(process.pid);
    expect(warnings).toEqual([
      {
        message: 'Took over a stale lock on the PGlite data directory: its owner is no longer running',
        details: expect.objectContaining({ dataDir, previousOwner: expect.objectContaining({ pid }) }),
      },
    ]);
  });

  it.each([
    { name: 'an unreadable lock file', content: 'half a wri' },
    { name: 'a lock with our own pid that this process does not hold (a restarted container)', content: 'own pid' },
  ])('takes over $name', ({ content }) => {
    const dataDir = temporaryDataDir();
    acquireDataDirLock({ dataDir }).release();
    const lockFile = join(dataDir, LOCK_FILE_NAME);
    writeFileSync(
      lockFile,
      content === 'own pid'
        ? JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '2026-01-05T09:00:00.000Z', command: 'wecena serve' })
        : content,
    );
    const warnings: string[] = [];

    const lock = acquireDataDirLock({ dataDir, onWarning: (message) => warnings.push(message) });
    lock.release();

    expect(warnings).toHaveLength(1);
  });

  it('refuses a lock held from another host, which it cannot check, and says how to clear it', () => {
    const dataDir = temporaryDataDir();
    writeLock(dataDir, { pid: 4242, host: 'other-host.example', startedAt: '2026-01-05T09:00:00.000Z', command: 'wecena serve' });

    expect(() => acquireDataDirLock({ dataDir })).toThrow(
      `is in use by process 4242 on host other-host.example (wecena serve, started 2026-01-05T09:00:00.000Z); stop it or set WECENA_DATA_DIR to another directory (if that process is gone, delete ${join(dataDir, LOCK_FILE_NAME)})`,
    );
  });

  it('never removes, on release, a lock that another process took over meanwhile', () => {
    const dataDir = temporaryDataDir();
    const lock = acquireDataDirLock({ dataDir });
    const other = JSON.stringify({ pid: 4242, host: 'other-host.example', startedAt: '2026-01-05T09:00:00.000Z', command: 'x' });
    writeFileSync(lock.file, other);

    lock.release();

    expect(readFileSync(lock.file, 'utf8')).toBe(other);
  });

  it('lets exactly one of several processes take over the same stale lock', async () => {
    const dataDir = temporaryDataDir();
    writeLock(dataDir, { pid: await deadPid(), host: hostname(), startedAt: '2026-01-05T09:00:00.000Z', command: 'gone' });
    const startAt = Date.now() + 2_500;
    const racer = `
      const { acquireDataDirLock } = await import(${JSON.stringify(LOCK_MODULE)});
      while (Date.now() < ${startAt}) {}
      try {
        acquireDataDirLock({ dataDir: ${JSON.stringify(dataDir)} });
        console.log('outcome=acquired');
      } catch (error) {
        console.log('outcome=' + (error.code ?? error.message));
      }
      setTimeout(() => process.exit(0), 1_000);
    `;

    const racers = await Promise.all([1, 2, 3, 4].map(() => spawnTypeScript(racer, 'outcome=')));

    const outcomes = racers.map((racer) => /outcome=(?<outcome>\S+)/.exec(racer.output())?.groups?.['outcome']).sort();
    expect(outcomes).toEqual(['acquired', 'data_dir_locked', 'data_dir_locked', 'data_dir_locked']);
  });
});

describe('openDatabase on a PGlite directory', () => {
  it('refuses a directory another live process has open, then takes it over once that process is killed', async () => {
    const dataDir = temporaryDataDir();
    const { child } = await spawnTypeScript(
      `
      const { openDatabase } = await import(${JSON.stringify(DB_MODULE)});
      const db = await openDatabase({ dataDir: ${JSON.stringify(dataDir)}, lockOwner: 'wecena serve' });
      await db.exec("CREATE TABLE handover (note text); INSERT INTO handover VALUES ('written by the first process')");
      console.log('ready');
      setInterval(() => {}, 1_000);
    `,
      'ready',
    );

    const refused = openDatabase({ dataDir });
    await expect(refused).rejects.toBeInstanceOf(DataDirectoryLocked);
    await expect(refused).rejects.toThrow(
      new RegExp(`is in use by process ${child.pid} \\(wecena serve, started [^)]+\\); stop it or set WECENA_DATA_DIR`),
    );

    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const warnings: string[] = [];
    const db = await openDatabase({ dataDir, onWarning: (message) => warnings.push(message) });
    try {
      const { rows } = await db.query<{ note: string }>('SELECT note FROM handover');
      expect(rows).toEqual([{ note: 'written by the first process' }]);
      expect(warnings).toEqual(['Took over a stale lock on the PGlite data directory: its owner is no longer running']);
      expect(db.description).toBe(`PGlite in ${dataDir}`);
    } finally {
      await db.close();
    }
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  }, 60_000);

  it('refuses a second open in the same process until the first is closed', async () => {
    const dataDir = temporaryDataDir();
    const first = await openDatabase({ dataDir });

    await expect(openDatabase({ dataDir })).rejects.toThrow(`is in use by process ${process.pid}`);
    await first.close();
    const second = await openDatabase({ dataDir });
    await second.close();
  }, 60_000);
});
