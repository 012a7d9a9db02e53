import type { Database } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { createBatchingWriter } from './batching-writer';
import type { DeliveryHandler, StoredDelivery } from './index';
import { createInboxWorker, PermanentDeliveryError } from './worker';

const logger = pino({ level: 'silent' });
// In the past, so that deliveries stored at this instant are due for workers on the real clock too.
const start = new Date('2026-01-05T10:00:00.000Z');

function fakeClock() {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

async function storeDeliveries(db: Database, count: number, prefix = 'd'): Promise<string[]> {
  const writer = createBatchingWriter(db);
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  await Promise.all(
    ids.map((deliveryId) =>
      writer.store({ source: 'gitlab', deliveryId, eventName: 'Note Hook', forgeHost: 'gitlab.com', body: new TextEncoder().encode('{}'), receivedAt: start }),
    ),
  );
  return ids;
}

async function inboxRow(db: Database, deliveryId: string) {
  const { rows } = await db.query<{ status: string; attempts: number; last_error: string | null; next_attempt_at: Date }>(
    `SELECT status, attempts, last_error, next_attempt_at FROM inbox_deliveries WHERE delivery_id = $1`,
    [deliveryId],
  );
  return rows[0];
}

function recordingHandler(seen: StoredDelivery[]): DeliveryHandler {
  return async (delivery) => {
    seen.push(delivery);
  };
}

describeEachEngine('the inbox worker', (engine) => {
  it('processes each stored delivery once and marks it processed', async () => {
    const db = await engine.freshDatabase();
    const clock = fakeClock();
    const ids = await storeDeliveries(db, 3, 'once');
    const seen: StoredDelivery[] = [];
    const worker = createInboxWorker({ db, clock: clock.now, logger, handlers: { github: recordingHandler([]), wecena: recordingHandler([]), gitlab: recordingHandler(seen) } });

    expect(await worker.drainOnce()).toBe(3);
    expect(await worker.drainOnce()).toBe(0);

    expect(seen.map((delivery) => delivery.deliveryId).sort()).toEqual(ids);
    expect(seen.every((delivery) => delivery.attempts === 1 && delivery.eventName === 'Note Hook')).toBe(true);
    for (const id of ids) expect(await inboxRow(db, id)).toMatchObject({ status: 'processed', attempts: 1, last_error: null });
  });

  it('retries a failing delivery with backoff, then parks it with the last error', async () => {
    const db = await engine.freshDatabase();
    const clock = fakeClock();
    const [id] = await storeDeliveries(db, 1, 'flaky');
    let calls = 0;
    const worker = createInboxWorker({
      db,
      clock: clock.now,
      logger,
      backoff: { baseMs: 1_000, maxMs: 60_000, maxAttempts: 3 },
      handlers: {
        github: recordingHandler([]),
        wecena: recordingHandler([]),
        gitlab: async () => {
          calls += 1;
          throw new Error(`forge unreachable (${calls})`);
        },
      },
    });

    await worker.drainOnce();
    expect(await inboxRow(db, id!)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'forge unreachable (1)', next_attempt_at: new Date(start.getTime() + 1_000) });
    expect(await worker.drainOnce()).toBe(0);
    expect(calls).toBe(1);

    clock.advance(1_000);
    await worker.drainOnce();
    expect(await inboxRow(db, id!)).toMatchObject({ status: 'pending', attempts: 2, next_attempt_at: new Date(start.getTime() + 1_000 + 2_000) });

    clock.advance(2_000);
    await worker.drainOnce();
    expect(await inboxRow(db, id!)).toMatchObject({ status: 'parked', attempts: 3, last_error: 'forge unreachable (3)' });
    clock.advance(3_600_000);
    await worker.drainOnce();
    expect(calls).toBe(3);
  });

  it('parks at once a delivery that can never succeed', async () => {
    const db = await engine.freshDatabase();
    const [id] = await storeDeliveries(db, 1, 'poison');
    const worker = createInboxWorker({
      db,
      clock: fakeClock().now,
      logger,
      handlers: {
        github: recordingHandler([]),
        wecena: recordingHandler([]),
        gitlab: async () => {
          throw new PermanentDeliveryError('payload lacks fields wecena reads: project');
        },
      },
    });
    await worker.drainOnce();
    expect(await inboxRow(db, id!)).toMatchObject({ status: 'parked', attempts: 1, last_error: 'payload lacks fields wecena reads: project' });
  });

  it('takes over the delivery of a worker that died holding its lease, once the lease has run out', async () => {
    const db = await engine.freshDatabase();
    const clock = fakeClock();
    const [id] = await storeDeliveries(db, 1, 'orphan');
    // A worker leased it, then its process died before processing.
    await db.query(`UPDATE inbox_deliveries SET attempts = 1, lease_until = $2 WHERE delivery_id = $1`, [id, new Date(start.getTime() + 60_000)]);
    const seen: StoredDelivery[] = [];
    const worker = createInboxWorker({ db, clock: clock.now, logger, leaseMs: 60_000, handlers: { github: recordingHandler([]), wecena: recordingHandler([]), gitlab: recordingHandler(seen) } });

    expect(await worker.drainOnce()).toBe(0);
    clock.advance(60_000);
    expect(await worker.drainOnce()).toBe(1);
    expect(await worker.drainOnce()).toBe(0);
    expect(seen.map((delivery) => [delivery.deliveryId, delivery.attempts])).toEqual([[id, 2]]);
  });

  it('shares the inbox between concurrent workers without processing anything twice', async () => {
    const db = await engine.freshDatabase();
    const ids = await storeDeliveries(db, 120, 'shared');
    const seen: StoredDelivery[] = [];
    const workers = Array.from({ length: 3 }, () =>
      createInboxWorker({ db, clock: () => new Date(), logger, batchSize: 7, handlers: { github: recordingHandler([]), wecena: recordingHandler([]), gitlab: recordingHandler(seen) } }),
    );
    const processed = await Promise.all(workers.map((worker) => worker.drainOnce()));
    expect(processed.reduce((a, b) => a + b, 0)).toBe(120);
    expect(seen.map((delivery) => delivery.deliveryId).sort()).toEqual([...ids].sort());
  });

  it('processes deliveries as they arrive once started, and stops cleanly', async () => {
    const db = await engine.freshDatabase();
    const seen: StoredDelivery[] = [];
    const worker = createInboxWorker({ db, clock: () => new Date(), logger, pollIntervalMs: 20, handlers: { github: recordingHandler([]), wecena: recordingHandler([]), gitlab: recordingHandler(seen) } });
    worker.start();
    await storeDeliveries(db, 5, 'live');
    worker.wake();
    await expect.poll(() => seen.length, { timeout: 5_000 }).toBe(5);
    await worker.stop();
  });
});

