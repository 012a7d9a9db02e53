import { defaultRepositoryConfig } from '@wecena/core';
import type { Queryable } from '@wecena/db';

/*
 * The world the GitHub journey happens in: a sponsor lending three consultants, a free-software
 * beneficiary owning the repository of GitHub's webhook examples (Codertocat/Hello-World), the
 * App installed on it. Rows are inserted as the operator's `wecena admin` commands would.
 */

export const REPOSITORY_PATH = 'Codertocat/Hello-World';
/** The repository id of `@octokit/webhooks-examples`. */
export const REPOSITORY_FORGE_ID = '186853002';
export const INSTALLATION_ID = 1;
/** The maintainer: the sender of GitHub's examples. Write access, as the API will say. */
export const MAINTAINER = 'Codertocat';
/** Somebody on GitHub who is no sponsored consultant. */
export const STRANGER = 'octocat';

/** The GitLab journey's project: a self-managed instance, and the project of GitLab's issue example. */
export const GITLAB_HOST = 'gitlab.example.org';
export const GITLAB_URL = `https://${GITLAB_HOST}`;
export const GITLAB_PROJECT_ID = '1';
export const GITLAB_PROJECT_PATH = 'gitlabhq/gitlab-test';
/** The maintainer on GitLab: the user of GitLab's examples. Developer or more, as members/all will say. */
export const GITLAB_MAINTAINER = 'root';

/** Where the seeded repository lives: the GitHub App's repository, or the GitLab project. */
export type WorldForge = 'github' | 'gitlab';

export interface SeededConsultant {
  id: string;
  login: string;
}

export interface World {
  sponsorId: string;
  beneficiaryId: string;
  repositoryId: string;
  /** Available from yesterday for ten days, two open claims at most; 58 € an hour. */
  camille: SeededConsultant;
  /** Available today and tomorrow only: a claim of theirs expires at the end of tomorrow, before the TTL. */
  yanis: SeededConsultant;
  /** May hold one claim at a time. */
  lea: SeededConsultant;
  /** Registered, but their availability window ended last week. */
  noe: SeededConsultant;
}

const DAY_MS = 86_400_000;

function day(now: Date, offsetDays: number): string {
  return new Date(now.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

async function insert(db: Queryable, table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')}) RETURNING id`,
    Object.values(row),
  );
  return rows[0]!.id;
}

/**
 * Seeds the world around `now`, on GitHub or on GitLab (`forge`): the repository and the
 * consultants' identities on that forge. With `installed: false` the repository is left out:
 * the installation scenario (GitHub) or the first event (GitLab) registers it. The repository's configuration is the default one, read
 * from GitHub at `now` (so that the first events do not ask for it again within five minutes).
 */
export async function seedWorld(db: Queryable, now: Date, options: { installed?: boolean; forge?: WorldForge } = {}): Promise<World> {
  const forge = options.forge ?? 'github';
  const place =
    forge === 'github'
      ? { forge, host: 'github.com', forge_id: REPOSITORY_FORGE_ID, path: REPOSITORY_PATH, installation_id: String(INSTALLATION_ID) }
      : { forge, host: GITLAB_HOST, forge_id: GITLAB_PROJECT_ID, path: GITLAB_PROJECT_PATH, installation_id: null };
  const sponsorId = await insert(db, 'sponsors', {
    name: 'Octet Conseil',
    legal_name: 'Octet Conseil SAS',
    siren: '832519748',
    address: '12 rue de la Charité, 69002 Lyon',
    default_cost_rate_cents: 5_200,
  });
  const beneficiaryId = await insert(db, 'beneficiaries', {
    kind: 'free_software',
    name: 'Hello World',
    eligibility: 'osi_approved_licence',
    licence: 'MIT',
    legal_name: 'Hello World contributors',
  });
  const repositoryId =
    options.installed === false
      ? ''
      : await insert(db, 'repositories', {
          ...place,
          beneficiary_id: beneficiaryId,
          config: JSON.stringify(defaultRepositoryConfig),
          config_fetched_at: now,
        });

  async function consultant(
    login: string,
    name: string,
    window: { from: number; to: number },
    extra: Record<string, unknown> = {},
  ): Promise<SeededConsultant> {
    const id = await insert(db, 'consultants', { sponsor_id: sponsorId, display_name: name, ...extra });
    await insert(db, 'consultant_identities', { consultant_id: id, forge, host: place.host, login });
    await insert(db, 'availability_windows', { consultant_id: id, from_date: day(now, window.from), to_date: day(now, window.to), minutes_per_day: 420 });
    return { id, login };
  }

  return {
    sponsorId,
    beneficiaryId,
    repositoryId,
    camille: await consultant('camille-oc', 'Camille Martin', { from: -1, to: 10 }, { cost_rate_cents: 5_800 }),
    yanis: await consultant('yanis-oc', 'Yanis Benali', { from: 0, to: 1 }),
    lea: await consultant('lea-oc', 'Léa Dubois', { from: -7, to: 7 }, { open_claims_limit: 1 }),
    noe: await consultant('noe-oc', 'Noé Laurent', { from: -14, to: -7 }),
  };
}
