import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../database';
import type { AdminOutcome } from '../outcome';
import { addBeneficiary } from '../beneficiaries';
import { addConsultant } from '../consultants';
import { addSponsor } from '../sponsors';

/** A tag that keeps each test's rows apart in a shared database. */
export function uniqueTag(): string {
  return randomUUID().slice(0, 8);
}

/** Nine digits, unique enough for one test run (the db checks the form only; the CLI checks the checksum). */
export function randomSiren(): string {
  return String(100_000_000 + Math.floor(Math.random() * 899_999_999));
}

export function valueOf<T>(outcome: AdminOutcome<T>): T {
  if (!outcome.ok) throw new Error(`refused: ${outcome.problem}`);
  return outcome.value;
}

export function problemOf<T>(outcome: AdminOutcome<T>): string {
  if (outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
  return outcome.problem;
}

export async function countRows(db: Queryable, table: string): Promise<number> {
  const { rows } = await db.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
  return Number(rows[0]?.count);
}

export async function insertSponsor(db: Database, name = `Sponsor ${uniqueTag()}`): Promise<{ id: string; name: string }> {
  const { record } = valueOf(
    await addSponsor(db, { name, legalName: `${name} SAS`, siren: randomSiren(), address: '1 rue de la Paix\n75002 Paris', defaultCostRateCents: null }),
  );
  return record;
}

export async function insertConsultant(db: Database, sponsor: string, login = `dev-${uniqueTag()}`): Promise<{ id: string; name: string; login: string }> {
  const { record } = valueOf(
    await addConsultant(
      db,
      {
        sponsor,
        name: `Consultant ${login}`,
        email: null,
        identities: [{ forge: 'github', host: 'github.com', login }],
        skills: [],
        languages: [],
        causes: [],
        openClaimsLimit: null,
        costRateCents: null,
      },
      '2026-01-01',
    ),
  );
  return { id: record.id, name: record.name, login };
}

export async function insertBeneficiary(db: Database, name = `Project ${uniqueTag()}`): Promise<{ id: string; name: string }> {
  const { record } = valueOf(
    await addBeneficiary(db, {
      name,
      kind: 'free_software',
      eligibility: 'osi_approved_licence',
      licence: 'MIT',
      legalName: `${name} association`,
      siren: null,
      rna: null,
      address: null,
      website: null,
      cause: null,
    }),
  );
  return record;
}

/** A repository as the App's installation registers it: unlinked. */
export async function insertRepository(db: Queryable, path = `owner-${uniqueTag()}/project`, forge: 'github' | 'gitlab' = 'github'): Promise<{ id: string; path: string }> {
  const host = forge === 'github' ? 'github.com' : 'gitlab.com';
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO repositories (forge, host, forge_id, path) VALUES ($1, $2, $3, $4) RETURNING id`,
    [forge, host, randomUUID(), path],
  );
  return { id: rows[0]?.id ?? '', path };
}

/** A task of a repository, and a claim of a consultant on it, open unless `ended`. */
export async function insertClaim(db: Queryable, input: { repository: string; consultant: string; issue: number; ended?: boolean }): Promise<string> {
  const { rows: tasks } = await db.query<{ id: string }>(
    `INSERT INTO tasks (repository_id, issue_number, issue_forge_id, title, url, state)
     VALUES ($1, $2, $3, 'A task', $4, $5) RETURNING id`,
    [input.repository, input.issue, randomUUID(), `https://github.com/x/y/issues/${input.issue}`, input.ended ? 'ready' : 'claimed'],
  );
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO claims (task_id, consultant_id, claimed_at, expires_at, ended_at, ended_how)
     VALUES ($1, $2, '2026-03-01T09:00:00Z', '2026-03-04T09:00:00Z', $3, $4) RETURNING id`,
    [tasks[0]?.id, input.consultant, input.ended ? new Date('2026-03-02T09:00:00Z') : null, input.ended ? 'released' : null],
  );
  return rows[0]?.id ?? '';
}
