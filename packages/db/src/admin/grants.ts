import type { Database, Queryable } from '../database';
import { type AdminOutcome, refuse, runAdmin } from './outcome';
import { type Named, describeNamed, resolveBeneficiary, resolveSponsor } from './references';

/** The dashboard roles granted to a forge login (a consultant's comes from their forge identities instead). */
export const GRANTED_ROLES = ['operator', 'sponsor_reviewer', 'beneficiary_contact'] as const;
export type GrantedRole = (typeof GRANTED_ROLES)[number];

/** What a grant is about, as the operator names it: the sponsor (and which reviewer) or the beneficiary. */
export interface GrantScopeInput {
  role: GrantedRole;
  /** Sponsor by id or exact name: required for sponsor_reviewer, refused otherwise. */
  sponsor?: string;
  /** Reviewer of that sponsor by id, email or exact name; needed only when the sponsor has several. */
  reviewer?: string;
  /** Beneficiary by id or exact name: required for beneficiary_contact, refused otherwise. */
  beneficiary?: string;
}

/** A role with the rows it points to, the shape the dashboard's grantRole takes. */
export type GrantScope =
  | { kind: 'operator' }
  | { kind: 'sponsor_reviewer'; sponsorId: string; reviewerId: string }
  | { kind: 'beneficiary_contact'; beneficiaryId: string };

export interface ResolvedGrantScope {
  role: GrantScope;
  /** `operator`, `reviewer #2 Claire Fontaine of #1 Octet Conseil`, `contact of #3 Cartolibre`. */
  description: string;
}

export interface GrantRecord {
  id: string;
  forge: 'github' | 'gitlab';
  host: string;
  login: string;
  role: GrantedRole;
  /** What the role is about, in words (see ResolvedGrantScope). */
  scope: string;
  sponsorId: string | null;
  reviewerId: string | null;
  beneficiaryId: string | null;
  /** The forge user id recorded at the first sign-in; null until then. */
  forgeUserId: string | null;
  createdAt: Date;
}

interface ReviewerRow extends Named {
  email: string;
}

function describeReviewer(reviewer: ReviewerRow, sponsor: Named): string {
  return `reviewer #${reviewer.id} ${reviewer.name} <${reviewer.email}> of ${describeNamed(sponsor)}`;
}

