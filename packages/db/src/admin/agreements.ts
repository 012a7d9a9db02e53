import type { Database, Queryable } from '../database';
import type { Added } from './beneficiaries';
import { type AdminOutcome, describeDifferences, refuse, runAdmin } from './outcome';
import { resolveBeneficiary, resolveSponsor } from './references';

/** A convention de mécénat as the operator records it (already validated by the core's schema). */
export interface AgreementInput {
  /** Sponsor and beneficiary, by id or exact name. */
  sponsor: string;
  beneficiary: string;
  signedOn: string;
  from: string;
  /** Last day in force; null: until further notice. */
  to: string | null;
  reference: string | null;
}

export interface AgreementRecord {
  id: string;
  sponsorId: string;
  sponsorName: string;
  beneficiaryId: string;
  beneficiaryName: string;
  signedOn: string;
  from: string;
  to: string | null;
  reference: string | null;
}

const AGREEMENT_COLUMNS = `a.id, a.sponsor_id AS "sponsorId", s.name AS "sponsorName", a.beneficiary_id AS "beneficiaryId",
  b.name AS "beneficiaryName", a.signed_on AS "signedOn", a.valid_from AS "from", a.valid_to AS "to", a.reference`;

async function selectAgreements(db: Queryable, where: string, params: unknown[]): Promise<AgreementRecord[]> {
  const { rows } = await db.query<AgreementRecord>(
    `SELECT ${AGREEMENT_COLUMNS} FROM agreements a JOIN sponsors s ON s.id = a.sponsor_id JOIN beneficiaries b ON b.id = a.beneficiary_id
      ${where} ORDER BY s.name, b.name, a.valid_from`,
    params,
  );
  return rows;
}

/** `#2 2026-01-01 → open`: how an agreement's period is named back. */
export function describeAgreementPeriod(agreement: { id: string; from: string; to: string | null }): string {
  return `#${agreement.id} ${agreement.from} → ${agreement.to ?? 'open-ended'}`;
}

/**
 * Records an agreement between a sponsor and a beneficiary. Two agreements of the same pair may
 * not be in force on the same day (which would count a contribution twice): an overlap is
 * refused, naming the other; the same agreement again changes nothing.
 */
export async function addAgreement(db: Database, input: AgreementInput): Promise<AdminOutcome<Added<AgreementRecord>>> {
  return runAdmin(db, async (tx) => {
    const sponsor = await resolveSponsor(tx, input.sponsor);
    const beneficiary = await resolveBeneficiary(tx, input.beneficiary);
    // Serialises agreements of one sponsor, so that the overlap check holds under concurrency.
    await tx.query('SELECT 1 FROM sponsors WHERE id = $1 FOR UPDATE', [sponsor.id]);
    const existing = await selectAgreements(tx, 'WHERE a.sponsor_id = $1 AND a.beneficiary_id = $2', [sponsor.id, beneficiary.id]);
    const same = existing.find((agreement) => agreement.from === input.from);
    if (same) {
      const differences = describeDifferences(
        { signedOn: same.signedOn, to: same.to, reference: same.reference },
        { signedOn: input.signedOn, to: input.to, reference: input.reference },
      );
      if (differences.length > 0) refuse(`agreement ${describeAgreementPeriod(same)} already exists with other details: ${differences.join(', ')}`);
      return { record: same, created: false };
    }
    const clashes = existing.filter((agreement) => (agreement.to === null || input.from <= agreement.to) && (input.to === null || agreement.from <= input.to));
    if (clashes.length > 0) {
      refuse(
        `${sponsor.name} and ${beneficiary.name} already have an agreement in force then: ${clashes.map(describeAgreementPeriod).join(', ')}`,
      );
    }
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO agreements (sponsor_id, beneficiary_id, reference, signed_on, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [sponsor.id, beneficiary.id, input.reference, input.signedOn, input.from, input.to],
    );
    return {
      record: {
        id: rows[0]?.id ?? '',
        sponsorId: sponsor.id,
        sponsorName: sponsor.name,
        beneficiaryId: beneficiary.id,
        beneficiaryName: beneficiary.name,
        signedOn: input.signedOn,
        from: input.from,
        to: input.to,
        reference: input.reference,
      },
      created: true,
    };
  });
}

export async function listAgreements(db: Queryable): Promise<AgreementRecord[]> {
  return selectAgreements(db, '', []);
}
