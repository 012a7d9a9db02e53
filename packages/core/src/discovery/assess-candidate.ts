import type { RepositoryConfig } from '../config/repository-config';
import { checkReadiness, type ReadinessItemId, type RepositoryFacts } from '../journey/readiness';
import type { ListedIssue } from '../ports/forge-port';
import { scoreSuitability } from '../suitability/score-suitability';
import type { LabelMeaning, Suitability } from '../suitability/suitability-input';
import { gateCandidate, type GateRefusal } from './candidate-gate';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AssessCandidateInput {
  listed: ListedIssue;
  config: RepositoryConfig;
  repository: RepositoryFacts;
  /** ISO-8601 instant of the scan: ages are counted from it. */
  now: string;
  repositoryLanguages?: readonly string[];
  labelMeanings?: Readonly<Record<string, LabelMeaning>>;
  /** The score a candidate needs to be suitable; the suitability default otherwise. */
  threshold?: number;
}

/** A candidate as discovery stores it: its score with reasons, and where the checklist stands. */
export interface CandidateAssessment {
  candidate: true;
  issueNumber: number;
  issueForgeId: string;
  title: string;
  url: string;
  labels: string[];
  suitability: Suitability;
  /** The readiness checklist passes: a maintainer's label would offer it at once. */
  ready: boolean;
  /** The blocking items of the checklist that fail, in the checklist's order. */
  failedReadiness: ReadinessItemId[];
}

/** An issue the gate refused: known, not scored. */
export interface RefusedIssue {
  candidate: false;
  issueNumber: number;
  issueForgeId: string;
  title: string;
  url: string;
  labels: string[];
  reason: GateRefusal;
}

export type Assessment = CandidateAssessment | RefusedIssue;

function daysBetween(from: string, to: string): number | undefined {
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  return Number.isFinite(days) ? Math.max(0, Math.floor(days)) : undefined;
}

/**
 * Scores one open issue for the maintainer's list: the gate first (assigned, locked, linked,
 * change requests are no candidates), then the suitability score and the readiness checklist.
 */
export function assessCandidate(input: AssessCandidateInput): Assessment {
  const { listed, config, repository, now } = input;
  const { issue } = listed;
  const gate = gateCandidate(listed);
  if (!gate.candidate) {
    return { candidate: false, issueNumber: issue.number, issueForgeId: issue.forgeId, title: issue.title, url: issue.url, labels: [...issue.labels], reason: gate.reason };
  }
  const ageDays = daysBetween(listed.createdAt, now);
  const daysSinceActivity = daysBetween(listed.updatedAt, now);
  const suitability = scoreSuitability(
    {
      title: issue.title,
      body: issue.body,
      labels: issue.labels,
      ...(listed.comments === null ? {} : { comments: listed.comments }),
      ...(input.repositoryLanguages === undefined ? {} : { repositoryLanguages: input.repositoryLanguages }),
      ...(input.labelMeanings === undefined ? {} : { labelMeanings: input.labelMeanings }),
      ...(ageDays === undefined ? {} : { ageDays }),
      ...(daysSinceActivity === undefined ? {} : { daysSinceActivity }),
    },
    input.threshold === undefined ? {} : { threshold: input.threshold },
  );
  const readiness = checkReadiness({ issue, isChangeRequest: false, config, repository });
  return {
    candidate: true,
    issueNumber: issue.number,
    issueForgeId: issue.forgeId,
    title: issue.title,
    url: issue.url,
    labels: [...issue.labels],
    suitability,
    ready: readiness.ready,
    failedReadiness: readiness.items.filter((item) => !item.passed && item.severity === 'blocking').map((item) => item.id),
  };
}
