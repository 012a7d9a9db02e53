import type { IncomingMessage } from 'node:http';
import { type Context, Hono } from 'hono';
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

/** A request header by its lower-case name, or null when absent. */
export type HeaderReader = (name: string) => string | null;

/** What a forge adapter tells the shared receiver: how to authenticate and identify its deliveries. */
export interface ForgeReceiver {
  source: DeliverySource;
  path: string;
  /** Checks the request's secret or signature against the raw body, in constant time. */
  authenticate(header: HeaderReader, body: Uint8Array): Verdict<null>;
  identify(header: HeaderReader): Verdict<DeliveryIdentity>;
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

  app.post(forge.path, async (c) => {
    const startedAt = performance.now();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const header = headerReader(c, incoming);
    const body = await readBody(c, incoming, header);
    if (body === null) {
      count('too_large');
      return c.json({ error: `payload larger than ${MAX_DELIVERY_BYTES} bytes` }, 413, { connection: 'close' });
    }
    const authenticated = forge.authenticate(header, body);
    if (!authenticated.ok) {
      count('unauthorized');
      return c.json({ error: authenticated.message }, 401);
    }
    const identity = forge.identify(header);
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
  });
  return app;
}

/*
 * Under @hono/node-server the Node request is at hand: its headers are already parsed and its
 * body can be read as it arrives, without building the web Request and stream that cost the
 * ack path about half its CPU. Elsewhere (app.request() in tests) the web Request serves.
 */
function headerReader(c: Context, incoming: IncomingMessage | undefined): HeaderReader {
  if (incoming) {
    return (name) => {
      const value = incoming.headers[name];
      return typeof value === 'string' ? value : (value?.[0] ?? null);
    };
  }
  return (name) => c.req.raw.headers.get(name);
}

/** The whole body, or null past MAX_DELIVERY_BYTES (declared or counted), read no further. */
async function readBody(c: Context, incoming: IncomingMessage | undefined, header: HeaderReader): Promise<Uint8Array | null> {
  if (Number(header('content-length') ?? 0) > MAX_DELIVERY_BYTES) return null;
  if (!incoming) {
    const body = new Uint8Array(await c.req.arrayBuffer());
    return body.byteLength > MAX_DELIVERY_BYTES ? null : body;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_DELIVERY_BYTES) return null;
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
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
