import type { CommentAuthorRole, ForgePort, IssueLocator, IssueRef, LabelSpec, ListedIssue, OpenIssuePage, Permission, RateLimitStatus, RepositoryRef } from '@wecena/core';
import type { ProbotOctokit } from 'probot';
import { closingKeywordIssueNumbers } from './closing-keywords';

/** Where wecena reads a repository's configuration, on its default branch. */
export const GITHUB_CONFIG_FILE_PATH = '.github/wecena.yml';

/**
 * The part of an installation-authenticated Octokit the forge uses: Probot's
 * `context.octokit`, or the client `probot.auth(installationId)` returns.
 */
export type GithubOctokit = Pick<ProbotOctokit, 'request' | 'graphql' | 'paginate'>;

export interface GithubForgeOptions {
  /**
   * The login of the App's bot user (`<app-slug>[bot]`), or a function that finds it once.
   * Only its comments count as wecena's own. Without it, any GitHub App's bot counts.
   */
  botLogin?: string | (() => Promise<string>);
}

/** A fault of the GitHub adapter that is not an HTTP error (those are Octokit's `RequestError`). */
export class GithubForgeError extends Error {
  readonly code: 'malformed_repository_path' | 'malformed_comment_id' | 'config_file_unreadable' | 'graphql_error';

  constructor(code: GithubForgeError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GithubForgeError';
    this.code = code;
  }
}

// GitHub's role names, most to least; a custom role reports its base in `permission`.
const ROLES = ['admin', 'maintain', 'write', 'triage', 'read', 'none'] as const satisfies readonly Permission[];

function isPermission(value: string | undefined): value is Permission {
  return (ROLES as readonly string[]).includes(value ?? '');
}

/**
 * The ForgePort for GitHub, over an installation-authenticated Octokit. Every verb is one or
 * a few REST calls; "not found" answers become values, other failures throw Octokit's
 * `RequestError` so that the worker retries the delivery.
 */
