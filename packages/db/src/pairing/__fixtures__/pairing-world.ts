import type { Queryable } from '../../database';

/*
 * A small world for pairing tests, written with plain SQL against the real schema, on the day
 * TODAY. Every id comes back as the store gives it (bigserial as a string).
 */

export const TODAY = '2026-03-04';
export const NOW = '2026-03-04T08:30:00.000Z';

async function insert(db: Queryable, sql: string, params: readonly unknown[]): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`${sql} RETURNING id`, params);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('INSERT returned no id');
  return id;
}

export function insertSponsor(db: Queryable, name: string, siren: string): Promise<string> {
  return insert(db, `INSERT INTO sponsors (name, legal_name, siren, address) VALUES ($1, $1, $2, '1 rue de la Paix, 75002 Paris')`, [name, siren]);
}

export interface ConsultantFixture {
  sponsorId: string;
  name: string;
  login?: string;
  skills?: Record<string, 1 | 2 | 3>;
  languages?: string[];
  causes?: string[];
  openClaimsLimit?: number;
  /** A window, both days included. */
  window?: { from: string; to: string; minutesPerDay: number };
}

export async function insertConsultant(db: Queryable, consultant: ConsultantFixture): Promise<string> {
  const id = await insert(
    db,
    `INSERT INTO consultants (sponsor_id, display_name, open_claims_limit, languages, causes) VALUES ($1, $2, $3, $4, $5)`,
    [consultant.sponsorId, consultant.name, consultant.openClaimsLimit ?? 2, consultant.languages ?? [], consultant.causes ?? []],
  );
  if (consultant.login !== undefined) {
    await db.query(`INSERT INTO consultant_identities (consultant_id, forge, host, login) VALUES ($1, 'github', 'github.com', $2)`, [id, consultant.login]);
  }
  for (const [skill, level] of Object.entries(consultant.skills ?? {})) {
    await db.query('INSERT INTO consultant_skills (consultant_id, skill, level) VALUES ($1, $2, $3)', [id, skill, level]);
  }
  if (consultant.window !== undefined) {
    await db.query('INSERT INTO availability_windows (consultant_id, from_date, to_date, minutes_per_day) VALUES ($1, $2, $3, $4)', [
      id,
      consultant.window.from,
      consultant.window.to,
      consultant.window.minutesPerDay,
    ]);
  }
  return id;
}

export async function insertBeneficiaryWithRepository(
  db: Queryable,
  input: { name: string; cause?: string; path: string },
): Promise<{ beneficiaryId: string; repositoryId: string }> {
  const beneficiaryId = await insert(
    db,
    `INSERT INTO beneficiaries (kind, name, eligibility, licence, legal_name, cause)
     VALUES ('free_software', $1, 'osi_approved_licence', 'MIT', $1, $2)`,
    [input.name, input.cause ?? null],
  );
  const repositoryId = await insert(db, `INSERT INTO repositories (forge, host, forge_id, path, beneficiary_id) VALUES ('github', 'github.com', $1, $1, $2)`, [
    input.path,
    beneficiaryId,
  ]);
  return { beneficiaryId, repositoryId };
}

export interface TaskFixture {
  repositoryId: string;
  number: number;
  title?: string;
  state?: string;
  estimateMinutes?: number | null;
  skills?: string[];
  language?: string | null;
  cause?: string | null;
  stateChangedAt?: string;
}

export function insertTask(db: Queryable, task: TaskFixture): Promise<string> {
  return insert(
    db,
    `INSERT INTO tasks (repository_id, issue_number, issue_forge_id, title, url, state, estimate_minutes, skills, language, cause, state_changed_at)
     SELECT r.id, $2::int, r.id || ':' || $2::int, $3, 'https://github.com/' || r.path || '/issues/' || $2::int, $4, $5, $6, $7, $8, $9
       FROM repositories r WHERE r.id = $1::bigint`,
    [
      task.repositoryId,
      task.number,
      task.title ?? `Issue ${task.number}`,
      task.state ?? 'ready',
      task.estimateMinutes === undefined ? 120 : task.estimateMinutes,
      task.skills ?? [],
      task.language ?? null,
      task.cause ?? null,
      task.stateChangedAt ?? '2026-03-01T10:00:00Z',
    ],
  );
}

