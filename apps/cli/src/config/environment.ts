import { createPrivateKey } from 'node:crypto';
import { resolve } from 'node:path';
import { gitlabHostsFromEnvironment } from '@wecena/gitlab-bot';
import { z } from 'zod';

/** Every variable wecena reads, with its default and meaning: the README's table is this list. */
export const environmentVariables = [
  { name: 'PORT', default: '3000', meaning: 'TCP port of the one HTTP server (webhooks, dashboard, API, health, metrics); 0 for any free port.' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'Address to listen on; `0.0.0.0` to accept connections from other machines.' },
  { name: 'PUBLIC_URL', default: 'http://HOST:PORT', meaning: 'The address users and forges reach wecena at, when behind a proxy or tunnel.' },
  { name: 'DATABASE_URL', default: '(unset: embedded PGlite)', meaning: 'A PostgreSQL URL (`postgres://user@host:5432/db`); unset, wecena uses embedded PGlite.' },
  { name: 'WECENA_DATA_DIR', default: './.wecena', meaning: 'Where embedded PGlite keeps its data (ignored when DATABASE_URL is set).' },
  { name: 'APP_ID', default: '(unset: GitHub off)', meaning: 'The GitHub App id.' },
  { name: 'PRIVATE_KEY', default: '(unset)', meaning: 'The GitHub App private key, PEM text (`\\n` escapes accepted).' },
  { name: 'PRIVATE_KEY_PATH', default: '(unset)', meaning: 'A file holding the GitHub App private key, instead of PRIVATE_KEY.' },
  { name: 'WEBHOOK_SECRET', default: '(unset)', meaning: 'The GitHub App webhook secret; deliveries are verified against it.' },
  { name: 'GHE_HOST', default: '(unset: github.com)', meaning: 'Host name of a GitHub Enterprise Server.' },
  { name: 'GITLAB_URL', default: 'https://gitlab.com', meaning: 'The default GitLab instance.' },
  { name: 'GITLAB_TOKEN', default: '(unset: GitLab off)', meaning: 'Access token of the bot user on GITLAB_URL (scope `api`).' },
  { name: 'GITLAB_WEBHOOK_SECRET', default: '(unset)', meaning: 'The secret token set on GitLab webhooks; deliveries are verified against it.' },
  { name: 'GITLAB_HOSTS', default: '(unset)', meaning: 'More GitLab instances, comma-separated URLs; each one\'s token in `GITLAB_TOKEN_<HOST>` (e.g. `GITLAB_TOKEN_GIT_EXAMPLE_ORG`).' },
  { name: 'SESSION_SECRET', default: '(unset: sign-in off)', meaning: 'At least 32 characters; signs dashboard session cookies.' },
  { name: 'GITHUB_CLIENT_ID', default: '(unset: no GitHub sign-in)', meaning: "The GitHub App's OAuth client id; callback URL `PUBLIC_URL/auth/github/callback`." },
  { name: 'GITHUB_CLIENT_SECRET', default: '(unset)', meaning: "That client's secret." },
  { name: 'GITLAB_CLIENT_ID', default: '(unset: no GitLab sign-in)', meaning: 'OAuth application on GITLAB_URL (scope `read_user`); callback `PUBLIC_URL/auth/gitlab/<host>/callback`. `GITLAB_CLIENT_ID_<HOST>` and `GITLAB_CLIENT_SECRET_<HOST>` for each host of GITLAB_HOSTS.' },
  { name: 'GITLAB_CLIENT_SECRET', default: '(unset)', meaning: "That application's secret." },
  { name: 'WECENA_OPERATORS', default: '(unset)', meaning: 'Comma-separated `host/login` entries who sign in as operators, e.g. `github.com/alice`.' },
  { name: 'WECENA_WORKER', default: 'on', meaning: '`off` to run only the HTTP side, with workers in other processes sharing one PostgreSQL.' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug or trace.' },
  { name: 'LOG_FORMAT', default: 'pretty on a terminal, else json', meaning: '`json` (one object a line) or `pretty`.' },
] as const;

export interface GithubConfig {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  host: string | null;
}

export interface GitlabConfig {
  url: string;
  token: string;
  webhookSecret: string;
  /** Further instances (GITLAB_HOSTS), each with its own token. */
  otherHosts: { url: string; token: string }[];
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** PUBLIC_URL was set, rather than derived from HOST and PORT. */
  publicUrlGiven: boolean;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  github: GithubConfig | null;
  gitlab: GitlabConfig | null;
  sessionSecret: string | null;
  /** Dashboard sign-in with the forges, when their OAuth clients are set. */
  signIn: {
    github: { clientId: string; clientSecret: string; host: string | null } | null;
    gitlab: { url: string; clientId: string; clientSecret: string }[];
    operators: string[];
  };
  /** Whether this process drains the inbox; off for receiver-only instances. */
  worker: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  logFormat: 'json' | 'pretty';
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

const optionalText = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value ? value : undefined));

