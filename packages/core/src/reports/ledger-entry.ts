import type { Agreement } from '../domain/agreement';
import type { ContributionKind, ReviewStatus } from '../domain/contribution';
import type { Instant, IsoDate } from '../domain/primitives';

/**
 * One row of the contributions ledger as reports read it: the entry itself and the names that
 * make it readable (task, consultant, beneficiary). Corrections (reversal, adjustment) repeat
 * the task, people and proof of the credit they refer to.
 */
export interface LedgerEntry {
  id: string;
  kind: ContributionKind;
  /** The credit a correction refers to; null on a credit. */
  refersTo: string | null;
  taskId: string;
  taskTitle: string;
  /** The issue on its forge. */
  taskUrl: string;
  consultantId: string;
  consultantName: string;
  sponsorId: string;
  beneficiaryId: string;
  beneficiaryName: string;
  /** The merged change request that proves the work; null for work a maintainer confirmed. */
  changeRequestUrl: string | null;
  /** The maintainer's login who confirmed non-code work (or rejected the credit). */
  confirmedBy: string | null;
  /** When the work landed: the date an agreement must be in force on. */
  landedAt: Instant;
  /** Signed on corrections. */
  minutes: number;
  estimated: boolean;
  /** Signed on corrections, in cents. */
  valuationCents: number;
  reviewStatus: ReviewStatus;
  reason: string | null;
  /** "wecena", "maintainer:<login>", "reviewer:<id>". */
  recordedBy: string;
  recordedAt: Instant;
}

/** A convention de mécénat as reports need it. */
export type LedgerAgreement = Agreement & { reference?: string | null };

/** A period of calendar days, both included. */
export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
}
