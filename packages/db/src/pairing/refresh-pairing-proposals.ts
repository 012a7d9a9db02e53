import { type PairingOptions, type PairingResult, type Proposal, pairConsultantsWithTasks } from '@wecena/core';
import type { Database } from '../database';
import { type PairingTime, loadPairingInput } from './load-pairing-input';

/** Serialises refreshes on PostgreSQL: "wecena" then 0x0050 ("P", pairing). */
const PAIRING_LOCK_KEY = '8603391950455898192';

/** Rows per INSERT: a shortlist of 16 for 10,000 consultants is 160,000 rows. */
const ROWS_PER_STATEMENT = 5_000;

/** One stored proposal: a consultant's shortlisted task, ranked. */
export interface ProposalRow {
  consultantId: string;
  taskId: string;
  score: number;
  reasons: string[];
  terms: Proposal['terms'];
  /** The optimal assignment gives this task to this consultant. */
  assigned: boolean;
  /** 1 for the consultant's first: assigned tasks first, then the others, each best score first. */
  rank: number;
}

/** What one refresh found and stored. */
export interface PairingRefresh {
  /** Consultants available today. */
  consultants: number;
  /** Ready tasks open to pairing. */
  tasks: number;
  /** Consultants given at least one task by the assignment. */
  pairedConsultants: number;
  /** Pairs in the optimal assignment. */
  assigned: number;
  /** Rows now in pairing_proposals: every shortlisted pair whose task was still open when stored. */
  proposals: number;
  /** The assignment's total score. */
  totalScore: number;
  computedAt: Date;
}

/** Each consultant's shortlist as rows: proposals (the assignment's) first, then alternatives. */
export function toProposalRows(result: PairingResult): ProposalRow[] {
  return result.consultants.flatMap((consultant) =>
    [
      ...consultant.proposals.map((proposal) => ({ proposal, assigned: true })),
      ...consultant.alternatives.map((proposal) => ({ proposal, assigned: false })),
    ].map(({ proposal, assigned }, index) => ({
      consultantId: proposal.consultantId,
      taskId: proposal.taskId,
      score: proposal.score,
      reasons: proposal.reasons,
      terms: proposal.terms,
      assigned,
      rank: index + 1,
    })),
  );
}

/**
 * Runs the pairing on the store as it is and replaces every stored proposal with the result,
 * in one transaction: proposals are derived data, recomputed whole, never a ledger. Nothing is
 * said on any forge.
 *
 * The store is read outside the transaction, so that the engine never runs while PGlite's one
 * session is held; the write then keeps only pairs whose task is still ready and unclaimed, so
 * a task claimed meanwhile is not proposed. Concurrent refreshes (several instances on one
 * PostgreSQL) are serialised by an advisory lock; the last to write wins, as it should.
 */
export async function refreshPairingProposals(
  db: Database,
  time: PairingTime & { options?: PairingOptions },
): Promise<PairingRefresh> {
  const input = await loadPairingInput(db, time);
  const result = pairConsultantsWithTasks(input, time.options);
  const rows = toProposalRows(result);
  const computedAt = new Date(time.now);

  const proposals = await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${PAIRING_LOCK_KEY})`);
    await tx.query('DELETE FROM pairing_proposals');
    let stored = 0;
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      // One JSON parameter per chunk: the same on both engines, whatever the row count.
      const inserted = await tx.query(
        `INSERT INTO pairing_proposals (consultant_id, task_id, score, reasons, terms, assigned, rank, computed_at)
         SELECT p."consultantId", p."taskId", p.score, p.reasons, p.terms, p.assigned, p.rank, $2
           FROM jsonb_to_recordset($1::jsonb)
                AS p("consultantId" bigint, "taskId" bigint, score float8, reasons jsonb, terms jsonb, assigned boolean, rank int)
           JOIN tasks t ON t.id = p."taskId"
          WHERE t.state = 'ready'
            AND NOT EXISTS (SELECT 1 FROM claims o WHERE o.task_id = t.id AND o.ended_at IS NULL)`,
        [JSON.stringify(chunk), computedAt],
      );
      stored += inserted.rowCount;
    }
    return stored;
  });

  return {
    consultants: input.consultants.length,
    tasks: input.tasks.length,
    pairedConsultants: result.consultants.filter((consultant) => consultant.proposals.length > 0).length,
    assigned: result.consultants.reduce((sum, consultant) => sum + consultant.proposals.length, 0),
    proposals,
    totalScore: result.totalScore,
    computedAt,
  };
}
