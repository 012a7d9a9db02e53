import { GitbeakerRetryError, type Gitlab, type NoteSchema } from '@gitbeaker/rest';
import type { ForgePort, IssueLocator, IssueRef, LabelSpec, ListedIssue, OpenIssuePage, Permission, RateLimitStatus, RepositoryRef } from '@wecena/core';
import { GitlabForgeError } from './gitlab-forge-error';
import { gitlabGraphql } from './gitlab-graphql';

/** Where wecena reads a project's configuration, on its default branch. */
export const GITLAB_CONFIG_FILE_PATH = '.gitlab/wecena.yml';

/**
 * The part of a Gitbeaker client (`new Gitlab({ host, token })`) the forge uses; `requester`
 * carries the GraphQL requests with the same host, token and rate limits.
 */
export type GitlabApi = Pick<
  Gitlab<false>,
  'Issues' | 'IssueNotes' | 'MergeRequests' | 'MergeRequestNotes' | 'ProjectLabels' | 'ProjectMembers' | 'RepositoryFiles' | 'Users' | 'requester'
>;

export interface GitlabForgeOptions {
  /**
   * The username of wecena's bot user on this host, or a function that finds it once. Only its
   * notes count as wecena's own. Without it, the owner of the token (`GET /user`) is asked once.
   */
  botUsername?: string | (() => Promise<string>);
}

/** One entry of GitLab's own time tracking (`/spend`, the time tracking widget, the API). */
export interface GitlabTimelog {
  /** GitLab's global id, `gid://gitlab/Timelog/42`: the `sourceRef` of an imported time log. */
  id: string;
  /** Negative for a `/spend -1h` correction. */
  seconds: number;
  /** ISO-8601 instant the user gave as "spent at" (GitLab defaults it to the moment of logging). */
  spentAt: string | null;
  summary: string | null;
  username: string;
  /** Logged on the issue, or on the merge request that closes it. */
  on: 'issue' | 'change_request';
}

export interface GitlabTimeSpent {
  /** Sum of the entries, rounded to whole minutes; may be zero or negative. */
  minutes: number;
  timelogs: GitlabTimelog[];
}

/**
 * The ForgePort for GitLab, plus what GitLab alone has: its own time tracking.
 *
 * Time rule (docs/gitlab-bot.md, "Time tracking"): GitLab's `/spend` and wecena's
 * `/wecena spend` are two ways to declare the same work, so they are never added together.
 * At merge, per consultant and task, the hours credited are
 *   max(minutes logged with `/wecena spend`, minutes GitLab logged for that user on the issue
 *       and on the merge request that closes it).
 * The minutes are read at merge and fixed in the credit, so a later `/remove_time_spent` on
 * GitLab cannot change the ledger.
 */
export interface GitlabForge extends ForgePort {
  /** What GitLab's time tracking holds for `login` on the issue and, when given, on the merge request. */
  timeSpentBy(input: { issue: IssueLocator; changeRequestNumber: number | null; login: string }): Promise<GitlabTimeSpent>;
  /** The username of the bot account wecena acts as. */
  ownUsername(): Promise<string>;
  /** The username of the user with this id, or null when there is none. */
  usernameOf(userId: string): Promise<string | null>;
}

/**
 * GitLab's access levels (`Gitlab::Access`) in GitHub's words: Developer may push, so it is
 * `write`; Maintainer `maintain`; Owner `admin`. Reporter and Planner manage issues without
 * pushing, as GitHub's `triage` does; Guest reads; Minimal access sees nothing.
 */
const PERMISSION_OF_ACCESS_LEVEL = [
  [50, 'admin'],
  [40, 'maintain'],
  [30, 'write'],
  [15, 'triage'],
  [10, 'read'],
] as const satisfies readonly (readonly [number, Permission])[];

