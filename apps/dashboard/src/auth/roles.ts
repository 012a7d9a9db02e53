/**
 * Who is looking at the dashboard, and what each role may see. Deny by default: a page
 * declares the one policy that lets a viewer in, and no policy lets a stranger in.
 */
export type Role =
  | { kind: 'operator' }
  | { kind: 'sponsor_reviewer'; sponsorId: string; reviewerId: string }
  | { kind: 'consultant'; consultantId: string; sponsorId: string }
  | { kind: 'beneficiary_contact'; beneficiaryId: string };

export type RoleKind = Role['kind'];

export interface Viewer {
  displayName: string;
  /** The forge identity signed in with ("github.com/login"), or null in a demo session. */
  identity: string | null;
  roles: Role[];
}

/** The path parameters a policy may read: the sponsor, consultant or beneficiary a page is about. */
export type ScopeParams = Partial<Record<'sponsorId' | 'consultantId' | 'beneficiaryId', string>>;

/** Decides whether a viewer may open a page, from the page's path parameters. */
export type Policy = (viewer: Viewer, params: ScopeParams) => boolean;

export function isOperator(viewer: Viewer): boolean {
  return viewer.roles.some((role) => role.kind === 'operator');
}

/** Operators only. */
export const operatorsOnly: Policy = (viewer) => isOperator(viewer);

/** Anyone signed in with at least one role (the page then shows only what each role gives). */
export const anyRole: Policy = (viewer) => viewer.roles.length > 0;

/** An operator, or a reviewer of the sponsor in the path. */
export const sponsorReviewers: Policy = (viewer, { sponsorId }) =>
  isOperator(viewer) || viewer.roles.some((role) => role.kind === 'sponsor_reviewer' && role.sponsorId === sponsorId);

/** An operator, or the consultant in the path themself. */
export const consultantThemself: Policy = (viewer, { consultantId }) =>
  isOperator(viewer) || viewer.roles.some((role) => role.kind === 'consultant' && role.consultantId === consultantId);

/**
 * What a consultant's personal data needs (their proposals, a task's candidates): an operator,
 * the consultant themself, or a reviewer of their sponsor (`sponsorId`: the consultant's).
 */
export const consultantOrTheirSponsor: Policy = (viewer, params) => consultantThemself(viewer, params) || sponsorReviewers(viewer, params);

/** An operator, or a contact of the beneficiary in the path. */
export const beneficiaryContacts: Policy = (viewer, { beneficiaryId }) =>
  isOperator(viewer) || viewer.roles.some((role) => role.kind === 'beneficiary_contact' && role.beneficiaryId === beneficiaryId);

/** Where a viewer starts: the page of their first role. */
export function homePathOf(role: Role): string {
  switch (role.kind) {
    case 'operator':
      return '/operator';
    case 'sponsor_reviewer':
      return `/sponsors/${role.sponsorId}`;
    case 'consultant':
      return `/consultants/${role.consultantId}`;
    case 'beneficiary_contact':
      return `/beneficiaries/${role.beneficiaryId}`;
  }
}

export const ROLE_LABELS = {
  operator: 'Operator',
  sponsor_reviewer: 'Sponsor reviewer',
  consultant: 'Consultant',
  beneficiary_contact: 'Beneficiary contact',
} as const satisfies Record<RoleKind, string>;

/** The receipt data of a sponsor and a beneficiary: either party's people, or an operator. */
export const receiptReaders: Policy = (viewer, params) => sponsorReviewers(viewer, params) || beneficiaryContacts(viewer, params);
