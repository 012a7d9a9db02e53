import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ReportTotals, renderLedgerCsv, summaryOf } from '@wecena/core';
import {
  type Database,
  type Engine,
  describePostgresUrl,
  loadAgreements,
  loadLedgerEntries,
  loadSponsorYearLinesPage,
  loadSponsorYearReport,
  loadSponsorYearSummary,
  migrate,
  openDatabase,
  yearPeriod,
} from '@wecena/db';
import { FIRST_YEAR, type LedgerShape, YEARS, describeLedger, generateLedger } from './ledger-population';
import { naiveYearTotals } from './naive-report';

const usage = `usage: npm run bench -- report [options]

Generates a ledger (credits and review entries of 10 sponsors over 5 years) in a database of
its own, then times one sponsor's yearly figures summed by the database (with a page of lines: the
dashboard's report page), the report with every line, its CSV export,
and a naive baseline that loads the whole ledger and sums it in JavaScript. Runs on PGlite,
and on PostgreSQL too when DATABASE_URL is set (in a database created and dropped by the run).

  --entries N        ledger entries to generate (default 1000000)
  --runs N           timed runs of the report and the CSV export, after one warm-up (default 9)
  --baseline-runs N  timed runs of the baseline, after one warm-up (default 3: it reads the whole ledger)
  --engines a,b      pglite, postgres (default: pglite, and postgres when DATABASE_URL is set)
  --help`;

