export * from './fixtures';
export * from './db';
export { useStrictNock } from './http/strict-nock';
