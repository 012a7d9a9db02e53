import { z } from '@hono/zod-openapi';
import type { Queryable } from '@wecena/db';

/*
 * The stored pairing proposals, as the API reads them. They are derived data, replaced whole at
 * each pairing run; between two runs a task may have been claimed, so every read keeps only the
 * tasks still ready and unclaimed.
 */

const STILL_OPEN = `t.state = 'ready' AND NOT EXISTS (SELECT 1 FROM claims o WHERE o.task_id = t.id AND o.ended_at IS NULL)`;

/** One task proposed to a consultant. */
export interface ProposedTaskView {
  /** 1 for the first: the tasks the assignment gives them, then the others, best score first. */
  rank: number;
  assigned: boolean;
  score: number;
  reasons: string[];
  task: {
    id: string;
    title: string;
    url: string;
    issueNumber: number;
    estimateMinutes: number | null;
    skills: string[];
    repository: { forge: 'github' | 'gitlab'; host: string; path: string };
    beneficiary: { id: string; name: string } | null;
  };
}

export interface ConsultantProposalsView {
  consultant: { id: string; name: string };
  /** When the proposals were computed; null when there are none. */
  computedAt: Date | null;
  proposals: ProposedTaskView[];
}

// Raw rows are an edge: parsed, with only the columns we read.
const ConsultantRow = z.object({ id: z.string(), name: z.string() });

const ProposalRow = z.object({
  assigned: z.boolean(),
  score: z.number(),
  reasons: z.array(z.string()),
  computed_at: z.date(),
  task_id: z.string(),
  title: z.string(),
  url: z.string(),
  issue_number: z.number(),
  estimate_minutes: z.number().nullable(),
  skills: z.array(z.string()),
  forge: z.enum(['github', 'gitlab']),
  host: z.string(),
  path: z.string(),
  beneficiary_id: z.string().nullable(),
  beneficiary_name: z.string().nullable(),
});

function latest(dates: readonly Date[]): Date | null {
  return dates.reduce<Date | null>((last, date) => (last === null || date > last ? date : last), null);
}

/** The consultant's proposals, ranked, or null when no consultant has this id. */
export async function findConsultantProposals(db: Queryable, consultantId: string): Promise<ConsultantProposalsView | null> {
  const consultant = await db.query(`SELECT id, display_name AS name FROM consultants WHERE id = $1::bigint`, [consultantId]);
  if (consultant.rows[0] === undefined) return null;
  const { rows } = await db.query(
    `SELECT p.assigned, p.score, p.reasons, p.computed_at,
            t.id AS task_id, t.title, t.url, t.issue_number, t.estimate_minutes, t.skills,
            r.forge, r.host, r.path, b.id AS beneficiary_id, b.name AS beneficiary_name
       FROM pairing_proposals p
       JOIN tasks t ON t.id = p.task_id
       JOIN repositories r ON r.id = t.repository_id
       LEFT JOIN beneficiaries b ON b.id = r.beneficiary_id
      WHERE p.consultant_id = $1::bigint AND ${STILL_OPEN}
      ORDER BY p.rank, p.task_id`,
    [consultantId],
  );
  const proposals = rows.map((raw) => ProposalRow.parse(raw));
  return {
    consultant: ConsultantRow.parse(consultant.rows[0]),
    computedAt: latest(proposals.map((row) => row.computed_at)),
    // Ranked again over what is left: a task claimed since the run leaves no gap.
    proposals: proposals.map((row, index) => ({
      rank: index + 1,
      assigned: row.assigned,
      score: row.score,
      reasons: row.reasons,
      task: {
        id: row.task_id,
        title: row.title,
        url: row.url,
        issueNumber: row.issue_number,
        estimateMinutes: row.estimate_minutes,
        skills: row.skills,
        repository: { forge: row.forge, host: row.host, path: row.path },
        beneficiary: row.beneficiary_id !== null && row.beneficiary_name !== null ? { id: row.beneficiary_id, name: row.beneficiary_name } : null,
      },
    })),
  };
}

/** One consultant proposed for a task. */
export interface CandidateView {
  consultant: { id: string; name: string };
  score: number;
  reasons: string[];
  /** The assignment gives the task to this consultant. */
  assigned: boolean;
}

export interface TaskCandidatesView {
  task: { id: string; title: string; url: string; state: string };
  computedAt: Date | null;
  candidates: CandidateView[];
}

const TaskRow = z.object({ id: z.string(), title: z.string(), url: z.string(), state: z.string() });

const CandidateRow = z.object({
  consultant_id: z.string(),
  name: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  assigned: z.boolean(),
  computed_at: z.date(),
});

/**
 * Whose candidacies a viewer may see: everyone's (an operator), or those of the consultants
 * listed and of the consultants of the sponsors listed.
 */
export type CandidateScope = { everyone: true } | { everyone: false; consultantIds: readonly string[]; sponsorIds: readonly string[] };

/**
 * The best consultants for a task that `scope` lets the viewer see, best score first (then by
 * consultant id, as the engine ranks them), at most `limit`; none once the task is claimed.
 * Null when no task has this id.
 */
export async function findTaskCandidates(db: Queryable, taskId: string, limit: number, scope: CandidateScope): Promise<TaskCandidatesView | null> {
  const task = await db.query(`SELECT id, title, url, state FROM tasks WHERE id = $1::bigint`, [taskId]);
  if (task.rows[0] === undefined) return null;
  const { rows } = await db.query(
    `SELECT p.consultant_id, c.display_name AS name, p.score, p.reasons, p.assigned, p.computed_at
       FROM pairing_proposals p
       JOIN consultants c ON c.id = p.consultant_id
       JOIN tasks t ON t.id = p.task_id
      WHERE p.task_id = $1::bigint AND ${STILL_OPEN}
        AND ($3::boolean OR p.consultant_id::text = ANY($4::text[]) OR c.sponsor_id::text = ANY($5::text[]))
      ORDER BY p.score DESC, p.consultant_id::text COLLATE "C"
      LIMIT $2`,
    [taskId, limit, scope.everyone, scope.everyone ? [] : scope.consultantIds, scope.everyone ? [] : scope.sponsorIds],
  );
  const candidates = rows.map((raw) => CandidateRow.parse(raw));
  return {
    task: TaskRow.parse(task.rows[0]),
    computedAt: latest(candidates.map((row) => row.computed_at)),
    candidates: candidates.map((row) => ({
      consultant: { id: row.consultant_id, name: row.name },
      score: row.score,
      reasons: row.reasons,
      assigned: row.assigned,
    })),
  };
}
