import { type LedgerAgreement, type LedgerEntry, addDays } from '@wecena/core';
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
  taskTitle: string;
  taskUrl: string;
  consultantId: string;
  consultantName: string;
  sponsorId: string;
  beneficiaryId: string;
  beneficiaryName: string;
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
 * (sponsor_id, landed_at)-style indexes), then each brings all its corrections, whenever they
 * were recorded: a report needs a credit's whole history to know what it counts for now.
 * Periods are UTC days, as the core reads them.
 */
function entriesSql(creditCondition: string): string {
  return `
  WITH credit AS (
    SELECT id FROM contributions WHERE kind = 'credit' AND ${creditCondition}
  ), entry AS (
    SELECT c.* FROM contributions c JOIN credit ON c.id = credit.id
    UNION ALL
    SELECT c.* FROM contributions c JOIN credit ON c.refers_to = credit.id
  )
  SELECT e.id, e.kind, e.refers_to AS "refersTo", e.task_id AS "taskId", t.title AS "taskTitle", t.url AS "taskUrl",
         e.consultant_id AS "consultantId", k.display_name AS "consultantName", e.sponsor_id AS "sponsorId",
         e.beneficiary_id AS "beneficiaryId", b.name AS "beneficiaryName", e.change_request_url AS "changeRequestUrl",
         e.confirmed_by AS "confirmedBy", e.landed_at AS "landedAt", e.minutes, e.estimated,
         e.valuation_cents AS "valuationCents", e.review_status AS "reviewStatus", e.reason,
         e.recorded_by AS "recordedBy", e.recorded_at AS "recordedAt"
    FROM entry e
    JOIN tasks t ON t.id = e.task_id
    JOIN consultants k ON k.id = e.consultant_id
    JOIN beneficiaries b ON b.id = e.beneficiary_id
   ORDER BY e.id`;
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
  return rows.map(toLedgerEntry);
}

/** The entries of one credit: the credit and its corrections. */
export async function loadCreditEntries(db: Queryable, creditId: string): Promise<LedgerEntry[]> {
  const { rows } = await db.query<EntryRow>(entriesSql('id = $1::bigint'), [creditId]);
  return rows.map(toLedgerEntry);
}

function toLedgerEntry(row: EntryRow): LedgerEntry {
  return {
    ...row,
    // The credit's landing instant; corrections repeat it.
    landedAt: row.landedAt.toISOString(),
    valuationCents: Number(row.valuationCents),
    recordedAt: row.recordedAt.toISOString(),
  };
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
