import { z } from '@hono/zod-openapi';
import type { Queryable } from '@wecena/db';
import { createHash } from 'node:crypto';
import { randomSecret } from '../auth/pkce';
import type { ForgeIdentity } from './session-queries';

/** What starts every personal API token: a secret scanner, or a person, tells it from other strings. */
export const API_TOKEN_PREFIX = 'wecena_pat_';

/** A token as made by createApiToken: the prefix, then 32 random bytes in base64url. */
export const API_TOKEN_PATTERN = /^wecena_pat_[A-Za-z0-9_-]{43}$/;

/** How often, at most, a token's last use is written: a script calling in a loop costs no write per call. */
export const LAST_USE_PRECISION_MS = 60_000;

/** Who a token belongs to: a forge identity, or a demo person (see middleware/session). */
export type TokenOwner = { kind: 'forge'; identity: ForgeIdentity } | { kind: 'demo'; person: string };

/** A token as its owner's list shows it: never the secret, which is not stored. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  /** The role keys it carries (auth/role-keys). */
  roles: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A token found by its secret, with its owner, whatever its state. */
export interface FoundApiToken extends ApiTokenSummary {
  owner: TokenOwner;
  displayName: string;
}

export interface NewApiToken {
  owner: TokenOwner;
  displayName: string;
  name: string;
  roles: string[];
  now: Date;
  expiresAt: Date | null;
}

function hashOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The owner's rows, from `$first` on. */
function ownerCondition(owner: TokenOwner, first: number): { sql: string; params: string[] } {
  if (owner.kind === 'demo') return { sql: `demo_person = $${first}`, params: [owner.person] };
  const { identity } = owner;
  return { sql: `forge = $${first} AND host = $${first + 1} AND forge_user_id = $${first + 2}`, params: [identity.forge, identity.host, identity.forgeUserId] };
}

const TokenRow = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  created_at: z.date(),
  expires_at: z.date().nullable(),
  last_used_at: z.date().nullable(),
  revoked_at: z.date().nullable(),
});
const SUMMARY_COLUMNS = 'id::text AS id, name, roles, created_at, expires_at, last_used_at, revoked_at';

function summaryOf(row: z.infer<typeof TokenRow>): ApiTokenSummary {
  return { id: row.id, name: row.name, roles: row.roles, createdAt: row.created_at, expiresAt: row.expires_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

/** Stores a new token; returns its secret, to show once (the table keeps its hash only). */
export async function createApiToken(db: Queryable, token: NewApiToken): Promise<{ id: string; secret: string }> {
  const secret = `${API_TOKEN_PREFIX}${randomSecret()}`;
  const identity = token.owner.kind === 'forge' ? token.owner.identity : null;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO api_tokens (token_hash, name, forge, host, login, forge_user_id, demo_person, display_name, roles, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::text AS id`,
    [
      hashOf(secret),
      token.name,
      identity?.forge ?? null,
      identity?.host ?? null,
      identity?.login ?? null,
      identity?.forgeUserId ?? null,
      token.owner.kind === 'demo' ? token.owner.person : null,
      token.displayName,
      token.roles,
      token.now,
      token.expiresAt,
    ],
  );
  return { id: z.string().parse(rows[0]?.id), secret };
}

/** The owner's tokens, newest first, revoked ones included. */
export async function listApiTokens(db: Queryable, owner: TokenOwner): Promise<ApiTokenSummary[]> {
  const condition = ownerCondition(owner, 1);
  const { rows } = await db.query(`SELECT ${SUMMARY_COLUMNS} FROM api_tokens WHERE ${condition.sql} ORDER BY created_at DESC, id DESC`, condition.params);
  return rows.map((row) => summaryOf(TokenRow.parse(row)));
}

/**
 * Revokes one of the owner's tokens: `revoked`, `already` (revoked before: nothing changes), or
 * `none` when the owner has no token with this id.
 */
export async function revokeApiToken(db: Queryable, owner: TokenOwner, id: string, now: Date): Promise<'revoked' | 'already' | 'none'> {
  const condition = ownerCondition(owner, 3);
  const { rowCount } = await db.query(`UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL AND ${condition.sql}`, [id, now, ...condition.params]);
  if (rowCount > 0) return 'revoked';
  const owned = ownerCondition(owner, 2);
  const { rows } = await db.query(`SELECT 1 FROM api_tokens WHERE id = $1 AND ${owned.sql}`, [id, ...owned.params]);
  return rows.length > 0 ? 'already' : 'none';
}

const FoundRow = TokenRow.extend({
  forge: z.enum(['github', 'gitlab']).nullable(),
  host: z.string().nullable(),
  login: z.string().nullable(),
  forge_user_id: z.string().nullable(),
  demo_person: z.string().nullable(),
  display_name: z.string(),
});

/** The token of this secret, revoked or expired included (the caller says which); null if none. */
export async function findApiToken(db: Queryable, secret: string): Promise<FoundApiToken | null> {
  const { rows } = await db.query(
    `SELECT ${SUMMARY_COLUMNS}, forge, host, login, forge_user_id, demo_person, display_name FROM api_tokens WHERE token_hash = $1`,
    [hashOf(secret)],
  );
  if (rows[0] === undefined) return null;
  const row = FoundRow.parse(rows[0]);
  let owner: TokenOwner;
  if (row.forge !== null && row.host !== null && row.login !== null && row.forge_user_id !== null) {
    owner = { kind: 'forge', identity: { forge: row.forge, host: row.host, login: row.login, forgeUserId: row.forge_user_id } };
  } else if (row.demo_person !== null) owner = { kind: 'demo', person: row.demo_person };
  else throw new Error('an api_tokens row has no owner, against its CHECK constraint');
  return { ...summaryOf(row), owner, displayName: row.display_name };
}

/**
 * Notes that a token was used now, unless that was noted less than LAST_USE_PRECISION_MS ago
 * (the caller already knows when: it read the token). The condition is repeated in SQL so that
 * concurrent requests write once.
 */
export async function recordApiTokenUse(db: Queryable, token: Pick<ApiTokenSummary, 'id' | 'lastUsedAt'>, now: Date): Promise<void> {
  const since = new Date(now.getTime() - LAST_USE_PRECISION_MS);
  if (token.lastUsedAt !== null && token.lastUsedAt > since) return;
  await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $3)', [token.id, now, since]);
}
