import type { Database } from '@wecena/db';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DeliverySource } from './delivery';

export type ReceiveOutcome = 'stored' | 'duplicate' | 'unauthorized' | 'malformed' | 'too_large';

export interface InboxMetrics {
  registry: Registry;
  received: Counter<'source' | 'outcome'>;
  processed: Counter<'source'>;
  failed: Counter<'source'>;
  parked: Counter<'source'>;
  ackSeconds: Histogram<'source'>;
}

/**
 * One registry per server, not prom-client's global one, so that two servers in one
 * process (tests, benchmarks) keep their own counts.
 */
export function createInboxMetrics(db: Database): InboxMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'wecena_' });
  const registers = [registry];
  new Gauge({
    name: 'wecena_inbox_depth',
    help: 'Deliveries in the inbox by status (pending ones are still to be processed).',
    labelNames: ['status'],
    registers,
    async collect() {
      const { rows } = await db.query<{ status: string; count: string | number }>(
        `SELECT status, count(*) AS count FROM inbox_deliveries GROUP BY status`,
      );
      this.reset();
      for (const status of ['pending', 'processed', 'parked']) this.set({ status }, 0);
      for (const row of rows) this.set({ status: row.status }, Number(row.count));
    },
  });
  return {
    registry,
    received: new Counter({
      name: 'wecena_deliveries_received_total',
      help: 'Webhook deliveries received, by forge and outcome.',
      labelNames: ['source', 'outcome'],
      registers,
    }),
    processed: new Counter({
      name: 'wecena_deliveries_processed_total',
      help: 'Deliveries the worker processed.',
      labelNames: ['source'],
      registers,
    }),
    failed: new Counter({
      name: 'wecena_deliveries_failed_total',
      help: 'Failed processing attempts (each is retried with backoff until parked).',
      labelNames: ['source'],
      registers,
    }),
    parked: new Counter({
      name: 'wecena_deliveries_parked_total',
      help: 'Deliveries parked after too many failures, kept with their last error.',
      labelNames: ['source'],
      registers,
    }),
    ackSeconds: new Histogram({
      name: 'wecena_ack_duration_seconds',
      help: 'Time from request to acknowledgement of a webhook delivery, storage included.',
      labelNames: ['source'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
  };
}

export function observeReceive(metrics: InboxMetrics, source: DeliverySource, outcome: ReceiveOutcome): void {
  metrics.received.inc({ source, outcome });
}
