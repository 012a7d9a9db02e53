import { useStrictNock } from '@wecena/testkit';
import type { RepositoryRef } from '@wecena/core';
import { describe, expect, it } from 'vitest';
import { createGitlabForge } from './gitlab-forge';
import { gitlabApi, testGitlab } from './testing/gitlab-api-mock';
import { gitlabPageHeaders, listedGitlabIssue, mockOpenIssuesPage } from './testing/gitlab-open-issues';

useStrictNock();

const repository: RepositoryRef = { forge: 'gitlab', host: 'gitlab.example.org', forgeId: '1', path: 'gitlab-org/gitlab-test' };
const RESET = 1_772_442_000; // 2026-03-02T09:00:00Z
const forge = () => createGitlabForge(testGitlab(), { botUsername: 'wecena-bot' });

describe('listOpenIssues', () => {
  it('reads a page: issues, the linked open merge requests asked of closed_by, the next page, the rate limit', async () => {
    mockOpenIssuesPage(1).reply(
      200,
      [
        listedGitlabIssue(1, { assignees: [{ id: 5, username: 'camille' }], discussion_locked: true }),
        listedGitlabIssue(2, { merge_requests_count: 1 }),
        listedGitlabIssue(3, { merge_requests_count: 1 }),
      ],
      gitlabPageHeaders(1500, RESET, 2),
    );
    gitlabApi().get('/v4/projects/1/issues/2/closed_by').reply(200, [{ iid: 7, state: 'opened' }], gitlabPageHeaders(1499, RESET, null));
    gitlabApi().get('/v4/projects/1/issues/3/closed_by').reply(200, [{ iid: 8, state: 'merged' }], gitlabPageHeaders(1498, RESET, null));

    const page = await forge().listOpenIssues({ repository, cursor: null });

    expect(page.nextCursor).toBe('2');
    expect(page.rateLimit).toEqual({ limited: false, remaining: 1498, resetAt: '2026-03-02T09:00:00.000Z', retryAfterSeconds: null });
    expect(page.issues[0]).toEqual({
      issue: {
        number: 1,
        forgeId: '3001',
        title: 'Fix typo in README.md (1)',
        body: listedGitlabIssue(1).description,
        url: 'https://gitlab.example.org/gitlab-org/gitlab-test/-/issues/1',
        state: 'open',
        labels: ['good first issue', 'size/XS'],
        assignees: ['camille'],
        locked: true,
      },
      isChangeRequest: false,
      hasOpenChangeRequest: false,
      createdAt: '2026-02-20T10:00:00Z',
      updatedAt: '2026-02-28T10:00:00Z',
      comments: null,
    });
    expect(page.issues.map((listed) => listed.hasOpenChangeRequest)).toEqual([false, true, false]);
  });

  it('ends with a null cursor on the last page', async () => {
    mockOpenIssuesPage(2).reply(200, [], gitlabPageHeaders(1400, RESET, null));
    expect(await forge().listOpenIssues({ repository, cursor: '2' })).toMatchObject({ issues: [], nextCursor: null });
  });

  it('answers a 403 with no request left as a refusal: no issues, the same cursor, the reset', async () => {
    mockOpenIssuesPage(2).reply(403, { message: 'Forbidden' }, gitlabPageHeaders(0, RESET, null));
    expect(await forge().listOpenIssues({ repository, cursor: '2' })).toEqual({
      issues: [],
      nextCursor: '2',
      rateLimit: { limited: true, remaining: 0, resetAt: '2026-03-02T09:00:00.000Z', retryAfterSeconds: null },
    });
  });

  it('answers a 429 that outlasts Gitbeaker’s own retries as a refusal', async () => {
    mockOpenIssuesPage(1).times(10).reply(429, { message: 'Retry later' }, { 'retry-after': '30' });
    expect(await forge().listOpenIssues({ repository, cursor: null })).toMatchObject({ issues: [], nextCursor: null, rateLimit: { limited: true } });
  });

  it('throws on a 403 that is no rate limit', async () => {
    mockOpenIssuesPage(1).reply(403, { message: 'Forbidden' }, gitlabPageHeaders(1000, RESET, null));
    await expect(forge().listOpenIssues({ repository, cursor: null })).rejects.toThrow();
  });
});
