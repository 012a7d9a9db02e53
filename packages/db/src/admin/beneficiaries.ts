import type { Database, Queryable } from '../database';
import { type AdminOutcome, describeDifferences, refuse, runAdmin } from './outcome';
import { describeNamed, resolveBeneficiary } from './references';

export type BeneficiaryKindColumn = 'nonprofit' | 'free_software';
export type EligibilityColumn = 'public_interest_organisation' | 'osi_approved_licence';

/** A beneficiary as the operator registers it (already validated by the core's schema). */
export interface BeneficiaryInput {
  name: string;
  kind: BeneficiaryKindColumn;
  eligibility: EligibilityColumn;
  /** SPDX id; required with `osi_approved_licence`. */
  licence: string | null;
  legalName: string;
  siren: string | null;
  rna: string | null;
  /** Lines of the postal address, joined by newlines. */
  address: string | null;
  website: string | null;
  /** The cause it serves, a lower-case tag (education, health, open-data); its tasks serve it unless they say otherwise. */
  cause: string | null;
}

export interface BeneficiaryRecord extends BeneficiaryInput {
  id: string;
  /** Linked repositories as `forge:host/path`. */
  repositories: string[];
}

/** The outcome of an add: the row, and whether this call created it (false: it was already there, identical). */
export interface Added<T> {
  record: T;
  created: boolean;
}

const BENEFICIARY_COLUMNS = `b.id, b.name, b.kind, b.eligibility, b.licence, b.legal_name AS "legalName", b.siren, b.rna, b.address, b.website, b.cause,
  COALESCE((SELECT array_agg(r.forge || ':' || r.host || '/' || r.path ORDER BY r.forge, r.host, r.path)
              FROM repositories r WHERE r.beneficiary_id = b.id), '{}') AS repositories`;

/**
 * Registers a beneficiary. Its name is unique: adding it again with the same details changes
 * nothing; with other details it is refused, naming what differs.
 */
export async function addBeneficiary(db: Database, input: BeneficiaryInput): Promise<AdminOutcome<Added<BeneficiaryRecord>>> {
  return runAdmin(db, async (tx) => {
    const existing = await selectBeneficiaries(tx, 'WHERE b.name = $1', [input.name]);
    const found = existing[0];
    if (found) {
      const { id: _id, repositories: _repositories, ...stored } = found;
      const differences = describeDifferences(stored, { ...input });
      if (differences.length > 0) {
        refuse(`beneficiary ${describeNamed(found)} already exists with other details: ${differences.join(', ')}`);
      }
      return { record: found, created: false };
    }
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO beneficiaries (name, kind, eligibility, licence, legal_name, siren, rna, address, website, cause)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [input.name, input.kind, input.eligibility, input.licence, input.legalName, input.siren, input.rna, input.address, input.website, input.cause],
    );
    return { record: { id: rows[0]?.id ?? '', ...input, repositories: [] }, created: true };
  });
}

export async function listBeneficiaries(db: Queryable): Promise<BeneficiaryRecord[]> {
  return selectBeneficiaries(db, '', []);
}

async function selectBeneficiaries(db: Queryable, where: string, params: unknown[]): Promise<BeneficiaryRecord[]> {
  const { rows } = await db.query<BeneficiaryRecord>(`SELECT ${BENEFICIARY_COLUMNS} FROM beneficiaries b ${where} ORDER BY b.id`, params);
  return rows;
}

/** How an operator points at a repository: `forge:host/path`, a web address (forge unknown), or an id. */
export type RepositoryReference = { id: string } | { forge: 'github' | 'gitlab' | null; host: string; path: string };

export interface RepositoryRecord {
  id: string;
  forge: 'github' | 'gitlab';
  host: string;
  path: string;
  /** `forge:host/path`, the form every admin command accepts back. */
  reference: string;
  beneficiaryId: string | null;
  beneficiaryName: string | null;
  enabled: boolean;
}

const REPOSITORY_COLUMNS = `r.id, r.forge, r.host, r.path, r.forge || ':' || r.host || '/' || r.path AS reference,
  r.beneficiary_id AS "beneficiaryId", b.name AS "beneficiaryName", r.enabled`;

/** Repositories wecena knows (registered when the GitHub App or the GitLab bot reached them). */
export async function listRepositories(db: Queryable, options: { unlinkedOnly?: boolean } = {}): Promise<RepositoryRecord[]> {
  const { rows } = await db.query<RepositoryRecord>(
    `SELECT ${REPOSITORY_COLUMNS} FROM repositories r LEFT JOIN beneficiaries b ON b.id = r.beneficiary_id
      ${options.unlinkedOnly ? 'WHERE r.beneficiary_id IS NULL' : ''}
      ORDER BY r.forge, r.host, lower(r.path), r.id`,
  );
  return rows;
}