/** The reviewer of the sponsor the operator meant: named, or the sponsor's only one. */
async function resolveReviewer(db: Queryable, sponsor: Named, reference: string | undefined): Promise<ReviewerRow> {
  const { rows } = await db.query<ReviewerRow>(
    `SELECT id::text AS id, display_name AS name, email FROM sponsor_reviewers
      WHERE sponsor_id = $1 AND ($2::text IS NULL OR id::text = $2 OR lower(email) = lower($2) OR display_name = $2)
      ORDER BY id`,
    [sponsor.id, reference ?? null],
  );
  const [first, ...others] = rows;
  if (first !== undefined && others.length === 0) return first;
  if (reference === undefined && first === undefined) {
    return refuse(`${describeNamed(sponsor)} has no reviewer yet: add one with wecena admin sponsor reviewer add ${sponsor.id} --name … --email …`);
  }
  if (first === undefined) {
    const { rows: known } = await db.query<ReviewerRow>(
      'SELECT id::text AS id, display_name AS name, email FROM sponsor_reviewers WHERE sponsor_id = $1 ORDER BY id',
      [sponsor.id],
    );
    return refuse(
      `--reviewer: no reviewer of ${describeNamed(sponsor)} has the id, email or name "${reference}" (${known.length === 0 ? 'it has none' : `known: ${known.map((row) => `#${row.id} ${row.email}`).join(', ')}`})`,
    );
  }
  return refuse(`--reviewer: ${describeNamed(sponsor)} has ${rows.length} reviewers (${rows.map((row) => `#${row.id} ${row.email}`).join(', ')}): say which with --reviewer <id or email>`);
}

async function readScope(db: Queryable, input: GrantScopeInput): Promise<ResolvedGrantScope> {
  switch (input.role) {
    case 'operator':
      if (input.sponsor !== undefined || input.beneficiary !== undefined || input.reviewer !== undefined) {
        refuse('operator: sees everything; give no --sponsor, --reviewer or --beneficiary');
      }
      return { role: { kind: 'operator' }, description: 'operator' };
    case 'sponsor_reviewer': {
      if (input.beneficiary !== undefined) refuse('sponsor_reviewer: give --sponsor, not --beneficiary');
      if (input.sponsor === undefined) refuse('sponsor_reviewer: --sponsor is required: the sponsor whose contributions they review');
      const sponsor = await resolveSponsor(db, input.sponsor);
      const reviewer = await resolveReviewer(db, sponsor, input.reviewer);
      return { role: { kind: 'sponsor_reviewer', sponsorId: sponsor.id, reviewerId: reviewer.id }, description: describeReviewer(reviewer, sponsor) };
    }
    case 'beneficiary_contact': {
      if (input.sponsor !== undefined || input.reviewer !== undefined) refuse('beneficiary_contact: give --beneficiary, not --sponsor or --reviewer');
      if (input.beneficiary === undefined) refuse('beneficiary_contact: --beneficiary is required: the beneficiary they speak for');
      const beneficiary = await resolveBeneficiary(db, input.beneficiary);
      return { role: { kind: 'beneficiary_contact', beneficiaryId: beneficiary.id }, description: `contact of ${describeNamed(beneficiary)}` };
    }
  }
}

/**
 * Checks what a grant names (the sponsor and its reviewer, or the beneficiary) and returns the
 * role with its rows, for the dashboard's grantRole to record. Nothing is written.
 */
export async function resolveGrantScope(db: Database, input: GrantScopeInput): Promise<AdminOutcome<ResolvedGrantScope>> {
  return runAdmin(db, (tx) => readScope(tx, input));
}

const GRANT_COLUMNS = `g.id::text AS id, g.forge, g.host, g.login, g.role, g.forge_user_id AS "forgeUserId", g.created_at AS "createdAt",
  r.sponsor_id::text AS "sponsorId", g.sponsor_reviewer_id::text AS "reviewerId", g.beneficiary_id::text AS "beneficiaryId",
  CASE g.role
    WHEN 'operator' THEN 'everything'
    WHEN 'sponsor_reviewer' THEN 'reviewer #' || r.id || ' ' || r.display_name || ' <' || r.email || '> of #' || s.id || ' ' || s.name
    ELSE 'contact of #' || b.id || ' ' || b.name
  END AS scope`;

const GRANT_JOINS = `dashboard_grants g
  LEFT JOIN sponsor_reviewers r ON r.id = g.sponsor_reviewer_id
  LEFT JOIN sponsors s ON s.id = r.sponsor_id
  LEFT JOIN beneficiaries b ON b.id = g.beneficiary_id`;

/** Every grant, by forge, host and login. */
export async function listGrants(db: Queryable): Promise<GrantRecord[]> {
  const { rows } = await db.query<GrantRecord>(`SELECT ${GRANT_COLUMNS} FROM ${GRANT_JOINS} ORDER BY g.forge, g.host, lower(g.login), g.role, g.id`);
  return rows;
}

/** The grants of a forge login (case-insensitive) for a role and scope (empty: none yet). */
export async function findGrants(db: Queryable, login: GrantLogin, scope: GrantScope): Promise<GrantRecord[]> {
  const { rows } = await db.query<GrantRecord>(
    `SELECT ${GRANT_COLUMNS} FROM ${GRANT_JOINS}
      WHERE g.forge = $1 AND g.host = lower($2) AND lower(g.login) = lower($3) AND g.role = $4
        AND ($5::text IS NULL OR g.sponsor_reviewer_id::text = $5) AND ($6::text IS NULL OR g.beneficiary_id::text = $6)
      ORDER BY g.id`,
    [
      login.forge,
      login.host,
      login.login,
      scope.kind,
      scope.kind === 'sponsor_reviewer' ? scope.reviewerId : null,
      scope.kind === 'beneficiary_contact' ? scope.beneficiaryId : null,
    ],
  );
  return rows;
}

/** A forge login as a grant names it. */
export interface GrantLogin {
  forge: 'github' | 'gitlab';
  host: string;
  login: string;
}

/**
 * Takes a role away from a forge login: the rows of that login, role and scope go, and with them
 * the access, at the person's next page (roles are read on each request). None: nothing changes.
 */
export async function revokeGrant(db: Database, input: GrantLogin & GrantScopeInput): Promise<AdminOutcome<{ scope: ResolvedGrantScope; revoked: GrantRecord[] }>> {
  return runAdmin(db, async (tx) => {
    const scope = await readScope(tx, input);
    const revoked = await findGrants(tx, input, scope.role);
    if (revoked.length > 0) await tx.query('DELETE FROM dashboard_grants WHERE id::text = ANY($1::text[])', [revoked.map((grant) => grant.id)]);
    return { scope, revoked };
  });
}
