export { assessCandidate, type AssessCandidateInput, type Assessment, type CandidateAssessment, type RefusedIssue } from './assess-candidate';
export {
  autoTagOptOut,
  decideAutoTag,
  mentionsUnready,
  selectAutoTags,
  type AutoTagCandidate,
  type AutoTagOptOutHow,
  type DecideAutoTagInput,
  type SelectAutoTagsInput,
} from './auto-tag';
export { gateCandidate, type CandidateGate, type GateRefusal } from './candidate-gate';
export { discoveryMessages } from './discovery-messages';
export { DEFAULT_RATE_LIMIT_RESERVE, DEFAULT_RATE_LIMIT_WAIT_SECONDS, nextRequestAt } from './scan-pacing';
