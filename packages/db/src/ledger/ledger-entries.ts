import { type LedgerAgreement, type LedgerEntry, addDays, compareEntryIds } from '@wecena/core';
import type { Queryable } from '../database';

export interface LedgerFilter {
  sponsorId?: string;
  beneficiaryId?: string;
  consultantId?: string;
  /** First and last UTC calendar day (both included) the credits landed on. */
  from: string;
  to: string;
}

interface EntryRow {
  id: string;
  kind: LedgerEntry['kind'];
  refersTo: string | null;
  taskId: string;
  /** The names are read with the credit only: a correction takes its credit's (see entriesSql). */
  taskTitle: string | null;
  taskUrl: string | null;
  consultantId: string;
  consultantName: string | null;
  sponsorId: string;
  beneficiaryId: string;
  beneficiaryName: string | null;
  changeRequestUrl: string | null;
  confirmedBy: string | null;
  landedAt: Date;
  minutes: number;
  estimated: boolean;
  valuationCents: string;
  reviewStatus: LedgerEntry['reviewStatus'];
  reason: string | null;
  recordedBy: string;
  recordedAt: Date;
}

/*
 * The credits are chosen first (by sponsor, beneficiary, consultant and landing day, on the
 * partial index of credits by sponsor and landing instant), then each brings all its
 * corrections, whenever they were recorded: a report needs a credit's whole history to know
 * what it counts for now. Periods are UTC days, as the core reads them.
 *
 * On a ledger of a million entries (see `npm run bench -- report`), the planner would read the
 * whole task table, or the whole refers_to index, to join a year's tens of thousands of credits:
 * - `OFFSET 0` keeps the task's LATERAL subquery from being flattened into such a join: each
 *   credit's task is found through its primary key;
 * - corrections are read from the refers_to index starting at the smallest credit id chosen:
 *   always true of the rows joined, this bound lets the scan skip the years before the period
 *   (ids grow with time).
 * The names of the task and people are read once per credit: the database makes a correction
 * repeat its credit's task, consultant, sponsor and beneficiary (contributions_check_correction).
 * Ledger order (by id) is restored in JavaScript, cheaper than a sort of wide rows in the query.
 */
function entriesSql(creditCondition: string, creditOrderAndLimit = ''): string {
  return `
  WITH credit AS MATERIALIZED (
    SELECT * FROM contributions WHERE kind = 'credit' AND ${creditCondition} ${creditOrderAndLimit}
  )
  SELECT e.id, e.kind, e.refers_to AS "refersTo", e.task_id AS "taskId", t.title AS "taskTitle", t.url AS "taskUrl",
         e.consultant_id AS "consultantId", k.display_name AS "consultantName", e.sponsor_id AS "sponsorId",
         e.beneficiary_id AS "beneficiaryId", b.name AS "beneficiaryName", e.change_request_url AS "changeRequestUrl",
         e.confirmed_by AS "confirmedBy", e.landed_at AS "landedAt", e.minutes, e.estimated,
         e.valuation_cents AS "valuationCents", e.review_status AS "reviewStatus", e.reason,
         e.recorded_by AS "recordedBy", e.recorded_at AS "recordedAt"
    FROM credit e
    JOIN LATERAL (SELECT title, url FROM tasks WHERE tasks.id = e.task_id OFFSET 0) t ON true
    JOIN consultants k ON k.id = e.consultant_id
    JOIN beneficiaries b ON b.id = e.beneficiary_id
  UNION ALL
  SELECT e.id, e.kind, e.refers_to, e.task_id, NULL, NULL, e.consultant_id, NULL, e.sponsor_id, e.beneficiary_id, NULL,
         e.change_request_url, e.confirmed_by, e.landed_at, e.minutes, e.estimated, e.valuation_cents, e.review_status,
         e.reason, e.recorded_by, e.recorded_at
    FROM credit
    JOIN contributions e ON e.refers_to = credit.id AND e.refers_to >= (SELECT min(id) FROM credit)`;
}

const PERIOD_CONDITION = `landed_at >= $1::timestamptz AND landed_at < $2::timestamptz
       AND ($3::bigint IS NULL OR sponsor_id = $3::bigint)
       AND ($4::bigint IS NULL OR beneficiary_id = $4::bigint)
       AND ($5::bigint IS NULL OR consultant_id = $5::bigint)`;

