import { isAgreementInForce } from '../domain/agreement';
import { REVIEW_STATUSES, type ReviewStatus } from '../domain/contribution';
import { type CreditLine, compareEntryIds, deriveCredits } from './derive-credits';
import type { LedgerAgreement, LedgerEntry, ReportPeriod } from './ledger-entry';

/** A report line: a credit as it stands, with the agreement it counts under (null: outside any). */
export type ReportLine = CreditLine & { agreementId: string | null };

export interface ReportTotals {
  /** Credits that count (every status but rejected). */
  credits: number;
  minutes: number;
  valuationCents: number;
}

export interface MonthTotals {
  /** YYYY-MM. */
  month: string;
  totals: ReportTotals;
}

export interface BeneficiaryTotals {
  beneficiaryId: string;
  beneficiaryName: string;
  totals: ReportTotals;
}

export interface ConsultantTotals {
  consultantId: string;
  consultantName: string;
  totals: ReportTotals;
}

export interface LedgerReportInput extends ReportPeriod {
  /** The ledger entries to report on (more may be given: the report keeps its sponsor's and period's). */
  entries: readonly LedgerEntry[];
  /** The sponsor's agreements (others are ignored). */
  agreements: readonly LedgerAgreement[];
  sponsorId: string;
  /** Narrow the report to one beneficiary or one consultant. */
  beneficiaryId?: string;
  consultantId?: string;
}

export interface LedgerReport extends ReportPeriod {
  sponsorId: string;
  /** Credits under an agreement in force on their landing day, rejected ones included (at zero). */
  lines: ReportLine[];
  totals: ReportTotals;
  /** The same lines by current review status (rejected: counted credits and time are zero). */
  byStatus: Record<ReviewStatus, ReportTotals>;
  /** Every month of the period, in order, empty months included (a chart's x axis). */
  byMonth: MonthTotals[];
  byBeneficiary: BeneficiaryTotals[];
  byConsultant: ConsultantTotals[];
  /** Credits with no agreement in force for their sponsor and beneficiary on their day: listed, never counted above. */
  outsideAgreement: { lines: ReportLine[]; totals: ReportTotals };
  /** Corrections whose credit was not in the entries given. */
  orphanEntryIds: string[];
}

/**
 * A report's figures without its lines: what a page of totals and a chart needs. The store may
 * compute it in its query language; it must equal `summaryOf` the report of the same entries.
 */
export interface LedgerSummary extends ReportPeriod {
  sponsorId: string;
  totals: ReportTotals;
  byStatus: Record<ReviewStatus, ReportTotals>;
  byMonth: MonthTotals[];
  byBeneficiary: BeneficiaryTotals[];
  byConsultant: ConsultantTotals[];
  outsideAgreement: { totals: ReportTotals };
}

/** The figures of a report, its lines left out. */
export function summaryOf(report: LedgerReport): LedgerSummary {
  const { sponsorId, from, to, totals, byStatus, byMonth, byBeneficiary, byConsultant } = report;
  return { sponsorId, from, to, totals, byStatus, byMonth, byBeneficiary, byConsultant, outsideAgreement: { totals: report.outsideAgreement.totals } };
}

/**
 * The sponsor's report for a period, derived from the ledger alone: a credit counts for its
 * sponsor and beneficiary only under an agreement (convention de mécénat) in force on the day
 * it landed; its value is the sum of its entries, zero once rejected. The same entries always
 * give the same report, so a stored total can be checked by deriving it again.
 */
