import type { IssueRef, RepositoryRef } from '../events/forge-event';
import type { IssueComment } from '../suitability/suitability-input';

/** One issue on one forge: what most forge verbs act on. */
export interface IssueLocator {
  repository: RepositoryRef;
  /** The number users see (#12 on GitHub, the iid on GitLab). */
  issueNumber: number;
}

/**
 * What a person may do on a repository, in GitHub's words. GitLab's access levels map onto
 * it in the GitLab adapter: Developer counts as `write`, Maintainer as `maintain`, Owner as `admin`.
 */
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface LabelSpec {
  name: string;
  /** Six hex digits, without `#`. */
  color: string;
  description: string;
}

export interface ForgeCapabilities {
  /** The forge keeps its own time log on issues (GitLab's `/spend`). */
  nativeTimeTracking: boolean;
}

/**
 * The verbs wecena needs from a forge, one implementation per forge (GitHub through Octokit,
 * GitLab through Gitbeaker). Every verb is idempotent where the forge allows it: adding a
 * label that is there, removing one that is not, creating labels that exist, assigning who is
 * assigned — each is a no-op, never an error and never a duplicate.
 * Failures throw (the worker retries the delivery); "not found" answers are values.
 */
export interface ForgePort {
  readonly capabilities: ForgeCapabilities;

  /** Creates the labels the repository lacks, with colour and description; leaves existing ones alone. */
  ensureLabels(input: { repository: RepositoryRef; labels: readonly LabelSpec[] }): Promise<void>;
  addLabels(input: { issue: IssueLocator; labels: readonly string[] }): Promise<void>;
  removeLabels(input: { issue: IssueLocator; labels: readonly string[] }): Promise<void>;

  /** The issue as the forge has it now, or null when it no longer exists. */
  getIssue(input: IssueLocator): Promise<IssueRef | null>;

  /**
   * Posts a comment (a note on GitLab) and returns its id. With `onChangeRequest`, the number is
   * a change request's: GitLab numbers merge requests apart from issues, GitHub does not.
   */
  createComment(input: { issue: IssueLocator; body: string; onChangeRequest?: boolean }): Promise<{ commentId: string }>;
  /** Edits a comment; returns false when it no longer exists (someone deleted it). */
  updateComment(input: { issue: IssueLocator; commentId: string; body: string }): Promise<boolean>;
  /** Deletes a comment; a comment already gone is not an error. */
  deleteComment(input: { issue: IssueLocator; commentId: string }): Promise<void>;
  /** The id of the bot's own comment on the issue whose body contains `marker`, if any. */
  findCommentWithMarker(input: { issue: IssueLocator; marker: string }): Promise<{ commentId: string } | null>;

  assign(input: { issue: IssueLocator; logins: readonly string[] }): Promise<void>;
  unassign(input: { issue: IssueLocator; logins: readonly string[] }): Promise<void>;

  /** What `login` may do on the repository, asked of the forge, never guessed. */
  permissionOf(input: { repository: RepositoryRef; login: string }): Promise<Permission>;

  /** The issues of the same repository that the change request closes when merged. */
  closingIssueNumbers(input: { repository: RepositoryRef; changeRequestNumber: number }): Promise<number[]>;

  /** The text of the repository's wecena configuration file on its default branch, or null when absent. */
  readConfigFile(input: { repository: RepositoryRef }): Promise<string | null>;

  /**
   * What a newcomer finds to get started, on the default branch: whether a CONTRIBUTING file
   * exists (at the root, in `.github/` or `docs/`), and the README's text (null without one).
   */
  readContributingGuide(input: { repository: RepositoryRef }): Promise<ContributingGuide>;

  /**
   * One page of the repository's open issues, oldest first, for discovery. `cursor` is null for
   * the first page, else a page's `nextCursor`. When the forge refuses the request for its rate
   * limit, the page is empty, `rateLimit.limited` is true and `nextCursor` is the cursor given:
   * ask again for it after the reset.
   */
  listOpenIssues(input: { repository: RepositoryRef; cursor: string | null }): Promise<OpenIssuePage>;
}

/** An open issue as discovery reads it: what the readiness gate and the suitability score need. */
export interface ListedIssue {
  issue: IssueRef;
  /** The forge lists it among issues but it is a change request (GitHub's pull requests). */
  isChangeRequest: boolean;
  /** An open change request is linked to it (closes it, or is linked in the sidebar). */
  hasOpenChangeRequest: boolean;
  /** ISO-8601 instants. */
  createdAt: string;
  updatedAt: string;
  /** The last few comments, oldest first, when the listing gives them; null when it does not. */
  comments: IssueComment[] | null;
}

/** What the forge said of its rate limit with this answer, for the caller to pace itself. */
export interface RateLimitStatus {
  /** The forge refused the request for its rate limit. */
  limited: boolean;
  /** Requests (or points) left in the window, when the forge says. */
  remaining: number | null;
  /** ISO-8601 instant the window resets, when the forge says. */
  resetAt: string | null;
  /** Seconds to wait before asking again, when the forge says (`Retry-After`). */
  retryAfterSeconds: number | null;
}

export interface OpenIssuePage {
  issues: ListedIssue[];
  /** Null after the last page. */
  nextCursor: string | null;
  rateLimit: RateLimitStatus;
}

export interface ContributingGuide {
  hasContributingFile: boolean;
  readme: string | null;
}
