import type nock from 'nock';
import { gitlabApi } from './gitlab-api-mock';

/** An open issue as GitLab's issues list gives it, suitable and ready unless told. */
export function listedGitlabIssue(iid: number, overrides: Record<string, unknown> = {}) {
  return {
    id: 3000 + iid,
    iid,
    project_id: 1,
    title: `Fix typo in README.md (${iid})`,
    description: 'Line 12 of README.md says `recieve`; it should read `receive`.\n\n- [ ] the typo is fixed',
    state: 'opened',
    labels: ['good first issue', 'size/XS'],
    assignees: [],
    discussion_locked: null,
    web_url: `https://gitlab.example.org/gitlab-org/gitlab-test/-/issues/${iid}`,
    created_at: '2026-02-20T10:00:00Z',
    updated_at: '2026-02-28T10:00:00Z',
    merge_requests_count: 0,
    ...overrides,
  };
}

/** The open issues of project `projectId`, page `page`, on the mocked instance. */
export function mockOpenIssuesPage(page: number, projectId = 1): nock.Interceptor {
  return gitlabApi()
    .get(`/v4/projects/${projectId}/issues`)
    .query({ state: 'opened', order_by: 'created_at', sort: 'asc', per_page: '100', page: String(page) });
}

/** GitLab's rate-limit headers, and the next page when there is one. */
export function gitlabPageHeaders(remaining: number, resetEpochSeconds: number, nextPage: number | null): Record<string, string> {
  return {
    'ratelimit-limit': '2000',
    'ratelimit-remaining': String(remaining),
    'ratelimit-reset': String(resetEpochSeconds),
    'x-next-page': nextPage === null ? '' : String(nextPage),
  };
}
