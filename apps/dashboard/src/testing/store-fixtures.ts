import type { TaskState } from '@wecena/core';
import type { Queryable } from '@wecena/db';

/*
 * Rows for dashboard tests, written with plain SQL against the real schema. Each helper
 * returns the new row's id (bigserial ids come back as strings).
 */

async function insertReturningId(db: Queryable, sql: string, params: readonly unknown[]): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`${sql} RETURNING id`, params);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('INSERT returned no id');
  return id;
}

export function insertBeneficiary(db: Queryable, name: string): Promise<string> {
  return insertReturningId(
    db,
    `INSERT INTO beneficiaries (kind, name, eligibility, licence, legal_name)
     VALUES ('free_software', $1, 'osi_approved_licence', 'AGPL-3.0-or-later', $1)`,
    [name],
  );
}

export function insertRepository(db: Queryable, input: { path: string; beneficiaryId: string | null; forge?: 'github' | 'gitlab'; host?: string }): Promise<string> {
  return insertReturningId(
    db,
    `INSERT INTO repositories (forge, host, forge_id, path, beneficiary_id) VALUES ($1, $2, $3, $4, $5)`,
    [input.forge ?? 'github', input.host ?? 'github.com', `repo:${input.path}`, input.path, input.beneficiaryId],
  );
}

export interface TaskFixture {
  repositoryId: string;
  issueNumber: number;
  title: string;
  state: TaskState;
  url?: string;
  estimateMinutes?: number | null;
  skills?: string[];
  category?: string;
}

export function insertTask(db: Queryable, task: TaskFixture): Promise<string> {
  return insertReturningId(
    db,
    `INSERT INTO tasks (repository_id, issue_number, issue_forge_id, title, url, state, estimate_minutes, skills, category)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      task.repositoryId,
      task.issueNumber,
      `issue:${task.repositoryId}:${task.issueNumber}`,
      task.title,
      task.url ?? `https://github.com/example/repo/issues/${task.issueNumber}`,
      task.state,
      task.estimateMinutes ?? null,
      task.skills ?? [],
      task.category ?? 'code',
    ],
  );
}

export function insertSponsor(db: Queryable, input: { name: string; siren: string }): Promise<string> {
  return insertReturningId(
    db,
    `INSERT INTO sponsors (name, legal_name, siren, address) VALUES ($1, $1, $2, '1 rue de la Paix, 75002 Paris')`,
    [input.name, input.siren],
  );
}

export function insertConsultant(db: Queryable, input: { sponsorId: string; name: string }): Promise<string> {
  return insertReturningId(db, `INSERT INTO consultants (sponsor_id, display_name) VALUES ($1, $2)`, [input.sponsorId, input.name]);
}

export interface ContributionFixture {
  kind: 'credit' | 'reversal' | 'adjustment';
  refersTo?: string;
  taskId: string;
  consultantId: string;
  sponsorId: string;
  beneficiaryId: string;
  minutes: number;
  changeRequestUrl?: string;
}

export function insertContribution(db: Queryable, entry: ContributionFixture): Promise<string> {
  const isCredit = entry.kind === 'credit';
  return insertReturningId(
    db,
    `INSERT INTO contributions (kind, refers_to, task_id, consultant_id, sponsor_id, beneficiary_id, change_request_url,
                                landed_at, minutes, valuation_cents, review_status, reason, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, '2026-03-02T10:00:00Z', $8, 0, $9, $10, 'wecena')`,
    [
      entry.kind,
      entry.refersTo ?? null,
      entry.taskId,
      entry.consultantId,
      entry.sponsorId,
      entry.beneficiaryId,
      isCredit ? (entry.changeRequestUrl ?? `https://github.com/example/repo/pull/${entry.taskId}`) : null,
      entry.minutes,
      entry.kind === 'reversal' ? 'rejected' : entry.kind === 'adjustment' ? 'adjusted' : 'pending',
      isCredit ? null : `test ${entry.kind}`,
    ],
  );
}
