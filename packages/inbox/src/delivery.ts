/** The forges' webhooks, and wecena's own scheduled work (claim reminders, expiries, recalls). */
export type DeliverySource = 'github' | 'gitlab' | 'wecena';

/** A verified webhook delivery, as the receiver hands it to the inbox. */
export interface IncomingDelivery {
  source: DeliverySource;
  /** The forge's own id for the delivery; a redelivery carries the same one. */
  deliveryId: string;
  eventName: string;
  forgeHost: string | null;
  /** The request body exactly as received and verified. */
  body: Uint8Array;
  receivedAt: Date;
}

/** A delivery the worker has leased from the inbox. */
export interface StoredDelivery extends IncomingDelivery {
  /** Attempts so far, this one included. */
  attempts: number;
}

export type StoreOutcome = 'stored' | 'duplicate';
