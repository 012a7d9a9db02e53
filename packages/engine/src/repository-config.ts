import { createHash } from 'node:crypto';
import { defaultRepositoryConfig, type ForgePort, type IssueRef, type RepositoryConfig } from '@wecena/core';
import type { Queryable } from '@wecena/db';
import type { Logger } from 'pino';
import type { StoredRepository } from './repository-store';

/** What the journey needs of one forge beyond its ForgePort. */
export interface ForgeAccess {
  /**
   * The ForgePort acting on this repository (on GitHub, as the installation that reaches it),
   * or null when wecena's configuration cannot reach it (no installation known, a GitLab host
   * without a token): retrying would not help, so the event is logged and left.
   */
  portFor(repository: StoredRepository): Promise<ForgePort | null>;
  /**
   * Reads the repository's configuration file (`.github/wecena.yml`, `.gitlab/wecena.yml`):
   * the configuration with defaults for what is missing or wrong, and each problem with its line.
   */
  readConfig(text: string | null): { config: RepositoryConfig; problems: string[] };
  /** wecena's own account on the repository's forge, for forges whose events do not mark bots (GitLab). */
  ownLogin?(repository: StoredRepository): Promise<string | null>;
  /**
   * The issue a comment was written on, completed from the forge when the comment's payload
   * leaves out what a decision reads (GitLab's note hook names the issue's assignees by id only).
   */
  completeNotedIssue?(repository: StoredRepository, issue: IssueRef): Promise<IssueRef>;
  /** The login of a user a payload names by id only (GitLab's merge request author). */
  loginOfUser?(repository: StoredRepository, forgeUserId: string): Promise<string | null>;
  /** Minutes the forge's own time tracking holds for `login` on the issue and its change request (GitLab). */
  trackedMinutes?(repository: StoredRepository, input: { issueNumber: number; changeRequestNumber: number | null; login: string }): Promise<number>;
}

/** A repository's configuration is asked of the forge at most this often. */
export const CONFIG_TTL_MS = 5 * 60_000;

/**
 * The repository's configuration: the copy kept in the database while it is fresh, else the
 * forge's file again. Problems are logged when the file changes, not at every event.
 */
export async function loadRepositoryConfig(
  db: Queryable,
  repository: StoredRepository,
  port: ForgePort,
  access: ForgeAccess,
  now: Date,
  logger: Logger,
): Promise<RepositoryConfig> {
  if (repository.configFetchedAt && now.getTime() - repository.configFetchedAt.getTime() < CONFIG_TTL_MS) {
    const cached = storedConfig(repository.config);
    if (cached !== null) return cached;
  }
  const text = await port.readConfigFile({ repository: repository.ref });
  const { config, problems } = access.readConfig(text);
  const sha = text === null ? null : createHash('sha256').update(text).digest('hex');
  const { rows } = await db.query<{ config_sha: string | null }>(
    `UPDATE repositories r SET config = $2, config_sha = $3, config_fetched_at = $4
       FROM (SELECT config_sha FROM repositories WHERE id = $1) previous
      WHERE r.id = $1
  RETURNING previous.config_sha`,
    [repository.id, JSON.stringify(config), sha, now],
  );
  if (problems.length > 0 && rows[0]?.config_sha !== sha) {
    logger.warn({ repository: repository.ref.path, problems }, 'configuration file has problems; defaults apply to those settings');
  }
  return config;
}

/**
 * The configuration as this module stores it: resolved (durations in minutes, defaults filled
 * in), not the file's form, which `parseRepositoryConfig` reads. Null for a row that holds
 * anything else, so that the forge's file is read again.
 */
function storedConfig(value: unknown): RepositoryConfig | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const stored = value as Record<string, unknown>;
  const complete = Object.entries(defaultRepositoryConfig).every(
    ([key, fallback]) => typeof stored[key] === typeof fallback && (typeof fallback !== 'object' || (stored[key] !== null && !Array.isArray(stored[key]))),
  );
  return complete ? (value as RepositoryConfig) : null;
}
