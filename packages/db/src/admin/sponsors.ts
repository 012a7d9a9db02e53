import type { Database, Queryable } from '../database';
import type { Added } from './beneficiaries';
import { type AdminOutcome, describeDifferences, refuse, runAdmin } from './outcome';
import { describeNamed, resolveSponsor } from './references';

/** A sponsor as the operator registers it (already validated by the core's schema). */
export interface SponsorInput {
  name: string;
  legalName: string;
  siren: string;
  /** Lines of the postal address, joined by newlines. */
  address: string;
  /** Hourly cost for a consultant without a rate of their own, in cents. */
  defaultCostRateCents: number | null;
}

export interface SponsorRecord extends SponsorInput {
  id: string;
  currency: string;
  consultants: number;
  reviewers: number;
}

const SPONSOR_COLUMNS = `s.id, s.name, s.legal_name AS "legalName", s.siren, s.address,
  s.default_cost_rate_cents::float8 AS "defaultCostRateCents", s.currency,
  (SELECT count(*)::int FROM consultants c WHERE c.sponsor_id = s.id) AS consultants,
  (SELECT count(*)::int FROM sponsor_reviewers v WHERE v.sponsor_id = s.id) AS reviewers`;

async function selectSponsors(db: Queryable, where: string, params: unknown[]): Promise<SponsorRecord[]> {
  const { rows } = await db.query<SponsorRecord>(`SELECT ${SPONSOR_COLUMNS} FROM sponsors s ${where} ORDER BY s.id`, params);
  return rows;
}

/**
 * Registers a sponsor. Its SIREN is unique: adding it again with the same details changes
 * nothing; with other details it is refused, naming what differs.
 */
export async function addSponsor(db: Database, input: SponsorInput): Promise<AdminOutcome<Added<SponsorRecord>>> {
  return runAdmin(db, async (tx) => {
    const found = (await selectSponsors(tx, 'WHERE s.siren = $1', [input.siren]))[0];
    if (found) {
      const { name, legalName, siren, address, defaultCostRateCents } = found;
      const differences = describeDifferences({ name, legalName, siren, address, defaultCostRateCents }, { ...input });
      if (differences.length > 0) refuse(`sponsor ${describeNamed(found)} already has SIREN ${input.siren}, with other details: ${differences.join(', ')}`);
      return { record: found, created: false };
    }
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO sponsors (name, legal_name, siren, address, default_cost_rate_cents) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [input.name, input.legalName, input.siren, input.address, input.defaultCostRateCents],
    );
    return { record: { id: rows[0]?.id ?? '', ...input, currency: 'EUR', consultants: 0, reviewers: 0 }, created: true };
  });
}

export async function listSponsors(db: Queryable): Promise<SponsorRecord[]> {
  return selectSponsors(db, '', []);
}

export interface ReviewerRecord {
  id: string;
  sponsorId: string;
  sponsorName: string;
  name: string;
  email: string;
  role: 'reviewer' | 'admin';
}

/**
 * Gives a person of the sponsor the right to review what its consultants gave. An email is
 * unique per sponsor (whatever its case): the same name again changes nothing, another is refused.
 */
export async function addReviewer(
  db: Database,
  input: { sponsor: string; name: string; email: string },
): Promise<AdminOutcome<Added<ReviewerRecord>>> {
  return runAdmin(db, async (tx) => {
    const sponsor = await resolveSponsor(tx, input.sponsor);
    const { rows: existing } = await tx.query<ReviewerRecord>(
      `SELECT id, sponsor_id AS "sponsorId", $3::text AS "sponsorName", display_name AS name, email, role
         FROM sponsor_reviewers WHERE sponsor_id = $1 AND lower(email) = lower($2)`,
      [sponsor.id, input.email, sponsor.name],
    );
    const found = existing[0];
    if (found) {
      if (found.name !== input.name) refuse(`${found.email} already reviews for ${describeNamed(sponsor)} as ${found.name} (reviewer #${found.id})`);
      return { record: found, created: false };
    }
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO sponsor_reviewers (sponsor_id, display_name, email) VALUES ($1, $2, $3) RETURNING id`,
      [sponsor.id, input.name, input.email],
    );
    return {
      record: { id: rows[0]?.id ?? '', sponsorId: sponsor.id, sponsorName: sponsor.name, name: input.name, email: input.email, role: 'reviewer' },
      created: true,
    };
  });
}
