/**
 * What the core hears from a forge, whatever the forge: GitHub and GitLab payloads are
 * translated into these by their adapters and never reach the core themselves.
 * The core says "change request" for a pull request (GitHub) or a merge request (GitLab).
 */
import type { Forge } from '../domain/primitives';

/** Defined with the other domain values; re-exported here, where adapters look for it. */
export type { Forge };

export interface RepositoryRef {
  forge: Forge;
  /** github.com, a GitHub Enterprise host, gitlab.com or a self-managed GitLab host. */
  host: string;
  /** The forge's own numeric id, stable across renames. */
  forgeId: string;
  /** owner/name on GitHub, the full namespace path on GitLab. */
  path: string;
}

export interface Actor {
  /** GitHub login or GitLab username. */
  login: string;
  forgeId: string;
  isBot: boolean;
}

export interface IssueRef {
  /** The number users see (#12 on GitHub, the iid on GitLab). */
  number: number;
  forgeId: string;
  title: string;
  body: string;
  url: string;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
  locked: boolean;
}

export interface ChangeRequestRef {
  number: number;
  forgeId: string;
  title: string;
  body: string;
  url: string;
  authorForgeId: string;
  /**
   * Null when the payload names the author by id only (GitLab's merge request hook):
   * the adapter resolves it through the forge's API when a decision needs it.
   */
  author: Actor | null;
}

/**
 * GitHub sends one delivery per label added; GitLab one `update` for all the changes made
 * at once. An `updated` event therefore carries every label added and removed, and whether
 * the title or description changed.
 */
export type IssueAction = 'opened' | 'updated' | 'closed' | 'reopened';

export type ForgeEvent =
  | {
      kind: 'issue_changed';
      repository: RepositoryRef;
      issue: IssueRef;
      action: IssueAction;
      labelsAdded: string[];
      labelsRemoved: string[];
      /** The title or the description changed: the readiness checklist must run again. */
      contentEdited: boolean;
      actor: Actor;
    }
  | {
      kind: 'comment_created';
      repository: RepositoryRef;
      /** Where the comment was written: an issue, or a change request (PR/MR). */
      on: { type: 'issue'; issue: IssueRef } | { type: 'change_request'; changeRequest: ChangeRequestRef };
      comment: { forgeId: string; body: string; url: string };
      author: Actor;
    }
  | {
      /** Opened, reopened, or marked ready for review: drafts are not under review yet. */
      kind: 'change_request_opened';
      repository: RepositoryRef;
      changeRequest: ChangeRequestRef;
      actor: Actor;
    }
  | {
      kind: 'change_request_closed';
      repository: RepositoryRef;
      changeRequest: ChangeRequestRef;
      merged: boolean;
      /** ISO-8601 UTC instant of the merge, when merged. */
      mergedAt: string | null;
      actor: Actor;
    }
  | {
      kind: 'repositories_changed';
      forge: Forge;
      host: string;
      /** The GitHub App installation, or the GitLab hook, that brought them. */
      installationId: string | null;
      added: RepositoryRef[];
      removed: RepositoryRef[];
    };

export type ForgeEventKind = ForgeEvent['kind'];