export function createGithubForge(octokit: GithubOctokit, options: GithubForgeOptions = {}): ForgePort {
  let botLogin: Promise<string> | null = typeof options.botLogin === 'string' ? Promise.resolve(options.botLogin) : null;
  const resolveBotLogin = options.botLogin;

  async function isOwnComment(user: { login: string; type: string } | null | undefined): Promise<boolean> {
    if (!user || user.type !== 'Bot') return false;
    if (resolveBotLogin === undefined) return user.login.endsWith('[bot]');
    if (botLogin === null && typeof resolveBotLogin === 'function') {
      botLogin = resolveBotLogin().catch((error: unknown) => {
        botLogin = null; // ask again next time rather than cache a failure
        throw error;
      });
    }
    return user.login === (await botLogin);
  }

  return {
    capabilities: { nativeTimeTracking: false },

    async ensureLabels({ repository, labels }) {
      if (labels.length === 0) return;
      const repo = repoParams(repository);
      const existing = await octokit.paginate('GET /repos/{owner}/{repo}/labels', { ...repo, per_page: 100 });
      // Label names are unique on GitHub regardless of case.
      const present = new Set(existing.map((label) => label.name.toLowerCase()));
      for (const label of uniqueByName(labels)) {
        if (present.has(label.name.toLowerCase())) continue;
        try {
          await octokit.request('POST /repos/{owner}/{repo}/labels', {
            ...repo,
            name: label.name,
            color: label.color,
            description: label.description,
          });
        } catch (error) {
          // Another worker created it between our list and our create: the label is there.
          if (!isAlreadyExists(error)) throw error;
        }
      }
    },

    async addLabels({ issue, labels }) {
      if (labels.length === 0) return;
      // GitHub adds only the labels the issue lacks; re-adding one is a no-op.
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        ...issueParams(issue),
        labels: [...labels],
      });
    },

    async removeLabels({ issue, labels }) {
      for (const name of new Set(labels)) {
        try {
          await octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', {
            ...issueParams(issue),
            name,
          });
        } catch (error) {
          if (!hasStatus(error, 404)) throw error; // the issue did not carry it
        }
      }
    },

    async getIssue(locator) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', issueParams(locator));
        return toIssueRef(data);
      } catch (error) {
        if (hasStatus(error, 404, 410)) return null; // 410: deleted, or issues turned off
        throw error;
      }
    },

    async createComment({ issue, body }) {
      const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...issueParams(issue),
        body,
      });
      return { commentId: String(data.id) };
    },

    async updateComment({ issue, commentId, body }) {
      try {
        await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          ...repoParams(issue.repository),
          comment_id: commentIdNumber(commentId),
          body,
        });
        return true;
      } catch (error) {
        if (hasStatus(error, 404)) return false;
        throw error;
      }
    },

    async deleteComment({ issue, commentId }) {
      try {
        await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          ...repoParams(issue.repository),
          comment_id: commentIdNumber(commentId),
        });
      } catch (error) {
        if (!hasStatus(error, 404)) throw error;
      }
    },

    async findCommentWithMarker({ issue, marker }) {
      const pages = octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...issueParams(issue),
        per_page: 100,
      });
      // Stops at the first match: the status comment is usually among the first.
      for await (const { data } of pages) {
        for (const comment of data) {
          if (comment.body?.includes(marker) && (await isOwnComment(comment.user))) {
            return { commentId: String(comment.id) };
          }
        }
      }
      return null;
    },

    async assign({ issue, logins }) {
      if (logins.length === 0) return;
      // GitHub keeps who is assigned already and ignores logins that cannot be assigned.
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', {
        ...issueParams(issue),
        assignees: [...logins],
      });
    },

    async unassign({ issue, logins }) {
      if (logins.length === 0) return;
      await octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees', {
        ...issueParams(issue),
        assignees: [...logins],
      });
    },

    async permissionOf({ repository, login }) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
          ...repoParams(repository),
          username: login,
        });
        // role_name tells maintain and triage apart; `permission` folds them into write and
        // read, and is what a custom role reports as its base.
        if (isPermission(data.role_name)) return data.role_name;
        return isPermission(data.permission) ? data.permission : 'none';
      } catch (error) {
        if (hasStatus(error, 404)) return 'none'; // no such user
        throw error;
      }
    },

    async closingIssueNumbers({ repository, changeRequestNumber }) {
      const linked = await closingIssuesReferences(octokit, repository, changeRequestNumber);
      if (linked === null) return [];
      const fromKeywords = closingKeywordIssueNumbers(linked.body, repository);
      return [...new Set([...linked.numbers, ...fromKeywords])].sort((a, b) => a - b);
    },

    async readConfigFile({ repository }) {
      let data;
      try {
        ({ data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
          ...repoParams(repository),
          path: GITHUB_CONFIG_FILE_PATH,
        }));
      } catch (error) {
        if (hasStatus(error, 404)) return null;
        throw error;
      }
      // A directory (an array) or a symbolic link at that path is no configuration file.
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return null;
      // Past 1 MB GitHub leaves `content` empty with encoding "none"; no sane config is that big.
      if (data.encoding !== 'base64') {
        throw new GithubForgeError('config_file_unreadable', 'the configuration file is too large to read', {
          cause: { path: GITHUB_CONFIG_FILE_PATH, encoding: data.encoding, size: data.size },
        });
      }
      return Buffer.from(data.content, 'base64').toString('utf8');
    },

    async readContributingGuide({ repository }) {
      const { owner, repo } = repoParams(repository);
      const { repository: found } = await octokit.graphql<ContributingGuidePage>(CONTRIBUTING_GUIDE_QUERY, { owner, name: repo });
      if (!found) return { hasContributingFile: false, readme: null };
      const { readme, readmeLower, ...contributing } = found;
      return {
        hasContributingFile: Object.values(contributing).some((blob) => blob !== null),
        readme: readme?.text ?? readmeLower?.text ?? null,
      };
    },

    async listOpenIssues({ repository, cursor }) {
      return listOpenIssuesPage(octokit, repository, cursor);
    },
  };
}

