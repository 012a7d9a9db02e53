import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLAIM_RECALLED_EVENT, type Database, openDatabase } from '@wecena/db';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../src/program';

const wecena = resolve(import.meta.dirname, '../bin/wecena.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `wecena admin …` as a real process on the test's PGlite data directory. */
function admin(dataDir: string, args: string[]): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [wecena, 'admin', ...args], {
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
async function withData<T>(dataDir: string, use: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir });
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

describe('wecena admin, run as a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wecena-admin-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('registers a beneficiary, a sponsor, a consultant, their availability and an agreement', { timeout: 120_000 }, async () => {
    const beneficiary = await admin(dataDir, [
      'beneficiary', 'add', '--name', 'Cartolibre', '--kind', 'free_software', '--eligibility', 'osi_approved_licence',
      '--licence', 'AGPL-3.0-or-later', '--legal-name', 'Association des contributeurs de Cartolibre', '--rna', 'W751234568',
      '--address', '20 rue des Cartographes, 75011 Paris',
    ]);
    const sponsor = await admin(dataDir, [
      'sponsor', 'add', '--name', 'Octet Conseil', '--legal-name', 'Octet Conseil SAS', '--siren', '832 519 748',
      '--address', '12 rue de la Charité, 69002 Lyon', '--default-cost-rate', '450.00 EUR/h',
    ]);
    const consultant = await admin(dataDir, [
      'consultant', 'add', 'Octet Conseil', '--name', 'Camille Martin', '--github', 'camille-martin', '--gitlab', 'gitlab.com:cmartin',
      '--skill', 'typescript:3', '--skill', 'accessibility:2', '--cost-rate', '380.00', '--json',
    ]);
    const availability = await admin(dataDir, ['availability', 'add', 'camille-martin', '--from', '2026-03-02', '--to', '2026-03-13', '--hours-per-day', '7']);
    const agreement = await admin(dataDir, ['agreement', 'add', 'Octet Conseil', 'Cartolibre', '--signed-on', '2026-01-10', '--from', '2026-01-15', '--reference', 'CM-2026-01']);

    expect(beneficiary).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'added beneficiary #1 Cartolibre (free_software, OSI-approved licence AGPL-3.0-or-later)\n' +
        'link its repositories with: wecena admin beneficiary link-repo 1 github:github.com/<owner>/<name>\n',
    });
    expect(sponsor).toEqual({ code: 0, stderr: '', stdout: 'added sponsor #1 Octet Conseil (SIREN 832519748, default cost rate 450.00 EUR/h)\n' });
    expect(consultant.code).toBe(0);
    expect(JSON.parse(consultant.stdout)).toMatchObject({
      created: true,
      consultant: {
        id: '1',
        sponsorName: 'Octet Conseil',
        identities: [
          { forge: 'github', host: 'github.com', login: 'camille-martin' },
          { forge: 'gitlab', host: 'gitlab.com', login: 'cmartin' },
        ],
        skills: [
          { name: 'accessibility', level: 2 },
          { name: 'typescript', level: 3 },
        ],
        openClaimsLimit: 2,
        costRateCents: 38_000,
      },
    });
    expect(availability).toEqual({ code: 0, stderr: '', stdout: '#1 Camille Martin is available #1 2026-03-02 → 2026-03-13, 7h a day\n' });
    expect(agreement).toEqual({
      code: 0,
      stderr: '',
      stdout: 'recorded agreement #1 2026-01-15 → open-ended between #1 Octet Conseil and #1 Cartolibre, signed on 2026-01-10\n',
    });
  });

  it('refuses bad input with one line naming the problem, exit code 2, and writes nothing', { timeout: 60_000 }, async () => {
    const badSiren = await admin(dataDir, ['sponsor', 'add', '--name', 'Autre', '--legal-name', 'Autre SAS', '--siren', '832519749', '--address', '1 rue de Rivoli, 75001 Paris']);
    const overlap = await admin(dataDir, ['availability', 'add', 'Camille Martin', '--from', '2026-03-10', '--to', '2026-03-20']);

    expect(badSiren).toEqual({ code: 2, stdout: '', stderr: 'wecena admin: --siren: this SIREN fails its checksum: a digit is probably mistyped (got "832519749")\n' });
    expect(overlap).toEqual({
      code: 2,
      stdout: '',
      stderr: 'wecena admin: 2026-03-10 → 2026-03-20 overlaps the availability of #1 Camille Martin: #1 2026-03-02 → 2026-03-13, 7h a day\n',
    });
    const counts = await withData(dataDir, async (db) => {
      const { rows } = await db.query<{ sponsors: string; windows: string }>(
        'SELECT (SELECT count(*) FROM sponsors) AS sponsors, (SELECT count(*) FROM availability_windows) AS windows',
      );
      return rows[0];
    });
    expect(counts).toEqual({ sponsors: '1', windows: '1' });
  });

  it('links a repository registered by the App, and refuses one it does not know, listing those waiting', { timeout: 60_000 }, async () => {
    // What the GitHub App's installation does: the repository is known, linked to no one.
    await withData(dataDir, (db) =>
      db.query(`INSERT INTO repositories (forge, host, forge_id, path, installation_id) VALUES ('github', 'github.com', '731904512', 'cartolibre/atlas', '51234567')`),
    );

    const unknown = await admin(dataDir, ['beneficiary', 'link-repo', 'Cartolibre', 'github:github.com/cartolibre/atlass']);
    const linked = await admin(dataDir, ['beneficiary', 'link-repo', 'Cartolibre', 'https://github.com/cartolibre/atlas']);
    const repositories = await admin(dataDir, ['repository', 'list', '--json']);

    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "wecena admin: repository github:github.com/cartolibre/atlass is not registered: wecena registers a repository when the GitHub App is installed on it or the GitLab bot's webhook reaches it (unlinked repositories: github:github.com/cartolibre/atlas)\n",
    });
    expect(linked).toEqual({ code: 0, stderr: '', stdout: 'linked github:github.com/cartolibre/atlas → #1 Cartolibre\n' });
    expect(JSON.parse(repositories.stdout)).toEqual([
      { id: '1', forge: 'github', host: 'github.com', path: 'cartolibre/atlas', reference: 'github:github.com/cartolibre/atlas', beneficiaryId: '1', beneficiaryName: 'Cartolibre', enabled: true },
    ]);
  });

  it('recalls a consultant: the window ends that day and each open claim is queued for the worker, time logs kept', { timeout: 60_000 }, async () => {
    const claims = await withData(dataDir, async (db) => {
      const ids: string[] = [];
      for (const issue of [12, 13]) {
        const { rows: tasks } = await db.query<{ id: string }>(
          `INSERT INTO tasks (repository_id, issue_number, issue_forge_id, title, url, state) VALUES (1, $1, $2, 'A task', $3, 'claimed') RETURNING id`,
          [issue, `I_${issue}`, `https://github.com/cartolibre/atlas/issues/${issue}`],
        );
        const { rows } = await db.query<{ id: string }>(
          `INSERT INTO claims (task_id, consultant_id, claimed_at, expires_at) VALUES ($1, 1, '2026-03-03T09:00:00Z', '2026-03-06T09:00:00Z') RETURNING id`,
          [tasks[0]?.id],
        );
        ids.push(rows[0]?.id ?? '');
      }
      await db.query(`INSERT INTO time_logs (consultant_id, task_id, minutes, spent_on, source, source_ref) VALUES (1, 1, 150, '2026-03-03', 'command', 'comment-1')`);
      return ids;
    });

    const recall = await admin(dataDir, ['recall', 'camille-martin', '--on', '2026-03-04']);

    expect(recall).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'recalled #1 Camille Martin: window #1 (from 2026-03-02) now ends on 2026-03-04 (was 2026-03-13)',
        '2 open claim(s) will be handed back by the worker:',
        `  claim #${claims[0]} https://github.com/cartolibre/atlas/issues/12`,
        `  claim #${claims[1]} https://github.com/cartolibre/atlas/issues/13`,
        '',
      ].join('\n'),
    });
    const stored = await withData(dataDir, async (db) => ({
      deliveries: (
        await db.query<{ delivery_id: string; event_name: string; body: Uint8Array; status: string }>(
          `SELECT delivery_id, event_name, body, status FROM inbox_deliveries WHERE source = 'wecena' ORDER BY delivery_id`,
        )
      ).rows.map((row) => ({ ...row, body: JSON.parse(Buffer.from(row.body).toString('utf8')) as unknown })),
      windowEnd: (await db.query<{ to_date: string }>('SELECT to_date FROM availability_windows WHERE id = 1')).rows[0]?.to_date,
      timeLogs: (await db.query<{ count: string }>('SELECT count(*) AS count FROM time_logs')).rows[0]?.count,
    }));
    expect(stored).toEqual({
      deliveries: claims.map((claimId) => ({ delivery_id: `recall:${claimId}`, event_name: CLAIM_RECALLED_EVENT, body: { claimId }, status: 'pending' })),
      windowEnd: '2026-03-04',
      timeLogs: '1',
    });
  });
});

