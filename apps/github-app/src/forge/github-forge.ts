import type { ForgePort, IssueLocator, IssueRef, LabelSpec, Permission, RepositoryRef } from '@wecena/core';
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
  readonly code: 'malformed_repository_path' | 'malformed_comment_id' | 'config_file_unreadable';

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
  };
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
