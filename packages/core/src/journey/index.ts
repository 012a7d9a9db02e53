export {
  READINESS_ITEM_IDS,
  checkReadiness,
  hasDoneCriteria,
  readEstimate,
  type EstimateSource,
  type ReadinessInput,
  type ReadinessItem,
  type ReadinessItemId,
  type ReadinessReport,
  type ReadinessSeverity,
  type RepositoryFacts,
} from './readiness';
export {
  NO_DECISION,
  type ConsultantFacts,
  type CreditSnapshot,
  type Decision,
  type ForgeEffect,
  type HandoffSnapshot,
  type JourneyEvent,
  type JourneyInput,
  type LoggedTime,
  type OpenClaimSnapshot,
  type StoreChange,
  type TaskDetails,
  type TaskSnapshot,
} from './journey-types';
export { REMINDER_MARKER, STATUS_MARKER, formatInstant, renderStatusComment, type StatusView } from './status-comment';
export { MAX_UNTRUSTED_LENGTH, inlineUntrusted, quoteUntrusted, safeLogin } from './untrusted-text';
export { decideJourney, isMaintainer, journeyNeeds, stateAChangeRequestMoves, type JourneyNeeds } from './decide-journey';
export { hasContributingGuide } from './contributing-guide';
export { withForgeTrackedTime } from './forge-tracked-time';
export { REMINDER_LEAD_DAYS, decideExpirySweep, decideRecall, type SweepDecision, type SweepItem } from './expiry-sweep';