/**
 * Open issues in pages of 50, oldest first, through GraphQL: one request gives what REST
 * needs three for (the linked open pull requests, the last comments, no pull requests mixed
 * in). Sent with `request` rather than `graphql` to read the rate-limit headers.
 */
const OPEN_ISSUES_QUERY = /* GraphQL */ `
  query wecenaOpenIssues($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      issues(states: OPEN, first: 50, after: $after, orderBy: { field: CREATED_AT, direction: ASC }) {
        nodes {
          databaseId number title body url state locked createdAt updatedAt
          author { login }
          labels(first: 50) { nodes { name } }
          assignees(first: 10) { nodes { login } }
          closedByPullRequestsReferences(first: 1, includeClosedPrs: false) { totalCount }
          comments(last: 5) { nodes { authorAssociation author { login } body } }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

interface OpenIssuesAnswer {
  data?: {
    repository: {
      issues: {
        nodes: (GraphqlIssue | null)[] | null;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } | null;
  } | null;
  errors?: { type?: string; message?: string }[];
}

interface GraphqlIssue {
  databaseId: number | null;
  number: number;
  title: string;
  body: string;
  url: string;
  state: string;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  author: { login: string } | null;
  labels: { nodes: ({ name: string } | null)[] | null } | null;
  assignees: { nodes: ({ login: string } | null)[] | null } | null;
  closedByPullRequestsReferences: { totalCount: number } | null;
  comments: { nodes: ({ authorAssociation: string; author: { login: string } | null; body: string } | null)[] | null } | null;
}

/** People GitHub says act for the repository: what the suitability score calls a maintainer. */
const MAINTAINER_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

async function listOpenIssuesPage(octokit: GithubOctokit, repository: RepositoryRef, cursor: string | null): Promise<OpenIssuePage> {
  const { owner, repo } = repoParams(repository);
  let response: { data: unknown; headers: Record<string, unknown> };
  try {
    response = await octokit.request('POST /graphql', { query: OPEN_ISSUES_QUERY, variables: { owner, name: repo, after: cursor } });
  } catch (error) {
    const limited = rateLimitRefusal(error);
    if (limited === null) throw error;
    return { issues: [], nextCursor: cursor, rateLimit: limited };
  }
  const answer = response.data as OpenIssuesAnswer;
  const rateLimit = rateLimitOf(response.headers);
  // GraphQL answers 200 with a RATE_LIMITED error when the points run out.
  if (answer.errors?.some((detail) => detail.type === 'RATE_LIMITED')) {
    return { issues: [], nextCursor: cursor, rateLimit: { ...rateLimit, limited: true } };
  }
  if (answer.errors && answer.errors.length > 0) {
    throw new GithubForgeError('graphql_error', 'GitHub refused the open issues query', { cause: { errors: answer.errors } });
  }
  const issues = answer.data?.repository?.issues;
  if (!issues) return { issues: [], nextCursor: null, rateLimit }; // the repository is gone, or out of reach
  return {
    issues: (issues.nodes ?? []).flatMap((node) => (node ? [toListedIssue(node)] : [])),
    nextCursor: issues.pageInfo.hasNextPage ? issues.pageInfo.endCursor : null,
    rateLimit,
  };
}

function toListedIssue(node: GraphqlIssue): ListedIssue {
  const reporter = node.author?.login.toLowerCase() ?? null;
  const roleOf = (comment: { authorAssociation: string; author: { login: string } | null }): CommentAuthorRole => {
    if (MAINTAINER_ASSOCIATIONS.has(comment.authorAssociation)) return 'maintainer';
    return reporter !== null && comment.author?.login.toLowerCase() === reporter ? 'reporter' : 'other';
  };
  return {
    issue: {
      number: node.number,
      forgeId: String(node.databaseId ?? ''),
      title: node.title,
      body: node.body,
      url: node.url,
      state: node.state === 'CLOSED' ? 'closed' : 'open',
      labels: (node.labels?.nodes ?? []).flatMap((label) => (label ? [label.name] : [])),
      assignees: (node.assignees?.nodes ?? []).flatMap((assignee) => (assignee ? [assignee.login] : [])),
      locked: node.locked,
    },
    isChangeRequest: false,
    hasOpenChangeRequest: (node.closedByPullRequestsReferences?.totalCount ?? 0) > 0,
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    comments: (node.comments?.nodes ?? []).flatMap((comment) => (comment ? [{ author: roleOf(comment), body: comment.body }] : [])),
  };
}

function headerNumber(headers: Record<string, unknown>, name: string): number | null {
  const value = headers[name];
  if (value === undefined || value === null || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** GitHub's `x-ratelimit-remaining` and `x-ratelimit-reset` (epoch seconds), `retry-after` (seconds). */
function rateLimitOf(headers: Record<string, unknown>, limited = false): RateLimitStatus {
  const reset = headerNumber(headers, 'x-ratelimit-reset');
  return {
    limited,
    remaining: headerNumber(headers, 'x-ratelimit-remaining'),
    resetAt: reset === null ? null : new Date(reset * 1000).toISOString(),
    retryAfterSeconds: headerNumber(headers, 'retry-after'),
  };
}

/**
 * A 403 or 429 that is GitHub's rate limit (primary: no request left; secondary: a
 * `retry-after`), as a status; null for any other failure, a 403 for want of permission included.
 */
function rateLimitRefusal(error: unknown): RateLimitStatus | null {
  if (!hasStatus(error, 403, 429)) return null;
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers ?? {};
  const status = rateLimitOf(headers, true);
  const isRateLimit = hasStatus(error, 429) || status.retryAfterSeconds !== null || status.remaining === 0;
  return isRateLimit ? status : null;
}

interface ContributingGuidePage {
  repository: Record<string, { text?: string | null } | null> & {
    readme: { text: string | null } | null;
    readmeLower: { text: string | null } | null;
  } | null;
}

/** GitHub's own places for a contributing guide, asked in one request (`HEAD` is the default branch). */
const CONTRIBUTING_GUIDE_QUERY = /* GraphQL */ `
  query wecenaContributingGuide($owner: String!, $name: String!) {
    repository(owner: $owner, name: $name) {
      root: object(expression: "HEAD:CONTRIBUTING.md") { ... on Blob { id } }
      rootPlain: object(expression: "HEAD:CONTRIBUTING") { ... on Blob { id } }
      rootRst: object(expression: "HEAD:CONTRIBUTING.rst") { ... on Blob { id } }
      dotGithub: object(expression: "HEAD:.github/CONTRIBUTING.md") { ... on Blob { id } }
      docs: object(expression: "HEAD:docs/CONTRIBUTING.md") { ... on Blob { id } }
      readme: object(expression: "HEAD:README.md") { ... on Blob { text } }
      readmeLower: object(expression: "HEAD:readme.md") { ... on Blob { text } }
    }
  }
