import type { Queryable } from '@wecena/db';
import { z } from '@hono/zod-openapi';
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../auth/roles';

/** A forge account: GitHub (github.com or an Enterprise host) or a GitLab host. */
export interface ForgeIdentity {
  forge: 'github' | 'gitlab';
  host: string;
  login: string;
  /** The forge's numeric user id: logins can be renamed, ids cannot. */
  forgeUserId: string;
}

export interface SessionRecord {
  displayName: string;
  identity: ForgeIdentity | null;
  /** A demo session's roles; null for a forge session, whose roles are looked up on each request. */
  demoRoles: Role[] | null;
  csrfToken: string;
  expiresAt: Date;
}

export interface NewSession {
  displayName: string;
  identity: ForgeIdentity | null;
  demoRoles: Role[] | null;
  now: Date;
  lifetimeMs: number;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

const RoleRow = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('operator') }),
  z.object({ kind: z.literal('sponsor_reviewer'), sponsorId: z.string(), reviewerId: z.string() }),
  z.object({ kind: z.literal('consultant'), consultantId: z.string(), sponsorId: z.string() }),
  z.object({ kind: z.literal('beneficiary_contact'), beneficiaryId: z.string() }),
]);

const SessionRow = z.object({
  display_name: z.string(),
  forge: z.enum(['github', 'gitlab']).nullable(),
  host: z.string().nullable(),
  login: z.string().nullable(),
  forge_user_id: z.string().nullable(),
  demo_roles: z.array(RoleRow).nullable(),
  csrf_token: z.string(),
  expires_at: z.date(),
});

