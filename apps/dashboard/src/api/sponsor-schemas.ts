import { z } from '@hono/zod-openapi';
import type { SponsorConsultant, SponsorHeader } from '../queries/sponsor-queries';
import { CalendarDay, Cents, Minutes, RowId } from './common-schemas';

export const SponsorSummary = z
  .object({
    id: RowId,
    name: z.string().openapi({ example: 'Octet Conseil' }),
    currency: z.string().openapi({ description: 'ISO 4217 code of every amount in cents.', example: 'EUR' }),
    defaultCostRateCents: Cents.nullable().openapi({ description: "Hourly cost of a consultant without a rate of their own, in cents; null when none is set." }),
  })
  .openapi('SponsorSummary');

export const SponsorConsultants = z
  .object({
    sponsor: SponsorSummary,
    consultants: z.array(
      z
        .object({
          id: RowId,
          name: z.string().openapi({ example: 'Camille Martin' }),
          active: z.boolean(),
          costRateCents: Cents.nullable().openapi({ description: "Their own hourly cost, in cents; null: the sponsor's default applies." }),
          windows: z
            .array(z.object({ from: CalendarDay, to: CalendarDay, minutesPerDay: Minutes.openapi({ description: 'Minutes a day they may give.', example: 420 }) }))
            .openapi({ description: 'Availability windows not over yet, the first first.' }),
        })
        .openapi('SponsorConsultant'),
    ),
  })
  .openapi('SponsorConsultants');
export type SponsorConsultants = z.infer<typeof SponsorConsultants>;

/** The sponsor as the API names it on its own answers. */
export function presentSponsorSummary(sponsor: SponsorHeader): z.infer<typeof SponsorSummary> {
  return { id: sponsor.id, name: sponsor.name, currency: sponsor.currency, defaultCostRateCents: sponsor.defaultCostRateCents };
}

export function presentSponsorConsultants(sponsor: SponsorHeader, consultants: SponsorConsultant[]): SponsorConsultants {
  return { sponsor: presentSponsorSummary(sponsor), consultants };
}
