export { DEMO_SPONSOR_SIREN, seedDemo, type DemoCounts, type SeedDemoOptions } from './demo';
