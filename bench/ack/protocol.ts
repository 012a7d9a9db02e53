/** What the ack benchmark tells a target child, and what the child answers, over IPC. */

export type TargetName = 'ceiling' | 'probot' | 'wecena-pglite' | 'wecena-postgres';

export interface TargetConfig {
  secret: string;
  /** First 8 hex digits of every delivery id of this run, to count the run's rows. */
  deliveryPrefix: string;
  /** For wecena-postgres. */
  databaseUrl?: string;
  /** wecena only: drain the inbox in the same process while acknowledging (what `wecena serve` does). */
  worker: boolean;
}

/** A started target: where to post deliveries, and how to stop it. */
export interface RunningTarget {
  webhookUrl: string;
  /** Stops the server; wecena targets then count the run's deliveries in their inbox. */
  stop(): Promise<{ inboxCount?: number }>;
}

export type StartTarget = (config: TargetConfig) => Promise<RunningTarget>;

export type ChildMessage =
  | { type: 'ready'; webhookUrl: string }
  | { type: 'stopped'; inboxCount?: number }
  | { type: 'failed'; message: string };

export type ParentMessage = { type: 'stop' };
