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
