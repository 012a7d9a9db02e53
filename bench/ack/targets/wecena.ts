import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningTarget, TargetConfig } from '../protocol';

/** The part of `startServer` (from `@wecena/cli`) the bench uses, declared here so that it compiles without it. */
interface WecenaServerOptions {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir?: string;
  githubWebhookSecret: string;
  quiet: boolean;
  worker: boolean;
}

interface WecenaServerModule {
  startServer(options: WecenaServerOptions): Promise<{ url: string; close(): Promise<void> }>;
}

const cliEntry = fileURLToPath(new URL('../../../apps/cli/src/index.ts', import.meta.url));

/** Whether wecena's server exists yet in this checkout: `@wecena/cli` exports `startServer`. */
export function hasWecenaServer(): boolean {
  return existsSync(cliEntry) && /\bstartServer\b/.test(readFileSync(cliEntry, 'utf8'));
}

const countSql = "SELECT count(*)::int AS count FROM inbox_deliveries WHERE source = 'github' AND delivery_id LIKE $1";

/** wecena's own server, on embedded PGlite in a fresh data directory or on the PostgreSQL of DATABASE_URL. */
export async function startWecena(engine: 'pglite' | 'postgres', config: TargetConfig): Promise<RunningTarget> {
  // A computed specifier: the bench typechecks and runs its other targets without @wecena/cli.
  const cli: string = '@wecena/cli';
  const { startServer } = (await import(cli)) as WecenaServerModule;
  const pattern = `${config.deliveryPrefix}%`;
  const base = { port: 0, host: '127.0.0.1', githubWebhookSecret: config.secret, quiet: true, worker: config.worker };

  if (engine === 'postgres') {
    const databaseUrl = config.databaseUrl;
    if (databaseUrl === undefined) throw new Error('wecena-postgres needs DATABASE_URL');
    const server = await startServer({ ...base, databaseUrl });
    return {
      webhookUrl: webhookUrlOf(server.url),
      stop: async () => {
        await server.close();
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          const { rows } = await client.query<{ count: number }>(countSql, [pattern]);
          await removeRun(client, pattern);
          return { inboxCount: rows[0]?.count ?? 0 };
        } finally {
          await client.end();
        }
      },
    };
  }

  // The server must not pick up a PostgreSQL from the environment: this target is PGlite's.
  delete process.env['DATABASE_URL'];
  const dataDir = await mkdtemp(join(tmpdir(), 'wecena-bench-ack-'));
  const server = await startServer({ ...base, dataDir });
  return {
    webhookUrl: webhookUrlOf(server.url),
    stop: async () => {
      await server.close();
      try {
        // PGlite has one owner per data directory: count once the server has let it go.
        const { PGlite } = await import('@electric-sql/pglite');
        const db = await PGlite.create(dataDir);
        try {
          const { rows } = await db.query<{ count: number }>(countSql, [pattern]);
          return { inboxCount: rows[0]?.count ?? 0 };
        } finally {
          await db.close();
        }
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Best effort: a shared PostgreSQL should not keep ~13 KB for each benchmark delivery. Only this
 * run's rows go (its delivery ids share a prefix); a failure leaves them and says so.
 */
async function removeRun(client: { query(sql: string, params: unknown[]): Promise<unknown> }, pattern: string): Promise<void> {
  try {
    await client.query('BEGIN', []);
    await client.query("DELETE FROM forge_events WHERE source = 'github' AND delivery_id LIKE $1", [pattern]);
    await client.query("DELETE FROM inbox_deliveries WHERE source = 'github' AND delivery_id LIKE $1", [pattern]);
    await client.query('COMMIT', []);
  } catch (error) {
    await client.query('ROLLBACK', []).catch(() => {});
    console.error(`wecena-postgres: the run's deliveries (${pattern}) stay in the database: ${String(error)}`);
  }
}

function webhookUrlOf(serverUrl: string): string {
  return new URL('/github/webhooks', serverUrl).href;
}
