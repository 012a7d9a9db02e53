import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type LedgerReport, buildLedgerReport, renderLedgerCsv } from '@wecena/core';
import { type Database, loadAgreements, loadLedgerEntries, openDatabase, reviewContribution } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';

const wecena = resolve(import.meta.dirname, '../bin/wecena.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], target: Record<string, string>): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [wecena, ...args], { env: { PATH: process.env.PATH ?? '', ...target }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

async function one(db: Database, sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`no row from ${sql}`);
  return id;
}

/**
 * Adds to the demo's one credit (Léa, 3h40, pending), on its day: Camille's credit, approved,
 * with a title a spreadsheet would read as a formula; Yanis's, rejected; and one for a
 * beneficiary with no agreement. Returns the year of that day.
 */
async function addLedgerEntries(db: Database): Promise<number> {
  const demoCredit = await db.query<{ landed_at: Date; task_id: string; sponsor_id: string; beneficiary_id: string }>(
    `SELECT landed_at, task_id, sponsor_id, beneficiary_id FROM contributions WHERE kind = 'credit'`,
  );
  const { landed_at: landedAt, sponsor_id: sponsor, beneficiary_id: beneficiary } = demoCredit.rows[0] ?? {};
  if (landedAt === undefined) throw new Error('the demo has no credit');
  const day = `${landedAt.toISOString().slice(0, 10)}T`;
  const repository = await one(db, 'SELECT id FROM repositories WHERE beneficiary_id = $1 ORDER BY id LIMIT 1', [beneficiary]);
  const consultant = (name: string) => one(db, 'SELECT id FROM consultants WHERE display_name = $1', [name]);
  const credit = async (input: { repository: string; consultant: string; beneficiary: string; title: string; at: string; minutes: number; cents: number }) => {
    const issue = 900 + Number(await one(db, 'SELECT count(*) AS id FROM tasks'));
    const task = await one(
      db,
      `INSERT INTO tasks (repository_id, issue_number, issue_forge_id, title, url, state) VALUES ($1, $2, $3, $4, $5, 'done') RETURNING id`,
      [input.repository, issue, `forge-${issue}`, input.title, `https://example.org/issues/${issue}`],
    );
    return one(
      db,
      `INSERT INTO contributions (kind, task_id, consultant_id, sponsor_id, beneficiary_id, change_request_url, landed_at, minutes, valuation_cents, recorded_by, recorded_at)
       VALUES ('credit', $1, $2, $3, $4, $5, $6, $7, $8, 'wecena', $6) RETURNING id`,
      [task, input.consultant, sponsor, input.beneficiary, `https://example.org/pulls/${issue}`, input.at, input.minutes, input.cents],
    );
  };
  const approved = await credit({ repository, consultant: await consultant('Camille Martin'), beneficiary: beneficiary ?? '', title: '=HYPERLINK("http://evil.example"), "quoted"', at: `${day}08:00:00Z`, minutes: 90, cents: 8_100 });
  const rejected = await credit({ repository, consultant: await consultant('Yanis Benali'), beneficiary: beneficiary ?? '', title: 'Tidy the footer', at: `${day}09:00:00Z`, minutes: 60, cents: 5_000 });
  const outsider = await one(
    db,
    `INSERT INTO beneficiaries (kind, name, eligibility, legal_name) VALUES ('nonprofit', 'Sans Convention', 'public_interest_organisation', 'Association Sans Convention') RETURNING id`,
  );
  const outsiderRepository = await one(db, `INSERT INTO repositories (forge, host, forge_id, path, beneficiary_id) VALUES ('github', 'github.com', 'r-out', 'sans/convention', $1) RETURNING id`, [outsider]);
  await credit({ repository: outsiderRepository, consultant: await consultant('Camille Martin'), beneficiary: outsider, title: 'Fix the donation form', at: `${day}10:00:00Z`, minutes: 30, cents: 2_700 });
  const reviewer = await one(db, 'SELECT id FROM sponsor_reviewers ORDER BY id LIMIT 1');
  const now = new Date(landedAt.getTime() + 3_600_000);
  await reviewContribution(db, { creditId: approved, action: 'approve', reviewer, now });
  await reviewContribution(db, { creditId: rejected, action: 'reject', reason: '@SUM(1+1) not wecena work', reviewer, now });
  return landedAt.getUTCFullYear();
}

/** The report as the dashboard's sponsor report page computes it. */
async function dashboardReport(db: Database, year: number): Promise<LedgerReport> {
  const period = { from: `${year}-01-01`, to: `${year}-12-31` };
  const [entries, agreements] = await Promise.all([loadLedgerEntries(db, { sponsorId: '1', ...period }), loadAgreements(db, { sponsorId: '1' })]);
  return buildLedgerReport({ entries, agreements, sponsorId: '1', ...period });
}

