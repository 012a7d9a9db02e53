import type { Queryable } from '@wecena/db';
import { z } from '@hono/zod-openapi';

export interface SponsorHeader {
  id: string;
  name: string;
  legalName: string;
  legalForm: string | null;
  siren: string;
  address: string;
  currency: string;
  defaultCostRateCents: number | null;
}

export interface SponsorConsultant {
  id: string;
  name: string;
  active: boolean;
  /** Their own hourly cost, or null: the sponsor's default applies. */
  costRateCents: number | null;
  windows: { from: string; to: string; minutesPerDay: number }[];
}

const Cents = z.union([z.string(), z.number()]).transform(Number);

const SponsorRow = z.object({
  id: z.string(),
  name: z.string(),
  legal_name: z.string(),
  legal_form: z.string().nullable(),
  siren: z.string(),
  address: z.string(),
  currency: z.string(),
  default_cost_rate_cents: Cents.nullable(),
});

/** The sponsor, or null. */
export async function findSponsor(db: Queryable, sponsorId: string): Promise<SponsorHeader | null> {
  const { rows } = await db.query(
    `SELECT id::text AS id, name, legal_name, legal_form, siren, address, currency, default_cost_rate_cents FROM sponsors WHERE id = $1::bigint`,
    [sponsorId],
  );
  if (rows[0] === undefined) return null;
  const row = SponsorRow.parse(rows[0]);
  return {
    id: row.id,
    name: row.name,
    legalName: row.legal_name,
    legalForm: row.legal_form,
    siren: row.siren,
    address: row.address,
    currency: row.currency,
    defaultCostRateCents: row.default_cost_rate_cents,
  };
}

const ConsultantRow = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  cost_rate_cents: Cents.nullable(),
  windows: z.array(z.object({ from: z.string(), to: z.string(), minutesPerDay: z.number() })),
});

/** The sponsor's consultants with their cost rate and availability windows still to come. */
export async function listSponsorConsultants(db: Queryable, sponsorId: string, today: string): Promise<SponsorConsultant[]> {
  const { rows } = await db.query(
    `SELECT c.id::text AS id, c.display_name AS name, c.active, c.cost_rate_cents,
            coalesce((SELECT json_agg(json_build_object('from', w.from_date::text, 'to', w.to_date::text, 'minutesPerDay', w.minutes_per_day) ORDER BY w.from_date)
                        FROM availability_windows w WHERE w.consultant_id = c.id AND w.to_date >= $2::date), '[]'::json) AS windows
       FROM consultants c WHERE c.sponsor_id = $1::bigint
      ORDER BY c.active DESC, c.display_name`,
    [sponsorId, today],
  );
  return rows.map((raw) => {
    const row = ConsultantRow.parse(raw);
    return { id: row.id, name: row.name, active: row.active, costRateCents: row.cost_rate_cents, windows: row.windows };
  });
}