const PORT_RANGE = 'must be a whole number from 0 (any free port) to 65535';

const Environment = z.object({
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, PORT_RANGE)
      .transform(Number)
      .pipe(z.number().int().max(65535, PORT_RANGE))
      .optional(),
  ),
  HOST: optionalText,
  PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .refine(isPostgresUrl, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/database')
      .optional(),
  ),
  WECENA_DATA_DIR: optionalText,
  APP_ID: optionalText.pipe(z.string().regex(/^\d+$/, 'must be the numeric id of the GitHub App').transform(Number).optional()),
  PRIVATE_KEY: optionalText,
  PRIVATE_KEY_PATH: optionalText,
  WEBHOOK_SECRET: optionalText,
  GHE_HOST: optionalText.pipe(
    z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name such as github.example.org, without https://').optional(),
  ),
  GITLAB_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://gitlab.com' }).optional()),
  GITLAB_TOKEN: optionalText,
  GITLAB_WEBHOOK_SECRET: optionalText,
  SESSION_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters long').optional()),
  GITHUB_CLIENT_ID: optionalText,
  GITHUB_CLIENT_SECRET: optionalText,
  GITLAB_CLIENT_ID: optionalText,
  GITLAB_CLIENT_SECRET: optionalText,
  WECENA_OPERATORS: optionalText.pipe(
    z
      .string()
      .transform((text) => text.split(',').map((entry) => entry.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z0-9.-]+(?::\d+)?\/[A-Za-z0-9][A-Za-z0-9._-]*$/i, 'each entry must be host/login, such as github.com/alice')))
      .optional(),
  ),
  WECENA_WORKER: optionalText.pipe(z.enum(['on', 'off'], { error: 'must be on or off' }).optional()),
  LOG_LEVEL: optionalText.pipe(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace'], { error: 'must be one of fatal, error, warn, info, debug, trace' }).optional(),
  ),
  LOG_FORMAT: optionalText.pipe(z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).optional()),
});

export interface EnvironmentContext {
  cwd: string;
  isTerminal: boolean;
  readFile: (path: string) => string;
}

/** Reads the environment, listing every problem at once rather than stopping at the first. */
export function readConfig(env: Record<string, string | undefined>, context: EnvironmentContext): ConfigResult {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}${describeGiven(env, issue.path)}`),
    };
  }
  const vars = parsed.data;
  const problems: string[] = [];

  const github = readGithub(vars, context, problems);
  const gitlab = readGitlab(vars, env, problems);
  const signIn = readSignIn(vars, env, gitlab, problems);
  if (problems.length > 0) return { ok: false, problems };

  const port = vars.PORT ?? 3000;
  const host = vars.HOST ?? '127.0.0.1';
  return {
    ok: true,
    config: {
      port,
      host,
      publicUrl: (vars.PUBLIC_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/$/, ''),
      publicUrlGiven: vars.PUBLIC_URL !== undefined,
      database: vars.DATABASE_URL
        ? { kind: 'postgres', url: vars.DATABASE_URL }
        : { kind: 'pglite', dataDir: resolve(context.cwd, vars.WECENA_DATA_DIR ?? '.wecena') },
      github,
      gitlab,
      sessionSecret: vars.SESSION_SECRET ?? null,
      signIn,
      worker: vars.WECENA_WORKER !== 'off',
      logLevel: vars.LOG_LEVEL ?? 'info',
      logFormat: vars.LOG_FORMAT ?? (context.isTerminal ? 'pretty' : 'json'),
    },
  };
}

type Vars = z.infer<typeof Environment>;

function readGithub(vars: Vars, context: EnvironmentContext, problems: string[]): GithubConfig | null {
  const given = { APP_ID: vars.APP_ID, 'PRIVATE_KEY or PRIVATE_KEY_PATH': vars.PRIVATE_KEY ?? vars.PRIVATE_KEY_PATH, WEBHOOK_SECRET: vars.WEBHOOK_SECRET };
  const missing = Object.entries(given).filter(([, value]) => value === undefined).map(([name]) => name);
  if (missing.length === 3) return null;
  if (missing.length > 0) {
    problems.push(`GitHub App: ${missing.join(', ')} must be set too (set all of APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, or none)`);
    return null;
  }
  let privateKey = vars.PRIVATE_KEY?.replace(/\\n/g, '\n');
  if (privateKey === undefined && vars.PRIVATE_KEY_PATH) {
    try {
      privateKey = context.readFile(resolve(context.cwd, vars.PRIVATE_KEY_PATH));
    } catch {
      problems.push(`PRIVATE_KEY_PATH: cannot read ${vars.PRIVATE_KEY_PATH}`);
      return null;
    }
  }
  if (!privateKey || !isPemPrivateKey(privateKey)) {
    problems.push(`${vars.PRIVATE_KEY ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH'}: is not a PEM private key (expected the .pem file GitHub gave for the App, starting with -----BEGIN RSA PRIVATE KEY-----)`);
    return null;
  }
  return { appId: vars.APP_ID as number, privateKey, webhookSecret: vars.WEBHOOK_SECRET as string, host: vars.GHE_HOST ?? null };
}

