import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { type Database, openDatabase } from '@wecena/db';

const wecena = resolve(import.meta.dirname, '../../bin/wecena.js');

export interface AdminRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `wecena <args>` as a real process on a PGlite data directory. */
export function runWecena(dataDir: string, args: string[]): Promise<AdminRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [wecena, ...args], {
      env: { PATH: process.env.PATH ?? '', WECENA_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

/** Opens the data directory in this process, between two runs (PGlite allows one process at a time). */
export async function withData<T>(dataDir: string, use: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir });
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}
