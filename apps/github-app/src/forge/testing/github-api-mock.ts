import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { ProbotOctokit } from 'probot';

export const GITHUB_API = 'https://api.github.com';
export const INSTALLATION_TOKEN = 'ghs_installation_token';

/**
 * Probot's Octokit with retry and throttling off: a mocked 404 or 500 must reach the code
 * under test at once, not after backoff. The function form (probot/probot#2258): Probot passes
 * its own throttle options, which would override the object form's.
 */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

/** An Octokit authenticated as an installation already (its token given), for the verb tests. */
export function installationOctokit(baseUrl?: string): ProbotOctokit {
  return new TestOctokit({ auth: { token: INSTALLATION_TOKEN }, ...(baseUrl ? { baseUrl } : {}) });
}

/** A throwaway App key, PKCS#1 as GitHub issues them. */
export function generateAppPrivateKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return privateKey;
}

/** A Link header pointing at the next page of `path`, as GitHub sends it. */
export function nextPageLink(path: string, page: number): { link: string } {
  const separator = path.includes('?') ? '&' : '?';
  return { link: `<${GITHUB_API}${path}${separator}page=${page}>; rel="next"` };
}