export function permissionOfAccessLevel(accessLevel: number): Permission {
  return PERMISSION_OF_ACCESS_LEVEL.find(([level]) => accessLevel >= level)?.[1] ?? 'none';
}

// A configuration file is a few lines; past this it is a mistake, not a configuration.
const MAX_CONFIG_FILE_CHARS = 1_000_000;

/**
 * The ForgePort for GitLab (gitlab.com or self-managed) over Gitbeaker, authenticated as
 * wecena's bot user. Projects are addressed by their numeric id, stable across renames and
 * transfers. "Not found" answers become values; other failures throw so that the worker
 * retries the delivery.
 */
export function createGitlabForge(api: GitlabApi, options: GitlabForgeOptions = {}): GitlabForge {
  let botUsername: Promise<string> | null = typeof options.botUsername === 'string' ? Promise.resolve(options.botUsername) : null;

  function ownUsername(): Promise<string> {
    if (botUsername === null) {
      const find = typeof options.botUsername === 'function' ? options.botUsername : async () => (await api.Users.showCurrentUser()).username;
      botUsername = find().catch((error: unknown) => {
        botUsername = null; // ask again next time rather than cache a failure
        throw error;
      });
    }
    return botUsername;
  }

  /** The id of the user named `username`, or null when there is none (GitLab matches usernames ignoring case). */
  async function userIdOf(username: string): Promise<number | null> {
    const users = await api.Users.all({ username });
    return users.find((user) => user.username.toLowerCase() === username.toLowerCase())?.id ?? null;
  }

  async function assigneesOf(issue: IssueLocator): Promise<{ id: number; username: string }[]> {
    const found = await api.Issues.show(issue.issueNumber, { projectId: projectIdOf(issue.repository) });
    return (found.assignees ?? []).map(({ id, username }) => ({ id, username }));
  }

  async function timelogsOf(repository: RepositoryRef, on: GitlabTimelog['on'], iid: number): Promise<GitlabTimelog[]> {
    const field = on === 'issue' ? 'issue' : 'mergeRequest';
    const timelogs: GitlabTimelog[] = [];
    let after: string | null = null;
    do {
      const project: Record<string, TimelogsPage | null> | null = await gitlabGraphql<Record<string, TimelogsPage | null>>(api, repository, {
        selection: `${field}(iid: $iid) { timelogs(first: 100, after: $after) { ${TIMELOG_FIELDS} } }`,
        variables: { iid: String(iid), after },
        declarations: '$iid: String!, $after: String',
      });
      const connection: TimelogsPage['timelogs'] | undefined = project?.[field]?.timelogs;
      if (!connection) break;
      for (const node of connection.nodes ?? []) {
        if (!node) continue;
        timelogs.push({ id: node.id, seconds: node.timeSpent, spentAt: node.spentAt, summary: node.summary, username: node.user.username, on });
      }
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after !== null);
    return timelogs;
  }

  return {
    capabilities: { nativeTimeTracking: true },

    async ensureLabels({ repository, labels }) {
      if (labels.length === 0) return;
      const projectId = projectIdOf(repository);
      // The group's labels count: GitLab refuses a project label named like one of its group's.
      const existing = await api.ProjectLabels.all(projectId, { perPage: 100, includeAncestorGroups: true });
      // GitLab label titles are case-sensitive: `Wecena-Ready` is another label.
      const present = new Set(existing.map((label) => label.name));
      for (const label of uniqueByName(labels)) {
        if (present.has(label.name)) continue;
        try {
          await api.ProjectLabels.create(projectId, label.name, `#${label.color}`, { description: label.description });
        } catch (error) {
          // Another worker created it between our list and our create: the label is there.
          if (!hasStatus(error, 409)) throw error;
        }
      }
    },

    async addLabels({ issue, labels }) {
      if (labels.length === 0) return;
      // add_labels leaves the issue's other labels alone and ignores the ones it has already.
      // Label titles cannot hold a comma, so the comma-separated list is exact.
      await api.Issues.edit(projectIdOf(issue.repository), issue.issueNumber, { addLabels: [...new Set(labels)].join(',') });
    },

    async removeLabels({ issue, labels }) {
      if (labels.length === 0) return;
      await api.Issues.edit(projectIdOf(issue.repository), issue.issueNumber, { removeLabels: [...new Set(labels)].join(',') });
    },

    async getIssue(locator) {
      try {
        return toIssueRef(await api.Issues.show(locator.issueNumber, { projectId: projectIdOf(locator.repository) }));
      } catch (error) {
        if (hasStatus(error, 404)) return null; // deleted, moved away, or issues turned off
        throw error;
      }
    },

    async createComment({ issue, body, onChangeRequest }) {
      const project = projectIdOf(issue.repository);
      const note = onChangeRequest
        ? await api.MergeRequestNotes.create(project, issue.issueNumber, body)
        : await api.IssueNotes.create(project, issue.issueNumber, body);
      return { commentId: String(note.id) };
    },

    async updateComment({ issue, commentId, body }) {
      try {
        await api.IssueNotes.edit(projectIdOf(issue.repository), issue.issueNumber, noteIdNumber(commentId), { body });
        return true;
      } catch (error) {
        if (hasStatus(error, 404)) return false;
        throw error;
      }
    },

    async deleteComment({ issue, commentId }) {
      try {
        await api.IssueNotes.remove(projectIdOf(issue.repository), issue.issueNumber, noteIdNumber(commentId));
      } catch (error) {
        if (!hasStatus(error, 404)) throw error;
      }
    },

    async findCommentWithMarker({ issue, marker }) {
      const projectId = projectIdOf(issue.repository);
      // Oldest first, page by page, stopping at the first match: the status note is among the first.
      for (let page: number | null = 1; page !== null; ) {
        const notes: { data: NoteSchema[]; paginationInfo: { next: number | null } } = await api.IssueNotes.all(projectId, issue.issueNumber, {
          sort: 'asc',
          orderBy: 'created_at',
          perPage: 100,
          page,
          showExpanded: true,
        });
        for (const note of notes.data) {
          // System notes ("added ~label") are GitLab's, even when the bot's action caused them.
          if (note.system || !note.body.includes(marker)) continue;
          if (note.author.username === (await ownUsername())) return { commentId: String(note.id) };
        }
        page = notes.paginationInfo.next;
      }
      return null;
    },

    async assign({ issue, logins }) {
      if (logins.length === 0) return;
      const assignees = await assigneesOf(issue);
      const assigned = new Set(assignees.map((assignee) => assignee.username.toLowerCase()));
      const added: number[] = [];
      for (const login of new Set(logins.map((name) => name.toLowerCase()))) {
        if (assigned.has(login)) continue;
        const id = await userIdOf(login);
        if (id !== null) added.push(id); // as on GitHub, a login that cannot be assigned is skipped
      }
      if (added.length === 0) return;
      // GitLab takes the whole list. Those assigned stay first: on GitLab Free, which keeps one
      // assignee, wecena never displaces someone a maintainer assigned.
      await api.Issues.edit(projectIdOf(issue.repository), issue.issueNumber, {
        assigneeIds: [...assignees.map((assignee) => assignee.id), ...added],
      });
    },

    async unassign({ issue, logins }) {
      if (logins.length === 0) return;
      const assignees = await assigneesOf(issue);
      const removed = new Set(logins.map((name) => name.toLowerCase()));
      const kept = assignees.filter((assignee) => !removed.has(assignee.username.toLowerCase()));
      if (kept.length === assignees.length) return;
      // `0` is GitLab's documented "nobody"; an empty list is not sent by every client alike.
      const assigneeIds = kept.length > 0 ? kept.map((assignee) => assignee.id) : [0];
      await api.Issues.edit(projectIdOf(issue.repository), issue.issueNumber, { assigneeIds });
    },

    async permissionOf({ repository, login }) {
      const userId = await userIdOf(login);
      if (userId === null) return 'none';
      try {
        // members/all: direct members and those who inherit their role from the project's groups.
        const member = await api.ProjectMembers.show(projectIdOf(repository), userId, { includeInherited: true });
        // A membership awaiting approval (a seat limit reached) grants nothing yet.
        if ((member as { membership_state?: string }).membership_state === 'awaiting') return 'none';
        return permissionOfAccessLevel(Number(member.access_level));
      } catch (error) {
        if (hasStatus(error, 404)) return 'none'; // not a member
        throw error;
      }
    },

    async closingIssueNumbers({ repository, changeRequestNumber }) {
      let issues: { iid?: number; project_id?: number; references?: { full?: string } }[];
      try {
        // GitLab's own list: closing patterns in the description and commits, and the issues
        // linked in the merge request's sidebar. Pages are followed by Gitbeaker.
        issues = await api.MergeRequests.allIssuesClosed(projectIdOf(repository), changeRequestNumber);
      } catch (error) {
        if (hasStatus(error, 404)) return [];
        throw error;
      }
      const numbers = issues
        // Issues of other projects, and of an external tracker (no iid), are not this project's tasks.
        .filter((found) => typeof found.iid === 'number' && isSameProject(found, repository))
        .map((found) => found.iid as number);
      return [...new Set(numbers)].sort((a, b) => a - b);
    },

    async readConfigFile({ repository }) {
      let raw: string | Blob;
      try {
        // HEAD is the default branch.
        raw = await api.RepositoryFiles.showRaw(projectIdOf(repository), GITLAB_CONFIG_FILE_PATH, 'HEAD');
      } catch (error) {
        if (hasStatus(error, 404)) return null; // no such file, or an empty repository
        throw error;
      }
      const text = typeof raw === 'string' ? raw : await raw.text();
      if (text.length > MAX_CONFIG_FILE_CHARS) {
        throw new GitlabForgeError('config_file_unreadable', 'the configuration file is too large to read', {
          cause: { path: GITLAB_CONFIG_FILE_PATH, length: text.length },
        });
      }
      return text;
    },

    async readContributingGuide({ repository }) {
      const project = await gitlabGraphql<{ repository: { blobs: { nodes: ({ path: string; rawTextBlob: string | null } | null)[] | null } | null } | null }>(
        api,
        repository,
        {
          // Without `ref`, blobs are read on the default branch.
          selection: 'repository { blobs(paths: $paths) { nodes { path rawTextBlob } } }',
          variables: { paths: [...CONTRIBUTING_PATHS, ...README_PATHS] },
          declarations: '$paths: [String!]!',
        },
      );
      const blobs = new Map((project?.repository?.blobs?.nodes ?? []).flatMap((blob) => (blob ? [[blob.path, blob.rawTextBlob] as const] : [])));
      const readmePath = README_PATHS.find((path) => blobs.has(path));
      return {
        hasContributingFile: CONTRIBUTING_PATHS.some((path) => blobs.has(path)),
        readme: readmePath === undefined ? null : (blobs.get(readmePath) ?? null),
      };
    },

    async listOpenIssues({ repository, cursor }) {
      return listOpenIssuesPage(api, repository, cursor);
    },

    ownUsername,

    async usernameOf(userId) {
      if (!/^\d+$/.test(userId)) return null;
      try {
        return (await api.Users.show(Number(userId))).username;
      } catch (error) {
        if (hasStatus(error, 404)) return null;
        throw error;
      }
    },

    async timeSpentBy({ issue, changeRequestNumber, login }) {
      const all = await timelogsOf(issue.repository, 'issue', issue.issueNumber);
      if (changeRequestNumber !== null) all.push(...(await timelogsOf(issue.repository, 'change_request', changeRequestNumber)));
      const timelogs = all.filter((timelog) => timelog.username.toLowerCase() === login.toLowerCase());
      const seconds = timelogs.reduce((sum, timelog) => sum + timelog.seconds, 0);
      return { minutes: Math.round(seconds / 60), timelogs };
    },
  };
}