/** Stores a new session; returns the token for the cookie (the table keeps its hash only). */
export async function createSession(db: Queryable, session: NewSession): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const { identity } = session;
  await db.query(
    `INSERT INTO dashboard_sessions (token_hash, forge, host, login, forge_user_id, display_name, demo_roles, csrf_token, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      hashToken(token),
      identity?.forge ?? null,
      identity?.host ?? null,
      identity?.login ?? null,
      identity?.forgeUserId ?? null,
      session.displayName,
      session.demoRoles === null ? null : JSON.stringify(session.demoRoles),
      csrfToken,
      session.now,
      new Date(session.now.getTime() + session.lifetimeMs),
    ],
  );
  return { token, csrfToken };
}

/** The live session of this token, or null (unknown, signed out or expired). */
export async function findSession(db: Queryable, token: string, now: Date): Promise<SessionRecord | null> {
  const { rows } = await db.query(
    `SELECT display_name, forge, host, login, forge_user_id, demo_roles, csrf_token, expires_at
       FROM dashboard_sessions WHERE token_hash = $1 AND expires_at > $2`,
    [hashToken(token), now],
  );
  if (rows[0] === undefined) return null;
  const row = SessionRow.parse(rows[0]);
  const identity =
    row.forge !== null && row.host !== null && row.login !== null && row.forge_user_id !== null
      ? { forge: row.forge, host: row.host, login: row.login, forgeUserId: row.forge_user_id }
      : null;
  return { displayName: row.display_name, identity, demoRoles: row.demo_roles, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

/** Signs out: the token no longer finds a session. Expired sessions go at the same time. */
export async function deleteSession(db: Queryable, token: string, now: Date): Promise<void> {
  await db.query('DELETE FROM dashboard_sessions WHERE token_hash = $1 OR expires_at <= $2', [hashToken(token), now]);
}

const FoundRole = z.object({
  kind: z.enum(['consultant', 'operator', 'sponsor_reviewer', 'beneficiary_contact']),
  consultant_id: z.string().nullable(),
  sponsor_id: z.string().nullable(),
  reviewer_id: z.string().nullable(),
  beneficiary_id: z.string().nullable(),
});

// A row names a person by forge user id once known, by login (case-insensitive) until then.
const SAME_PERSON = (alias: string) =>
  `${alias}.forge = $1 AND ${alias}.host = $2
   AND (${alias}.forge_user_id = $4 OR (${alias}.forge_user_id IS NULL AND lower(${alias}.login) = lower($3)))`;

/**
 * The roles of a forge identity: a consultant through consultant_identities (active
 * consultants only), the others through dashboard_grants. Read on each request, so that a
 * role taken away is gone at the next page.
 */
export async function findRoles(db: Queryable, identity: ForgeIdentity): Promise<Role[]> {
  const { rows } = await db.query(
    `SELECT 'consultant' AS kind, c.id::text AS consultant_id, c.sponsor_id::text AS sponsor_id,
            NULL::text AS reviewer_id, NULL::text AS beneficiary_id
       FROM consultant_identities ci JOIN consultants c ON c.id = ci.consultant_id
      WHERE c.active AND ${SAME_PERSON('ci')}
     UNION ALL
     SELECT g.role, NULL, sr.sponsor_id::text, g.sponsor_reviewer_id::text, g.beneficiary_id::text
       FROM dashboard_grants g LEFT JOIN sponsor_reviewers sr ON sr.id = g.sponsor_reviewer_id
      WHERE ${SAME_PERSON('g')}`,
    [identity.forge, identity.host, identity.login, identity.forgeUserId],
  );
  const roles: Role[] = [];
  for (const raw of rows) {
    const row = FoundRole.parse(raw);
    if (row.kind === 'operator') roles.push({ kind: 'operator' });
    else if (row.kind === 'consultant' && row.consultant_id !== null && row.sponsor_id !== null) {
      roles.push({ kind: 'consultant', consultantId: row.consultant_id, sponsorId: row.sponsor_id });
    } else if (row.kind === 'sponsor_reviewer' && row.sponsor_id !== null && row.reviewer_id !== null) {
      roles.push({ kind: 'sponsor_reviewer', sponsorId: row.sponsor_id, reviewerId: row.reviewer_id });
    } else if (row.kind === 'beneficiary_contact' && row.beneficiary_id !== null) {
      roles.push({ kind: 'beneficiary_contact', beneficiaryId: row.beneficiary_id });
    }
  }
  // Operators first: their home page shows everything.
  return roles.sort((a, b) => Number(b.kind === 'operator') - Number(a.kind === 'operator'));
}

/**
 * At sign-in, pins the rows found by login to the forge user id, unless another row of the
 * same forge already holds that id.
 */
export async function recordForgeUserId(db: Queryable, identity: ForgeIdentity): Promise<void> {
  const params = [identity.forge, identity.host, identity.login, identity.forgeUserId];
  await db.query(
    `UPDATE consultant_identities ci SET forge_user_id = $4
      WHERE ci.forge = $1 AND ci.host = $2 AND lower(ci.login) = lower($3) AND ci.forge_user_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM consultant_identities o WHERE o.forge = $1 AND o.host = $2 AND o.forge_user_id = $4)`,
    params,
  );
  await db.query(
    `UPDATE dashboard_grants SET forge_user_id = $4
      WHERE forge = $1 AND host = $2 AND lower(login) = lower($3) AND forge_user_id IS NULL`,
    params,
  );
}

export interface NewGrant {
  forge: 'github' | 'gitlab';
  host: string;
  login: string;
  role: Role;
}

/**
 * Grants a role to a forge login (a consultant's role comes from consultant_identities instead).
 * True when this call recorded it; false when the login already had it (logins compared without case).
 */
export async function grantRole(db: Queryable, grant: NewGrant): Promise<boolean> {
  if (grant.role.kind === 'consultant') throw new Error('a consultant is linked through consultant_identities, not a grant');
  const { rowCount } = await db.query(
    `INSERT INTO dashboard_grants (forge, host, login, role, sponsor_reviewer_id, beneficiary_id)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [
      grant.forge,
      grant.host.toLowerCase(),
      grant.login,
      grant.role.kind,
      grant.role.kind === 'sponsor_reviewer' ? grant.role.reviewerId : null,
      grant.role.kind === 'beneficiary_contact' ? grant.role.beneficiaryId : null,
    ],
  );
  return rowCount > 0;
}
