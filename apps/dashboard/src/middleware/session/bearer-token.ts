import type { SignIn } from '../../auth/context';
import type { Role, Viewer } from '../../auth/roles';
import { keepNamedRoles } from '../../auth/role-keys';
import { findDemoPerson } from '../../queries/demo-people-queries';
import { API_TOKEN_PATTERN, findApiToken, recordApiTokenUse, type TokenOwner } from '../../queries/token-queries';
import { currentRolesOf } from './current-roles';

/** Who a bearer token speaks for, or why it speaks for no one (a sentence for the caller). */
export type BearerOutcome = { ok: true; viewer: Viewer } | { ok: false; detail: string };

const BEARER = /^Bearer +(?<token>[^\s]+) *$/i;

/**
 * Demo tokens: a demo session has no forge identity, only the demo person chosen on the demo
 * sign-in page, so its tokens belong to that person (anyone signing in as them sees and
 * revokes them). They work only while the demo sign-in is on, that is when the server listens
 * on a loopback address only, where anyone may already sign in as anyone: a demo token gives
 * nothing a demo visitor does not have, and nothing at all once the same database serves
 * real people. The person's role is read again from the store, as the sign-in page does.
 */
async function currentRolesOfOwner(signIn: SignIn, owner: TokenOwner): Promise<Role[] | null> {
  if (owner.kind === 'forge') return currentRolesOf(signIn, owner.identity);
  if (!signIn.demo) return null;
  const person = await findDemoPerson(signIn.db, owner.person);
  return person === null ? [] : [person.role];
}

/**
 * The viewer of an `Authorization` header on the API: the token's owner, with the roles the
 * token carries that the owner still holds now. A revoked or expired token speaks for no one.
 */
export async function viewerOfBearer(signIn: SignIn | null, authorization: string): Promise<BearerOutcome> {
  const secret = BEARER.exec(authorization)?.groups?.['token'];
  if (secret === undefined) {
    return { ok: false, detail: 'The Authorization header must be "Bearer <token>", with a personal API token made on the dashboard at /tokens.' };
  }
  if (!API_TOKEN_PATTERN.test(secret)) {
    return { ok: false, detail: 'This is not a wecena personal API token: those start with wecena_pat_, then 43 letters, digits, - or _.' };
  }
  if (signIn === null) return { ok: false, detail: 'This server does not accept API tokens: signing in to the dashboard is not configured (SESSION_SECRET).' };
  const token = await findApiToken(signIn.db, secret);
  if (token === null) return { ok: false, detail: 'No API token matches: it was not made on this server, or it was not copied whole.' };
  const now = signIn.clock();
  if (token.revokedAt !== null) return { ok: false, detail: `This API token was revoked on ${token.revokedAt.toISOString()}.` };
  if (token.expiresAt !== null && token.expiresAt <= now) return { ok: false, detail: `This API token expired on ${token.expiresAt.toISOString()}.` };
  const current = await currentRolesOfOwner(signIn, token.owner);
  if (current === null) return { ok: false, detail: 'This API token was made in a demo session: it works only while the demo sign-in is on.' };
  await recordApiTokenUse(signIn.db, token, now);
  const identity = token.owner.kind === 'forge' ? `${token.owner.identity.host}/${token.owner.identity.login}` : null;
  return { ok: true, viewer: { displayName: token.displayName, identity, roles: keepNamedRoles(current, token.roles) } };
}