/** GitLab's usual places for a contributing guide: the root, `.gitlab/` and `docs/`. */
const CONTRIBUTING_PATHS = ['CONTRIBUTING.md', 'CONTRIBUTING', 'CONTRIBUTING.rst', '.gitlab/CONTRIBUTING.md', 'docs/CONTRIBUTING.md'];
const README_PATHS = ['README.md', 'readme.md', 'README'];

// `user` is GitLab's `UserCore`, never null; `timeSpent` is in seconds, GitLab's units already
// converted (its day is 8 hours unless the instance says otherwise).
const TIMELOG_FIELDS = 'nodes { id timeSpent spentAt summary user { username } } pageInfo { hasNextPage endCursor }';

interface TimelogsPage {
  timelogs: {
    nodes: ({ id: string; timeSpent: number; spentAt: string | null; summary: string | null; user: { username: string } } | null)[] | null;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  } | null;
}

/** Issues per page of discovery: GitLab's largest. */
const OPEN_ISSUES_PER_PAGE = 100;

interface RequesterAnswer {
  body: unknown;
  headers: Record<string, string>;
}

/**
 * One page of the project's open issues, oldest first, with GitLab's `RateLimit-*` headers.
 * Through the requester rather than `Issues.all` to read those headers. `cursor` is the page
 * number. An issue that some merge request would close is asked which (`closed_by`) to tell
 * an open one from a merged or closed one.
 */
