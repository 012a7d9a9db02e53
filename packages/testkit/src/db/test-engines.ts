/** Why the PostgreSQL variant of a db test did not run: a failure in CI, a skip elsewhere. */
export const MISSING_DATABASE_URL = 'DATABASE_URL is not set: CI must run every db test on PostgreSQL too';

/** One engine a db test runs on, or the reason it cannot. */
export type TestEngine =
  | { engine: 'pglite'; label: 'PGlite'; status: 'run' }
  | { engine: 'postgres'; label: 'PostgreSQL'; status: 'run'; url: string }
  | { engine: 'postgres'; label: 'PostgreSQL'; status: 'skip'; reason: string }
  | { engine: 'postgres'; label: 'PostgreSQL'; status: 'fail'; reason: string };

/**
 * The engines every db test runs on: PGlite in memory always; PostgreSQL at DATABASE_URL
 * when it is set. Without DATABASE_URL the PostgreSQL variant fails in CI (CI=true), so a
 * misconfigured pipeline cannot pass on PGlite alone, and is skipped elsewhere.
 */
export function testEngines(env: Readonly<Record<string, string | undefined>> = process.env): TestEngine[] {
  const pglite: TestEngine = { engine: 'pglite', label: 'PGlite', status: 'run' };
  const url = env['DATABASE_URL']?.trim();
  if (url !== undefined && url !== '') {
    return [pglite, { engine: 'postgres', label: 'PostgreSQL', status: 'run', url }];
  }
  const postgres: TestEngine =
    env['CI'] === 'true'
      ? { engine: 'postgres', label: 'PostgreSQL', status: 'fail', reason: MISSING_DATABASE_URL }
      : { engine: 'postgres', label: 'PostgreSQL', status: 'skip', reason: MISSING_DATABASE_URL };
  return [pglite, postgres];
}