/**
 * The ledger entries of the credits that landed in the period (and match the filter), with every
 * correction of those credits, in ledger order; feed them to the core's `buildLedgerReport`.
 */
export async function loadLedgerEntries(db: Queryable, filter: LedgerFilter): Promise<LedgerEntry[]> {
  const { rows } = await db.query<EntryRow>(entriesSql(PERIOD_CONDITION), [
    `${filter.from}T00:00:00Z`,
    `${addDays(filter.to, 1)}T00:00:00Z`,
    filter.sponsorId ?? null,
    filter.beneficiaryId ?? null,
    filter.consultantId ?? null,
  ]);
  return toLedgerEntries(rows);
}

/** Where a page of credits ends, in landing order: the next page starts after it. */
export interface CreditCursor {
  landedAt: string;
  id: string;
}

/**
 * The entries of at most `limit` credits of the period (and filter), the first ones in landing
 * order after `after` (then by id), with every correction of those credits: a page of a report's lines.
 */
export async function loadLedgerEntriesPage(db: Queryable, filter: LedgerFilter & { after: CreditCursor | null; limit: number }): Promise<LedgerEntry[]> {
  const { rows } = await db.query<EntryRow>(
    entriesSql(
      `${PERIOD_CONDITION} AND ($6::timestamptz IS NULL OR (landed_at, id) > ($6::timestamptz, $7::bigint))`,
      'ORDER BY landed_at, id LIMIT $8',
    ),
    [
      `${filter.from}T00:00:00Z`,
      `${addDays(filter.to, 1)}T00:00:00Z`,
      filter.sponsorId ?? null,
      filter.beneficiaryId ?? null,
      filter.consultantId ?? null,
      filter.after?.landedAt ?? null,
      filter.after?.id ?? null,
      filter.limit,
    ],
  );
  return toLedgerEntries(rows);
}

/** The entries of one credit: the credit and its corrections. */
export async function loadCreditEntries(db: Queryable, creditId: string): Promise<LedgerEntry[]> {
  const { rows } = await db.query<EntryRow>(entriesSql('id = $1::bigint'), [creditId]);
  return toLedgerEntries(rows);
}

/** The rows as the core reads them, in ledger order; each correction named as its credit is. */
function toLedgerEntries(rows: readonly EntryRow[]): LedgerEntry[] {
  const credits = new Map<string, EntryRow>();
  for (const row of rows) if (row.refersTo === null) credits.set(row.id, row);
  return rows
    .map((row): LedgerEntry => {
      const credit = row.refersTo === null ? row : credits.get(row.refersTo);
      if (credit === undefined) throw new Error(`ledger entry ${row.id} came without its credit ${row.refersTo}`);
      return {
        ...row,
        taskTitle: credit.taskTitle ?? '',
        taskUrl: credit.taskUrl ?? '',
        consultantName: credit.consultantName ?? '',
        beneficiaryName: credit.beneficiaryName ?? '',
        // The credit's landing instant; corrections repeat it.
        landedAt: row.landedAt.toISOString(),
        valuationCents: Number(row.valuationCents),
        recordedAt: row.recordedAt.toISOString(),
      };
    })
    .sort((a, b) => compareEntryIds(a.id, b.id));
}

export interface AgreementFilter {
  sponsorId?: string;
  beneficiaryId?: string;
}

/** The conventions de mécénat, for the core to tell which credits count. */
export async function loadAgreements(db: Queryable, filter: AgreementFilter = {}): Promise<LedgerAgreement[]> {
  const { rows } = await db.query<LedgerAgreement>(
    `SELECT id, sponsor_id AS "sponsorId", beneficiary_id AS "beneficiaryId", signed_on AS "signedOn",
            valid_from AS "from", valid_to AS "to", reference
       FROM agreements
      WHERE ($1::bigint IS NULL OR sponsor_id = $1::bigint) AND ($2::bigint IS NULL OR beneficiary_id = $2::bigint)
      ORDER BY sponsor_id, beneficiary_id, valid_from`,
    [filter.sponsorId ?? null, filter.beneficiaryId ?? null],
  );
  return rows;
}
