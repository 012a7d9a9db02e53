import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Database, openDatabase } from '@wecena/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

async function withStore<T>(dataDir: string, use: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir });
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

interface StoredProposal {
  consultant: string;
  title: string;
  assigned: boolean;
  reasons: string[];
}

function readProposals(db: Database): Promise<StoredProposal[]> {
  return db
    .query<StoredProposal>(
      `SELECT c.display_name AS consultant, t.title, p.assigned, p.reasons
         FROM pairing_proposals p JOIN consultants c ON c.id = p.consultant_id JOIN tasks t ON t.id = p.task_id
        ORDER BY p.consultant_id, p.rank`,
    )
    .then((result) => result.rows);
}

describe('wecena pair', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wecena-pair-'));
  const env = { WECENA_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  beforeAll(async () => {
    const seeded = await run(['seed', '--demo'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    // The demo's consultants hold their limit of claims but Léa: give her a task of her skills.
    await withStore(dataDir, async (db) => {
      await db.query(
        `INSERT INTO tasks (repository_id, issue_number, issue_forge_id, title, url, state, estimate_minutes, skills, category, language)
         SELECT id, 150, '2900000150', 'Document the offline mode', 'https://github.com/cartolibre/cartolibre/issues/150', 'ready', 120,
                '{documentation}', 'content', 'fr'
           FROM repositories WHERE path = 'cartolibre/cartolibre'`,
      );
      await db.query(`UPDATE consultants SET languages = '{fr,en}' WHERE display_name = 'Léa Dubois'`);
    });
  }, 120_000);

  it('prints each consultant’s tasks ranked with score, issue and reasons, and stores nothing (--dry-run)', async () => {
    const json = await run(['pair', '--dry-run', '--json'], env);
    const text = await run(['pair', '--dry-run', '--consultant', 'lea-dubois-oc'], env);

    expect(json.code, json.stderr).toBe(0);
    const plan = JSON.parse(json.stdout);
    expect(plan).toMatchObject({ consultants: 3, tasks: 2, assigned: 1 });
    const lea = plan.plans.find((consultant: { name: string }) => consultant.name === 'Léa Dubois');
    expect(lea.proposals).toEqual([
      {
        rank: 1,
        assigned: true,
        taskId: expect.any(String),
        title: 'Document the offline mode',
        url: 'https://github.com/cartolibre/cartolibre/issues/150',
        score: 40,
        reasons: ['matches skill documentation at level 3 of 3 (+30)', 'fits the time left: 2h of 15h', "speaks the task's language, fr (+10)"],
      },
    ]);
    expect(plan.plans.find((consultant: { name: string }) => consultant.name === 'Camille Martin').availability.freeSlots).toBe(0);

    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Léa Dubois (#3), 15h free, 2 claim slot(s)');
    expect(text.stdout).toMatch(/ 1\. {2}40 {2}proposed {5}Document the offline mode\n\s+https:\/\/github\.com\/cartolibre\/cartolibre\/issues\/150\n\s+- matches skill documentation/);
    expect(text.stdout).not.toContain('Camille Martin');
    // The demo's two sample proposals are still all the store holds.
    expect((await withStore(dataDir, readProposals)).map((row) => row.consultant)).toEqual(['Camille Martin', 'Léa Dubois']);
  }, 90_000);

  it('replaces the stored proposals and prints the counts', async () => {
    const stored = await run(['pair'], env);

    expect(stored.code, stored.stderr).toBe(0);
    expect(stored.stdout).toContain(
      'stored 1 proposal(s): 1 pair(s) proposed to 1 of 3 available consultant(s), among 2 ready task(s); total score 40.',
    );
    expect(await withStore(dataDir, readProposals)).toEqual([
      {
        consultant: 'Léa Dubois',
        title: 'Document the offline mode',
        assigned: true,
        reasons: ['matches skill documentation at level 3 of 3 (+30)', 'fits the time left: 2h of 15h', "speaks the task's language, fr (+10)"],
      },
    ]);
  }, 60_000);
});
