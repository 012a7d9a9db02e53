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
    // The demo proposes tasks to Camille and Léa (Yanis holds his one claim); one more for Léa, after the seed's pairing.
    await withStore(dataDir, async (db) => {
      await db.query(
        `INSERT INTO tasks (repository_id, issue_number, issue_forge_id, title, url, state, estimate_minutes, skills, category, language)
         SELECT id, 150, '2900000150', 'Document the offline mode', 'https://github.com/cartolibre/cartolibre/issues/150', 'ready', 120,
                '{documentation}', 'content', 'fr'
           FROM repositories WHERE path = 'cartolibre/cartolibre'`,
      );
    });
  }, 120_000);

  it('prints each consultant’s tasks ranked with score, issue and reasons, and stores nothing (--dry-run)', async () => {
    const json = await run(['pair', '--dry-run', '--json'], env);
    const text = await run(['pair', '--dry-run', '--consultant', 'lea-dubois-oc'], env);

    expect(json.code, json.stderr).toBe(0);
    const plan = JSON.parse(json.stdout);
    expect(plan).toMatchObject({ consultants: 3, tasks: 4, assigned: 3 });
    const lea = plan.plans.find((consultant: { name: string }) => consultant.name === 'Léa Dubois');
    expect(lea.proposals.map((proposal: { rank: number; assigned: boolean; title: string; score: number }) => [proposal.rank, proposal.assigned, proposal.title, proposal.score])).toEqual([
      [1, true, 'Write the welcome guide for new volunteers', 109],
      [2, true, 'Document the offline mode', 40],
      [3, false, 'Translate the map legend help page into English', 31],
    ]);
    expect(lea.proposals[1]).toMatchObject({
      url: 'https://github.com/cartolibre/cartolibre/issues/150',
      reasons: ['matches skill documentation at level 3 of 3 (+30)', 'fits the time left: 2h of 15h', "speaks the task's language, fr (+10)"],
    });
    expect(plan.plans.find((consultant: { name: string }) => consultant.name === 'Yanis Benali').availability.freeSlots).toBe(0);

    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Léa Dubois (#3), 15h free, 2 claim slot(s)');
    expect(text.stdout).toMatch(/ 2\. {2}40 {2}proposed {5}Document the offline mode\n\s+https:\/\/github\.com\/cartolibre\/cartolibre\/issues\/150\n\s+- matches skill documentation/);
    expect(text.stdout).not.toContain('Camille Martin');
    // What the seed's pairing stored is still all the store holds: the new task is in none of it.
    expect((await withStore(dataDir, readProposals)).map((row) => [row.consultant, row.title])).toEqual([
      ['Camille Martin', 'Keyboard navigation for the layer switcher'],
      ['Léa Dubois', 'Write the welcome guide for new volunteers'],
      ['Léa Dubois', 'Translate the map legend help page into English'],
    ]);
  }, 90_000);

  it('replaces the stored proposals and prints the counts', async () => {
    const stored = await run(['pair'], env);

    expect(stored.code, stored.stderr).toBe(0);
    expect(stored.stdout).toContain(
      'stored 4 proposal(s): 3 pair(s) proposed to 2 of 3 available consultant(s), among 4 ready task(s); total score 236.',
    );
    expect((await withStore(dataDir, readProposals)).map((row) => [row.consultant, row.title, row.assigned])).toEqual([
      ['Camille Martin', 'Keyboard navigation for the layer switcher', true],
      ['Léa Dubois', 'Write the welcome guide for new volunteers', true],
      ['Léa Dubois', 'Document the offline mode', true],
      ['Léa Dubois', 'Translate the map legend help page into English', false],
    ]);
  }, 60_000);
});
