import { z } from 'zod';
import { Id, Instant, Text } from './primitives';
import { compareInstants } from './time';

/**
 * How a claim ended. `recalled`: the sponsor called the consultant back to a client, the risk
 * every claim runs. `withdrawn`: a maintainer took the task off wecena while it was claimed.
 */
export const CLAIM_ENDINGS = ['completed', 'released', 'expired', 'recalled', 'withdrawn'] as const;
export const ClaimEnding = z.enum(CLAIM_ENDINGS);
export type ClaimEnding = z.infer<typeof ClaimEnding>;

/** A consultant holding a task, for a bounded time. */
export const Claim = z
  .object({
    id: Id,
    taskId: Id,
    consultantId: Id,
    claimedAt: Instant,
    /** Never past the end of the consultant's availability window nor the repository's claim TTL. */
    expiresAt: Instant,
    endedAt: Instant.nullable(),
    endedHow: ClaimEnding.nullable(),
    /** Where the work stands, for whoever takes the task next. */
    handoffNote: Text.nullable(),
  })
  .refine((claim) => compareInstants(claim.claimedAt, claim.expiresAt) < 0, {
    message: 'a claim expires after it is made',
    path: ['expiresAt'],
  })
  .refine((claim) => (claim.endedAt === null) === (claim.endedHow === null), {
    message: 'an ended claim says both when and how it ended',
    path: ['endedHow'],
  })
  .refine((claim) => claim.endedAt === null || compareInstants(claim.claimedAt, claim.endedAt) <= 0, {
    message: 'a claim ends after it is made',
    path: ['endedAt'],
  })
  // `/wecena release` refuses an empty note; a recall or an expiry may leave none.
  .refine((claim) => claim.endedHow !== 'released' || claim.handoffNote !== null, {
    message: 'a released claim carries its handoff note',
    path: ['handoffNote'],
  });
export type Claim = z.infer<typeof Claim>;

export function isClaimOpen(claim: Claim): boolean {
  return claim.endedAt === null;
}
