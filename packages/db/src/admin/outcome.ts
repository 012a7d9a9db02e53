import type { Database, Transaction } from '../database';

/**
 * What an admin operation returns: its result, or the problem that made it refuse, in one line
 * an operator can act on. A refusal writes nothing: every operation runs in one transaction.
 */
export type AdminOutcome<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A refusal thrown inside an operation's transaction, so that it rolls back; never leaves this folder. */
class AdminRefusal extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'AdminRefusal';
  }
}

/** Stops the running operation: its transaction rolls back and the caller gets `{ ok: false, problem }`. */
export function refuse(problem: string): never {
  throw new AdminRefusal(problem);
}

/** Runs an operation in one transaction; a refusal becomes an outcome, a fault still throws. */
export async function runAdmin<T>(db: Database, operation: (tx: Transaction) => Promise<T>): Promise<AdminOutcome<T>> {
  try {
    return { ok: true, value: await db.transaction(operation) };
  } catch (error) {
    if (error instanceof AdminRefusal) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** The differences between what is stored and what was asked, as `field "stored" (not "asked")`. */
export function describeDifferences(stored: Record<string, unknown>, asked: Record<string, unknown>): string[] {
  return Object.keys(asked)
    .filter((key) => JSON.stringify(stored[key] ?? null) !== JSON.stringify(asked[key] ?? null))
    .map((key) => `${key} ${JSON.stringify(stored[key] ?? null)} (not ${JSON.stringify(asked[key] ?? null)})`);
}
