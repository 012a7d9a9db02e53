import { type StoreChange, type TaskDetails, valueContribution } from '@wecena/core';
import type { Transaction } from '@wecena/db';
import type { StoredRepository } from './repository-store';

/**
 * Another event changed the task between loading and storing (two claims at once): the
 * transaction is rolled back and the delivery decided again, on fresh inputs.
 */
export class JourneyConflict extends Error {
  readonly code = 'journey_conflict';
  constructor(message: string) {
    super(message);
    this.name = 'JourneyConflict';
  }
}

/** Applies a decision's store changes, in order, inside the caller's transaction. */
export async function applyStoreChanges(
  tx: Transaction,
  repository: StoredRepository,
  issueNumber: number | null,
  changes: readonly StoreChange[],
  now: Date,
): Promise<void> {
  let taskId: string | null = issueNumber === null ? null : await findTaskId(tx, repository.id, issueNumber);
  const requireTask = (change: StoreChange): string => {
    if (taskId === null) throw new Error(`${change.type} names no task: the decision must create it first`);
    return taskId;
  };

  for (const change of changes) {
    switch (change.type) {
      case 'upsertTask':
        taskId = await upsertTask(tx, repository, taskId, change.from, change.state, change.details, now);
        break;
      case 'setTaskState': {
        const moved = await tx.query(`UPDATE tasks SET state = $3, state_changed_at = $4, updated_at = $4 WHERE id = $1 AND state = $2`, [
          requireTask(change),
          change.from,
          change.to,
          now,
        ]);
        if (moved.rowCount === 0) throw new JourneyConflict(`task ${taskId} is no longer ${change.from}`);
        break;
      }
      case 'openClaim':
        try {
          await tx.query(`INSERT INTO claims (task_id, consultant_id, claimed_at, expires_at) VALUES ($1, $2, $3, $4)`, [
            requireTask(change),
            change.consultantId,
            change.claimedAt,
            change.expiresAt,
          ]);
        } catch (error) {
          if (isUniqueViolation(error)) throw new JourneyConflict(`task ${taskId} was claimed meanwhile`);
          throw error;
        }
        break;
      case 'endClaim': {
        const ended = await tx.query(
          `UPDATE claims SET ended_at = $2, ended_how = $3, handoff_note = $4 WHERE id = $1 AND ended_at IS NULL`,
          [change.claimId, change.endedAt, change.endedHow, change.handoffNote],
        );
        if (ended.rowCount === 0) throw new JourneyConflict(`claim ${change.claimId} ended meanwhile`);
        break;
      }
      case 'extendClaim':
        await tx.query(`UPDATE claims SET expires_at = $2, reminded_at = NULL WHERE id = $1 AND ended_at IS NULL`, [change.claimId, change.expiresAt]);
        break;
      case 'markReminded':
        await tx.query(`UPDATE claims SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL`, [change.claimId, change.remindedAt]);
        break;
      case 'logTime':
        await tx.query(
          `INSERT INTO time_logs (consultant_id, task_id, minutes, spent_on, source, source_ref, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (source, source_ref) DO NOTHING`,
          [change.consultantId, requireTask(change), change.minutes, change.spentOn, change.source, change.sourceRef, change.recordedAt],
        );
        break;
      case 'recordCredit':
        await recordCredit(tx, repository, requireTask(change), change, now);
        break;
      case 'recordReversal':
        await tx.query(
          `INSERT INTO contributions (kind, refers_to, task_id, consultant_id, sponsor_id, beneficiary_id, change_request_url, confirmed_by,
                                      landed_at, minutes, estimated, valuation_cents, review_status, reason, recorded_by, recorded_at)
           SELECT 'reversal', c.id, c.task_id, c.consultant_id, c.sponsor_id, c.beneficiary_id, c.change_request_url, c.confirmed_by,
                  c.landed_at, -c.minutes, c.estimated, -c.valuation_cents, 'rejected', $2::text, $3::text, $4::timestamptz
             FROM contributions c WHERE c.id = $1 AND c.kind = 'credit'
           ON CONFLICT (refers_to) WHERE kind = 'reversal' DO NOTHING`,
          [change.creditId, change.reason, change.recordedBy, change.recordedAt],
        );
        break;
    }
  }
}

async function findTaskId(tx: Transaction, repositoryId: string, issueNumber: number): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(`SELECT id FROM tasks WHERE repository_id = $1 AND issue_number = $2`, [repositoryId, issueNumber]);
  return rows[0]?.id ?? null;
}

async function upsertTask(
  tx: Transaction,
  repository: StoredRepository,
  taskId: string | null,
  from: string | null,
  state: string,
  details: TaskDetails,
  now: Date,
): Promise<string> {
  if (from === null) {
    if (taskId !== null) throw new JourneyConflict(`task of issue #${details.issueNumber} was created meanwhile`);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO tasks (repository_id, issue_number, issue_forge_id, title, url, state, estimate_minutes, skills, category,
                          created_at, updated_at, state_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10)
       RETURNING id`,
      [repository.id, details.issueNumber, details.issueForgeId, details.title, details.url, state, details.estimateMinutes, details.skills, details.category, now],
    );
    return rows[0]!.id;
  }
  if (taskId === null) throw new JourneyConflict(`task of issue #${details.issueNumber} is gone`);
  const updated = await tx.query(
    `UPDATE tasks SET title = $3, url = $4, state = $5, estimate_minutes = $6, skills = $7, category = $8, updated_at = $9,
                      state_changed_at = CASE WHEN state = $5 THEN state_changed_at ELSE $9 END
      WHERE id = $1 AND state = $2`,
    [taskId, from, details.title, details.url, state, details.estimateMinutes, details.skills, details.category, now],
  );
  if (updated.rowCount === 0) throw new JourneyConflict(`task ${taskId} is no longer ${from}`);
  return taskId;
}

async function recordCredit(
  tx: Transaction,
  repository: StoredRepository,
  taskId: string,
  change: Extract<StoreChange, { type: 'recordCredit' }>,
  now: Date,
): Promise<void> {
  if (repository.beneficiaryId === null) {
    throw new Error(`repository ${repository.ref.path} is linked to no beneficiary: the credit waits until an operator links it`);
  }
  const { rows } = await tx.query<{ sponsor_id: string; hourly_cost_cents: string | null }>(
    `SELECT c.sponsor_id, COALESCE(c.cost_rate_cents, s.default_cost_rate_cents)::text AS hourly_cost_cents
       FROM consultants c JOIN sponsors s ON s.id = c.sponsor_id WHERE c.id = $1`,
    [change.consultantId],
  );
  const consultant = rows[0];
  if (!consultant) throw new Error(`consultant ${change.consultantId} is gone: the credit cannot be recorded`);
  // Valued at cost price, under the rules of the year the work landed (core/valuation cites them).
  const { valuationCents } = valueContribution({
    minutes: change.minutes,
    hourlyCostCents: Number(consultant.hourly_cost_cents ?? 0),
    year: new Date(change.landedAt).getUTCFullYear(),
  });
  await tx.query(
    `INSERT INTO contributions (kind, task_id, consultant_id, sponsor_id, beneficiary_id, change_request_url, confirmed_by,
                                landed_at, minutes, estimated, valuation_cents, recorded_by, recorded_at)
     VALUES ('credit', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT DO NOTHING`,
    [
      taskId,
      change.consultantId,
      consultant.sponsor_id,
      repository.beneficiaryId,
      change.changeRequestUrl,
      change.confirmedBy,
      change.landedAt,
      change.minutes,
      change.estimated,
      valuationCents,
      change.recordedBy,
      now,
    ],
  );
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';
}
