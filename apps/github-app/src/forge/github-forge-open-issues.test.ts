import { useStrictNock } from '@wecena/testkit';
import type { RepositoryRef } from '@wecena/core';
import { describe, expect, it } from 'vitest';
import { createGithubForge } from './github-forge';
import { installationOctokit } from './testing/github-api-mock';
import { graphqlIssue, mockOpenIssuesQuery, openIssuesPage, rateLimitHeaders } from './testing/github-open-issues';

useStrictNock();

const repository: RepositoryRef = { forge: 'github', host: 'github.com', forgeId: '186853002', path: 'Codertocat/Hello-World' };
const RESET = 1_772_442_000; // 2026-03-02T09:00:00Z
const forge = () => createGithubForge(installationOctokit(), { botLogin: 'wecena[bot]' });

describe('listOpenIssues', () => {
  it('reads a page: issues with labels, assignees, locks, linked pull requests and comments by role; the cursor; the rate limit', async () => {
    mockOpenIssuesQuery(null).reply(
      200,
      openIssuesPage(
        [
          graphqlIssue(1, {
            assignees: { nodes: [{ login: 'camille' }] },
            comments: {
              nodes: [
                { authorAssociation: 'NONE', author: { login: 'reporter' }, body: 'Any news?' },
                { authorAssociation: 'MEMBER', author: { login: 'mara' }, body: 'PRs welcome!' },
                { authorAssociation: 'NONE', author: { login: 'sam' }, body: '+1' },
              ],
            },
          }),
          graphqlIssue(2, { locked: true, closedByPullRequestsReferences: { totalCount: 1 } }),
        ],
        'Y3Vyc29yOjI=',
      ),
      rateLimitHeaders(4321, RESET),
    );

    const page = await forge().listOpenIssues({ repository, cursor: null });

    expect(page.nextCursor).toBe('Y3Vyc29yOjI=');
    expect(page.rateLimit).toEqual({ limited: false, remaining: 4321, resetAt: '2026-03-02T09:00:00.000Z', retryAfterSeconds: null });
    expect(page.issues[0]).toEqual({
      issue: {
        number: 1,
        forgeId: '9001',
        title: 'Fix typo in README.md (1)',
        body: graphqlIssue(1).body,
        url: 'https://github.com/Codertocat/Hello-World/issues/1',
        state: 'open',
        labels: ['good first issue', 'size/XS'],
        assignees: ['camille'],
        locked: false,
      },
      isChangeRequest: false,
      hasOpenChangeRequest: false,
      createdAt: '2026-02-20T10:00:00Z',
      updatedAt: '2026-02-28T10:00:00Z',
      comments: [
        { author: 'reporter', body: 'Any news?' },
        { author: 'maintainer', body: 'PRs welcome!' },
        { author: 'other', body: '+1' },
      ],
    });
    expect(page.issues[1]).toMatchObject({ issue: { locked: true }, hasOpenChangeRequest: true });
  });

  it('ends with a null cursor on the last page', async () => {
    mockOpenIssuesQuery('Y3Vyc29yOjI=').reply(200, openIssuesPage([], null), rateLimitHeaders(4320, RESET));
    expect(await forge().listOpenIssues({ repository, cursor: 'Y3Vyc29yOjI=' })).toMatchObject({ issues: [], nextCursor: null });
  });

  it.each([
    { name: 'a 403 with no request left', status: 403, headers: rateLimitHeaders(0, RESET), retryAfterSeconds: null, remaining: 0 },
    { name: 'a 403 with Retry-After (secondary limit)', status: 403, headers: { 'retry-after': '60' }, retryAfterSeconds: 60, remaining: null },
    { name: 'a 429 with Retry-After', status: 429, headers: { 'retry-after': '30' }, retryAfterSeconds: 30, remaining: null },
  ])('answers $name as a refusal: no issues, the same cursor', async ({ status, headers, retryAfterSeconds, remaining }) => {
    mockOpenIssuesQuery('c1').reply(status, { message: 'API rate limit exceeded' }, headers);
    const page = await forge().listOpenIssues({ repository, cursor: 'c1' });
    expect(page).toMatchObject({ issues: [], nextCursor: 'c1', rateLimit: { limited: true, retryAfterSeconds, remaining } });
  });

  it('answers GraphQL RATE_LIMITED as a refusal', async () => {
    mockOpenIssuesQuery(null).reply(200, { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] }, rateLimitHeaders(0, RESET));
    expect(await forge().listOpenIssues({ repository, cursor: null })).toMatchObject({ issues: [], nextCursor: null, rateLimit: { limited: true, resetAt: '2026-03-02T09:00:00.000Z' } });
  });

  it('throws on a 403 that is no rate limit (a permission missing)', async () => {
    mockOpenIssuesQuery(null).reply(403, { message: 'Resource not accessible by integration' }, rateLimitHeaders(4000, RESET));
    await expect(forge().listOpenIssues({ repository, cursor: null })).rejects.toMatchObject({ status: 403 });
  });
});