function describeReference(reference: RepositoryReference): string {
  if ('id' in reference) return `#${reference.id}`;
  return `${reference.forge ? `${reference.forge}:` : ''}${reference.host}/${reference.path}`;
}

/** The one registered repository the reference names, or a refusal that lists the unlinked ones. */
async function resolveRepository(db: Queryable, reference: RepositoryReference): Promise<RepositoryRecord> {
  const { rows } =
    'id' in reference
      ? await db.query<RepositoryRecord>(
          `SELECT ${REPOSITORY_COLUMNS} FROM repositories r LEFT JOIN beneficiaries b ON b.id = r.beneficiary_id WHERE r.id::text = $1 FOR UPDATE OF r`,
          [reference.id],
        )
      : await db.query<RepositoryRecord>(
          `SELECT ${REPOSITORY_COLUMNS} FROM repositories r LEFT JOIN beneficiaries b ON b.id = r.beneficiary_id
            WHERE r.host = lower($1) AND lower(r.path) = lower($2) AND ($3::text IS NULL OR r.forge = $3)
            ORDER BY r.id FOR UPDATE OF r`,
          [reference.host, reference.path, reference.forge],
        );
  const [first, ...others] = rows;
  if (first !== undefined && others.length === 0) return first;
  if (first !== undefined) {
    return refuse(`${describeReference(reference)} matches ${rows.length} repositories: ${rows.map((row) => `#${row.id} ${row.reference}`).join(', ')}; give the id`);
  }
  const unlinked = await listRepositories(db, { unlinkedOnly: true });
  const known = unlinked.length === 0 ? 'no repository is waiting to be linked' : `unlinked repositories: ${unlinked.map((row) => row.reference).join(', ')}`;
  return refuse(
    `repository ${describeReference(reference)} is not registered: wecena registers a repository when the GitHub App is installed on it or the GitLab bot's webhook reaches it (${known})`,
  );
}

export interface LinkResult {
  repository: RepositoryRecord;
  /** False when the repository was already linked to this beneficiary (and enabled, if asked). */
  changed: boolean;
}

/**
 * Says whose repository it is: its work then counts for that beneficiary. A repository linked to
 * another beneficiary is refused (unlink it first); `enable` also turns on a disabled repository.
 */
export async function linkRepository(
  db: Database,
  input: { beneficiary: string; repository: RepositoryReference; enable: boolean; now: Date },
): Promise<AdminOutcome<LinkResult>> {
  return runAdmin(db, async (tx) => {
    const beneficiary = await resolveBeneficiary(tx, input.beneficiary);
    const repository = await resolveRepository(tx, input.repository);
    if (repository.beneficiaryId !== null && repository.beneficiaryId !== beneficiary.id) {
      refuse(`repository ${repository.reference} is linked to beneficiary #${repository.beneficiaryId} ${repository.beneficiaryName}: unlink it first`);
    }
    const enabled = repository.enabled || input.enable;
    if (repository.beneficiaryId === beneficiary.id && enabled === repository.enabled) return { repository, changed: false };
    await tx.query(`UPDATE repositories SET beneficiary_id = $2, enabled = $3, updated_at = $4 WHERE id = $1`, [
      repository.id,
      beneficiary.id,
      enabled,
      input.now,
    ]);
    return { repository: { ...repository, beneficiaryId: beneficiary.id, beneficiaryName: beneficiary.name, enabled }, changed: true };
  });
}

/** Takes a repository back from its beneficiary: its future work counts for no one until linked again. */
export async function unlinkRepository(
  db: Database,
  input: { beneficiary: string; repository: RepositoryReference; now: Date },
): Promise<AdminOutcome<LinkResult>> {
  return runAdmin(db, async (tx) => {
    const beneficiary = await resolveBeneficiary(tx, input.beneficiary);
    const repository = await resolveRepository(tx, input.repository);
    if (repository.beneficiaryId === null) return { repository, changed: false };
    if (repository.beneficiaryId !== beneficiary.id) {
      refuse(`repository ${repository.reference} is linked to beneficiary #${repository.beneficiaryId} ${repository.beneficiaryName}, not to ${describeNamed(beneficiary)}`);
    }
    await tx.query(`UPDATE repositories SET beneficiary_id = NULL, updated_at = $2 WHERE id = $1`, [repository.id, input.now]);
    return { repository: { ...repository, beneficiaryId: null, beneficiaryName: null }, changed: true };
  });
}