interface Timing {
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

interface EngineReport {
  engine: Engine;
  generateMs: number;
  ledger: LedgerShape;
  sponsorId: string;
  year: number;
  /** Entries the report read (the year's credits of the sponsor, with their corrections) and the lines it gave. */
  entriesRead: number;
  lines: number;
  totals: ReportTotals;
  csvBytes: number;
  /** The report's figures without its lines, summed by the database (`/api/v1/sponsors/{id}/figures`). */
  figures: Timing;
  /** What the report page reads: the figures and its first page of lines. */
  page: Timing;
  report: Timing;
  /** The part of the report spent reading the entries and agreements from the database; the rest is the core's buildLedgerReport. */
  load: Timing;
  csv: Timing;
  baseline: Timing;
}

/** A database of its own for the run, and what removes it. */
interface BenchDatabase {
  db: Database;
  dispose(): Promise<void>;
}

async function freshPglite(): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wecena-bench-report-'));
  const db = await openDatabase({ dataDir, lockOwner: 'npm run bench -- report' });
  return {
    db,
    async dispose() {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `wecena_bench_report_<random>` on the server of `url`, dropped by dispose(): 1M rows never stay behind. */
async function freshPostgres(url: string): Promise<BenchDatabase> {
  const name = `wecena_bench_report_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ url, poolSize: 1 });
  // An identifier cannot be a parameter; `name` is ours, [a-z0-9_] only.
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase({ url: target.toString() });
  return {
    db,
    async dispose() {
      try {
        await db.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.close();
      }
    },
  };
}

/** The lines the dashboard's report page lists at a time (REPORT_LINES_PER_PAGE of its route). */
const REPORT_PAGE_LINES = 200;

/** Runs `task` once to warm up, then `runs` times, timing each run. */
async function time(runs: number, task: () => Promise<unknown>): Promise<Timing> {
  await task();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (quantile: number): number => samples[Math.min(samples.length - 1, Math.ceil(quantile * samples.length) - 1)] ?? Number.NaN;
  return { medianMs: at(0.5), p95Ms: at(0.95), minMs: samples[0] ?? Number.NaN, maxMs: samples.at(-1) ?? Number.NaN };
}

async function benchEngine(engine: Engine, entries: number, runs: number, baselineRuns: number): Promise<EngineReport> {
  const databaseUrl = process.env.DATABASE_URL;
  const fresh = engine === 'postgres' && databaseUrl !== undefined ? await freshPostgres(databaseUrl) : await freshPglite();
  const { db } = fresh;
  try {
    console.log(`\n${engine === 'postgres' && databaseUrl !== undefined ? describePostgresUrl(databaseUrl) : 'PGlite'}: ${db.description}`);
    await migrate(db);
    const started = performance.now();
    await generateLedger(db, entries, (soFar) => process.stdout.write(`\r  generating: ${soFar.toLocaleString('en')} entries`));
    const generateMs = performance.now() - started;
    const ledger = await describeLedger(db);
    process.stdout.write(`\r  generated ${ledger.entries.toLocaleString('en')} entries in ${(generateMs / 1000).toFixed(1)} s (${Math.round(ledger.entries / (generateMs / 1000)).toLocaleString('en')}/s, people and tasks included)\n`);
    printLedger(ledger);

    // The largest sponsor's last full year: the heaviest report of the ledger.
    const sponsorId = ledger.sponsors[0]?.id ?? '1';
    const year = FIRST_YEAR + YEARS - 1;
    const report = await loadSponsorYearReport(db, { sponsorId, year });
    const baselineTotals = await naiveYearTotals(db, sponsorId, year);
    if (JSON.stringify(baselineTotals) !== JSON.stringify(report.totals)) {
      throw new Error(`the baseline and the report disagree: ${JSON.stringify(baselineTotals)} against ${JSON.stringify(report.totals)}`);
    }
    if (JSON.stringify(await loadSponsorYearSummary(db, { sponsorId, year })) !== JSON.stringify(summaryOf(report))) {
      throw new Error("the database's figures and the core's report disagree");
    }
    const entriesRead = report.lines.concat(report.outsideAgreement.lines).reduce((sum, line) => sum + line.entryIds.length, 0);
    return {
      engine,
      generateMs,
      ledger,
      sponsorId,
      year,
      entriesRead,
      lines: report.lines.length,
      totals: report.totals,
      csvBytes: Buffer.byteLength(renderLedgerCsv(report.lines)),
      figures: await time(runs, () => loadSponsorYearSummary(db, { sponsorId, year })),
      page: await time(runs, () =>
        Promise.all([loadSponsorYearSummary(db, { sponsorId, year }), loadSponsorYearLinesPage(db, { sponsorId, year, after: null, limit: REPORT_PAGE_LINES })]),
      ),
      report: await time(runs, () => loadSponsorYearReport(db, { sponsorId, year })),
      load: await time(runs, () => Promise.all([loadLedgerEntries(db, { sponsorId, ...yearPeriod(year) }), loadAgreements(db, { sponsorId })])),
      csv: await time(runs, async () => renderLedgerCsv((await loadSponsorYearReport(db, { sponsorId, year })).lines)),
      baseline: await time(baselineRuns, () => naiveYearTotals(db, sponsorId, year)),
    };
  } finally {
    await fresh.dispose();
  }
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

function printLedger(ledger: LedgerShape): void {
  const credits = ledger.byKind.credit ?? 0;
  const corrections = ledger.entries - credits;
  console.log(
    `  ${credits.toLocaleString('en')} credits, ${corrections.toLocaleString('en')} corrections (${Object.entries(ledger.byKind)
      .filter(([kind]) => kind !== 'credit')
      .map(([kind, count]) => `${kind} ${count.toLocaleString('en')}`)
      .join(', ')}; by status ${Object.entries(ledger.byStatus)
      .map(([status, count]) => `${status} ${percent(count, corrections)}`)
      .join(', ')})`,
  );
  console.log(`  by year landed: ${Object.entries(ledger.byYear).map(([year, count]) => `${year} ${count.toLocaleString('en')}`).join(', ')}`);
  console.log(`  by sponsor: ${ledger.sponsors.map((sponsor) => `#${sponsor.id} ${percent(sponsor.entries, ledger.entries)}`).join(', ')}`);
  console.log(
    `  ${ledger.consultants.toLocaleString('en')} consultants, ${ledger.beneficiaries} beneficiaries, ${ledger.agreements} agreements, ${ledger.tasks.toLocaleString('en')} tasks`,
  );
}

function printEngine(report: EngineReport): void {
  const ms = (timing: Timing): string =>
    `median ${timing.medianMs.toFixed(0).padStart(5)} ms  p95 ${timing.p95Ms.toFixed(0).padStart(5)} ms  min ${timing.minMs.toFixed(0).padStart(5)} ms  max ${timing.maxMs.toFixed(0).padStart(5)} ms`;
  console.log(
    `  sponsor #${report.sponsorId}, ${report.year}: ${report.entriesRead.toLocaleString('en')} entries read, ${report.lines.toLocaleString('en')} lines, ` +
      `${report.totals.credits.toLocaleString('en')} credits counted, ${Math.round(report.totals.minutes / 60).toLocaleString('en')} h, ` +
      `${Math.round(report.totals.valuationCents / 100).toLocaleString('en')} € (baseline agrees)`,
  );
  console.log(`  ${'(a) figures, summed by the database'.padEnd(44)}${ms(report.figures)}  (loadSponsorYearSummary: the report without its lines)`);
  console.log(`  ${`    with ${REPORT_PAGE_LINES} lines: the report page`.padEnd(44)}${ms(report.page)}`);
  console.log(`  ${"(a') report with every line".padEnd(44)}${ms(report.report)}  (loadSponsorYearReport: the API's report, the CLI)`);
  console.log(`  ${'    of which reading the ledger'.padEnd(44)}${ms(report.load)}`);
  console.log(`  ${'(b) CSV export (report + renderLedgerCsv)'.padEnd(44)}${ms(report.csv)}  ${(report.csvBytes / 1_048_576).toFixed(1)} MB`);
  console.log(`  ${'(c) naive: whole ledger, summed in JS'.padEnd(44)}${ms(report.baseline)}`);
  console.log(
    `  baseline / figures ${(report.baseline.medianMs / report.figures.medianMs).toFixed(1)}×, baseline / report ${(report.baseline.medianMs / report.report.medianMs).toFixed(1)}×, baseline / CSV ${(report.baseline.medianMs / report.csv.medianMs).toFixed(1)}× (medians)`,
  );
}

export async function runReportBench(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      entries: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '9' },
      'baseline-runs': { type: 'string', default: '3' },
      engines: { type: 'string', default: process.env.DATABASE_URL ? 'pglite,postgres' : 'pglite' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const entries = Number(values.entries);
  const runs = Number(values.runs);
  const baselineRuns = Number(values['baseline-runs']);
  const engines = values.engines.split(',').map((engine) => engine.trim());
  if (!Number.isInteger(entries) || entries < 100 || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(baselineRuns) || baselineRuns < 1 || engines.some((engine) => engine !== 'pglite' && engine !== 'postgres')) {
    console.error(usage);
    return 2;
  }
  if (engines.includes('postgres') && !process.env.DATABASE_URL) {
    console.error('report: --engines postgres needs DATABASE_URL');
    return 2;
  }
  console.log(`report benchmark: node ${process.version}, ${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(1)}, ${entries.toLocaleString('en')} entries, ${runs} runs (baseline ${baselineRuns})`);
  const reports: EngineReport[] = [];
  for (const engine of engines as Engine[]) {
    const report = await benchEngine(engine, entries, runs, baselineRuns);
    printEngine(report);
    reports.push(report);
  }
  const resultsDir = new URL('../results/', import.meta.url);
  mkdirSync(resultsDir, { recursive: true });
  const file = new URL(`report-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, resultsDir);
  writeFileSync(file, `${JSON.stringify({ node: process.version, cores: availableParallelism(), entries, runs, baselineRuns, reports }, null, 2)}\n`);
  console.log(`\nresults: ${fileURLToPath(file)}`);
  return 0;
}
