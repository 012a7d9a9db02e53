import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { DeliverySource, IncomingDelivery } from './delivery';
import type { InboxWriter } from './batching-writer';
import type { InboxMetrics, ReceiveOutcome } from './metrics';

/** GitHub caps payloads at 25 MB; anything larger is not a forge delivery. */
export const MAX_DELIVERY_BYTES = 25 * 1024 * 1024;

export type Verdict<T> = { ok: true; value: T } | { ok: false; message: string };

export interface DeliveryIdentity {
  deliveryId: string;
  eventName: string;
  forgeHost: string | null;
}

/** What a forge adapter tells the shared receiver: how to authenticate and identify its deliveries. */
export interface ForgeReceiver {
  source: DeliverySource;
  path: string;
  /** Checks the request's secret or signature against the raw body, in constant time. */
  authenticate(headers: Headers, body: Uint8Array): Verdict<null>;
  identify(headers: Headers): Verdict<DeliveryIdentity>;
}

export interface WebhookReceiverDeps {
  writer: InboxWriter;
  clock: () => Date;
  metrics?: InboxMetrics;
  /** Called after a new delivery is committed, to wake the worker. */
  onStored?: () => void;
}

/**
 * The ack path: authenticate, identify, check the body is JSON, commit it to the inbox,
 * answer. Everything else (parsing into events, deciding, acting) is the worker's.
 */
export function createWebhookReceiver(forge: ForgeReceiver, deps: WebhookReceiverDeps): Hono {
  const app = new Hono();
  const { source } = forge;
  const count = (outcome: ReceiveOutcome) => deps.metrics?.received.inc({ source, outcome });

  app.post(
    forge.path,
    bodyLimit({
      maxSize: MAX_DELIVERY_BYTES,
      onError: (c) => {
        count('too_large');
        return c.json({ error: `payload larger than ${MAX_DELIVERY_BYTES} bytes` }, 413);
      },
    }),
    async (c) => {
      const startedAt = performance.now();
      const body = new Uint8Array(await c.req.arrayBuffer());
      const headers = c.req.raw.headers;
      const authenticated = forge.authenticate(headers, body);
      if (!authenticated.ok) {
        count('unauthorized');
        return c.json({ error: authenticated.message }, 401);
      }
      const identity = forge.identify(headers);
      if (!identity.ok) {
        count('malformed');
        return c.json({ error: identity.message }, 400);
      }
      if (!isJson(body)) {
        count('malformed');
        return c.json({ error: 'the body is not valid JSON' }, 400);
      }
      const delivery: IncomingDelivery = { source, ...identity.value, body, receivedAt: deps.clock() };
      const outcome = await deps.writer.store(delivery);
      count(outcome);
      deps.metrics?.ackSeconds.observe({ source }, (performance.now() - startedAt) / 1_000);
      if (outcome === 'duplicate') return c.json({ status: 'duplicate', deliveryId: delivery.deliveryId }, 200);
      deps.onStored?.();
      return c.json({ status: 'accepted', deliveryId: delivery.deliveryId }, 202);
    },
  );
  return app;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isJson(body: Uint8Array): boolean {
  try {
    JSON.parse(utf8.decode(body));
    return true;
  } catch {
    return false;
  }
}
