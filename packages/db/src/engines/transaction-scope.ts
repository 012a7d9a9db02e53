import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionMisuse } from '../errors';

/** One open transaction of one database, as seen from the code its callback runs. */
export interface TransactionState {
  readonly database: object;
  open: boolean;
}

const scope = new AsyncLocalStorage<TransactionState>();

/** Runs a transaction callback so that the database can tell when it is called from inside it. */
export function runInTransactionScope<T>(state: TransactionState, fn: () => Promise<T>): Promise<T> {
  return scope.run(state, fn);
}

/**
 * Refuses a query sent through the database itself from inside one of its own open
 * transactions: on PGlite (one session, one mutex) it would wait forever for the
 * transaction that awaits it; on PostgreSQL it would run on another connection,
 * outside the transaction. Both engines refuse it so that a test on either finds it.
 */
export function assertOutsideOwnTransaction(database: object, call: string): void {
  const state = scope.getStore();
  if (state !== undefined && state.open && state.database === database) {
    throw new TransactionMisuse(
      `${call} was called inside a transaction of the same database: use the transaction given to the callback`,
    );
  }
}

/** Refuses a statement sent through a transaction after it committed or rolled back. */
export function assertTransactionOpen(state: TransactionState): void {
  if (!state.open) {
    throw new TransactionMisuse('The transaction has already ended: a statement cannot be sent through it any more');
  }
}
