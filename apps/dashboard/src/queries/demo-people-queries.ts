import type { Queryable } from '@wecena/db';
import { z } from '@hono/zod-openapi';
import type { Role } from '../auth/roles';
import type { DemoPerson } from '../pages/sign-in-pages';

const PersonRow = z.object({
  kind: z.enum(['sponsor_reviewer', 'consultant', 'beneficiary_contact']),
  id: z.string(),
  sponsor_id: z.string().nullable(),
  name: z.string(),
  detail: z.string(),
});

/** Everyone the demo sign-in page offers: each reviewer, consultant and beneficiary, and an operator. */
export async function listDemoPeople(db: Queryable): Promise<DemoPerson[]> {
  const { rows } = await db.query(
    `SELECT 'sponsor_reviewer' AS kind, r.id::text AS id, r.sponsor_id::text AS sponsor_id, r.display_name AS name, s.name AS detail
       FROM sponsor_reviewers r JOIN sponsors s ON s.id = r.sponsor_id
     UNION ALL
     SELECT 'consultant', c.id::text, c.sponsor_id::text, c.display_name, s.name
       FROM consultants c JOIN sponsors s ON s.id = c.sponsor_id WHERE c.active
     UNION ALL
     SELECT 'beneficiary_contact', b.id::text, NULL, 'Contact of ' || b.name, b.legal_name FROM beneficiaries b
     ORDER BY 1, 2`,
  );
  const people: DemoPerson[] = rows.map((raw) => {
    const row = PersonRow.parse(raw);
    return { value: `${row.kind}:${row.id}`, kind: row.kind, name: row.name, detail: row.detail };
  });
  return [...people, { value: 'operator', kind: 'operator', name: 'Demo operator', detail: 'sees everything' }];
}

/** The role and name behind a demo person's form value, read again from the store; null if none. */
export async function findDemoPerson(db: Queryable, value: string): Promise<{ name: string; role: Role } | null> {
  if (value === 'operator') return { name: 'Demo operator', role: { kind: 'operator' } };
  const match = /^(?<kind>sponsor_reviewer|consultant|beneficiary_contact):(?<id>[1-9][0-9]{0,17})$/.exec(value);
  if (match?.groups === undefined) return null;
  const { kind, id } = match.groups;
  const people = await listDemoPeople(db);
  const person = people.find((candidate) => candidate.value === value);
  if (person === undefined || id === undefined) return null;
  if (kind === 'beneficiary_contact') return { name: person.name, role: { kind, beneficiaryId: id } };
  const { rows } = await db.query(
    kind === 'consultant' ? 'SELECT sponsor_id::text AS sponsor_id FROM consultants WHERE id = $1' : 'SELECT sponsor_id::text AS sponsor_id FROM sponsor_reviewers WHERE id = $1',
    [id],
  );
  const sponsorId = z.object({ sponsor_id: z.string() }).parse(rows[0]).sponsor_id;
  return kind === 'consultant'
    ? { name: person.name, role: { kind, consultantId: id, sponsorId } }
    : { name: person.name, role: { kind: 'sponsor_reviewer', reviewerId: id, sponsorId } };
}
