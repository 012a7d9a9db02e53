export { describeEachEngine, type EngineContext } from './describe-each-engine';
export {
  createPgliteTestDatabase,
  createPostgresTestDatabase,
  type TestDatabase,
  type TestDatabaseOptions,
} from './test-databases';
export { MISSING_DATABASE_URL, testEngines, type TestEngine } from './test-engines';
