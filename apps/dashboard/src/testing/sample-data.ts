import type { Database } from '@wecena/db';
import { seedDemo } from '@wecena/db';
import { insertTask } from './store-fixtures';

/** The instant the demo is built around in dashboard tests. */
export const DEMO_NOW = new Date('2026-03-02T09:00:00Z');

/**
 * The demo store (a task in every state, a credit in the ledger), plus a ready task whose
 * title has no place to break: what a phone screen must cope with.
 */
export async function insertSampleData(db: Database): Promise<void> {
  await seedDemo(db, { now: DEMO_NOW });
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM repositories WHERE forge = 'github' ORDER BY id LIMIT 1`);
  const repositoryId = rows[0]?.id;
  if (repositoryId === undefined) throw new Error('the demo has no GitHub repository');
  await insertTask(db, {
    repositoryId,
    issueNumber: 9001,
    title: 'Rename_the_configuration_key_tile_cache_max_age_seconds_to_something_shorter_and_clearer',
    state: 'ready',
    url: 'https://github.com/cartolibre/cartolibre/issues/9001',
    estimateMinutes: 90,
    skills: ['typescript', 'documentation'],
  });
}
