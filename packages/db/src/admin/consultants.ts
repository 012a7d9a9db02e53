import type { Database, Queryable, Transaction } from '../database';
import type { Added } from './beneficiaries';
import { type AdminOutcome, describeDifferences, refuse, runAdmin } from './outcome';
import { describeNamed, resolveConsultant, resolveSponsor } from './references';

export interface IdentityInput {
  forge: 'github' | 'gitlab';
  host: string;
  login: string;
}

export interface SkillInput {
  name: string;
  level: 1 | 2 | 3;
}

/** A consultant as the operator registers them (already validated by the core's schema). */
export interface ConsultantInput {
  /** The sponsor, by id or exact name. */
  sponsor: string;
  name: string;
  email: string | null;
  identities: IdentityInput[];
  skills: SkillInput[];
  /** Languages they work in, BCP 47 tags: fr, en, pt-BR. Pairing favours tasks in them. */
  languages: string[];
  /** Causes they prefer, lower-case tags: education, health, open-data. Pairing favours them. */
  causes: string[];
  /** Null: the default (2). */
  openClaimsLimit: number | null;
  /** Hourly cost in cents; null: the sponsor's default rate applies. */
  costRateCents: number | null;
}

export interface WindowRecord {
  id: string;
  from: string;
  to: string;
  minutesPerDay: number;
}

export interface ConsultantRecord {
  id: string;
  sponsorId: string;
  sponsorName: string;
  name: string;
  email: string | null;
  identities: IdentityInput[];
  skills: SkillInput[];
  languages: string[];
  causes: string[];
  openClaimsLimit: number;
  costRateCents: number | null;
  openClaims: number;
  /** Availability windows that have not ended before `today`, earliest first. */
  windows: WindowRecord[];
}

const CONSULTANT_COLUMNS = `c.id, c.sponsor_id AS "sponsorId", s.name AS "sponsorName", c.display_name AS name, c.email, c.languages, c.causes,
  c.open_claims_limit AS "openClaimsLimit", c.cost_rate_cents::float8 AS "costRateCents",
  COALESCE((SELECT json_agg(json_build_object('forge', i.forge, 'host', i.host, 'login', i.login) ORDER BY i.forge, i.host)
              FROM consultant_identities i WHERE i.consultant_id = c.id), '[]') AS identities,
  COALESCE((SELECT json_agg(json_build_object('name', k.skill, 'level', k.level) ORDER BY k.skill)
              FROM consultant_skills k WHERE k.consultant_id = c.id), '[]') AS skills,
  (SELECT count(*)::int FROM claims l WHERE l.consultant_id = c.id AND l.ended_at IS NULL) AS "openClaims",
  COALESCE((SELECT json_agg(json_build_object('id', w.id::text, 'from', w.from_date, 'to', w.to_date, 'minutesPerDay', w.minutes_per_day)
                             ORDER BY w.from_date)
              FROM availability_windows w WHERE w.consultant_id = c.id AND w.to_date >= $1::date), '[]') AS windows`;

async function selectConsultants(db: Queryable, today: string, where: string, params: unknown[]): Promise<ConsultantRecord[]> {
  const { rows } = await db.query<ConsultantRecord>(
    `SELECT ${CONSULTANT_COLUMNS} FROM consultants c JOIN sponsors s ON s.id = c.sponsor_id ${where} ORDER BY c.id`,
    [today, ...params],
  );
  return rows;
}