describe('wecena admin --help', () => {
  const program = buildProgram();
  const admin = program.commands.find((command) => command.name() === 'admin');
  const leaves: { path: string; help: string; described: boolean }[] = [];
  const walk = (command: NonNullable<typeof admin>, path: string[]): void => {
    for (const child of command.commands) {
      const childPath = [...path, child.name()];
      if (child.commands.length > 0) walk(child, childPath);
      else leaves.push({ path: childPath.join(' '), help: child.helpInformation(), described: child.description() !== '' });
    }
  };
  if (admin) walk(admin, ['admin']);

  it('has the operator commands', () => {
    expect(leaves.map((leaf) => leaf.path)).toEqual([
      'admin beneficiary add',
      'admin beneficiary list',
      'admin beneficiary link-repo',
      'admin beneficiary unlink-repo',
      'admin repository list',
      'admin sponsor add',
      'admin sponsor list',
      'admin sponsor reviewer add',
      'admin consultant add',
      'admin consultant list',
      'admin consultant identity add',
      'admin consultant identity remove',
      'admin consultant skill set',
      'admin availability add',
      'admin availability list',
      'admin availability end',
      'admin agreement add',
      'admin agreement list',
      'admin recall',
      'admin grant list',
      'admin grant revoke',
    ]);
  });

  it('describes admin grant, which grants as well as holding list and revoke', () => {
    const grant = admin?.commands.find((command) => command.name() === 'grant');

    expect(grant?.helpInformation()).toMatch(/^Usage: wecena admin grant <role> <host>\/<login> \[--sponsor <sponsor>/);
    expect(grant?.description()).not.toBe('');
  });

  it.each(leaves)('describes $path with its usage', ({ path, help, described }) => {
    expect(help.startsWith(`Usage: wecena ${path}`)).toBe(true);
    expect(described).toBe(true);
  });
});
