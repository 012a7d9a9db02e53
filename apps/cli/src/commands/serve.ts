import { seedDemo } from '@wecena/db';
import type { Config } from '../config/environment';
import { createLogger } from '../config/logger';
import { startServer } from '../server/start-server';
import { configFromEnvironment, exitWithError } from './environment';

export async function serveCommand(options: { demo?: boolean }): Promise<void> {
  const config = configFromEnvironment();
  const logger = createLogger(config);
  let server;
  try {
    server = await startServer({
      port: config.port,
      host: config.host,
      databaseUrl: config.database.kind === 'postgres' ? config.database.url : undefined,
      dataDir: config.database.kind === 'pglite' ? config.database.dataDir : undefined,
      githubWebhookSecret: config.github?.webhookSecret,
      githubApp: config.github ? { appId: config.github.appId, privateKey: config.github.privateKey, gheHost: config.github.host, log: logger } : undefined,
      gitlabWebhookSecret: config.gitlab?.webhookSecret,
      gitlab: config.gitlab ? { url: config.gitlab.url, token: config.gitlab.token, otherHosts: config.gitlab.otherHosts } : undefined,
      logger,
      worker: config.worker,
      discovery: true,
      signIn: {
        sessionSecret: config.sessionSecret,
        publicUrl: config.publicUrl,
        github: config.signIn.github,
        gitlab: config.signIn.gitlab,
        operators: config.signIn.operators,
        demo: options.demo === true,
        listenHost: config.host,
      },
      beforeListen: options.demo
        ? async (db) => {
            const counts = await seedDemo(db, { now: new Date() });
            logger.info({ counts }, 'demo data loaded');
          }
        : undefined,
    });
  } catch (error) {
    exitWithError(error);
  }
  // The start-up line comes last, after whatever the logger still holds, so a person sees it.
  await new Promise<void>((resolve) => logger.flush(() => resolve()));
  process.stdout.write(`${startupLine(config, server.url, server.database.description)}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** The one line a person reads at start: where to go, which database, which forges. */
export function startupLine(config: Config, listeningUrl: string, database: string): string {
  // Without PUBLIC_URL the address is where the server listens (PORT=0 picks a free port).
  const url = config.publicUrlGiven ? config.publicUrl : listeningUrl;
  const github = config.github
    ? `GitHub on (${config.github.host ?? 'github.com'})`
    : 'GitHub off (set APP_ID, PRIVATE_KEY, WEBHOOK_SECRET to turn it on)';
  const gitlab = config.gitlab
    ? `GitLab on (${new URL(config.gitlab.url).host})`
    : 'GitLab off (set GITLAB_TOKEN, GITLAB_WEBHOOK_SECRET to turn it on)';
  return `wecena is up: dashboard at ${url}/ · database: ${database} · ${github} · ${gitlab}`;
}