describeEachEngine('stopping the inbox worker', (engine) => {
  it('returns promptly with a backlog, handing back what it leased and did not reach', async () => {
    const db = await engine.freshDatabase();
    await storeDeliveries(db, 40, 'backlog');
    let release: () => void = () => {};
    const firstStarted = new Promise<void>((started) => {
      release = started;
    });
    const seen: StoredDelivery[] = [];
    const worker = createInboxWorker({
      db,
      clock: () => new Date(),
      logger,
      batchSize: 10,
      pollIntervalMs: 60_000,
      handlers: {
        github: recordingHandler([]),
        wecena: recordingHandler([]),
        gitlab: async (delivery) => {
          seen.push(delivery);
          release();
          await new Promise((resolve) => setTimeout(resolve, 20));
        },
      },
    });
    worker.start();
    await firstStarted;
    await worker.stop();

    expect(seen.length).toBeLessThan(40);
    const { rows } = await db.query<{ status: string; attempts: number; leased: boolean }>(
      `SELECT status, attempts, lease_until IS NOT NULL AS leased FROM inbox_deliveries WHERE status = 'pending'`,
    );
    expect(rows).toHaveLength(40 - seen.length);
    expect(rows.every((row) => row.attempts === 0 && !row.leased)).toBe(true);
  });
});
