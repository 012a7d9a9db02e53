import type { BeneficiaryLegalIdentity, SponsorLegalIdentity } from '@wecena/core';
import type { Queryable } from '../database';

/** Both legal identities a receipt names, or null when either is unknown. */
export async function loadLegalIdentities(
  db: Queryable,
  ids: { sponsorId: string; beneficiaryId: string },
): Promise<{ sponsor: SponsorLegalIdentity; beneficiary: BeneficiaryLegalIdentity } | null> {
  const { rows: sponsors } = await db.query<SponsorLegalIdentity>(
    `SELECT id, legal_name AS "legalName", legal_form AS "legalForm", siren, address FROM sponsors WHERE id = $1`,
    [ids.sponsorId],
  );
  const { rows: beneficiaries } = await db.query<BeneficiaryLegalIdentity>(
    `SELECT id, legal_name AS "legalName", rna, siren, address FROM beneficiaries WHERE id = $1`,
    [ids.beneficiaryId],
  );
  const [sponsor] = sponsors;
  const [beneficiary] = beneficiaries;
  return sponsor && beneficiary ? { sponsor, beneficiary } : null;
}
