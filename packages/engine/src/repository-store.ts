import type { RepositoryRef } from '@wecena/core';
import type { Queryable } from '@wecena/db';

/** A repository as the journey needs it. */
export interface StoredRepository {
  id: string;
  ref: RepositoryRef;
  beneficiaryId: string | null;
  /** Linked to a beneficiary whose eligibility holds. */
  linkedToEligibleBeneficiary: boolean;
  enabled: boolean;
  installationId: string | null;
  config: unknown;
  configFetchedAt: Date | null;
}

interface RepositoryRow {
  id: string;
  forge: 'github' | 'gitlab';
  host: string;
  forge_id: string;
  path: string;
  beneficiary_id: string | null;
  eligible: boolean;
  enabled: boolean;
  installation_id: string | null;
  config: unknown;
  config_fetched_at: Date | null;
}

const REPOSITORY_SELECT = `
  SELECT r.id, r.forge, r.host, r.forge_id, r.path, r.beneficiary_id, r.enabled, r.installation_id, r.config, r.config_fetched_at,
         (b.id IS NOT NULL AND (b.eligibility = 'public_interest_organisation' OR b.licence IS NOT NULL)) AS eligible
    FROM repositories r LEFT JOIN beneficiaries b ON b.id = r.beneficiary_id`;

/** The repository an event came from, by its forge id (stable across renames); null when unknown. */
export async function findRepository(db: Queryable, ref: RepositoryRef): Promise<StoredRepository | null> {
  const { rows } = await db.query<RepositoryRow>(`${REPOSITORY_SELECT} WHERE r.forge = $1 AND r.host = $2 AND r.forge_id = $3`, [
    ref.forge,
    ref.host.toLowerCase(),
    ref.forgeId,
  ]);
  return rows[0] ? toStoredRepository(rows[0]) : null;
}

/** A repository by wecena's own id (a stored decision, a claim, a scan refer to it so). */
export async function findRepositoryById(db: Queryable, id: string): Promise<StoredRepository | null> {
  const { rows } = await db.query<RepositoryRow>(`${REPOSITORY_SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ? toStoredRepository(rows[0]) : null;
}

function toStoredRepository(row: RepositoryRow): StoredRepository {
  return {
    id: row.id,
    ref: { forge: row.forge, host: row.host, forgeId: row.forge_id, path: row.path },
    beneficiaryId: row.beneficiary_id,
    linkedToEligibleBeneficiary: row.eligible,
    enabled: row.enabled,
    installationId: row.installation_id,
    config: row.config,
    configFetchedAt: row.config_fetched_at,
  };
}

/**
 * Records repositories a forge brought (an App installed on them) or took away (uninstalled,
 * removed). New ones start unlinked: their work counts for no beneficiary until an operator
 * links them. Removed ones are disabled, never deleted: their history stays.
 */
export async function registerRepositories(
  db: Queryable,
  change: { added: readonly RepositoryRef[]; removed: readonly RepositoryRef[]; installationId: string | null },
  now: Date,
): Promise<void> {
  for (const ref of change.added) {
    await db.query(
      `INSERT INTO repositories (forge, host, forge_id, path, installation_id, enabled, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, true, $6, $6)
       ON CONFLICT (forge, host, forge_id)
       DO UPDATE SET path = EXCLUDED.path, installation_id = EXCLUDED.installation_id, enabled = true, updated_at = EXCLUDED.updated_at`,
      [ref.forge, ref.host.toLowerCase(), ref.forgeId, ref.path, change.installationId, now],
    );
  }
  for (const ref of change.removed) {
    await db.query(
      `UPDATE repositories SET enabled = false, updated_at = $4 WHERE forge = $1 AND host = $2 AND forge_id = $3`,
      [ref.forge, ref.host.toLowerCase(), ref.forgeId, now],
    );
  }
}

/** Follows a rename and remembers the installation that reaches the repository. */
export async function refreshRepositoryIdentity(db: Queryable, repository: StoredRepository, ref: RepositoryRef, installationId: string | null): Promise<void> {
  if (repository.ref.path === ref.path && (installationId === null || installationId === repository.installationId)) return;
  await db.query(`UPDATE repositories SET path = $2, installation_id = COALESCE($3, installation_id), updated_at = now() WHERE id = $1`, [
    repository.id,
    ref.path,
    installationId,
  ]);
}

export async function storeRepositoryConfig(db: Queryable, repositoryId: string, config: unknown, fetchedAt: Date): Promise<void> {
  await db.query(`UPDATE repositories SET config = $2, config_fetched_at = $3 WHERE id = $1`, [repositoryId, JSON.stringify(config), fetchedAt]);
}
