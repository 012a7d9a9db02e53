export {
  countConfusion,
  evaluateSuitability,
  formatSuitabilitySummary,
  isBaselineSuitable,
  precisionOf,
  recallOf,
  type ConfusionMatrix,
  type Prediction,
  type SuitabilityEvaluation,
} from './evaluate-suitability';
export { normalizeLabel } from './issue-facts';
export {
  LabelledIssue,
  parseLabelledIssues,
  readLabelledIssue,
  type ParseLabelledIssuesResult,
} from './labelled-issues';
export {
  DEFAULT_SUITABILITY_THRESHOLD,
  NEAR_MISS_MARGIN,
  SUITABILITY_WEIGHTS,
  scoreSuitability,
  type ScoreSuitabilityOptions,
} from './score-suitability';
export {
  SUITABILITY_CATEGORIES,
  type CommentAuthorRole,
  type IssueComment,
  type LabelMeaning,
  type Suitability,
  type SuitabilityCategory,
  type SuitabilityFactor,
  type SuitabilityInput,
  type SuitabilityReason,
} from './suitability-input';
