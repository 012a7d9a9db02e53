import type { ForgeEvent } from '@wecena/core';
import type { Queryable } from '@wecena/db';
import { ZodError } from 'zod';
import type { StoredDelivery } from './delivery';
import { type DeliveryHandler, PermanentDeliveryError } from './worker';

/** An adapter's translation of one forge delivery; null for deliveries wecena has no use for. */
export type ToForgeEvent = (eventName: string, payload: unknown, forgeHost: string | null) => ForgeEvent | null;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What to do with the event once recorded (the journey); it gets the raw payload for forge details. */
export type OnForgeEvent = (delivery: StoredDelivery, event: ForgeEvent, payload: unknown) => Promise<void>;

/**
 * The worker's step for one forge: parse the stored body, translate it, record the event,
 * then hand it on. A body or payload that cannot be read will never succeed, so it is parked at once.
 */
export function forgeEventRecorder(db: Queryable, toForgeEvent: ToForgeEvent, clock: () => Date, onEvent?: OnForgeEvent): DeliveryHandler {
  return async (delivery) => {
    const payload = parseDeliveryBody(delivery);
    let event: ForgeEvent | null;
    try {
      event = toForgeEvent(delivery.eventName, payload, delivery.forgeHost);
    } catch (error) {
      if (error instanceof ZodError) {
        throw new PermanentDeliveryError(
          `${delivery.source} ${delivery.eventName} payload lacks fields wecena reads: ${error.issues
            .map((issue) => issue.path.join('.') || '(root)')
            .join(', ')}`,
          { cause: error },
        );
      }
      throw error;
    }
    if (!event) return;
    await recordForgeEvent(db, delivery, event, clock());
    await onEvent?.(delivery, event, payload);
  };
}

export function parseDeliveryBody(delivery: StoredDelivery): unknown {
  try {
    return JSON.parse(utf8.decode(delivery.body));
  } catch (error) {
    throw new PermanentDeliveryError(`delivery ${delivery.deliveryId} is not valid JSON`, { cause: error });
  }
}

/** Records what the worker made of a delivery; a second recording of the same delivery is a no-op. */
async function recordForgeEvent(tx: Queryable, delivery: StoredDelivery, event: ForgeEvent, recordedAt: Date): Promise<void> {
  await tx.query(
    `INSERT INTO forge_events (source, delivery_id, kind, event, recorded_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (source, delivery_id) DO NOTHING`,
    [delivery.source, delivery.deliveryId, event.kind, JSON.stringify(event), recordedAt],
  );
}
