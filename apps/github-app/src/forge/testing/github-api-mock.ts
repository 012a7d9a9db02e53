import { generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export const GITHUB_API = 'https://api.github.com';
export const INSTALLATION_TOKEN = 'ghs_installation_token';

/**
 * Probot's Octokit with retry and throttling off: a mocked 404 or 500 must reach the code
 * under test at once, not after backoff.
 */
export const TestOctokit = ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } });

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

/**
 * GitHub's API at the HTTP boundary: no real network, and each test fails on a request it
 * did not mock or a mock it did not use, listing them.
 */
export function useGithubApiMock(): void {
  const unexpected: string[] = [];
  const recordUnexpected = (request: { method?: string; path?: string; href?: string }) => {
    unexpected.push(`${request.method ?? '?'} ${request.href ?? request.path ?? '?'}`);
  };

  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', recordUnexpected);
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    const unmatched = unexpected.splice(0);
    nock.cleanAll();
    expect(unmatched, 'requests nobody mocked').toEqual([]);
    expect(pending, 'mocks nobody used').toEqual([]);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', recordUnexpected);
    nock.enableNetConnect();
  });
}

/** A Link header pointing at the next page of `path`, as GitHub sends it. */
export function nextPageLink(path: string, page: number): { link: string } {
  const separator = path.includes('?') ? '&' : '?';
  return { link: `<${GITHUB_API}${path}${separator}page=${page}>; rel="next"` };
}
