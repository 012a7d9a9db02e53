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
  /** The tasks they hold now, each handed back on the forge if they are recalled. */
  openClaims: { id: string; taskTitle: string; taskUrl: string; expiresAt: string }[];
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
  open_claims: z.array(z.object({ id: z.string(), taskTitle: z.string(), taskUrl: z.string(), expiresAt: z.string() })),
});

/** The sponsor's consultants with their cost rate, availability windows still to come and open claims. */
export async function listSponsorConsultants(db: Queryable, sponsorId: string, today: string): Promise<SponsorConsultant[]> {
  const { rows } = await db.query(
    `SELECT c.id::text AS id, c.display_name AS name, c.active, c.cost_rate_cents,
            coalesce((SELECT json_agg(json_build_object('from', w.from_date::text, 'to', w.to_date::text, 'minutesPerDay', w.minutes_per_day) ORDER BY w.from_date)
                        FROM availability_windows w WHERE w.consultant_id = c.id AND w.to_date >= $2::date), '[]'::json) AS windows,
            coalesce((SELECT json_agg(json_build_object('id', cl.id::text, 'taskTitle', t.title, 'taskUrl', t.url,
                                                        'expiresAt', to_char(cl.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) ORDER BY cl.claimed_at, cl.id)
                        FROM claims cl JOIN tasks t ON t.id = cl.task_id WHERE cl.consultant_id = c.id AND cl.ended_at IS NULL), '[]'::json) AS open_claims
       FROM consultants c WHERE c.sponsor_id = $1::bigint
      ORDER BY c.active DESC, c.display_name`,
    [sponsorId, today],
  );
  return rows.map((raw) => {
    const row = ConsultantRow.parse(raw);
    return { id: row.id, name: row.name, active: row.active, costRateCents: row.cost_rate_cents, windows: row.windows, openClaims: row.open_claims };
  });
}

/** Whether the consultant is one of the sponsor's: a reviewer acts on their own people only. */
export async function isConsultantOf(db: Queryable, sponsorId: string, consultantId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM consultants WHERE id = $1::bigint AND sponsor_id = $2::bigint', [consultantId, sponsorId]);
  return rows.length > 0;
}
