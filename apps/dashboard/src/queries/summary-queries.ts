import { TASK_STATES, type TaskState } from '@wecena/core';
import type { Queryable } from '@wecena/db';
import { z } from '@hono/zod-openapi';

/** The figures the home page and /api/v1/summary show. */
export interface Summary {
  tasksByState: Record<TaskState, number>;
  /** Net minutes in the contributions ledger: credits, minus reversals, with adjustments applied. */
  donatedMinutes: number;
  beneficiaries: number;
  sponsors: number;
}

// count(*) and sum(bigint) come back as strings (exact past 2^53): parse them as such.
const Count = z.string().regex(/^-?\d+$/).transform(Number);
const StateCountRow = z.object({ state: z.enum(TASK_STATES), count: Count });
const TotalsRow = z.object({ donated_minutes: Count, beneficiaries: Count, sponsors: Count });

/** Every state with its count, zero included, in lifecycle order. */
export async function countTasksByState(db: Queryable): Promise<Record<TaskState, number>> {
  const { rows } = await db.query('SELECT state, count(*)::bigint AS count FROM tasks GROUP BY state');
  const counts = Object.fromEntries(TASK_STATES.map((state) => [state, 0])) as Record<TaskState, number>;
  for (const raw of rows) {
    const row = StateCountRow.parse(raw);
    counts[row.state] = row.count;
  }
  return counts;
}

/**
 * The summary in two statements. The ledger's corrections carry deltas (a reversal holds the
 * credit's opposite, an adjustment the change), so the net is the plain sum of every entry.
 */
export async function readSummary(db: Queryable): Promise<Summary> {
  const tasksByState = await countTasksByState(db);
  const { rows } = await db.query(
    `SELECT (SELECT coalesce(sum(minutes), 0)::bigint FROM contributions) AS donated_minutes,
            (SELECT count(*)::bigint FROM beneficiaries) AS beneficiaries,
            (SELECT count(*)::bigint FROM sponsors) AS sponsors`,
  );
  const totals = TotalsRow.parse(rows[0]);
  return { tasksByState, donatedMinutes: totals.donated_minutes, beneficiaries: totals.beneficiaries, sponsors: totals.sponsors };
}
