import { writeFileSync } from 'node:fs';
import { type LedgerReport, type ReportLine, type ReportTotals, formatDuration, renderLedgerCsv } from '@wecena/core';
import { type Database, type ReportSponsor, findReportSponsor, loadSponsorYearReport, migrate, openDatabase } from '@wecena/db';
import { Command } from 'commander';
import { z } from 'zod';
import { AdminInputError, validate } from './admin/input';
import { EXIT_BAD_INPUT, formatTable } from './admin/run';
import { configFromEnvironment, databaseOptions } from './environment';

const REPORT_FORMATS = ['text', 'csv', 'json'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The flags as typed; checked before the database is opened. */
const ReportFlags = z.object({
  sponsor: z.string().trim().min(1),
  // The years the dashboard's report page accepts.
  year: z
    .string()
    .trim()
    .regex(/^20[0-9]{2}$/, { error: 'expected a year as YYYY, from 2000 to 2099, such as 2026' })
    .transform(Number),
  format: z.enum(REPORT_FORMATS),
  output: z.string().trim().min(1).optional(),
});
type ReportRequest = z.infer<typeof ReportFlags>;

const FLAGS = { sponsor: '--sponsor', year: '--year', format: '--format', output: '--output' };

interface ReportOptions {
  sponsor: string;
  year: string;
  format: string;
  output?: string;
}

/** What `--format json` prints: the sponsor, the year, and the core's report as it is (cents and minutes). */
interface ReportDocument {
  sponsor: ReportSponsor;
  year: number;
  report: LedgerReport;
}

/** The report in the format asked: the dashboard's CSV export, JSON, or tables for a person. */
function renderReport(document: ReportDocument, format: ReportFormat): string {
  if (format === 'csv') return renderLedgerCsv(document.report.lines);
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  return formatReportText(document).map((line) => `${line}\n`).join('');
}

/** `1234.50 EUR` from cents, exact (no floating point). */
function formatAmount(cents: number, currency: string): string {
  const magnitude = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')} ${currency}`;
}

/** Text from a forge (titles, names) shown on a terminal: control characters cannot move the cursor or change colours. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
}

function totalsCells(totals: ReportTotals, currency: string): string[] {
  return [String(totals.credits), formatDuration(totals.minutes), formatAmount(totals.valuationCents, currency)];
}

function linesTable(lines: readonly ReportLine[], currency: string): string[] {
  return formatTable([
    ['day', 'beneficiary', 'consultant', 'hours', 'valuation', 'review', 'task', 'proof'],
    ...lines.map((line) => [
      line.landedOn,
      printable(line.beneficiaryName),
      printable(line.consultantName),
      `${formatDuration(line.minutes)}${line.estimated ? ' (estimate)' : ''}`,
      formatAmount(line.valuationCents, currency),
      line.reviewStatus,
      printable(line.taskTitle),
      printable(line.proofUrl),
    ]),
  ]).map((row) => `  ${row}`);
}

/** The report as a person reads it: totals, then by month, beneficiary and consultant, then every contribution. */
function formatReportText({ sponsor, year, report }: ReportDocument): string[] {
  const { currency } = sponsor;
  const { pending, approved, adjusted } = report.byStatus;
  const rejected = report.lines.filter((line) => line.reviewStatus === 'rejected').length;
  const out = [
    `${printable(sponsor.name)} (#${sponsor.id}): contributions of ${year} (${report.from} to ${report.to}), valued at cost price`,
    `Counted: ${report.totals.credits} contribution(s), ${formatDuration(report.totals.minutes)}, ${formatAmount(report.totals.valuationCents, currency)}` +
      ` (pending ${pending.credits}, approved ${approved.credits}, adjusted ${adjusted.credits}; ${rejected} rejected, counted at zero)`,
  ];
  if (report.lines.length === 0) out.push('', `No contribution in ${year}.`);
  else {
    const header = ['contributions', 'hours', 'valuation'];
    out.push('', 'By month', ...formatTable([['month', ...header], ...report.byMonth.map((month) => [month.month, ...totalsCells(month.totals, currency)])]).map((row) => `  ${row}`));
    out.push(
      '',
      'By beneficiary',
      ...formatTable([['beneficiary', ...header], ...report.byBeneficiary.map((group) => [printable(group.beneficiaryName), ...totalsCells(group.totals, currency)])]).map((row) => `  ${row}`),
    );
    out.push(
      '',
      'By consultant',
      ...formatTable([['consultant', ...header], ...report.byConsultant.map((group) => [printable(group.consultantName), ...totalsCells(group.totals, currency)])]).map((row) => `  ${row}`),
    );
    out.push('', 'Contributions', ...linesTable(report.lines, currency));
  }
  const outside = report.outsideAgreement;
  if (outside.lines.length > 0) {
    out.push(
      '',
      `Outside any agreement in force on their day, not counted above: ${outside.totals.credits} contribution(s), ${formatDuration(outside.totals.minutes)}, ${formatAmount(outside.totals.valuationCents, currency)}`,
      ...linesTable(outside.lines, currency),
    );
  }
  return out;
}

/** The flags checked, or the first problem as one line naming the flag (exit code 2, nothing read or written). */
function readReportFlags(options: ReportOptions): ReportRequest {
  return validate(ReportFlags, options, FLAGS, { '--sponsor': options.sponsor, '--year': options.year, '--format': options.format, '--output': options.output });
}

async function loadReport(db: Database, request: ReportRequest): Promise<ReportDocument> {
  const found = await findReportSponsor(db, request.sponsor);
  if (!found.ok) throw new AdminInputError(found.problem);
  return { sponsor: found.value, year: request.year, report: await loadSponsorYearReport(db, { sponsorId: found.value.id, year: request.year }) };
}

function writeReport(request: ReportRequest, document: ReportDocument): void {
  const text = renderReport(document, request.format);
  if (request.output === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(request.output, text);
  } catch (error) {
    throw new AdminInputError(`--output: cannot write ${request.output} (${error instanceof Error ? error.message : String(error)})`);
  }
  process.stdout.write(
    `wrote the ${document.year} report of #${document.sponsor.id} ${printable(document.sponsor.name)} to ${request.output} ` +
      `(${request.format}, ${document.report.lines.length} contribution(s))\n`,
  );
}

async function reportAction(options: ReportOptions): Promise<void> {
  let db: Database | undefined;
  try {
    const request = readReportFlags(options);
    const config = configFromEnvironment();
    db = await openDatabase(config.database.kind === 'pglite' ? { dataDir: config.database.dataDir, lockOwner: 'wecena report' } : databaseOptions(config));
    await migrate(db);
    const document = await loadReport(db, request);
    writeReport(request, document);
  } catch (error) {
    process.stderr.write(`wecena report: ${error instanceof AdminInputError ? error.problem : error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof AdminInputError ? EXIT_BAD_INPUT : 1;
  } finally {
    await db?.close();
  }
}

/**
 * `wecena report`: a sponsor's yearly report from the ledger, the same figures as the sponsor's
 * report page; `--format csv` is the page's CSV export, byte for byte.
 */
export function reportCommand(): Command {
  return new Command('report')
    .description("Print a sponsor's yearly report from the ledger: the figures of its report page, as text, CSV or JSON.")
    .requiredOption('--sponsor <id|name>', 'the sponsor, by id or exact name')
    .requiredOption('--year <YYYY>', 'the calendar year (UTC days, 1 January to 31 December)')
    .option('--format <format>', `${REPORT_FORMATS.join(', ')}: csv is the dashboard's export (UTF-8 with BOM), json has cents and minutes`, 'text')
    .option('--output <file>', 'write the report to this file instead of printing it')
    .showHelpAfterError('(add --help for usage)')
    // Commander's own errors (a missing option) are bad input too: exit code 2.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : EXIT_BAD_INPUT))
    .addHelpText(
      'after',
      '\nA contribution counts under an agreement in force on the day it landed; the others are listed apart.\n' +
        'Examples:\n  wecena report --sponsor "Octet Conseil" --year 2026\n  wecena report --sponsor 1 --year 2026 --format csv --output octet-2026.csv\n' +
        '  wecena report --sponsor 1 --year 2026 --format json',
    )
    .action(reportAction);
}
