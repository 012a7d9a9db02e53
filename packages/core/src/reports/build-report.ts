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
 * The sponsor's report for a period, derived from the ledger alone: a credit counts for its
 * sponsor and beneficiary only under an agreement (convention de mécénat) in force on the day
 * it landed; its value is the sum of its entries, zero once rejected. The same entries always
 * give the same report, so a stored total can be checked by deriving it again.
 */
export function buildLedgerReport(input: LedgerReportInput): LedgerReport {
  const { sponsorId, from, to } = input;
  const { credits, orphanEntryIds } = deriveCredits(input.entries.filter((entry) => entry.sponsorId === sponsorId));
  const agreements = input.agreements.filter((agreement) => agreement.sponsorId === sponsorId);
  const inScope = credits.filter(
    (credit) =>
      credit.landedOn >= from &&
      credit.landedOn <= to &&
      (input.beneficiaryId === undefined || credit.beneficiaryId === input.beneficiaryId) &&
      (input.consultantId === undefined || credit.consultantId === input.consultantId),
  );
  const lines: ReportLine[] = inScope.map((credit) => ({ ...credit, agreementId: findAgreement(agreements, credit)?.id ?? null }));
  const counted = lines.filter((line) => line.agreementId !== null);
  const outside = lines.filter((line) => line.agreementId === null);

  return {
    sponsorId,
    from,
    to,
    lines: counted,
    totals: totalOf(counted),
    byStatus: Object.fromEntries(
      REVIEW_STATUSES.map((status) => [status, totalOf(counted.filter((line) => line.reviewStatus === status))]),
    ) as Record<ReviewStatus, ReportTotals>,
    byMonth: monthsBetween(from, to).map((month) => ({ month, totals: totalOf(counted.filter((line) => line.month === month)) })),
    byBeneficiary: groupBy(counted, (line) => line.beneficiaryId, (line) => line.beneficiaryName).map((group) => ({
      beneficiaryId: group.key,
      beneficiaryName: group.first.beneficiaryName,
      totals: totalOf(group.lines),
    })),
    byConsultant: groupBy(counted, (line) => line.consultantId, (line) => line.consultantName).map((group) => ({
      consultantId: group.key,
      consultantName: group.first.consultantName,
      totals: totalOf(group.lines),
    })),
    outsideAgreement: { lines: outside, totals: totalOf(outside) },
    orphanEntryIds,
  };
}

/** The agreement of the credit's sponsor and beneficiary in force on its landing day; the earliest if several overlap. */
export function findAgreement(agreements: readonly LedgerAgreement[], credit: Pick<CreditLine, 'sponsorId' | 'beneficiaryId' | 'landedOn'>): LedgerAgreement | undefined {
  return agreements
    .filter(
      (agreement) =>
        agreement.sponsorId === credit.sponsorId &&
        agreement.beneficiaryId === credit.beneficiaryId &&
        isAgreementInForce(agreement, credit.landedOn),
    )
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : compareEntryIds(a.id, b.id)))[0];
}

/** Sums lines; a rejected credit adds nothing, not even to the count. */
export function totalOf(lines: readonly CreditLine[]): ReportTotals {
  return lines.reduce<ReportTotals>(
    (totals, line) =>
      line.reviewStatus === 'rejected'
        ? totals
        : { credits: totals.credits + 1, minutes: totals.minutes + line.minutes, valuationCents: totals.valuationCents + line.valuationCents },
    { credits: 0, minutes: 0, valuationCents: 0 },
  );
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

/** Groups ordered by name, then key, for a stable reading. */
function groupBy(
  lines: readonly ReportLine[],
  keyOf: (line: ReportLine) => string,
  nameOf: (line: ReportLine) => string,
): { key: string; first: ReportLine; lines: ReportLine[] }[] {
  const groups = new Map<string, ReportLine[]>();
  for (const line of lines) groups.set(keyOf(line), [...(groups.get(keyOf(line)) ?? []), line]);
  return [...groups.entries()]
    .map(([key, grouped]) => ({ key, first: grouped[0] as ReportLine, lines: grouped }))
    .sort((a, b) => compareText(nameOf(a.first), nameOf(b.first)) || compareEntryIds(a.key, b.key));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
