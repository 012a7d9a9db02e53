import { type LedgerSummary, REVIEW_STATUSES, type ReportTotals, type ReviewStatus, compareNamed, monthsBetween } from '@wecena/core';
import type { Queryable } from '../database';
import { yearPeriod } from './sponsor-report';

interface SummaryRow {
  counted: boolean;
  status: ReviewStatus | null;
  month: string | null;
  beneficiaryId: string | null;
  beneficiaryName: string | null;
  consultantId: string | null;
  consultantName: string | null;
  /** Which columns the row groups by, as GROUPING() gives it: 15 for a total, 7 per status, 11 per month, 13 per beneficiary, 14 per consultant. */
  grouping: number;
  credits: string;
  minutes: string;
  cents: string;
}

/*
 * The core's report (`buildLedgerReport`), its lines left out, as one query: each credit of the
 * period folded with its corrections (their sum; the status of the latest, in ledger order; zero
 * once rejected), counted when an agreement of its sponsor and beneficiary is in force on its
 * UTC landing day, then summed per status, month, beneficiary and consultant with grouping sets.
 * The database sums instead of sending tens of thousands of entries to be summed in JavaScript;
 * a test holds it equal to `summaryOf` the core's report on the same ledger.
 */
const SUMMARY_SQL = `
  WITH credit AS MATERIALIZED (
    SELECT id, beneficiary_id, consultant_id, (landed_at AT TIME ZONE 'UTC')::date AS landed_on, minutes, valuation_cents, review_status
      FROM contributions
     WHERE kind = 'credit' AND sponsor_id = $1::bigint AND landed_at >= $2::timestamptz AND landed_at < $3::timestamptz
  ), folded AS (
    SELECT c.beneficiary_id, c.consultant_id, c.landed_on,
           c.minutes + coalesce(sum(k.minutes), 0) AS minutes,
           c.valuation_cents + coalesce(sum(k.valuation_cents), 0) AS cents,
           coalesce((array_agg(k.review_status ORDER BY date_trunc('milliseconds', k.recorded_at) DESC, k.id DESC) FILTER (WHERE k.id IS NOT NULL))[1],
                    c.review_status) AS status
      FROM credit c
      LEFT JOIN contributions k ON k.refers_to = c.id AND k.refers_to >= (SELECT min(id) FROM credit)
     GROUP BY c.id, c.beneficiary_id, c.consultant_id, c.landed_on, c.minutes, c.valuation_cents, c.review_status
  ), covered AS (
    -- The days each beneficiary is under an agreement, among the days its credits landed on:
    -- a few thousand pairs, looked up once each rather than once per credit.
    SELECT DISTINCT day.beneficiary_id, day.landed_on
      FROM (SELECT DISTINCT beneficiary_id, landed_on FROM credit) day
      JOIN agreements a ON a.sponsor_id = $1::bigint AND a.beneficiary_id = day.beneficiary_id
                       AND a.valid_from <= day.landed_on AND (a.valid_to IS NULL OR day.landed_on <= a.valid_to)
  ), placed AS (
    SELECT f.*, to_char(f.landed_on, 'YYYY-MM') AS month, cv.beneficiary_id IS NOT NULL AS counted
      FROM folded f LEFT JOIN covered cv ON cv.beneficiary_id = f.beneficiary_id AND cv.landed_on = f.landed_on
  ), summed AS (
    SELECT counted, status, month, beneficiary_id, consultant_id,
           GROUPING(status, month, beneficiary_id, consultant_id) AS grouping,
           count(*) FILTER (WHERE status <> 'rejected') AS credits,
           coalesce(sum(minutes) FILTER (WHERE status <> 'rejected'), 0) AS minutes,
           coalesce(sum(cents) FILTER (WHERE status <> 'rejected'), 0) AS cents
      FROM placed
     GROUP BY GROUPING SETS ((counted), (counted, status), (counted, month), (counted, beneficiary_id), (counted, consultant_id))
  )
  SELECT s.counted, s.status, s.month, s.beneficiary_id::text AS "beneficiaryId", b.name AS "beneficiaryName",
         s.consultant_id::text AS "consultantId", k.display_name AS "consultantName", s.grouping, s.credits, s.minutes, s.cents
    FROM summed s
    LEFT JOIN beneficiaries b ON b.id = s.beneficiary_id
    LEFT JOIN consultants k ON k.id = s.consultant_id`;

const BY = { total: 15, status: 7, month: 11, beneficiary: 13, consultant: 14 } as const;

function zeroTotals(): ReportTotals {
  return { credits: 0, minutes: 0, valuationCents: 0 };
}

function totalsOf(row: SummaryRow): ReportTotals {
  return { credits: Number(row.credits), minutes: Number(row.minutes), valuationCents: Number(row.cents) };
}

/**
 * A sponsor's yearly figures (totals, per status, month, beneficiary and consultant, and what
 * no agreement covers), summed by the database: the figures of `loadSponsorYearReport` without
 * its lines, for pages and callers that need the totals of a large ledger fast.
 */
export async function loadSponsorYearSummary(db: Queryable, { sponsorId, year }: { sponsorId: string; year: number }): Promise<LedgerSummary> {
  const period = yearPeriod(year);
  const { rows } = await db.query<SummaryRow>(SUMMARY_SQL, [sponsorId, `${year}-01-01T00:00:00Z`, `${year + 1}-01-01T00:00:00Z`]);
  const counted = rows.filter((row) => row.counted);
  const months = new Map(counted.filter((row) => row.grouping === BY.month).map((row) => [row.month ?? '', totalsOf(row)]));
  const statuses = new Map(counted.filter((row) => row.grouping === BY.status).map((row) => [row.status, totalsOf(row)]));
  const totalOfRows = (candidates: SummaryRow[]) => {
    const total = candidates.find((row) => row.grouping === BY.total);
    return total === undefined ? zeroTotals() : totalsOf(total);
  };
  const named = (grouping: number, idOf: (row: SummaryRow) => string | null, nameOf: (row: SummaryRow) => string | null) =>
    counted
      .filter((row) => row.grouping === grouping)
      .map((row) => ({ id: idOf(row) ?? '', name: nameOf(row) ?? '', totals: totalsOf(row) }))
      .sort(compareNamed);
  return {
    sponsorId,
    ...period,
    totals: totalOfRows(counted),
    byStatus: Object.fromEntries(REVIEW_STATUSES.map((status) => [status, statuses.get(status) ?? zeroTotals()])) as Record<ReviewStatus, ReportTotals>,
    byMonth: monthsBetween(period.from, period.to).map((month) => ({ month, totals: months.get(month) ?? zeroTotals() })),
    byBeneficiary: named(BY.beneficiary, (row) => row.beneficiaryId, (row) => row.beneficiaryName).map(({ id, name, totals }) => ({ beneficiaryId: id, beneficiaryName: name, totals })),
    byConsultant: named(BY.consultant, (row) => row.consultantId, (row) => row.consultantName).map(({ id, name, totals }) => ({ consultantId: id, consultantName: name, totals })),
    outsideAgreement: { totals: totalOfRows(rows.filter((row) => !row.counted)) },
  };
}
