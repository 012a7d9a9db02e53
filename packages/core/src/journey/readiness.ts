import { splitCommentLines } from '../commands/comment-lines';
import { categoryOfLabels, sizeOfLabel, skillsOfLabels, type RepositoryConfig } from '../config/repository-config';
import type { TaskCategory } from '../domain/task';
import { parseDuration } from '../durations/duration';
import type { IssueRef } from '../events/forge-event';
import { readinessMessages } from '../messages/readiness-messages';

/** What wecena knows of a repository beyond its configuration, loaded by the caller. */
export interface RepositoryFacts {
  /** Linked to a beneficiary whose eligibility holds (public interest, or an OSI-approved licence). */
  linkedToEligibleBeneficiary: boolean;
  /** A CONTRIBUTING file, or a setup section in the README, on the default branch. */
  hasContributingGuide: boolean;
}

export const READINESS_ITEM_IDS = [
  'done_criteria',
  'estimate',
  'skills',
  'not_assigned',
  'not_locked',
  'not_change_request',
  'eligible_beneficiary',
  'contributing_guide',
] as const;
export type ReadinessItemId = (typeof READINESS_ITEM_IDS)[number];

/** A failed `blocking` item keeps the issue from being offered; a failed `warning` is only shown. */
export type ReadinessSeverity = 'blocking' | 'warning';

export interface ReadinessItem {
  id: ReadinessItemId;
  passed: boolean;
  severity: ReadinessSeverity;
  /** What holds, or what to do about it: a sentence of the status comment. */
  sentence: string;
}

export type EstimateSource = { kind: 'label'; label: string } | { kind: 'description' };

export interface ReadinessReport {
  /** No blocking item failed. */
  ready: boolean;
  items: ReadinessItem[];
  /** What the task records, pass or fail. */
  estimateMinutes: number | null;
  skills: string[];
  category: TaskCategory;
}

export interface ReadinessInput {
  issue: IssueRef;
  /** The command was written on a change request (the forges treat those as issues too). */
  isChangeRequest: boolean;
  config: RepositoryConfig;
  repository: RepositoryFacts;
}