export function buildLedgerReport(input: LedgerReportInput): LedgerReport {
  const { sponsorId, from, to } = input;
  const { credits, orphanEntryIds } = deriveCredits(input.entries.filter((entry) => entry.sponsorId === sponsorId));
  const agreementOf = agreementFinder(input.agreements.filter((agreement) => agreement.sponsorId === sponsorId));
  const counted: ReportLine[] = [];
  const outside: ReportLine[] = [];
  for (const credit of credits) {
    const inScope =
      credit.landedOn >= from &&
      credit.landedOn <= to &&
      (input.beneficiaryId === undefined || credit.beneficiaryId === input.beneficiaryId) &&
      (input.consultantId === undefined || credit.consultantId === input.consultantId);
    if (!inScope) continue;
    const line: ReportLine = { ...credit, agreementId: agreementOf(credit)?.id ?? null };
    (line.agreementId === null ? outside : counted).push(line);
  }

  // One pass over the counted lines fills every total: a yearly report may hold tens of thousands.
  const totals = zeroTotals();
  const byStatus = Object.fromEntries(REVIEW_STATUSES.map((status) => [status, zeroTotals()])) as Record<ReviewStatus, ReportTotals>;
  const byMonth = new Map(monthsBetween(from, to).map((month) => [month, zeroTotals()]));
  const byBeneficiary = new Map<string, { line: ReportLine; totals: ReportTotals }>();
  const byConsultant = new Map<string, { line: ReportLine; totals: ReportTotals }>();
  for (const line of counted) {
    addLine(totals, line);
    addLine(byStatus[line.reviewStatus], line);
    const month = byMonth.get(line.month);
    if (month !== undefined) addLine(month, line);
    addLine(groupOf(byBeneficiary, line.beneficiaryId, line), line);
    addLine(groupOf(byConsultant, line.consultantId, line), line);
  }

  return {
    sponsorId,
    from,
    to,
    lines: counted,
    totals,
    byStatus,
    byMonth: [...byMonth].map(([month, monthTotals]) => ({ month, totals: monthTotals })),
    byBeneficiary: inNameOrder(byBeneficiary, (line) => line.beneficiaryName).map(([beneficiaryId, group]) => ({
      beneficiaryId,
      beneficiaryName: group.line.beneficiaryName,
      totals: group.totals,
    })),
    byConsultant: inNameOrder(byConsultant, (line) => line.consultantName).map(([consultantId, group]) => ({
      consultantId,
      consultantName: group.line.consultantName,
      totals: group.totals,
    })),
    outsideAgreement: { lines: outside, totals: totalOf(outside) },
    orphanEntryIds,
  };
}

/** The agreement of the credit's sponsor and beneficiary in force on its landing day; the earliest if several overlap. */
export function findAgreement(agreements: readonly LedgerAgreement[], credit: Pick<CreditLine, 'sponsorId' | 'beneficiaryId' | 'landedOn'>): LedgerAgreement | undefined {
  return agreementFinder(agreements)(credit);
}

/** `findAgreement` for many credits: the agreements grouped by pair and ordered once. */
function agreementFinder(agreements: readonly LedgerAgreement[]): (credit: Pick<CreditLine, 'sponsorId' | 'beneficiaryId' | 'landedOn'>) => LedgerAgreement | undefined {
  const byPair = new Map<string, LedgerAgreement[]>();
  const ordered = [...agreements].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : compareEntryIds(a.id, b.id)));
  for (const agreement of ordered) {
    const pair = `${agreement.sponsorId}:${agreement.beneficiaryId}`;
    const found = byPair.get(pair);
    if (found === undefined) byPair.set(pair, [agreement]);
    else found.push(agreement);
  }
  return (credit) => byPair.get(`${credit.sponsorId}:${credit.beneficiaryId}`)?.find((agreement) => isAgreementInForce(agreement, credit.landedOn));
}

function zeroTotals(): ReportTotals {
  return { credits: 0, minutes: 0, valuationCents: 0 };
}

/** Adds a line to running totals; a rejected credit adds nothing, not even to the count. */
function addLine(totals: ReportTotals, line: CreditLine): void {
  if (line.reviewStatus === 'rejected') return;
  totals.credits += 1;
  totals.minutes += line.minutes;
  totals.valuationCents += line.valuationCents;
}

/** Sums lines; a rejected credit adds nothing, not even to the count. */
export function totalOf(lines: readonly CreditLine[]): ReportTotals {
  const totals = zeroTotals();
  for (const line of lines) addLine(totals, line);
  return totals;
}

function groupOf(groups: Map<string, { line: ReportLine; totals: ReportTotals }>, key: string, line: ReportLine): ReportTotals {
  const group = groups.get(key);
  if (group !== undefined) return group.totals;
  const created = { line, totals: zeroTotals() };
  groups.set(key, created);
  return created.totals;
}

/** Every YYYY-MM from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** Groups ordered by the name of their first line, then key, for a stable reading. */
function inNameOrder<G extends { line: ReportLine }>(groups: Map<string, G>, nameOf: (line: ReportLine) => string): [string, G][] {
  return [...groups].sort(([keyA, a], [keyB, b]) => compareNamed({ id: keyA, name: nameOf(a.line) }, { id: keyB, name: nameOf(b.line) }));
}

/** The order of a report's groups: by name, then id. */
export function compareNamed(a: { id: string; name: string }, b: { id: string; name: string }): number {
  return compareText(a.name, b.name) || compareEntryIds(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
