import type { SignIn } from '../../auth/context';
import type { Role } from '../../auth/roles';
import { findRoles, type ForgeIdentity } from '../../queries/session-queries';

/**
 * The roles a forge identity holds now: its consultant record and grants, read again on each
 * request so that a role taken away is gone at once, and operator when the configuration names it.
 */
export async function currentRolesOf(signIn: SignIn, identity: ForgeIdentity): Promise<Role[]> {
  const roles = await findRoles(signIn.db, identity);
  const named = signIn.operators.some((operator) => operator.host === identity.host && operator.login.toLowerCase() === identity.login.toLowerCase());
  return named && !roles.some((role) => role.kind === 'operator') ? [{ kind: 'operator' }, ...roles] : roles;
}
