import type { Database } from '@wecena/db';
import type { Logger } from 'pino';
import { type BackoffPolicy, defaultBackoff, retryDelayMs, shouldPark } from './backoff';
import type { DeliverySource, StoredDelivery } from './delivery';
import type { InboxMetrics } from './metrics';

/**
 * Processes one delivery. It runs outside any transaction (a handler may call a forge for
 * seconds, and PGlite has one session for everyone), and may run again for the same delivery
 * if the process dies before the worker marks it processed: a handler must be idempotent,
 * as `forgeEventRecorder` and the journey runner are.
 */
export type DeliveryHandler = (delivery: StoredDelivery) => Promise<void>;

/** A failure that no retry can mend (a payload that does not parse): the delivery is parked at once. */
export class PermanentDeliveryError extends Error {
  readonly code = 'permanent_delivery_error';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}

export interface InboxWorkerOptions {
  db: Database;
  handlers: Record<DeliverySource, DeliveryHandler>;
  clock: () => Date;
  logger: Logger;
  metrics?: InboxMetrics;
  backoff?: BackoffPolicy;
  /** Deliveries leased per round. */
  batchSize?: number;
  /** How long a lease protects a delivery from other workers; a crashed worker's lease runs out. */
  leaseMs?: number;
  /** How often to look for due retries and for deliveries stored by other instances. */
  pollIntervalMs?: number;
  /**
   * While this holds the worker waits (up to a quarter of a second at a time) before its next
   * delivery: on PGlite, receivers and worker share one session and one thread, and a forge
   * waits on an acknowledgement, not on its processing.
   */
  deferWhile?: () => boolean;
}

export interface InboxWorker {
  start(): void;
  /** Asks for a round soon: called by the receiver after it stores a delivery. */
  wake(): void;
  /** Processes everything due now; resolves with how many deliveries were processed. */
  drainOnce(): Promise<number>;
  stop(): Promise<void>;
}

interface LeasedRow {
  source: DeliverySource;
  delivery_id: string;
  event_name: string;
  forge_host: string | null;
  received_at: Date;
  body: Uint8Array;
  attempts: number;
}

const MAX_DEFER_MS = 250;
const DEFER_STEP_MS = 5;

export function createInboxWorker(options: InboxWorkerOptions): InboxWorker {
  const { db, handlers, clock, logger, metrics } = options;
  const backoff = options.backoff ?? defaultBackoff;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  let running = false;
  let round: Promise<void> = Promise.resolve();
  let active = false;
  let again = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;

  async function lease(): Promise<LeasedRow[]> {
    const now = clock();
    const { rows } = await db.query<LeasedRow>(
      `UPDATE inbox_deliveries d
          SET attempts = d.attempts + 1, lease_until = $2
         FROM (SELECT source, delivery_id FROM inbox_deliveries
                WHERE status = 'pending' AND next_attempt_at <= $1
                  AND (lease_until IS NULL OR lease_until <= $1)
                ORDER BY next_attempt_at, received_at
                LIMIT $3
                FOR UPDATE SKIP LOCKED) due
        WHERE d.source = due.source AND d.delivery_id = due.delivery_id
    RETURNING d.source, d.delivery_id, d.event_name, d.forge_host, d.received_at, d.body, d.attempts`,
      [now, new Date(now.getTime() + leaseMs), batchSize],
    );
    return rows;
  }

  async function processOne(row: LeasedRow): Promise<boolean> {
    const delivery: StoredDelivery = {
      source: row.source,
      deliveryId: row.delivery_id,
      eventName: row.event_name,
      forgeHost: row.forge_host,
      receivedAt: row.received_at,
      body: row.body,
      attempts: row.attempts,
    };
    try {
      await handlers[row.source](delivery);
      // `attempts` proves the lease is still ours: a worker whose lease ran out and was taken
      // over does not mark, nor count, what the other worker now holds.
      const marked = await db.query(
        `UPDATE inbox_deliveries SET status = 'processed', processed_at = $4, lease_until = NULL, last_error = NULL
          WHERE source = $1 AND delivery_id = $2 AND attempts = $3 AND status = 'pending'`,
        [row.source, row.delivery_id, row.attempts, clock()],
      );
      if (marked.rowCount === 0) return false;
      metrics?.processed.inc({ source: row.source });
      return true;
    } catch (error) {
      await recordFailure(row, error);
      return false;
    }
  }

  async function recordFailure(row: LeasedRow, error: unknown): Promise<void> {
    const permanent = error instanceof PermanentDeliveryError;
    const park = permanent || shouldPark(row.attempts, backoff);
    const message = error instanceof Error ? error.message : String(error);
    const nextAttemptAt = new Date(clock().getTime() + retryDelayMs(row.attempts, backoff));
    await db.query(
      `UPDATE inbox_deliveries
          SET status = $4, last_error = $5, next_attempt_at = $6, lease_until = NULL
        WHERE source = $1 AND delivery_id = $2 AND attempts = $3 AND status = 'pending'`,
      [row.source, row.delivery_id, row.attempts, park ? 'parked' : 'pending', message, nextAttemptAt],
    );
    metrics?.failed.inc({ source: row.source });
    const meta = { source: row.source, deliveryId: row.delivery_id, event: row.event_name, attempts: row.attempts, err: error };
    if (park) {
      metrics?.parked.inc({ source: row.source });
      logger.error(meta, 'delivery parked after failing');
    } else {
      logger.warn({ ...meta, retryAt: nextAttemptAt.toISOString() }, 'delivery failed, will retry');
    }
  }

  async function drainOnce(): Promise<number> {
    let processed = 0;
    for (;;) {
      const rows = await lease();
      for (const [index, row] of rows.entries()) {
        if (stopping) {
          // Hand back what this round leased and will not reach, rather than leave it to the lease timeout.
          await releaseLeases(rows.slice(index));
          return processed;
        }
        await deferToAcknowledgements();
        if (await processOne(row)) processed += 1;
      }
      if (rows.length < batchSize || stopping) return processed;
    }
  }

  async function deferToAcknowledgements(): Promise<void> {
    const deferWhile = options.deferWhile;
    if (!deferWhile) return;
    for (let waited = 0; waited < MAX_DEFER_MS && deferWhile() && !stopping; waited += DEFER_STEP_MS) {
      await new Promise((resolve) => setTimeout(resolve, DEFER_STEP_MS));
    }
  }

  async function releaseLeases(rows: readonly LeasedRow[]): Promise<void> {
    for (const row of rows) {
      await db.query(
        `UPDATE inbox_deliveries SET attempts = attempts - 1, lease_until = NULL
          WHERE source = $1 AND delivery_id = $2 AND attempts = $3 AND status = 'pending'`,
        [row.source, row.delivery_id, row.attempts],
      );
    }
  }

  /** Starts a round, or asks the running one to go round again: never two rounds at once. */
  function kick(): void {
    if (!running) return;
    if (active) {
      again = true;
      return;
    }
    active = true;
    round = (async () => {
      try {
        do {
          again = false;
          await drainOnce();
        } while (again && running);
      } catch (error) {
        logger.error({ err: error }, 'inbox worker round failed');
      } finally {
        active = false;
      }
    })();
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopping = false;
      kick();
      timer = setInterval(kick, pollIntervalMs);
      timer.unref();
    },
    wake: kick,
    drainOnce,
    async stop() {
      running = false;
      stopping = true;
      if (timer) clearInterval(timer);
      await round;
    },
  };
}