function sortIdentities(identities: readonly IdentityInput[]): IdentityInput[] {
  return [...identities]
    .map(({ forge, host, login }) => ({ forge, host, login }))
    .sort((a, b) => `${a.forge} ${a.host}`.localeCompare(`${b.forge} ${b.host}`));
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function sortSkills(skills: readonly SkillInput[]): SkillInput[] {
  return [...skills].map(({ name, level }) => ({ name, level })).sort((a, b) => a.name.localeCompare(b.name));
}

/** `github:github.com/login`: how identities are written back to the operator. */
export function describeIdentity(identity: IdentityInput): string {
  return `${identity.forge}:${identity.host}/${identity.login}`;
}

/** Refuses a login that another consultant holds on the same forge host (logins are case-insensitive). */
async function checkIdentityFree(tx: Transaction, identity: IdentityInput, consultantId: string | null): Promise<void> {
  const { rows } = await tx.query<{ id: string; name: string }>(
    `SELECT c.id, c.display_name AS name FROM consultant_identities i JOIN consultants c ON c.id = i.consultant_id
      WHERE i.forge = $1 AND i.host = $2 AND lower(i.login) = lower($3) AND ($4::text IS NULL OR c.id::text <> $4)`,
    [identity.forge, identity.host, identity.login, consultantId],
  );
  const holder = rows[0];
  if (holder) refuse(`${describeIdentity(identity)} already belongs to consultant ${describeNamed(holder)}`);
}

async function insertIdentity(tx: Transaction, consultantId: string, identity: IdentityInput): Promise<void> {
  await tx.query(`INSERT INTO consultant_identities (consultant_id, forge, host, login) VALUES ($1, $2, $3, $4)`, [
    consultantId,
    identity.forge,
    identity.host,
    identity.login,
  ]);
}

async function upsertSkill(tx: Transaction, consultantId: string, skill: SkillInput): Promise<void> {
  await tx.query(
    `INSERT INTO consultant_skills (consultant_id, skill, level) VALUES ($1, $2, $3)
     ON CONFLICT (consultant_id, skill) DO UPDATE SET level = EXCLUDED.level`,
    [consultantId, skill.name, skill.level],
  );
}

/**
 * Registers a consultant of a sponsor with their identities and skills. A consultant of the same
 * name at the same sponsor is the same person: adding them again with the same details changes
 * nothing; with other details it is refused (use `identity add`, `skill set`…).
 */
export async function addConsultant(db: Database, input: ConsultantInput, today: string): Promise<AdminOutcome<Added<ConsultantRecord>>> {
  return runAdmin(db, async (tx) => {
    const sponsor = await resolveSponsor(tx, input.sponsor);
    const found = (await selectConsultants(tx, today, 'WHERE c.sponsor_id = $2 AND c.display_name = $3', [sponsor.id, input.name]))[0];
    if (found) {
      const stored = {
        email: found.email,
        identities: sortIdentities(found.identities),
        skills: sortSkills(found.skills),
        languages: uniqueSorted(found.languages),
        causes: uniqueSorted(found.causes),
        openClaimsLimit: found.openClaimsLimit,
        costRateCents: found.costRateCents,
      };
      const asked = {
        email: input.email,
        identities: sortIdentities(input.identities),
        skills: sortSkills(input.skills),
        languages: uniqueSorted(input.languages),
        causes: uniqueSorted(input.causes),
        openClaimsLimit: input.openClaimsLimit ?? found.openClaimsLimit,
        costRateCents: input.costRateCents,
      };
      const differences = describeDifferences(stored, asked);
      if (differences.length > 0) {
        refuse(`consultant ${describeNamed(found)} of ${describeNamed(sponsor)} already exists with other details: ${differences.join(', ')}`);
      }
      return { record: found, created: false };
    }
    for (const identity of input.identities) await checkIdentityFree(tx, identity, null);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO consultants (sponsor_id, display_name, email, open_claims_limit, cost_rate_cents, languages, causes)
       VALUES ($1, $2, $3, COALESCE($4::int, 2), $5, $6::text[], $7::text[]) RETURNING id`,
      [sponsor.id, input.name, input.email, input.openClaimsLimit, input.costRateCents, uniqueSorted(input.languages), uniqueSorted(input.causes)],
    );
    const id = rows[0]?.id ?? '';
    for (const identity of input.identities) await insertIdentity(tx, id, identity);
    for (const skill of input.skills) await upsertSkill(tx, id, skill);
    const record = (await selectConsultants(tx, today, 'WHERE c.id = $2', [id]))[0];
    if (!record) throw new Error(`consultant ${id} vanished inside its own transaction`);
    return { record, created: true };
  });
}

/** Consultants, of one sponsor (by id or name) or of all; windows listed are those not over by `today`. */
export async function listConsultants(db: Database, options: { sponsor?: string; today: string }): Promise<AdminOutcome<ConsultantRecord[]>> {
  return runAdmin(db, async (tx) => {
    if (options.sponsor === undefined) return selectConsultants(tx, options.today, '', []);
    const sponsor = await resolveSponsor(tx, options.sponsor);
    return selectConsultants(tx, options.today, 'WHERE c.sponsor_id = $2', [sponsor.id]);
  });
}

export interface ConsultantChange {
  consultant: { id: string; name: string };
  changed: boolean;
}

/**
 * Adds a forge identity: one login per forge host per consultant (set again: nothing changes;
 * another login on that host: refused, remove the old one first), and one consultant per login.
 */
export async function addIdentity(db: Database, input: { consultant: string; identity: IdentityInput }): Promise<AdminOutcome<ConsultantChange>> {
  return runAdmin(db, async (tx) => {
    const consultant = await resolveConsultant(tx, input.consultant);
    const { identity } = input;
    const { rows } = await tx.query<{ login: string }>(
      `SELECT login FROM consultant_identities WHERE consultant_id = $1 AND forge = $2 AND host = $3`,
      [consultant.id, identity.forge, identity.host],
    );
    const current = rows[0];
    if (current && current.login.toLowerCase() === identity.login.toLowerCase()) return { consultant, changed: false };
    if (current) {
      refuse(`consultant ${describeNamed(consultant)} already is ${describeIdentity({ ...identity, login: current.login })}: remove it first`);
    }
    await checkIdentityFree(tx, identity, consultant.id);
    await insertIdentity(tx, consultant.id, identity);
    return { consultant, changed: true };
  });
}

/** Removes a forge identity; one the consultant does not have changes nothing. */
export async function removeIdentity(db: Database, input: { consultant: string; identity: IdentityInput }): Promise<AdminOutcome<ConsultantChange>> {
  return runAdmin(db, async (tx) => {
    const consultant = await resolveConsultant(tx, input.consultant);
    const { rowCount } = await tx.query(
      `DELETE FROM consultant_identities WHERE consultant_id = $1 AND forge = $2 AND host = $3 AND lower(login) = lower($4)`,
      [consultant.id, input.identity.forge, input.identity.host, input.identity.login],
    );
    return { consultant, changed: rowCount > 0 };
  });
}

/** Sets skill levels (adding the skills the consultant did not have) and removes the skills named in `remove`. */
export async function setSkills(
  db: Database,
  input: { consultant: string; set: SkillInput[]; remove: string[] },
): Promise<AdminOutcome<ConsultantChange & { skills: SkillInput[] }>> {
  return runAdmin(db, async (tx) => {
    const consultant = await resolveConsultant(tx, input.consultant);
    const before = await readSkills(tx, consultant.id);
    for (const skill of input.set) await upsertSkill(tx, consultant.id, skill);
    if (input.remove.length > 0) {
      await tx.query(`DELETE FROM consultant_skills WHERE consultant_id = $1 AND skill IN (SELECT jsonb_array_elements_text($2::jsonb))`, [
        consultant.id,
        JSON.stringify(input.remove),
      ]);
    }
    const skills = await readSkills(tx, consultant.id);
    return { consultant, changed: JSON.stringify(before) !== JSON.stringify(skills), skills };
  });
}

async function readSkills(db: Queryable, consultantId: string): Promise<SkillInput[]> {
  const { rows } = await db.query<SkillInput>(`SELECT skill AS name, level FROM consultant_skills WHERE consultant_id = $1 ORDER BY skill`, [
    consultantId,
  ]);
  return rows;
}
