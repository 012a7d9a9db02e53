import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { createBatchingWriter } from './batching-writer';
import type { IncomingDelivery } from './delivery';

const body = new TextEncoder().encode('{"action":"created"}');

function delivery(deliveryId: string): IncomingDelivery {
  return { source: 'github', deliveryId, eventName: 'issue_comment', forgeHost: null, body, receivedAt: new Date('2026-11-23T10:00:00Z') };
}

describeEachEngine('the inbox writer', (engine) => {
  it('commits deliveries arriving together, each once, and tells redeliveries apart', async () => {
    const db = await engine.freshDatabase();
    const writer = createBatchingWriter(db, { maxBatch: 64 });
    const ids = Array.from({ length: 300 }, (_, i) => `delivery-${i}`);
    const redelivered = ids.slice(0, 20);

    const outcomes = await Promise.all([...ids, ...redelivered].map((id) => writer.store(delivery(id))));

    expect(outcomes.filter((outcome) => outcome === 'stored')).toHaveLength(300);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(20);
    const { rows } = await db.query<{ count: string }>(`SELECT count(*)::text AS count FROM inbox_deliveries`);
    expect(rows[0]?.count).toBe('300');
  });

  it('keeps the body byte for byte', async () => {
    const db = await engine.freshDatabase();
    const writer = createBatchingWriter(db);
    const bytes = new Uint8Array([0x7b, 0x22, 0xc3, 0xa9, 0x22, 0x3a, 0x31, 0x7d]);
    await writer.store({ ...delivery('bytes'), body: bytes });
    const { rows } = await db.query<{ body: Uint8Array }>(`SELECT body FROM inbox_deliveries WHERE delivery_id = 'bytes'`);
    expect(Array.from(rows[0]?.body ?? [])).toEqual(Array.from(bytes));
  });

  it('answers a redelivery of an already stored delivery as a duplicate', async () => {
    const db = await engine.freshDatabase();
    const writer = createBatchingWriter(db);
    expect(await writer.store(delivery('again'))).toBe('stored');
    expect(await writer.store(delivery('again'))).toBe('duplicate');
  });

  it('rejects every waiter of a batch that cannot be committed, so none is acknowledged', async () => {
    const db = await engine.freshDatabase();
    const writer = createBatchingWriter(db);
    const bad = { ...delivery('bad'), source: 'bitbucket' as 'github' };
    const results = await Promise.allSettled([writer.store(bad), writer.store(delivery('same-batch'))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    const { rows } = await db.query<{ count: string }>(`SELECT count(*)::text AS count FROM inbox_deliveries`);
    expect(rows[0]?.count).toBe('0');
  });
});
