import type { Queryable } from '../database';

/** What people read of the pairs: a consultant's name, a task's title and issue. */
export interface PairingLabels {
  consultants: Map<string, { name: string }>;
  tasks: Map<string, { title: string; url: string }>;
}

/** Names of these consultants and titles of these tasks, for showing a pairing (ids not found are left out). */
export async function loadPairingLabels(
  db: Queryable,
  ids: { consultantIds: readonly string[]; taskIds: readonly string[] },
): Promise<PairingLabels> {
  const [consultants, tasks] = await Promise.all([
    db.query<{ id: string; name: string }>(`SELECT id, display_name AS name FROM consultants WHERE id = ANY ($1::bigint[])`, [
      [...ids.consultantIds],
    ]),
    db.query<{ id: string; title: string; url: string }>(`SELECT id, title, url FROM tasks WHERE id = ANY ($1::bigint[])`, [[...ids.taskIds]]),
  ]);
  return {
    consultants: new Map(consultants.rows.map((row) => [row.id, { name: row.name }])),
    tasks: new Map(tasks.rows.map((row) => [row.id, { title: row.title, url: row.url }])),
  };
}