export function insertClaim(
  db: Queryable,
  claim: { taskId: string; consultantId: string; claimedAt?: string; endedAt?: string; endedHow?: string },
): Promise<string> {
  const claimedAt = claim.claimedAt ?? '2026-03-02T09:00:00Z';
  return insert(
    db,
    `INSERT INTO claims (task_id, consultant_id, claimed_at, expires_at, ended_at, ended_how)
     VALUES ($1, $2, $3::timestamptz, $3::timestamptz + interval '3 days', $4, $5)`,
    [claim.taskId, claim.consultantId, claimedAt, claim.endedAt ?? null, claim.endedHow ?? null],
  );
}

/**
 * Ana (typescript 3, French, education) and Chloé (python 2) are available today, in the same
 * sponsor as Dan; Ben has no window; Eve holds one open claim and works for another sponsor.
 * Ready tasks: a typescript one for an education project, a python one that Dan released, one
 * needing no skill, one without an estimate; a claimed one and a ready one with an open claim
 * (the store out of step) must never be proposed.
 */
export async function insertPairingWorld(db: Queryable): Promise<Record<string, string>> {
  const octet = await insertSponsor(db, 'Octet', '832519748');
  const other = await insertSponsor(db, 'Autre', '123456782');
  const school = await insertBeneficiaryWithRepository(db, { name: 'École Libre', cause: 'education', path: 'ecole/site' });
  const maps = await insertBeneficiaryWithRepository(db, { name: 'Cartes', path: 'cartes/app' });
  const window = { from: '2026-03-02', to: '2026-03-06', minutesPerDay: 420 };

  const ana = await insertConsultant(db, {
    sponsorId: octet,
    name: 'Ana',
    login: 'ana-dev',
    skills: { typescript: 3 },
    languages: ['fr'],
    causes: ['education'],
    window,
  });
  const ben = await insertConsultant(db, { sponsorId: octet, name: 'Ben', skills: { typescript: 3, python: 3 } });
  const chloe = await insertConsultant(db, { sponsorId: octet, name: 'Chloé', skills: { python: 2 }, window });
  const dan = await insertConsultant(db, { sponsorId: octet, name: 'Dan', skills: { python: 3 } });
  const eve = await insertConsultant(db, { sponsorId: other, name: 'Eve', skills: { typescript: 1, python: 1 }, window, openClaimsLimit: 2 });

  const typescriptTask = await insertTask(db, { repositoryId: school.repositoryId, number: 1, skills: ['typescript'], language: 'fr', estimateMinutes: 240 });
  const pythonTask = await insertTask(db, { repositoryId: maps.repositoryId, number: 2, skills: ['python'], stateChangedAt: '2026-02-20T10:00:00Z' });
  const anyoneTask = await insertTask(db, { repositoryId: maps.repositoryId, number: 3, skills: [] });
  const unestimated = await insertTask(db, { repositoryId: maps.repositoryId, number: 4, skills: ['python'], estimateMinutes: null });
  const claimed = await insertTask(db, { repositoryId: school.repositoryId, number: 5, state: 'claimed', skills: ['typescript'] });
  const outOfStep = await insertTask(db, { repositoryId: school.repositoryId, number: 6, skills: ['typescript'] });

  await insertClaim(db, { taskId: claimed, consultantId: eve });
  await insertClaim(db, { taskId: outOfStep, consultantId: ben });
  await db.query(
    `INSERT INTO time_logs (consultant_id, task_id, minutes, spent_on, source, source_ref) VALUES ($1, $2, 30, '2026-03-03', 'command', 'world:1')`,
    [eve, claimed],
  );
  // Dan released the python task, with a note; Ana once completed a task for the school.
  await insertClaim(db, { taskId: pythonTask, consultantId: dan, claimedAt: '2026-02-18T09:00:00Z', endedAt: '2026-02-20T10:00:00Z', endedHow: 'released' });
  const done = await insertTask(db, { repositoryId: school.repositoryId, number: 7, state: 'done', skills: ['typescript'] });
  await insertClaim(db, { taskId: done, consultantId: ana, claimedAt: '2026-02-10T09:00:00Z', endedAt: '2026-02-11T10:00:00Z', endedHow: 'completed' });

  return {
    octet,
    school: school.beneficiaryId,
    maps: maps.beneficiaryId,
    ana,
    ben,
    chloe,
    dan,
    eve,
    typescriptTask,
    pythonTask,
    anyoneTask,
    unestimated,
    claimed,
    outOfStep,
  };
}