async function listOpenIssuesPage(api: GitlabApi, repository: RepositoryRef, cursor: string | null): Promise<OpenIssuePage> {
  const project = `projects/${encodeURIComponent(String(projectIdOf(repository)))}`;
  const page = cursor === null ? 1 : Number(cursor);
  let answer: RequesterAnswer;
  try {
    answer = await api.requester.get<Record<string, unknown>>(`${project}/issues`, {
      searchParams: { state: 'opened', orderBy: 'created_at', sort: 'asc', perPage: OPEN_ISSUES_PER_PAGE, page },
    });
  } catch (error) {
    if (isRateLimitRefusal(error)) return { issues: [], nextCursor: cursor, rateLimit: refusedRateLimit(error) };
    if (hasStatus(error, 404)) return { issues: [], nextCursor: null, rateLimit: rateLimitOf({}) }; // the project is gone
    throw error;
  }
  let rateLimit = rateLimitOf(answer.headers);
  const issues: ListedIssue[] = [];
  for (const found of answer.body as unknown as GitlabListedIssue[]) {
    let hasOpenChangeRequest = false;
    if ((found.merge_requests_count ?? 0) > 0) {
      try {
        const closing = await api.requester.get<Record<string, unknown>>(`${project}/issues/${found.iid}/closed_by`);
        rateLimit = rateLimitOf(closing.headers);
        hasOpenChangeRequest = (closing.body as unknown as { state?: string }[]).some((mergeRequest) => mergeRequest.state === 'opened');
      } catch (error) {
        // Out of budget half-way: the page is asked again after the reset.
        if (isRateLimitRefusal(error)) return { issues: [], nextCursor: cursor, rateLimit: refusedRateLimit(error) };
        throw error;
      }
    }
    issues.push({
      issue: toIssueRef(found),
      isChangeRequest: false,
      hasOpenChangeRequest,
      createdAt: found.created_at,
      updatedAt: found.updated_at,
      comments: null, // notes cost a request per issue: the score does without
    });
  }
  const next = answer.headers['x-next-page'];
  return { issues, nextCursor: next ? next : null, rateLimit };
}

