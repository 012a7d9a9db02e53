export { createJourneyRunner, type DeliveryKey, type JourneyRunner, type JourneyRunnerDeps } from './journey-runner';
export { type EffectTarget, performEffects } from './perform-effects';
export { CONFIG_TTL_MS, type ForgeAccess, loadRepositoryConfig } from './repository-config';
export { findRepository, findRepositoryById, registerRepositories, type StoredRepository } from './repository-store';
export { applyStoreChanges, JourneyConflict } from './store-changes';
export { loadConsultantFacts, loadTaskSnapshot } from './task-store';
export {
  CLAIM_DUE_EVENT,
  claimDueDeliveryId,
  enqueueDueClaims,
  enqueueMarkReady,
  MARK_READY_EVENT,
  markReadyDeliveryId,
  type MarkReadyRequest,
  readScheduledDelivery,
  type ScheduledDelivery,
} from './scheduled-deliveries';
export { createDiscoveryRunner, type DiscoveryRunner, type DiscoveryRunnerDeps, type ScanOutcome } from './discovery';
