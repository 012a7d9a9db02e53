export { type BackoffPolicy, defaultBackoff, retryDelayMs, shouldPark } from './backoff';
export { type BatchingWriterOptions, createBatchingWriter, type InboxWriter } from './batching-writer';
export type { DeliverySource, IncomingDelivery, StoreOutcome, StoredDelivery } from './delivery';
export { createInboxMetrics, type InboxMetrics, observeReceive, type ReceiveOutcome } from './metrics';
export {
  createInboxWorker,
  type DeliveryHandler,
  type InboxWorker,
  type InboxWorkerOptions,
  PermanentDeliveryError,
} from './worker';
export { hmacSha256Matches, secretsMatch } from './constant-time';
export {
  createWebhookReceiver,
  type DeliveryIdentity,
  type ForgeReceiver,
  type HeaderReader,
  MAX_DELIVERY_BYTES,
  type Verdict,
  type WebhookReceiverDeps,
} from './webhook-receiver';
export { forgeEventRecorder, type OnForgeEvent, parseDeliveryBody, type ToForgeEvent } from './forge-events';
