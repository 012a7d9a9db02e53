import { z } from '@hono/zod-openapi';
import type { ContributionView } from '../queries/contribution-queries';
import { Cents, Instant, IssueLink, Minutes, Named, NextCursor, ReviewStatus, RowId } from './common-schemas';

/** A credit of the ledger as it stands now, as a consultant sees theirs: no valuation (their cost is their sponsor's business). */
export const ConsultantContribution = z
  .object({
    id: RowId,
    task: IssueLink,
    beneficiary: Named,
    proofUrl: z.string().openapi({
      description: 'What proves the work on its forge: the merged pull or merge request, else the issue a maintainer confirmed it on.',
      example: 'https://github.com/cartolibre/cartolibre/pull/140',
    }),
    changeRequestUrl: z.string().nullable().openapi({ description: 'The merged pull or merge request; null for work a maintainer confirmed.' }),
    confirmedBy: z.string().nullable().openapi({ description: 'The maintainer who confirmed non-code work.' }),
    landedAt: Instant,
    minutes: Minutes.openapi({ description: 'What it counts for now: the credit and every correction, zero once rejected.' }),
    estimated: z.boolean().openapi({ description: "The minutes are the task's estimate, not logged time." }),
    reviewStatus: ReviewStatus,
    reason: z.string().nullable().openapi({ description: 'Why the latest correction was made.' }),
  })
  .openapi('ConsultantContribution');
export type ConsultantContribution = z.infer<typeof ConsultantContribution>;

/** The same credit as its sponsor sees it: who did it, and its valuation. */
export const Contribution = ConsultantContribution.extend({
  consultant: Named,
  valuationCents: Cents.openapi({ description: 'Its valuation at cost price now, in cents: the credit and every correction.' }),
}).openapi('Contribution');
export type Contribution = z.infer<typeof Contribution>;

export const ContributionPage = z
  .object({ contributions: z.array(Contribution), nextCursor: NextCursor })
  .openapi('ContributionPage');
export type ContributionPage = z.infer<typeof ContributionPage>;

/** A credit read from the store, as a consultant sees it. */
export function presentConsultantContribution(view: ContributionView): ConsultantContribution {
  return {
    id: view.id,
    task: view.task,
    beneficiary: view.beneficiary,
    proofUrl: view.changeRequestUrl ?? view.task.url,
    changeRequestUrl: view.changeRequestUrl,
    confirmedBy: view.confirmedBy,
    landedAt: view.landedAt.toISOString(),
    minutes: view.minutes,
    estimated: view.estimated,
    reviewStatus: view.reviewStatus,
    reason: view.reason,
  };
}

/** A credit read from the store, as its sponsor sees it. */
export function presentContribution(view: ContributionView): Contribution {
  return { ...presentConsultantContribution(view), consultant: view.consultant, valuationCents: view.valuationCents };
}
