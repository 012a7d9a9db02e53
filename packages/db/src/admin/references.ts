import type { Queryable } from '../database';
import { refuse } from './outcome';

/** A row an operator named, as it is shown back to them: `#3 Camille Martin`. */
export interface Named {
  id: string;
  name: string;
}

export interface NamedConsultant extends Named {
  sponsorId: string;
  sponsorName: string;
}

/** How many known names a "not found" refusal lists, to help without flooding the terminal. */
const KNOWN_SHOWN = 10;

/** `#3 Camille Martin`: how every admin message names a row. */
export function describeNamed(row: Named): string {
  return `#${row.id} ${row.name}`;
}

/** One row for a reference, or a refusal that lists the matches (ambiguous) or the known rows (none). */
function pickOne<T extends Named>(noun: string, reference: string, matches: T[], known: T[], describe: (row: T) => string): T {
  const [first, ...others] = matches;
  if (first !== undefined && others.length === 0) return first;
  if (first !== undefined) {
    return refuse(`"${reference}" matches ${matches.length} ${noun}s: ${matches.map(describe).join(', ')}; give the id`);
  }
  const hint = known.length === 0 ? `there is no ${noun} yet` : `known: ${known.slice(0, KNOWN_SHOWN).map(describe).join(', ')}${known.length > KNOWN_SHOWN ? ', …' : ''}`;
  return refuse(`no ${noun} has the id or name "${reference}" (${hint})`);
}

/** A sponsor by id or exact name. */
export async function resolveSponsor(db: Queryable, reference: string): Promise<Named> {
  const { rows } = await db.query<Named>(
    `SELECT id, name FROM sponsors WHERE id::text = $1 OR name = $1 ORDER BY id`,
    [reference],
  );
  if (rows.length === 1) return rows[0] as Named;
  const known = rows.length === 0 ? (await db.query<Named>('SELECT id, name FROM sponsors ORDER BY id LIMIT 11')).rows : [];
  return pickOne('sponsor', reference, rows, known, describeNamed);
}

/** A beneficiary by id or exact name. */
export async function resolveBeneficiary(db: Queryable, reference: string): Promise<Named> {
  const { rows } = await db.query<Named>(
    `SELECT id, name FROM beneficiaries WHERE id::text = $1 OR name = $1 ORDER BY id`,
    [reference],
  );
  if (rows.length === 1) return rows[0] as Named;
  const known = rows.length === 0 ? (await db.query<Named>('SELECT id, name FROM beneficiaries ORDER BY id LIMIT 11')).rows : [];
  return pickOne('beneficiary', reference, rows, known, describeNamed);
}

/** A consultant by id, exact name, or one of their forge logins (any forge, case-insensitive). */
export async function resolveConsultant(db: Queryable, reference: string): Promise<NamedConsultant> {
  const select = `SELECT c.id, c.display_name AS name, c.sponsor_id AS "sponsorId", s.name AS "sponsorName"
                    FROM consultants c JOIN sponsors s ON s.id = c.sponsor_id`;
  const { rows } = await db.query<NamedConsultant>(
    `${select}
      WHERE c.id::text = $1 OR c.display_name = $1
         OR EXISTS (SELECT 1 FROM consultant_identities i WHERE i.consultant_id = c.id AND lower(i.login) = lower($1))
      ORDER BY c.id`,
    [reference],
  );
  if (rows.length === 1) return rows[0] as NamedConsultant;
  const known = rows.length === 0 ? (await db.query<NamedConsultant>(`${select} ORDER BY c.id LIMIT 11`)).rows : [];
  return pickOne('consultant', reference, rows, known, (row) => `${describeNamed(row)} (${row.sponsorName})`);
}
