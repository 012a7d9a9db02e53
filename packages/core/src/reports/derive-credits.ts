import type { ReviewStatus } from '../domain/contribution';
import type { Instant, IsoDate } from '../domain/primitives';
import { compareInstants, toEpochMilliseconds, utcDateOf } from '../domain/time';
import type { LedgerEntry } from './ledger-entry';

/**
 * A credit as it stands after all its corrections: what a report line shows. Its minutes and
 * valuation are the sum of its entries, zero once rejected; its review status is that of its
 * latest entry.
 */
export interface CreditLine {
  creditId: string;
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
  /** What proves the work on its forge: the change request, else the issue the maintainer confirmed it on. */
  proofUrl: string;
  landedAt: Instant;
  /** The UTC calendar day the work landed on: agreements and periods are read on it. */
  landedOn: IsoDate;
  /** YYYY-MM of `landedOn`. */
  month: string;
  /** What the credit counts for now: the sum of its entries, zero when rejected. */
  minutes: number;
  valuationCents: number;
  /** What the credit was first recorded with. */
  creditedMinutes: number;
  creditedValuationCents: number;
  estimated: boolean;
  reviewStatus: ReviewStatus;
  /** The latest correction's reason, who made it and when; null while none was made. */
  lastReason: string | null;
  reviewedBy: string | null;
  reviewedAt: Instant | null;
  /** The ledger entries this line sums, credit first, for an auditor to follow. */
  entryIds: string[];
}

export interface DerivedCredits {
  /** One line per credit, in landing order. */
  credits: CreditLine[];
  /** Corrections whose credit is not among the entries given (a partial load): not counted. */
  orphanEntryIds: string[];
}

/** Ledger ids are decimal numbers from a sequence, compared as numbers; other ids as text. */
export function compareEntryIds(a: string, b: string): number {
  if (a.length !== b.length && /^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ledger order: when an entry was recorded, then its id (entries of one transaction share an instant). */
export function compareLedgerOrder(a: LedgerEntry, b: LedgerEntry): number {
  return compareInstants(a.recordedAt, b.recordedAt) || compareEntryIds(a.id, b.id);
}

/** Folds the ledger into the current state of each credit (a pure function: re-derive it at will). */
export function deriveCredits(entries: readonly LedgerEntry[]): DerivedCredits {
  const credits = new Map<string, LedgerEntry>();
  const corrections = new Map<string, LedgerEntry[]>();
  const orphanEntryIds: string[] = [];
  for (const entry of entries) {
    if (entry.kind === 'credit') credits.set(entry.id, entry);
  }
  for (const entry of entries) {
    if (entry.refersTo === null) continue;
    if (!credits.has(entry.refersTo)) {
      orphanEntryIds.push(entry.id);
      continue;
    }
    const found = corrections.get(entry.refersTo);
    if (found === undefined) corrections.set(entry.refersTo, [entry]);
    else found.push(entry);
  }
  // Each landing instant read once, not at every comparison of the sort.
  const lines = [...credits.values()]
    .map((credit) => ({ landed: toEpochMilliseconds(credit.landedAt), line: foldCredit(credit, (corrections.get(credit.id) ?? []).sort(compareLedgerOrder)) }))
    .sort((a, b) => a.landed - b.landed || compareEntryIds(a.line.creditId, b.line.creditId))
    .map(({ line }) => line);
  return { credits: lines, orphanEntryIds: orphanEntryIds.sort(compareEntryIds) };
}

function foldCredit(credit: LedgerEntry, corrections: readonly LedgerEntry[]): CreditLine {
  const latest = corrections.at(-1);
  const reviewStatus = latest?.reviewStatus ?? credit.reviewStatus;
  const rejected = reviewStatus === 'rejected';
  const sum = (pick: (entry: LedgerEntry) => number): number => corrections.reduce((total, entry) => total + pick(entry), pick(credit));
  const landedOn = utcDateOf(credit.landedAt);
  return {
    creditId: credit.id,
    taskId: credit.taskId,
    taskTitle: credit.taskTitle,
    taskUrl: credit.taskUrl,
    consultantId: credit.consultantId,
    consultantName: credit.consultantName,
    sponsorId: credit.sponsorId,
    beneficiaryId: credit.beneficiaryId,
    beneficiaryName: credit.beneficiaryName,
    changeRequestUrl: credit.changeRequestUrl,
    confirmedBy: credit.confirmedBy,
    proofUrl: credit.changeRequestUrl ?? credit.taskUrl,
    landedAt: credit.landedAt,
    landedOn,
    month: landedOn.slice(0, 7),
    // A rejected credit counts zero, whatever its entries add up to.
    minutes: rejected ? 0 : sum((entry) => entry.minutes),
    valuationCents: rejected ? 0 : sum((entry) => entry.valuationCents),
    creditedMinutes: credit.minutes,
    creditedValuationCents: credit.valuationCents,
    estimated: credit.estimated,
    reviewStatus,
    lastReason: latest?.reason ?? null,
    reviewedBy: latest?.recordedBy ?? null,
    reviewedAt: latest?.recordedAt ?? null,
    entryIds: [credit.id, ...corrections.map((entry) => entry.id)],
  };
}
