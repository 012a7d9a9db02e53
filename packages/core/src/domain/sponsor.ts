import { z } from 'zod';
import { Address } from './address';
import { Cents, Id, Text } from './primitives';
import { Siren } from './siren';

/**
 * How a sponsor values what its people give. French skills-based sponsorship is valued at cost
 * price (remuneration and employer social charges for the hours given): the valuation module
 * applies the dated rules; these are the sponsor's own choices.
 */
export const ValuationSettings = z.object({
  method: z.literal('cost_price'),
  /** The hourly cost used for a consultant whose own rate is not set. */
  defaultCostRateCentsPerHour: Cents.nullable(),
  /** Whether work with no time logged counts at its estimate (flagged as estimated) or not at all. */
  countEstimatedMinutes: z.boolean(),
});
export type ValuationSettings = z.infer<typeof ValuationSettings>;

/** A company that lends its consultants between two client contracts. */
export const Sponsor = z.object({
  id: Id,
  legalName: Text,
  siren: Siren,
  address: Address,
  valuation: ValuationSettings,
});
export type Sponsor = z.infer<typeof Sponsor>;
