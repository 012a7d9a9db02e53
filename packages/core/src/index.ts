/**
 * @wecena/core: the pure domain. It decides; adapters talk to the world. Nothing here reads
 * a clock, draws a random number or does I/O (see purity.test.ts): time and ids come in as
 * arguments.
 */
export * from './commands';
export * from './config';
export * from './discovery';
export * from './domain';
export * from './durations';
export * from './events';
export * from './journey';
export * from './lifecycle';
export * from './messages';
export * from './pairing';
export * from './ports';
export * from './reports';
export * from './suitability';
export * from './valuation';
