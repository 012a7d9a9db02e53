export { createDiscoveryRunner, type DiscoveryRunner, type DiscoveryRunnerDeps, type ScanOutcome } from './discovery-runner';
