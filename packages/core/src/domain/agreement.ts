import { z } from 'zod';
import { Id, IsoDate } from './primitives';

/**
 * The convention de mécénat between a sponsor and a beneficiary. A contribution counts for that
 * pair only under an agreement in force on its date.
 */
export const Agreement = z
  .object({
    id: Id,
    sponsorId: Id,
    beneficiaryId: Id,
    signedOn: IsoDate,
    /** First day in force. */
    from: IsoDate,
    /** Last day in force, included; null while it runs with no end date. */
    to: IsoDate.nullable(),
  })
  .refine((agreement) => agreement.to === null || agreement.from <= agreement.to, {
    message: 'an agreement ends on or after its first day',
    path: ['to'],
  });
export type Agreement = z.infer<typeof Agreement>;

/** Whether the agreement covers `date` (both ends included). */
export function isAgreementInForce(agreement: Agreement, date: IsoDate): boolean {
  return agreement.from <= date && (agreement.to === null || date <= agreement.to);
}