const TASK_LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\]\s+\S/;
/** A heading, a bold line or a line ending in a colon that opens the section saying what done is. */
const DONE_SECTION =
  /^ {0,3}(?<heading>#{1,6}\s+)?(?<bold>\*\*|__)?\s*(?:done when|definition of done|acceptance criteria|acceptance|expected behaviou?r|expected results?|expected outcome|expected)\s*(?:\*\*|__)?\s*(?<colon>:)?\s*(?:\*\*|__)?\s*(?<rest>.*?)\s*#*\s*$/i;
const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
const ESTIMATE_LINE = /^ {0,3}(?:[-*+]\s+)?[*_]{0,2}estimate[*_]{0,2}\s*:[*_]{0,2}\s*(?<value>.*?)\s*[*_]{0,2}\s*$/i;

/** The description's lines that are text, not code, quotes nor HTML comments (template hints). */
function openLines(body: string): string[] {
  return splitCommentLines(body)
    .filter((line) => line.mayHoldCommand)
    .map((line) => line.text);
}

/**
 * A task list, or a "Done when" / "Acceptance" / "Expected" section with something in it: issue
 * templates carry empty sections whose hints sit in HTML comments, and those must not pass.
 */
export function hasDoneCriteria(body: string): boolean {
  const lines = openLines(body);
  return lines.some((line, index) => {
    if (TASK_LIST_ITEM.test(line)) return true;
    const groups = DONE_SECTION.exec(line)?.groups;
    if (groups === undefined) return false;
    const isSectionTitle = groups.heading !== undefined || groups.bold !== undefined || groups.colon !== undefined;
    if (!isSectionTitle) return false;
    if ((groups.rest ?? '') !== '') return true;
    const next = lines.slice(index + 1).find((following) => following.trim() !== '');
    return next !== undefined && !HEADING.test(next);
  });
}

type EstimateReading =
  | { kind: 'found'; minutes: number; source: EstimateSource }
  | { kind: 'missing' }
  | { kind: 'unreadable'; error: string };

/**
 * A size label wins over the description: labels are set by people who may triage, the text by
 * anyone who opened the issue. Of several size labels, the largest counts.
 */
export function readEstimate(issue: IssueRef, config: RepositoryConfig): EstimateReading {
  const sized = issue.labels.flatMap((label) => {
    const minutes = sizeOfLabel(config, label);
    return minutes === undefined ? [] : [{ label, minutes }];
  });
  const largest = sized.reduce<{ label: string; minutes: number } | null>(
    (best, size) => (best === null || size.minutes > best.minutes ? size : best),
    null,
  );
  if (largest !== null) return { kind: 'found', minutes: largest.minutes, source: { kind: 'label', label: largest.label } };
  const value = openLines(issue.body)
    .map((line) => ESTIMATE_LINE.exec(line)?.groups?.value)
    .find((found) => found !== undefined);
  if (value === undefined) return { kind: 'missing' };
  const duration = parseDuration(value, { minutesPerDay: Math.round(config.hoursPerDay * 60) });
  return duration.ok
    ? { kind: 'found', minutes: duration.minutes, source: { kind: 'description' } }
    : { kind: 'unreadable', error: duration.error };
}

function item(id: ReadinessItemId, severity: ReadinessSeverity, passed: boolean, sentence: string): ReadinessItem {
  return { id, passed, severity, sentence };
}

function estimateItem(reading: EstimateReading, config: RepositoryConfig): ReadinessItem {
  const max = config.maxEstimateMinutes;
  switch (reading.kind) {
    case 'missing':
      return item('estimate', 'blocking', false, readinessMessages.estimateMissing(Object.keys(config.sizes)));
    case 'unreadable':
      return item('estimate', 'blocking', false, readinessMessages.estimateUnreadable(reading.error));
    case 'found':
      return reading.minutes <= max
        ? item('estimate', 'blocking', true, readinessMessages.estimatePassed(reading.minutes, max, reading.source))
        : item('estimate', 'blocking', false, readinessMessages.estimateTooBig(reading.minutes, max, reading.source));
  }
}

/**
 * The readiness checklist: what the original wecena learnt a task for a volunteer needs, who may
 * have a single day and no time to learn the codebase. Items in the order of the status comment.
 */
export function checkReadiness(input: ReadinessInput): ReadinessReport {
  const { issue, config, repository } = input;
  const estimate = readEstimate(issue, config);
  const skills = skillsOfLabels(config, issue.labels);
  const items = [
    item(
      'done_criteria',
      'blocking',
      hasDoneCriteria(issue.body),
      hasDoneCriteria(issue.body) ? readinessMessages.doneCriteriaPassed : readinessMessages.doneCriteriaFailed,
    ),
    estimateItem(estimate, config),
    skills.length > 0
      ? item('skills', 'warning', true, readinessMessages.skillsPassed(skills))
      : item('skills', 'warning', false, readinessMessages.skillsMissing(Object.keys(config.skills))),
    issue.assignees.length === 0
      ? item('not_assigned', 'blocking', true, readinessMessages.notAssignedPassed)
      : item('not_assigned', 'blocking', false, readinessMessages.notAssignedFailed(issue.assignees)),
    item(
      'not_locked',
      'blocking',
      !issue.locked,
      issue.locked ? readinessMessages.notLockedFailed : readinessMessages.notLockedPassed,
    ),
    item(
      'not_change_request',
      'blocking',
      !input.isChangeRequest,
      input.isChangeRequest ? readinessMessages.notChangeRequestFailed : readinessMessages.notChangeRequestPassed,
    ),
    item(
      'eligible_beneficiary',
      'blocking',
      repository.linkedToEligibleBeneficiary,
      repository.linkedToEligibleBeneficiary
        ? readinessMessages.eligibleBeneficiaryPassed
        : readinessMessages.eligibleBeneficiaryFailed,
    ),
    item(
      'contributing_guide',
      'warning',
      repository.hasContributingGuide,
      repository.hasContributingGuide ? readinessMessages.contributingGuidePassed : readinessMessages.contributingGuideMissing,
    ),
  ];
  return {
    ready: items.every((entry) => entry.passed || entry.severity === 'warning'),
    items,
    estimateMinutes: estimate.kind === 'found' ? estimate.minutes : null,
    skills,
    category: categoryOfLabels(config, issue.labels),
  };
}
