import type { IssueRef, RepositoryRef } from '../events/forge-event';

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

  /** Posts a comment (a note on GitLab) and returns its id. */
  createComment(input: { issue: IssueLocator; body: string }): Promise<{ commentId: string }>;
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
}

export interface ContributingGuide {
  hasContributingFile: boolean;
  readme: string | null;
}