interface GitlabListedIssue extends GitlabIssue {
  created_at: string;
  updated_at: string;
  merge_requests_count?: number;
}

function headerNumber(headers: Record<string, string>, name: string): number | null {
  const value = headers[name];
  if (value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** GitLab's `RateLimit-Remaining` and `RateLimit-Reset` (epoch seconds), `Retry-After` (seconds). */
function rateLimitOf(headers: Record<string, string>, limited = false): RateLimitStatus {
  const reset = headerNumber(headers, 'ratelimit-reset');
  return {
    limited,
    remaining: headerNumber(headers, 'ratelimit-remaining'),
    resetAt: reset === null ? null : new Date(reset * 1000).toISOString(),
    retryAfterSeconds: headerNumber(headers, 'retry-after'),
  };
}

/**
 * Gitbeaker retries a 429 itself, ten times within a quarter of a second, then gives up with
 * no response to read: the caller then waits its default. A 403 with no request left is read.
 */
function isRateLimitRefusal(error: unknown): boolean {
  if (error instanceof GitbeakerRetryError) return /status code: 429/.test(error.message);
  if (!hasStatus(error, 403, 429)) return false;
  return hasStatus(error, 429) || rateLimitOf(responseHeaders(error)).remaining === 0;
}

function refusedRateLimit(error: unknown): RateLimitStatus {
  return rateLimitOf(responseHeaders(error), true);
}

function responseHeaders(error: unknown): Record<string, string> {
  const response = (error as { cause?: { response?: { headers?: Headers } } }).cause?.response;
  return response?.headers ? Object.fromEntries(response.headers.entries()) : {};
}

/** The fields of GitLab's issue that wecena reads. */
interface GitlabIssue {
  id: number;
  iid: number;
  title: string;
  description?: string | null;
  web_url: string;
  state: string;
  labels: (string | { name: string })[];
  assignees?: { username: string }[] | null;
  discussion_locked?: boolean | null;
}

function toIssueRef(issue: GitlabIssue): IssueRef {
  return {
    number: issue.iid,
    forgeId: String(issue.id),
    title: issue.title,
    body: issue.description ?? '',
    url: issue.web_url,
    state: issue.state === 'closed' ? 'closed' : 'open',
    labels: issue.labels.map((label) => (typeof label === 'string' ? label : label.name)),
    assignees: (issue.assignees ?? []).map((assignee) => assignee.username),
    locked: issue.discussion_locked === true,
  };
}

/** The project's numeric id when known (stable across renames and transfers), else its full path. */
export function projectIdOf(repository: RepositoryRef): number | string {
  return /^\d+$/.test(repository.forgeId) ? Number(repository.forgeId) : repository.path;
}

function isSameProject(issue: { project_id?: number; references?: { full?: string } }, repository: RepositoryRef): boolean {
  if (/^\d+$/.test(repository.forgeId)) return String(issue.project_id) === repository.forgeId;
  // `group/project#12`: the project's full path before the issue's number.
  return issue.references?.full?.replace(/#\d+$/, '').toLowerCase() === repository.path.toLowerCase();
}

function noteIdNumber(commentId: string): number {
  if (!/^\d+$/.test(commentId)) {
    throw new GitlabForgeError('malformed_comment_id', 'a GitLab note id is a number', { cause: { commentId } });
  }
  return Number(commentId);
}

function uniqueByName(labels: readonly LabelSpec[]): LabelSpec[] {
  const seen = new Set<string>();
  return labels.filter((label) => {
    if (seen.has(label.name)) return false;
    seen.add(label.name);
    return true;
  });
}

/** Gitbeaker's request errors carry the response in `cause`. */
export function hasStatus(error: unknown, ...statuses: number[]): boolean {
  if (typeof error !== 'object' || error === null || !('cause' in error)) return false;
  const cause = error.cause as { response?: { status?: unknown } } | undefined;
  return statuses.includes(Number(cause?.response?.status));
}