describeEachEngine('wecena report', (engine) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wecena-report-'));
  const outputDir = mkdtempSync(join(tmpdir(), 'wecena-report-out-'));
  let target: Record<string, string> = {};
  let year = 0;
  let expected: LedgerReport;
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outputDir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    const databaseUrl = engine.engine === 'postgres' ? await engine.freshDatabaseUrl() : undefined;
    target = databaseUrl === undefined ? { WECENA_DATA_DIR: dataDir } : { DATABASE_URL: databaseUrl };
    const seeded = await run(['seed', '--demo'], target);
    expect(seeded.code, seeded.stderr).toBe(0);
    // PGlite admits one process at a time: this one opens the store between the runs.
    const db = await openDatabase(databaseUrl === undefined ? { dataDir } : { url: databaseUrl });
    try {
      year = await addLedgerEntries(db);
      expected = await dashboardReport(db, year);
    } finally {
      await db.close();
    }
  });

  it('--format csv prints the dashboard’s CSV export of the year, byte for byte', async () => {
    const csv = await run(['report', '--sponsor', 'Octet Conseil', '--year', String(year), '--format', 'csv'], target);

    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toBe(renderLedgerCsv(expected.lines));
    const records = csv.stdout.split('\r\n');
    expect(records[0]).toMatch(/^\ufeffcredit_id,landed_on,month,beneficiary,consultant,task,/);
    // Léa's, Camille's and Yanis's credits (the rejected one at zero), not the one outside any agreement; then the last CRLF.
    expect(records).toHaveLength(5);
    expect(csv.stdout).toContain(`,"'=HYPERLINK(""http://evil.example""), ""quoted""",`);
    expect(csv.stdout).toContain(",0,0.00,false,0,0.00,rejected,'@SUM(1+1) not wecena work,");
    expect(csv.stdout).not.toContain('Fix the donation form');
  });

  it('--format json writes the report with cents and minutes to --output', async () => {
    const file = join(outputDir, `report-${engine.engine}.json`);
    const json = await run(['report', '--sponsor', '1', '--year', String(year), '--format', 'json', '--output', file], target);

    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toBe(`wrote the ${year} report of #1 Octet Conseil to ${file} (json, 3 contribution(s))\n`);
    const document = JSON.parse(readFileSync(file, 'utf8'));
    expect(document).toEqual({ sponsor: { id: '1', name: 'Octet Conseil', currency: 'EUR' }, year, report: expected });
    // Léa's 3h40 at 46 €/h (168.67 €) and Camille's 1h30 (81 €); Yanis's rejected credit counts zero.
    expect(document.report.totals).toEqual({ credits: 2, minutes: 310, valuationCents: 24_967 });
    expect(document.report.byStatus.approved).toEqual({ credits: 1, minutes: 90, valuationCents: 8_100 });
    expect(document.report.outsideAgreement.totals).toEqual({ credits: 1, minutes: 30, valuationCents: 2_700 });
  });

  it('prints tables for a person by default', async () => {
    const text = await run(['report', '--sponsor', 'Octet Conseil', '--year', String(year)], target);

    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Octet Conseil (#1): contributions of ${year} (${year}-01-01 to ${year}-12-31), valued at cost price\n`);
    expect(text.stdout).toContain('Counted: 2 contribution(s), 5h10, 249.67 EUR (pending 1, approved 1, adjusted 0; 1 rejected, counted at zero)\n');
    expect(text.stdout).toMatch(/\n {2}Entraide Solidaire {2}2 {14}5h10 {3}249\.67 EUR\n/);
    expect(text.stdout).toMatch(/Outside any agreement in force on their day, not counted above: 1 contribution\(s\), 30m, 27\.00 EUR\n.*\n.*Sans Convention/);
  });

  it.each([
    { name: 'an unknown sponsor', args: ['--sponsor', 'Nobody', '--year', '2026'], problem: 'no sponsor has the id or name "Nobody" (known: #1 Octet Conseil)' },
    { name: 'a year that is not YYYY', args: ['--sponsor', '1', '--year', '26'], problem: '--year: expected a year as YYYY, from 2000 to 2099, such as 2026 (got "26")' },
    { name: 'an unknown format', args: ['--sponsor', '1', '--year', '2026', '--format', 'xlsx'], problem: '--format: expected one of text, csv, json (got "xlsx")' },
  ])('refuses $name with one line and exit code 2, writing nothing', async ({ args, problem }) => {
    const file = join(outputDir, `refused-${engine.engine}.csv`);

    const refused = await run(['report', ...args, '--output', file], target);

    expect(refused).toEqual({ code: 2, stdout: '', stderr: `wecena report: ${problem}\n` });
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a missing --sponsor with exit code 2', async () => {
    const refused = await run(['report', '--year', '2026'], target);

    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("required option '--sponsor <id|name>' not specified");
    expect(refused.stdout).toBe('');
  });
});
