export { type AssignmentProblem, type AssignmentSolution, solveAssignment } from './assignment';
export { countDaysLeft, findAvailability } from './availability';
export { findUncertifiedConsultants } from './certificate';
export { buildCandidateGraph, type CandidateGraph, DEFAULT_CANDIDATES_PER_CONSULTANT } from './candidate-graph';
export {
  type Availability,
  type ConsultantPairing,
  type PairingConsultant,
  type PairingInput,
  type PairingOptions,
  type PairingResult,
  type PairingTask,
  type PairingWindow,
  type Proposal,
  SCORE_POINTS,
  type ScoreTerm,
  type TaskPairing,
} from './model';
export { DEFAULT_CONSULTANTS_PER_TASK, pairConsultantsWithTasks, rankConsultantsForTask } from './pair';
export { agePoints, countDaysReady, describeTerm, type ScoredPair, scorePair } from './score';
