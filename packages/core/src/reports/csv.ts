import type { ReportLine } from './build-report';

/** A CSV cell: text is quoted and guarded; numbers and booleans are written as they are; null is empty. */
export type CsvCell = string | number | boolean | null;

/** The byte order mark that tells spreadsheet programs (Excel first) that the file is UTF-8. */
export const UTF8_BOM = '\ufeff';

/*
 * RFC 4180: records end with CRLF; a field holding a comma, a double quote, CR or LF is put in
 * double quotes, its quotes doubled. Against formula injection (OWASP "CSV Injection"), a text
 * cell that a spreadsheet would read as a formula, because it starts with = + - @ or a tab or
 * carriage return, is prefixed with a single quote: the spreadsheet shows it as text. Numbers
 * are never guarded: they come from the ledger as numbers, not from what someone typed, so a
 * negative amount stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as RFC 4180 text, guarded against formula injection. */
export function renderCsvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`a CSV number must be finite, not ${cell}`);
    return String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const guarded = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** Rows as a CSV document: UTF-8 BOM first, CRLF after every record (the last included). */
export function renderCsv(rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + rows.map((row) => `${row.map(renderCsvCell).join(',')}\r\n`).join('');
}

/** The columns every export of credits writes about each credit, in order, from its beneficiary to its last reason. */
export const CREDIT_CSV_COLUMNS = [
  'beneficiary',
  'consultant',
  'task',
  'task_url',
  'proof_url',
  'confirmed_by',
  'minutes',
  'hours',
  'estimated',
  'valuation_cents',
  'valuation_eur',
  'review_status',
  'last_reason',
] as const;

/** What a credit's export cells are made of: a report line has it, a dashboard's view of a credit maps to it. */
export type CreditCsvFields = Pick<
  ReportLine,
  | 'beneficiaryName'
  | 'consultantName'
  | 'taskTitle'
  | 'taskUrl'
  | 'proofUrl'
  | 'confirmedBy'
  | 'minutes'
  | 'estimated'
  | 'valuationCents'
  | 'reviewStatus'
  | 'lastReason'
>;

/**
 * A credit's cells under `CREDIT_CSV_COLUMNS`. Hours and euros are written with a dot, the form
 * every spreadsheet reads whatever its language; minutes and cents are there for exact sums.
 */
export function toCreditCsvCells(credit: CreditCsvFields): CsvCell[] {
  return [
    credit.beneficiaryName,
    credit.consultantName,
    credit.taskTitle,
    credit.taskUrl,
    credit.proofUrl,
    credit.confirmedBy,
    credit.minutes,
    decimal(credit.minutes, 60),
    credit.estimated,
    credit.valuationCents,
    decimal(credit.valuationCents, 100),
    credit.reviewStatus,
    credit.lastReason,
  ];
}

/** The columns of a ledger export, in order. */
export const LEDGER_CSV_COLUMNS = ['credit_id', 'landed_on', 'month', ...CREDIT_CSV_COLUMNS, 'agreement_id', 'ledger_entries'] as const;

/**
 * Report lines as CSV, one line per credit as it stands, each with the forge URL that proves it
 * and the ledger entries it sums.
 */
export function renderLedgerCsv(lines: readonly ReportLine[]): string {
  return renderCsv([
    LEDGER_CSV_COLUMNS,
    ...lines.map((line) => [line.creditId, line.landedOn, line.month, ...toCreditCsvCells(line), line.agreementId, line.entryIds.join(' ')]),
  ]);
}

/** `value / unit` with two decimals and a dot, rounded half up: 90 / 60 → "1.50", 123450 / 100 → "1234.50". */
function decimal(value: number, unit: number): string {
  const hundredths = Math.round((Math.abs(value) * 100) / unit);
  const sign = value < 0 && hundredths > 0 ? '-' : '';
  return `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
