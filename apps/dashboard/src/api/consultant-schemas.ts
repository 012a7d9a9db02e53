import { z } from '@hono/zod-openapi';
import type { ContributionView } from '../queries/contribution-queries';
import type { ConsultantHeader, OpenClaimView, TimeLogView } from '../queries/consultant-queries';
import { CalendarDay, Instant, IssueLink, Minutes, Named, RowId } from './common-schemas';
import { ConsultantContribution, presentConsultantContribution } from './contribution-schemas';

export const OpenClaim = z
  .object({
    task: IssueLink,
    claimedAt: Instant,
    expiresAt: Instant.openapi({
      description: 'When the claim lapses unless the work lands: never past the end of the availability window nor the repository’s claim time.',
    }),
  })
  .openapi('OpenClaim');

export const TimeLog = z
  .object({
    task: IssueLink,
    minutes: Minutes.openapi({ description: 'Time spent, in minutes; a correction is negative.' }),
    spentOn: CalendarDay,
    source: z.string().openapi({ description: 'Where it was logged: command (`/wecena spend`), gitlab_time_tracking, maintainer, dashboard.', example: 'command' }),
  })
  .openapi('TimeLog');

export const ConsultantOverview = z
  .object({
    consultant: z.object({ id: RowId, name: z.string().openapi({ example: 'Léa Dubois' }), sponsor: Named }),
    claims: z.array(OpenClaim).openapi({ description: 'Open claims, the soonest to expire first.' }),
    timeLogs: z.array(TimeLog).openapi({ description: 'The latest time logs, the latest first (as many as the dashboard page lists).' }),
    contributions: z.array(ConsultantContribution).openapi({ description: 'Every credit of theirs in the ledger, the most recent first, with its review status.' }),
  })
  .openapi('ConsultantOverview');
export type ConsultantOverview = z.infer<typeof ConsultantOverview>;

/** What the consultant's page shows, as the API gives it. */
export function presentConsultantOverview(input: {
  consultant: ConsultantHeader;
  claims: OpenClaimView[];
  timeLogs: TimeLogView[];
  contributions: ContributionView[];
}): ConsultantOverview {
  return {
    consultant: input.consultant,
    claims: input.claims.map((claim) => ({ task: claim.task, claimedAt: claim.claimedAt.toISOString(), expiresAt: claim.expiresAt.toISOString() })),
    timeLogs: input.timeLogs,
    contributions: input.contributions.map(presentConsultantContribution),
  };
}
