import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { type DashboardSignInOptions, dashboardRoutes } from '@wecena/dashboard';
import { createPairingRefresher, type Database, migrate, openDatabase } from '@wecena/db';
import { enqueueDueClaims } from '@wecena/engine';
import { type GithubAppCredentials, githubReceiver } from '@wecena/github-app';
import { type GitlabForgeAccessOptions, gitlabReceiver } from '@wecena/gitlab-bot';
import {
  createBatchingWriter,
  createInboxMetrics,
  createInboxWorker,
  createWebhookReceiver,
  type DeliveryHandler,
  type DeliverySource,
  type ForgeReceiver,
  type InboxWorker,
} from '@wecena/inbox';
import { Cron } from 'croner';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import { silentLogger } from '../config/logger';
import { healthRoutes } from './health-routes';
import { createJourney } from './delivery-handlers';
import { disabledReceiver } from './disabled-receiver';

export interface ServerOptions {
  port: number;
  host: string;
  /** An open, migrated database the caller keeps ownership of; else one is opened from the options below. */
  database?: Database;
  /** A PostgreSQL URL; without one, embedded PGlite under `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  githubWebhookSecret?: string;
  /** The GitHub App's credentials: without them, GitHub deliveries are stored and recorded, not acted on. */
  githubApp?: GithubAppCredentials;
  gitlabWebhookSecret?: string;
  /** The GitLab bot's instances and tokens: without them, GitLab deliveries are stored and recorded, not acted on. */
  gitlab?: GitlabForgeAccessOptions;
  logger?: Logger;
  /** Silences the logger when none is given. */
  quiet?: boolean;
  clock?: () => Date;
  /** Drain the inbox in this process (default true); off for receiver-only instances. */
  worker?: boolean;
  /** Find suitable issues in the repositories: scans, rescoring on events, opt-in auto-tagging. */
  discovery?: boolean;
  /** Dashboard sign-in: session secret, public URL, OAuth clients, operators, demo. */
  signIn?: DashboardSignInOptions;
  /** Runs before the server listens, on the migrated database (e.g. demo data). */
  beforeListen?: (db: Database) => Promise<void>;
}

export interface RunningServer {
  url: string;
  database: Database;
  worker: InboxWorker;
  /** Stops taking requests, lets stored deliveries settle, stops the worker, closes the database. */
  close(): Promise<void>;
}

/** Everything in one process: receivers, worker, dashboard, API, health and metrics. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? silentLogger();
  const clock = options.clock ?? (() => new Date());
  const ownsDatabase = options.database === undefined;
  const db =
    options.database ??
    (await openDatabase(
      options.databaseUrl
        ? { url: options.databaseUrl }
        : {
            dataDir: options.dataDir ?? '.wecena',
            lockOwner: 'wecena serve',
            onWarning: (message, details) => logger.warn({ ...details, detail: message }, 'database warning'),
          },
    ));
  try {
    const { applied } = await migrate(db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    await options.beforeListen?.(db);
  } catch (error) {
    if (ownsDatabase) await db.close();
    throw error;
  }
  const runWorker = options.worker ?? true;

  const metrics = createInboxMetrics(db);
  // Proposals follow tasks, claims and availability: refreshed after deliveries (a burst makes
  // one refresh) and every quarter of an hour, as windows open and close with the days.
  const pairing = createPairingRefresher({
    db,
    clock,
    delayMs: 2_000,
    onRefreshed: (refresh) =>
      logger.info({ consultants: refresh.consultants, tasks: refresh.tasks, assigned: refresh.assigned, proposals: refresh.proposals }, 'pairing refreshed'),
    onError: (error) => logger.error({ err: error }, 'pairing refresh failed'),
  });
  const pairingTick = new Cron('*/15 * * * *', { paused: true, protect: true }, () => pairing.request());
  const journey = createJourney({ db, clock, logger, githubApp: options.githubApp, gitlab: options.gitlab, discovery: options.discovery });
  // Scans interrupted by a restart or a rate limit resume at start and every hour, from where they stopped.
  const resumeDiscovery = () => journey.discovery.resumeScans().catch((error: unknown) => logger.error({ err: error }, 'discovery resume failed'));
  const discoveryTick = new Cron('7 * * * *', { paused: true, protect: true }, () => resumeDiscovery());
  const writer = createBatchingWriter(db);
  const worker = createInboxWorker({
    db,
    clock,
    logger,
    metrics,
    handlers: thenRefreshPairing(journey.handlers, () => pairing.request()),
    // PGlite runs in this thread with one session: acknowledgements first, processing after.
    deferWhile: db.engine === 'pglite' ? () => writer.isBusy() : undefined,
  });
  // Every minute, claims due for a reminder or an expiry become deliveries of wecena's own.
  const sweep = new Cron('* * * * *', { paused: true, protect: true }, async () => {
    try {
      if ((await enqueueDueClaims(db, clock())) > 0) worker.wake();
    } catch (error) {
      logger.error({ err: error }, 'claim sweep failed');
    }
  });
  const receiverDeps = { writer, clock, metrics, onStored: () => worker.wake() };
  const mount = (receiver: ForgeReceiver, secret: string | undefined, howToEnable: string) =>
    secret ? createWebhookReceiver(receiver, receiverDeps) : disabledReceiver(receiver.path, howToEnable);

  const app = new Hono();
  app.route('/', mount(githubReceiver(options.githubWebhookSecret ?? ''), options.githubWebhookSecret, 'set APP_ID, PRIVATE_KEY and WEBHOOK_SECRET'));
  app.route('/', mount(gitlabReceiver(options.gitlabWebhookSecret ?? ''), options.gitlabWebhookSecret, 'set GITLAB_TOKEN and GITLAB_WEBHOOK_SECRET'));
  app.route('/', healthRoutes(db, metrics));
  app.route('/', dashboardRoutes({ db, logger, clock, signIn: options.signIn }));
  app.onError((error, c) => {
    logger.error({ err: error, path: c.req.path }, 'request failed');
    return c.json({ error: 'internal error' }, 500);
  });

  const server = await listen(app, options.port, options.host);
  if (runWorker) {
    worker.start();
    sweep.resume();
    pairingTick.resume();
    pairing.request();
    if (options.discovery) {
      discoveryTick.resume();
      void resumeDiscovery();
    }
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    database: db,
    worker,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open until the client hangs up.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await writer.drain();
      sweep.stop();
      pairingTick.stop();
      // Scans are not awaited: they resume from the database at the next start.
      discoveryTick.stop();
      await worker.stop();
      await pairing.stop();
      if (ownsDatabase) await db.close();
    },
  };
}

/** Each handler, then a request for fresh proposals: what it processed may have changed tasks or claims. */
function thenRefreshPairing(
  handlers: Record<DeliverySource, DeliveryHandler>,
  refresh: () => void,
): Record<DeliverySource, DeliveryHandler> {
  const wrap = (handle: DeliveryHandler): DeliveryHandler => async (delivery) => {
    await handle(delivery);
    refresh();
  };
  return { github: wrap(handlers.github), gitlab: wrap(handlers.gitlab), wecena: wrap(handlers.wecena) };
}

function listen(app: Hono, port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () => resolve(server));
    server.once('error', reject);
  });
}
