import { ROLE_LABELS, type Role, type RoleKind } from './roles';

/**
 * A role as one word that stays the same from one request to the next: `operator`,
 * `sponsor_reviewer:<reviewer id>`, `consultant:<consultant id>`, `beneficiary_contact:<beneficiary id>`.
 * The id named is the row the role hangs on (a reviewer belongs to one sponsor, a consultant
 * to one employer), the same value the demo sign-in page gives each person.
 */
export function roleKey(role: Role): string {
  switch (role.kind) {
    case 'operator':
      return 'operator';
    case 'sponsor_reviewer':
      return `sponsor_reviewer:${role.reviewerId}`;
    case 'consultant':
      return `consultant:${role.consultantId}`;
    case 'beneficiary_contact':
      return `beneficiary_contact:${role.beneficiaryId}`;
  }
}

const ROLE_KEY = /^(?<kind>operator|sponsor_reviewer|consultant|beneficiary_contact)(?::(?<id>[1-9][0-9]{0,17}))?$/;
const SCOPE_NOUNS = { operator: '', sponsor_reviewer: 'reviewer', consultant: 'consultant', beneficiary_contact: 'beneficiary' } as const satisfies Record<RoleKind, string>;

/** A role key for people: `Operator`, `Sponsor reviewer (reviewer #2)`, `Beneficiary contact (beneficiary #3)`. */
export function describeRoleKey(key: string): string {
  const match = ROLE_KEY.exec(key);
  const kind = match?.groups?.['kind'] as RoleKind | undefined;
  if (kind === undefined) return key;
  const id = match?.groups?.['id'];
  return id === undefined ? ROLE_LABELS[kind] : `${ROLE_LABELS[kind]} (${SCOPE_NOUNS[kind]} #${id})`;
}

/** The roles of `current` that `keys` name: what a token carries and its owner still holds. */
export function keepNamedRoles(current: readonly Role[], keys: readonly string[]): Role[] {
  const named = new Set(keys);
  return current.filter((role) => named.has(roleKey(role)));
}
