import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../database';

export interface CreditRow {
  consultantId: string;
  sponsorId: string;
  beneficiaryId: string;
  landedAt: string;
  minutes: number;
}

/**
 * Appends credits as the journey does at a merge, each for a task of its own on `repositoryId`
 * (issues numbered from 1, proved by a pull request of `repositoryPath`), valued at 46 €/h.
 */
export function creditWriter(db: Queryable, repositoryId: string, repositoryPath: string): (credit: CreditRow) => Promise<string> {
  let issue = 0;
  const one = async (sql: string, params: unknown[]): Promise<string> => (await db.query<{ id: string }>(sql, params)).rows[0]?.id ?? '';
  return async (credit) => {
    issue += 1;
    const task = await one(
      `INSERT INTO tasks (repository_id, issue_number, issue_forge_id, title, url, state) VALUES ($1, $2, $3, $4, $5, 'done') RETURNING id`,
      [repositoryId, issue, randomUUID(), `Task ${issue}`, `https://github.com/${repositoryPath}/issues/${issue}`],
    );
    return one(
      `INSERT INTO contributions (kind, task_id, consultant_id, sponsor_id, beneficiary_id, change_request_url, landed_at, minutes, valuation_cents, recorded_by, recorded_at)
       VALUES ('credit', $1, $2, $3, $4, $5, $6, $7, $8, 'wecena', $6) RETURNING id`,
      [
        task,
        credit.consultantId,
        credit.sponsorId,
        credit.beneficiaryId,
        `https://github.com/${repositoryPath}/pull/${issue}`,
        credit.landedAt,
        credit.minutes,
        Math.round((credit.minutes * 4600) / 60),
      ],
    );
  };
}
