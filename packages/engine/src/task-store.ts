import type { ConsultantFacts, CreditSnapshot, HandoffSnapshot, LoggedTime, OpenClaimSnapshot, TaskSnapshot } from '@wecena/core';
import type { Queryable } from '@wecena/db';
import type { StoredRepository } from './repository-store';

interface TaskRow {
  id: string;
  issue_number: number;
  title: string;
  url: string;
  state: TaskSnapshot['state'];
  estimate_minutes: number | null;
  skills: string[];
  category: TaskSnapshot['category'];
}

interface ClaimRow {
  id: string;
  consultant_id: string;
  login: string | null;
  claimed_at: Date;
  expires_at: Date;
  reminded_at: Date | null;
  ended_at: Date | null;
  ended_how: string | null;
  handoff_note: string | null;
}

/** Whether any task of the repository is in `state`: a cheap look before asking the forge anything. */
export async function hasTaskInState(db: Queryable, repository: StoredRepository, state: TaskSnapshot['state']): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM tasks WHERE repository_id = $1 AND state = $2 LIMIT 1`, [repository.id, state]);
  return rows.length > 0;
}

/** The task of an issue, with its claims, time and credits, as the core's decisions read it; null when wecena has none. */
export async function loadTaskSnapshot(db: Queryable, repository: StoredRepository, issueNumber: number): Promise<TaskSnapshot | null> {
  const { rows } = await db.query<TaskRow>(
    `SELECT id, issue_number, title, url, state, estimate_minutes, skills, category FROM tasks WHERE repository_id = $1 AND issue_number = $2`,
    [repository.id, issueNumber],
  );
  const task = rows[0];
  if (!task) return null;
  const identity = [repository.ref.forge, repository.ref.host];

  const claims = await db.query<ClaimRow>(
    `SELECT c.id, c.consultant_id, i.login, c.claimed_at, c.expires_at, c.reminded_at, c.ended_at, c.ended_how, c.handoff_note
       FROM claims c
       LEFT JOIN consultant_identities i ON i.consultant_id = c.consultant_id AND i.forge = $2 AND i.host = $3
      WHERE c.task_id = $1
      ORDER BY c.claimed_at, c.id`,
    [task.id, ...identity],
  );
  const open = claims.rows.find((claim) => claim.ended_at === null);
  const openClaim: OpenClaimSnapshot | null = open
    ? {
        id: open.id,
        consultantId: open.consultant_id,
        login: open.login ?? `consultant-${open.consultant_id}`,
        claimedAt: open.claimed_at.toISOString(),
        expiresAt: open.expires_at.toISOString(),
        remindedAt: open.reminded_at?.toISOString() ?? null,
      }
    : null;
  const handoffs: HandoffSnapshot[] = claims.rows
    .filter((claim) => claim.ended_at !== null && claim.ended_how !== 'completed')
    .map((claim) => ({
      login: claim.login ?? `consultant-${claim.consultant_id}`,
      endedHow: claim.ended_how as HandoffSnapshot['endedHow'],
      endedAt: (claim.ended_at as Date).toISOString(),
      note: claim.handoff_note,
    }));

  const logged = await db.query<{ consultant_id: string; login: string | null; minutes: string }>(
    `SELECT t.consultant_id, min(i.login) AS login, sum(t.minutes)::text AS minutes
       FROM time_logs t
       LEFT JOIN consultant_identities i ON i.consultant_id = t.consultant_id AND i.forge = $2 AND i.host = $3
      WHERE t.task_id = $1
      GROUP BY t.consultant_id
      ORDER BY t.consultant_id`,
    [task.id, ...identity],
  );
  const loggedTime: LoggedTime[] = logged.rows.map((row) => ({
    consultantId: row.consultant_id,
    login: row.login ?? `consultant-${row.consultant_id}`,
    minutes: Number(row.minutes),
  }));

  const credits = await db.query<{
    id: string;
    consultant_id: string;
    login: string | null;
    minutes: number;
    estimated: boolean;
    change_request_url: string | null;
    confirmed_by: string | null;
    recorded_at: Date;
    reversal_reason: string | null;
    reversal_by: string | null;
    reversal_at: Date | null;
  }>(
    `SELECT c.id, c.consultant_id, i.login, c.minutes, c.estimated, c.change_request_url, c.confirmed_by, c.recorded_at,
            r.reason AS reversal_reason, r.recorded_by AS reversal_by, r.recorded_at AS reversal_at
       FROM contributions c
       LEFT JOIN contributions r ON r.refers_to = c.id AND r.kind = 'reversal'
       LEFT JOIN consultant_identities i ON i.consultant_id = c.consultant_id AND i.forge = $2 AND i.host = $3
      WHERE c.task_id = $1 AND c.kind = 'credit'
      ORDER BY c.recorded_at, c.id`,
    [task.id, ...identity],
  );

  return {
    id: task.id,
    issueNumber: task.issue_number,
    title: task.title,
    url: task.url,
    state: task.state,
    estimateMinutes: task.estimate_minutes,
    skills: task.skills,
    category: task.category,
    openClaim,
    handoffs,
    loggedTime,
    credits: credits.rows.map(
      (row): CreditSnapshot => ({
        id: row.id,
        consultantId: row.consultant_id,
        login: row.login ?? `consultant-${row.consultant_id}`,
        minutes: row.minutes,
        estimated: row.estimated,
        changeRequestUrl: row.change_request_url,
        confirmedBy: row.confirmed_by,
        recordedAt: row.recorded_at.toISOString(),
        reversal:
          row.reversal_reason !== null && row.reversal_at !== null
            ? { reason: row.reversal_reason, by: row.reversal_by ?? 'wecena', at: row.reversal_at.toISOString() }
            : null,
      }),
    ),
  };
}

/**
 * The registered consultants among `logins` on this forge, with what a claim decision needs:
 * their open claims, their limit, and the last day of the window covering `today`.
 */
export async function loadConsultantFacts(
  db: Queryable,
  repository: StoredRepository,
  logins: readonly string[],
  today: string,
): Promise<ConsultantFacts[]> {
  if (logins.length === 0) return [];
  const { rows } = await db.query<{ id: string; login: string; open_claims: string; open_claims_limit: number; available_until: string | null }>(
    `SELECT c.id, i.login, c.open_claims_limit,
            (SELECT count(*) FROM claims k WHERE k.consultant_id = c.id AND k.ended_at IS NULL)::text AS open_claims,
            (SELECT max(w.to_date)::text FROM availability_windows w
              WHERE w.consultant_id = c.id AND w.from_date <= $4::date AND w.to_date >= $4::date) AS available_until
       FROM consultant_identities i JOIN consultants c ON c.id = i.consultant_id
      WHERE i.forge = $1 AND i.host = $2 AND lower(i.login) = ANY($3::text[]) AND c.active`,
    [repository.ref.forge, repository.ref.host, logins.map((login) => login.toLowerCase()), today],
  );
  return rows.map((row) => ({
    id: row.id,
    login: row.login,
    openClaims: Number(row.open_claims),
    openClaimsLimit: row.open_claims_limit,
    availableUntil: row.available_until,
  }));
}
