import type { Database, Engine } from '@wecena/db';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  type TestDatabase,
  type TestDatabaseOptions,
  createPgliteTestDatabase,
  createPostgresTestDatabase,
} from './test-databases';
import { type TestEngine, testEngines } from './test-engines';

/** What a db test block gets, on each engine. */
export interface EngineContext {
  readonly engine: Engine;
  /**
   * The migrated database of this block, shared by its tests (give rows keys of their own);
   * created before the first test, closed (and dropped on PostgreSQL) after the last.
   */
  db(): Database;
  /** Another database of this engine for one test, migrated unless told; disposed after the block. */
  freshDatabase(options?: TestDatabaseOptions): Promise<Database>;
  /**
   * PostgreSQL only: the URL of another migrated database, for a wecena process started by
   * the test; dropped after the block. (A PGlite database belongs to one process: tests of
   * processes give those a data directory instead.)
   */
  freshDatabaseUrl(): Promise<string>;
}

/**
 * Declares the block once per engine of testEngines(): "name [PGlite]" and
 * "name [PostgreSQL]". Without DATABASE_URL the PostgreSQL block is skipped with the
 * reason in its name, or, in CI, replaced by one failing test saying why.
 */
export function describeEachEngine(name: string, body: (ctx: EngineContext) => void): void {
  for (const engine of testEngines()) describeOnEngine(name, engine, body);
}

function describeOnEngine(name: string, engine: TestEngine, body: (ctx: EngineContext) => void): void {
  const title = `${name} [${engine.label}]`;
  if (engine.status === 'fail') {
    const { reason } = engine;
    describe(title, () => {
      it('runs on PostgreSQL', () => {
        throw new Error(reason);
      });
    });
    return;
  }
  if (engine.status === 'skip') {
    describe.skip(`${title}: skipped, ${engine.reason}`, () => body(unavailableContext(engine.engine, engine.reason)));
    return;
  }

  const running: Extract<TestEngine, { status: 'run' }> = engine;
  const create = (options?: TestDatabaseOptions): Promise<TestDatabase> =>
    running.engine === 'postgres' ? createPostgresTestDatabase(running.url, options) : createPgliteTestDatabase(options);
  const created: TestDatabase[] = [];
  let shared: Database | undefined;

  describe(title, () => {
    beforeAll(async () => {
      const test = await create();
      created.push(test);
      shared = test.db;
    });
    afterAll(async () => {
      const results = await Promise.allSettled(created.splice(0).map((test) => test.dispose()));
      const failure = results.find((result) => result.status === 'rejected');
      if (failure !== undefined) throw failure.reason;
    });
    body({
      engine: engine.engine,
      db() {
        if (shared === undefined) throw new Error('ctx.db() is available inside tests and hooks, not while declaring them');
        return shared;
      },
      async freshDatabase(options) {
        const test = await create(options);
        created.push(test);
        return test.db;
      },
      async freshDatabaseUrl() {
        const test = await create();
        created.push(test);
        if (test.url === undefined) throw new Error('freshDatabaseUrl() is for PostgreSQL: give a wecena process on PGlite a data directory');
        return test.url;
      },
    });
  });
}

function unavailableContext(engine: Engine, reason: string): EngineContext {
  return {
    engine,
    db() {
      throw new Error(reason);
    },
    freshDatabase() {
      return Promise.reject(new Error(reason));
    },
    freshDatabaseUrl() {
      return Promise.reject(new Error(reason));
    },
  };
}
