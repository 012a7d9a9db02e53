import type { ForgePort } from '@wecena/core';
import { Probot, ProbotOctokit, type Logger } from 'probot';
import { createGithubForge } from './github-forge';

/** The App's credentials, under Probot's environment names (APP_ID, PRIVATE_KEY, GHE_HOST, GHE_PROTOCOL). */
export interface GithubAppCredentials {
  appId: number | string;
  /** The App's private key, PEM (PKCS#1 as GitHub issues it, or PKCS#8). */
  privateKey: string;
  /** A GitHub Enterprise Server host (`ghe.example.org`); absent or null for github.com. */
  gheHost?: string | null;
  /** `https` unless told otherwise, as in Probot. */
  gheProtocol?: string | null;
  /** Probot's Octokit class; tests pass one with retry and throttling off. */
  Octokit?: typeof ProbotOctokit;
  log?: Logger;
}

export interface GithubAppClient {
  /** The Probot instance the client authenticates through (its token cache included). */
  readonly probot: Probot;
  /** The ForgePort acting as one installation of the App (ids come in payloads and repository rows). */
  forgeFor(installationId: number | string): Promise<ForgePort>;
  /** The login of the App's bot user, `<slug>[bot]`, asked of GitHub once. */
  botLogin(): Promise<string>;
}

/**
 * The REST base URL for a GitHub Enterprise Server host, or undefined for github.com.
 * Octokit derives the GraphQL endpoint (`/api/graphql`) from it.
 */
export function githubApiBaseUrl(gheHost?: string | null, gheProtocol?: string | null): string | undefined {
  if (!gheHost) return undefined;
  const host = gheHost.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
  return `${gheProtocol || 'https'}://${host}/api/v3`;
}

/**
 * A client for the GitHub App: from an installation id to a ForgePort. Pass the App's
 * credentials, or the Probot instance that already receives the webhooks, to share its
 * installation-token cache (a token is asked for once an hour per installation).
 */
export function githubAppClient(source: GithubAppCredentials | { probot: Probot }): GithubAppClient {
  const probot = 'probot' in source ? source.probot : createGithubProbot(source);
  let login: Promise<string> | null = null;

  function botLogin(): Promise<string> {
    login ??= (async () => {
      // GET /app answers only to the App itself (a JWT), never to an installation token.
      const appOctokit = await probot.auth();
      const { data } = await appOctokit.request('GET /app');
      if (!data?.slug) throw new Error('GitHub did not return the App slug');
      return `${data.slug}[bot]`;
    })().catch((error: unknown) => {
      login = null;
      throw error;
    });
    return login;
  }

  return {
    probot,
    botLogin,
    async forgeFor(installationId) {
      const octokit = await probot.auth(Number(installationId));
      return createGithubForge(octokit, { botLogin });
    },
  };
}

/** A Probot instance for the App's API calls, with GitHub Enterprise Server's base URL when GHE_HOST is set. */
export function createGithubProbot(credentials: GithubAppCredentials): Probot {
  return new Probot({
    appId: credentials.appId,
    privateKey: credentials.privateKey,
    baseUrl: githubApiBaseUrl(credentials.gheHost, credentials.gheProtocol),
    Octokit: credentials.Octokit,
    log: credentials.log,
  });
}
