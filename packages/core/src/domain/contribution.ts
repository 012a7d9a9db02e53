import { z } from 'zod';
import { Id, Instant, Login, WebUrl } from './primitives';

export const CONTRIBUTION_KINDS = ['credit', 'reversal', 'adjustment'] as const;
export const ContributionKind = z.enum(CONTRIBUTION_KINDS);
export type ContributionKind = z.infer<typeof ContributionKind>;

export const REVIEW_STATUSES = ['pending', 'approved', 'adjusted', 'rejected'] as const;
export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/**
 * One entry of the append-only ledger of donated work. A `credit` is made when work lands; a
 * `reversal` cancels an entry (a maintainer's reject, a sponsor's rejection) and an
 * `adjustment` corrects one (hours or valuation), both by pointing at it. Entries are never
 * edited, so every report can be re-derived from the ledger and audited.
 */
export const Contribution = z
  .object({
    id: Id,
    kind: ContributionKind,
    /** The entry a reversal cancels or an adjustment corrects; null for a credit. */
    refersTo: Id.nullable(),
    taskId: Id,
    consultantId: Id,
    sponsorId: Id,
    beneficiaryId: Id,
    /**
     * What proves the work: the merged change request, or the login of the maintainer who
     * confirmed non-code work. Exactly one is set; a reversal or adjustment repeats the proof of
     * the entry it refers to, so each line of a report stays traceable on its own.
     */
    changeRequestUrl: WebUrl.nullable(),
    confirmedBy: Login.nullable(),
    /** Signed: negative on a reversal, either sign on an adjustment. */
    minutes: z.int(),
    /** True when no time was logged and the task's estimate stands in for it. */
    estimated: z.boolean(),
    /** Signed like minutes, in euro cents. */
    valuationCents: z.int(),
    reviewStatus: ReviewStatus,
    recordedAt: Instant,
  })
  .refine((entry) => (entry.kind === 'credit') === (entry.refersTo === null), {
    message: 'a reversal or an adjustment refers to an entry, and a credit to none',
    path: ['refersTo'],
  })
  .refine((entry) => (entry.changeRequestUrl === null) !== (entry.confirmedBy === null), {
    message: 'an entry is proven by a change request or by a maintainer, exactly one of them',
    path: ['changeRequestUrl'],
  })
  .refine(
    (entry) => {
      if (entry.kind === 'credit') return entry.minutes > 0 && entry.valuationCents >= 0;
      if (entry.kind === 'reversal') return entry.minutes <= 0 && entry.valuationCents <= 0;
      return entry.minutes !== 0 || entry.valuationCents !== 0;
    },
    {
      message: 'a credit adds time, a reversal takes it away, and an adjustment changes something',
      path: ['minutes'],
    },
  );
export type Contribution = z.infer<typeof Contribution>;
