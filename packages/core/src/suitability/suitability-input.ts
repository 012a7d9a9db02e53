import type { TaskCategory } from '../domain/task';

/** Who wrote a comment, as far as the score cares: the forge's author association, simplified. */
export type CommentAuthorRole = 'maintainer' | 'reporter' | 'other';

export interface IssueComment {
  author: CommentAuthorRole;
  body: string;
}

/**
 * What a repository's configuration may say about one of its own labels, so that a project
 * that writes `easy` or `S: small` instead of `good first issue` is read the same way.
 */
export type LabelMeaning =
  | 'newcomer'
  | 'help_wanted'
  | 'documentation'
  | 'accessibility'
  | 'translation'
  | 'data'
  | 'training'
  | 'small'
  | 'large'
  | 'not_suitable';

/** An issue as the suitability score reads it; forge payloads are translated into this. */
export interface SuitabilityInput {
  title: string;
  /** The description, or an excerpt of it; empty when the issue has none. */
  body: string;
  labels: readonly string[];
  /** The comments after the description, oldest first, when known. */
  comments?: readonly IssueComment[];
  /** The repository's languages, main one first (GitHub's and GitLab's language lists). */
  repositoryLanguages?: readonly string[];
  /** The project's own labels mapped to a meaning in its configuration; keys match any case. */
  labelMeanings?: Readonly<Record<string, LabelMeaning>>;
  /** Days since the issue was opened, when known: the caller computes it from its clock. */
  ageDays?: number;
  /** Days since the last comment or edit, when known. */
  daysSinceActivity?: number;
}

/** The kinds of work a sponsor's consultants may take on (a subset of the task categories). */
export type SuitabilityCategory = Extract<TaskCategory, 'code' | 'content' | 'data' | 'accessibility' | 'training' | 'other'>;

export const SUITABILITY_CATEGORIES = [
  'code',
  'content',
  'data',
  'accessibility',
  'training',
  'other',
] as const satisfies readonly SuitabilityCategory[];

/** Each part of the score, named so that reasons can be grouped, counted and tested. */
export type SuitabilityFactor =
  | 'newcomer_label'
  | 'help_wanted'
  | 'work_kind_label'
  | 'maintainer_invites'
  | 'expected_result'
  | 'task_list'
  | 'small_task'
  | 'size'
  | 'named_location'
  | 'short_scope'
  | 'activity'
  | 'no_description'
  | 'vague_request'
  | 'discussion'
  | 'tracking'
  | 'large_scope'
  | 'security'
  | 'breaking_change'
  | 'unknown_cause'
  | 'performance'
  | 'private_context'
  | 'not_planned'
  | 'open_question'
  | 'long_discussion';

export interface SuitabilityReason {
  factor: SuitabilityFactor;
  /** Positive when it makes the issue more suitable, negative when less. */
  points: number;
  /** Plain words, true of this issue: it quotes the label or wording it rests on. */
  text: string;
}

export interface Suitability {
  score: number;
  /** `score >= threshold`. */
  suitable: boolean;
  /** Every factor that counted, strongest first. */
  reasons: SuitabilityReason[];
  /** For a near-miss: the one thing that would raise the score most; null otherwise. */
  missing: string | null;
  category: SuitabilityCategory;
  /** The skills the work needs, from its labels and the repository's languages. */
  skills: string[];
}
