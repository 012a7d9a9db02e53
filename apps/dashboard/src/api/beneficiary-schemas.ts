import { z } from '@hono/zod-openapi';
import type { BeneficiaryRepository, ReceivedLine, Throughput } from '../queries/beneficiary-queries';
import { Cents, Instant, IssueLink, Minutes, Named, RowId } from './common-schemas';

const LeadMinutes = Minutes.nullable();

export const BeneficiaryOverview = z
  .object({
    beneficiary: z.object({ id: RowId, name: z.string().openapi({ example: 'Entraide Solidaire' }), legalName: z.string() }),
    received: z
      .array(
        z
          .object({
            sponsor: Named,
            year: z.int().openapi({ example: 2026 }),
            minutes: Minutes.openapi({ description: 'Minutes the sponsor confirmed (approved or adjusted contributions).' }),
            valuationCents: Cents.openapi({ description: 'Their valuation, in cents: the figure of the receipt.' }),
            pendingMinutes: Minutes.openapi({ description: "Minutes still waiting for the sponsor's review." }),
          })
          .openapi('ReceivedLine'),
      )
      .openapi({ description: 'Per sponsor and year (UTC), the latest year first; the receipt data of each: `/sponsors/{sponsorId}/receipts/{beneficiaryId}/{year}`.' }),
    throughput: z
      .object({
        done: z.int().nonnegative().openapi({ description: 'Tasks done.', example: 4 }),
        medianLeadMinutes: LeadMinutes.openapi({ description: 'Median time to done, in minutes, from when wecena first saw the issue; null before the first.' }),
        p90LeadMinutes: LeadMinutes.openapi({ description: 'Nine tasks in ten were done within this many minutes; null before the first.' }),
      })
      .openapi('Throughput'),
    waiting: z
      .array(IssueLink.extend({ readySince: Instant }).openapi('WaitingTask'))
      .openapi({ description: 'Ready tasks waiting for someone to claim them, the longest waiting first.' }),
    repositories: z
      .array(
        z
          .object({
            id: RowId,
            host: z.string().openapi({ example: 'github.com' }),
            path: z.string().openapi({ example: 'cartolibre/cartolibre' }),
            suitable: z.int().nonnegative().openapi({ description: 'Open issues the last discovery scan found suitable.' }),
            nearMisses: z.int().nonnegative().openapi({ description: 'Open issues that missed one thing.' }),
          })
          .openapi('BeneficiaryRepository'),
      )
      .openapi({ description: 'Its enabled repositories.' }),
  })
  .openapi('BeneficiaryOverview');
export type BeneficiaryOverview = z.infer<typeof BeneficiaryOverview>;

function minutesOf(hours: number | null): number | null {
  return hours === null ? null : Math.round(hours * 60);
}

/** What the beneficiary's page shows, as the API gives it. */
export function presentBeneficiaryOverview(input: {
  beneficiary: { id: string; name: string; legalName: string };
  received: ReceivedLine[];
  throughput: Throughput;
  repositories: BeneficiaryRepository[];
}): BeneficiaryOverview {
  const { throughput } = input;
  return {
    beneficiary: input.beneficiary,
    received: input.received,
    throughput: { done: throughput.done, medianLeadMinutes: minutesOf(throughput.medianLeadHours), p90LeadMinutes: minutesOf(throughput.p90LeadHours) },
    waiting: throughput.waiting.map((task) => ({ id: task.id, title: task.title, url: task.url, readySince: task.readySince.toISOString() })),
    repositories: input.repositories,
  };
}
