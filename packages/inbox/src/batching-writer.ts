import type { Database } from '@wecena/db';
import type { IncomingDelivery, StoreOutcome } from './delivery';

interface Waiting {
  delivery: IncomingDelivery;
  resolve: (outcome: StoreOutcome) => void;
  reject: (error: unknown) => void;
}

export interface BatchingWriterOptions {
  /** Rows in one INSERT at most (6 parameters a row; PostgreSQL allows 65,535). */
  maxBatch?: number;
  /** INSERTs in flight at once: 1 on PGlite (one session), a few on a PostgreSQL pool. */
  maxInFlight?: number;
}

export interface InboxWriter {
  /** Resolves once the delivery is committed to the inbox: only then may the receiver acknowledge it. */
  store(delivery: IncomingDelivery): Promise<StoreOutcome>;
  /** Resolves when every delivery handed over so far is committed. */
  drain(): Promise<void>;
  /** Deliveries are waiting or being committed. */
  isBusy(): boolean;
}

/**
 * Stores deliveries with one multi-row INSERT for all that arrive together: a commit per
 * batch instead of a commit per delivery is what lets a durable ack keep up with the forge.
 */
export function createBatchingWriter(db: Database, options: BatchingWriterOptions = {}): InboxWriter {
  const maxBatch = options.maxBatch ?? 500;
  const maxInFlight = options.maxInFlight ?? (db.engine === 'pglite' ? 1 : 8);
  let queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;
  let idle: Array<() => void> = [];

  function schedule(): void {
    if (scheduled || inFlight >= maxInFlight || queue.length === 0) return;
    scheduled = true;
    // PGlite resolves queries in microtasks: waiting for the next macrotask is what lets
    // concurrent requests join the batch.
    setImmediate(() => {
      scheduled = false;
      flushOne();
    });
  }

  function flushOne(): void {
    if (inFlight >= maxInFlight || queue.length === 0) return;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    inFlight += 1;
    insertBatch(db, batch)
      .catch((error: unknown) => {
        for (const waiting of batch) waiting.reject(error);
      })
      .finally(() => {
        inFlight -= 1;
        if (queue.length > 0) schedule();
        else if (inFlight === 0) {
          const waiters = idle;
          idle = [];
          for (const done of waiters) done();
        }
      });
    schedule();
  }

  return {
    store(delivery) {
      return new Promise<StoreOutcome>((resolve, reject) => {
        queue.push({ delivery, resolve, reject });
        schedule();
      });
    },
    isBusy() {
      return queue.length > 0 || inFlight > 0;
    },
    drain() {
      if (queue.length === 0 && inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}

async function insertBatch(db: Database, batch: Waiting[]): Promise<void> {
  const params: unknown[] = [];
  const rows: string[] = [];
  for (const { delivery } of batch) {
    const n = params.length;
    // A new delivery is due at once: next_attempt_at reuses received_at ($n+5).
    rows.push(`($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 5})`);
    params.push(
      delivery.source,
      delivery.deliveryId,
      delivery.eventName,
      delivery.forgeHost,
      delivery.receivedAt,
      delivery.body,
    );
  }
  const { rows: inserted } = await db.query<{ source: string; delivery_id: string }>(
    `INSERT INTO inbox_deliveries (source, delivery_id, event_name, forge_host, received_at, body, next_attempt_at)
     VALUES ${rows.join(', ')}
     ON CONFLICT (source, delivery_id) DO NOTHING
     RETURNING source, delivery_id`,
    params,
  );
  const stored = new Set(inserted.map((row) => deliveryKey(row.source, row.delivery_id)));
  for (const waiting of batch) {
    // The same id twice in one batch: the first waiter stored it, the others are redeliveries.
    const isFirst = stored.delete(deliveryKey(waiting.delivery.source, waiting.delivery.deliveryId));
    waiting.resolve(isFirst ? 'stored' : 'duplicate');
  }
}

function deliveryKey(source: string, deliveryId: string): string {
  return `${source}\u0000${deliveryId}`;
}
