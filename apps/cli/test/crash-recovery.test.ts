import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Database, openDatabase } from '@wecena/db';
import { describeEachEngine, githubDeliveryHeaders, githubExample } from '@wecena/testkit';
import { afterAll, expect, it } from 'vitest';

const wecena = resolve(import.meta.dirname, '../bin/wecena.js');
const secret = 'crash-test-secret';
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

interface Started {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** Runs `wecena serve` as a real process and waits for its start-up line. */
function startWecena(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [wecena, 'serve'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'warn', APP_ID: '1', PRIVATE_KEY: privateKey, WEBHOOK_SECRET: secret, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((ready, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`wecena did not start in time:\n${output}`)), 100_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /dashboard at (http:\/\/\S+?)\/ /.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        ready({ child, url: match[1], exited });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => fail(new Error(`wecena exited with ${code}:\n${output}`)));
  });
}

describeEachEngine('a delivery acknowledged before a crash', (engine) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wecena-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is processed exactly once by the next process', async () => {
    const databaseUrl = engine.engine === 'postgres' ? await engine.freshDatabaseUrl() : undefined;
    const target: Record<string, string> = databaseUrl ? { DATABASE_URL: databaseUrl } : { WECENA_DATA_DIR: dataDir };

    // A receiver-only process acknowledges the delivery, then dies without warning.
    const receiver = await startWecena({ ...target, WECENA_WORKER: 'off' });
    const body = JSON.stringify(githubExample('issue_comment', { action: 'created' }));
    const headers = githubDeliveryHeaders({ event: 'issue_comment', body, secret });
    const response = await fetch(`${receiver.url}/github/webhooks`, { method: 'POST', headers, body });
    expect(response.status).toBe(202);
    receiver.child.kill('SIGKILL');
    await receiver.exited;

    // The next process, with its worker on, finds it in the inbox.
    const next = await startWecena(target);
    await expect
      .poll(async () => (await (await fetch(`${next.url}/metrics`)).text()).match(/wecena_inbox_depth\{status="processed"\} (\d+)/)?.[1], {
        timeout: 60_000,
        interval: 100,
      })
      .toBe('1');
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);

    const db: Database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
    try {
      const inbox = await db.query(`SELECT status, attempts FROM inbox_deliveries WHERE delivery_id = $1`, [headers['X-GitHub-Delivery']]);
      expect(inbox.rows).toEqual([{ status: 'processed', attempts: 1 }]);
      const events = await db.query(`SELECT kind FROM forge_events WHERE delivery_id = $1`, [headers['X-GitHub-Delivery']]);
      expect(events.rows).toEqual([{ kind: 'comment_created' }]);
    } finally {
      await db.close();
    }
  });
});