`;

interface ClosingIssuesPage {
  repository: {
    pullRequest: {
      body: string;
      closingIssuesReferences: {
        nodes: ({ number: number; repository: { databaseId: number | null; nameWithOwner: string } } | null)[] | null;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      } | null;
    } | null;
  } | null;
}

const CLOSING_ISSUES_QUERY = /* GraphQL */ `
  query wecenaClosingIssues($owner: String!, $name: String!, $number: Int!, $after: String) {
    repository(owner: $owner, name: $name) {
      pullRequest(number: $number) {
        body
        closingIssuesReferences(first: 100, after: $after) {
          nodes { number repository { databaseId nameWithOwner } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`;

/**
 * The issues GitHub itself links as closed by the pull request (closing keywords on the default
 * branch, and the "Development" sidebar), in the same repository, with the pull request's body;
 * null when the pull request does not exist.
 */
async function closingIssuesReferences(
  octokit: GithubOctokit,
  repository: RepositoryRef,
  number: number,
): Promise<{ body: string; numbers: number[] } | null> {
  const { owner, repo } = repoParams(repository);
  const numbers: number[] = [];
  let body = '';
  let after: string | null = null;
  do {
    let page: ClosingIssuesPage;
    try {
      page = await octokit.graphql<ClosingIssuesPage>(CLOSING_ISSUES_QUERY, { owner, name: repo, number, after });
    } catch (error) {
      if (isGraphqlNotFound(error)) return null;
      throw error;
    }
    const pullRequest = page.repository?.pullRequest;
    if (!pullRequest) return null;
    body = pullRequest.body;
    for (const node of pullRequest.closingIssuesReferences?.nodes ?? []) {
      if (node && isSameRepository(node.repository, repository)) numbers.push(node.number);
    }
    const pageInfo = pullRequest.closingIssuesReferences?.pageInfo;
    after = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  } while (after !== null);
  return { body, numbers };
}

function isSameRepository(linked: { databaseId: number | null; nameWithOwner: string }, repository: RepositoryRef): boolean {
  if (linked.databaseId !== null && /^\d+$/.test(repository.forgeId)) return String(linked.databaseId) === repository.forgeId;
  return linked.nameWithOwner.toLowerCase() === repository.path.toLowerCase();
}

/** The fields of GitHub's issue that wecena reads. */
interface GithubIssue {
  id: number | bigint;
  number: number;
  title: string;
  body?: string | null;
  html_url: string;
  state: string;
  labels: (string | { name?: string })[];
  assignees?: { login: string }[] | null;
  locked: boolean;
}

function toIssueRef(issue: GithubIssue): IssueRef {
  return {
    number: issue.number,
    forgeId: String(issue.id),
    title: issue.title,
    body: issue.body ?? '',
    url: issue.html_url,
    state: issue.state === 'closed' ? 'closed' : 'open',
    labels: issue.labels.flatMap((label) => {
      const name = typeof label === 'string' ? label : label.name;
      return name ? [name] : [];
    }),
    assignees: (issue.assignees ?? []).map((assignee) => assignee.login),
    locked: issue.locked,
  };
}

function repoParams(repository: RepositoryRef): { owner: string; repo: string } {
  const [owner, repo, ...rest] = repository.path.split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new GithubForgeError('malformed_repository_path', 'a GitHub repository path is owner/name', {
      cause: { path: repository.path },
    });
  }
  return { owner, repo };
}

function issueParams(issue: IssueLocator): { owner: string; repo: string; issue_number: number } {
  return { ...repoParams(issue.repository), issue_number: issue.issueNumber };
}

function commentIdNumber(commentId: string): number {
  if (!/^\d+$/.test(commentId)) {
    throw new GithubForgeError('malformed_comment_id', 'a GitHub comment id is a number', { cause: { commentId } });
  }
  return Number(commentId);
}

function uniqueByName(labels: readonly LabelSpec[]): LabelSpec[] {
  const seen = new Set<string>();
  return labels.filter((label) => {
    const key = label.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function hasStatus(error: unknown, ...statuses: number[]): boolean {
  return typeof error === 'object' && error !== null && 'status' in error && statuses.includes(Number(error.status));
}

function isAlreadyExists(error: unknown): boolean {
  if (!hasStatus(error, 422)) return false;
  const data = (error as { response?: { data?: { errors?: { code?: string }[] } } }).response?.data;
  return data?.errors?.some((detail) => detail.code === 'already_exists') ?? false;
}

function isGraphqlNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('errors' in error) || !Array.isArray(error.errors)) return false;
  const errors = error.errors as { type?: string }[];
  return errors.length > 0 && errors.every((detail) => detail.type === 'NOT_FOUND');
}