function readGitlab(vars: Vars, env: Record<string, string | undefined>, problems: string[]): GitlabConfig | null {
  const otherHosts = gitlabHostsFromEnvironment(env);
  problems.push(...otherHosts.problems);
  if (!vars.GITLAB_TOKEN && !vars.GITLAB_WEBHOOK_SECRET) {
    if (otherHosts.hosts.length > 0) problems.push('GITLAB_HOSTS: set GITLAB_TOKEN and GITLAB_WEBHOOK_SECRET too, for the default instance');
    return null;
  }
  if (!vars.GITLAB_TOKEN || !vars.GITLAB_WEBHOOK_SECRET) {
    const missing = vars.GITLAB_TOKEN ? 'GITLAB_WEBHOOK_SECRET' : 'GITLAB_TOKEN';
    problems.push(`GitLab: ${missing} must be set too (set both GITLAB_TOKEN and GITLAB_WEBHOOK_SECRET, or neither)`);
    return null;
  }
  return {
    url: (vars.GITLAB_URL ?? 'https://gitlab.com').replace(/\/$/, ''),
    token: vars.GITLAB_TOKEN,
    webhookSecret: vars.GITLAB_WEBHOOK_SECRET,
    otherHosts: otherHosts.hosts,
  };
}

function readSignIn(vars: Vars, env: Record<string, string | undefined>, gitlab: GitlabConfig | null, problems: string[]): Config['signIn'] {
  const pair = (idName: string, id: string | undefined, secretName: string, secret: string | undefined) => {
    if (id && secret) return { clientId: id, clientSecret: secret };
    if (id || secret) problems.push(`${id ? secretName : idName}: must be set too (set both ${idName} and ${secretName}, or neither)`);
    return null;
  };
  const githubClient = pair('GITHUB_CLIENT_ID', vars.GITHUB_CLIENT_ID, 'GITHUB_CLIENT_SECRET', vars.GITHUB_CLIENT_SECRET);
  const gitlabClients: Config['signIn']['gitlab'] = [];
  const defaultClient = pair('GITLAB_CLIENT_ID', vars.GITLAB_CLIENT_ID, 'GITLAB_CLIENT_SECRET', vars.GITLAB_CLIENT_SECRET);
  if (defaultClient) gitlabClients.push({ url: (vars.GITLAB_URL ?? 'https://gitlab.com').replace(/\/$/, ''), ...defaultClient });
  for (const host of gitlab?.otherHosts ?? []) {
    const suffix = new URL(host.url).host.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    const client = pair(`GITLAB_CLIENT_ID_${suffix}`, env[`GITLAB_CLIENT_ID_${suffix}`]?.trim(), `GITLAB_CLIENT_SECRET_${suffix}`, env[`GITLAB_CLIENT_SECRET_${suffix}`]?.trim());
    if (client) gitlabClients.push({ url: host.url, ...client });
  }
  if ((githubClient || gitlabClients.length > 0) && !vars.SESSION_SECRET) {
    problems.push('SESSION_SECRET: must be set for sign-in with the forges (32 characters or more)');
  }
  return {
    github: githubClient ? { ...githubClient, host: vars.GHE_HOST ?? null } : null,
    gitlab: gitlabClients,
    operators: vars.WECENA_OPERATORS ?? [],
  };
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isPemPrivateKey(text: string): boolean {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) return false;
  try {
    createPrivateKey(text);
    return true;
  } catch {
    return false;
  }
}

/** Quotes the bad value back, except secrets and keys, which never reach a log. */
function describeGiven(env: Record<string, string | undefined>, path: PropertyKey[]): string {
  const name = String(path[0]);
  const value = env[name];
  if (value === undefined || /SECRET|KEY|TOKEN|DATABASE_URL/.test(name)) return '';
  return ` (got ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)})`;
}
