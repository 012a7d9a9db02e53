import { z } from 'zod';
import { Address } from './address';
import { Id, Text } from './primitives';
import { Rna, Siren } from './siren';

export const BENEFICIARY_KINDS = ['nonprofit', 'free_software'] as const;
export const BeneficiaryKind = z.enum(BENEFICIARY_KINDS);
export type BeneficiaryKind = z.infer<typeof BeneficiaryKind>;

/**
 * An SPDX licence identifier such as `MIT`, `GPL-3.0-or-later` or `MPL-2.0`. Only its syntax is
 * checked: the OSI list grows, and a stale copy here would refuse a newly approved licence. The
 * operator who registers the project vouches for the approval.
 */
export const SpdxLicenceId = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9.+-]*$/, 'an SPDX licence identifier such as MIT or GPL-3.0-or-later');
export type SpdxLicenceId = z.infer<typeof SpdxLicenceId>;

/** Why the beneficiary may receive skills-based sponsorship. */
export const EligibilityBasis = z.discriminatedUnion('basis', [
  z.object({
    /** An organisation of general interest (article 238 bis of the Code général des impôts). */
    basis: z.literal('public_interest_organisation'),
    /** What proves it when known: a rescrit fiscal, a recognition decree... */
    evidence: Text.nullable(),
  }),
  z.object({
    /** A free-software project whose licence the Open Source Initiative approved. */
    basis: z.literal('osi_licence'),
    spdxId: SpdxLicenceId,
  }),
]);
export type EligibilityBasis = z.infer<typeof EligibilityBasis>;

/** Who signs the receipt: the beneficiary's legal identity. */
export const LegalIdentity = z.object({
  legalName: Text,
  siren: Siren.nullable(),
  rna: Rna.nullable(),
  address: Address,
});
export type LegalIdentity = z.infer<typeof LegalIdentity>;

/** A nonprofit or a free-software project that receives donated work. */
export const Beneficiary = z
  .object({
    id: Id,
    kind: BeneficiaryKind,
    /** The name people know it by, which may differ from the legal name. */
    displayName: Text,
    eligibility: EligibilityBasis,
    legalIdentity: LegalIdentity,
  })
  // A licence makes a project eligible, not an association: a nonprofit must be of general interest.
  .refine(
    (beneficiary) =>
      beneficiary.kind === 'free_software' || beneficiary.eligibility.basis === 'public_interest_organisation',
    {
      message: 'a nonprofit is eligible as a public-interest organisation, not through a licence',
      path: ['eligibility', 'basis'],
    },
  );
export type Beneficiary = z.infer<typeof Beneficiary>;
