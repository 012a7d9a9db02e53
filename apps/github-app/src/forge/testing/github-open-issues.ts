import nock from 'nock';
import { GITHUB_API, INSTALLATION_TOKEN } from './github-api-mock';

/** An open issue as GitHub's GraphQL `issues` connection gives it, suitable and ready unless told. */
export function graphqlIssue(number: number, overrides: Record<string, unknown> = {}) {
  return {
    databaseId: 9000 + number,
    number,
    title: `Fix typo in README.md (${number})`,
    body: 'Line 12 of README.md says `recieve`; it should read `receive`.\n\n- [ ] the typo is fixed',
    url: `https://github.com/Codertocat/Hello-World/issues/${number}`,
    state: 'OPEN',
    locked: false,
    createdAt: '2026-02-20T10:00:00Z',
    updatedAt: '2026-02-28T10:00:00Z',
    author: { login: 'reporter' },
    labels: { nodes: [{ name: 'good first issue' }, { name: 'size/XS' }] },
    assignees: { nodes: [] },
    closedByPullRequestsReferences: { totalCount: 0 },
    comments: { nodes: [] },
    ...overrides,
  };
}

/** One page of the open issues connection, as GitHub answers the query. */
export function openIssuesPage(issues: unknown[], endCursor: string | null) {
  return { data: { repository: { issues: { nodes: issues, pageInfo: { hasNextPage: endCursor !== null, endCursor } } } } };
}

/** The open-issues query of `owner/name` after `after`, on the mocked API. */
export function mockOpenIssuesQuery(after: string | null, path = 'Codertocat/Hello-World'): nock.Interceptor {
  const [owner, name] = path.split('/');
  return nock(GITHUB_API)
    .matchHeader('authorization', `token ${INSTALLATION_TOKEN}`)
    .post('/graphql', (body: { query?: string; variables?: Record<string, unknown> }) => {
      const variables = body.variables ?? {};
      return Boolean(body.query?.includes('wecenaOpenIssues')) && variables['owner'] === owner && variables['name'] === name && (variables['after'] ?? null) === after;
    });
}

/** GitHub's rate-limit headers: `remaining` requests left until `resetEpochSeconds`. */
export function rateLimitHeaders(remaining: number, resetEpochSeconds: number): Record<string, string> {
  return { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': String(resetEpochSeconds) };
}
