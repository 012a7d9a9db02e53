import type { Viewer } from '../auth/roles';

/** One way of meeting an operation's security: the schemes it names, each with its scopes. */
type SecurityRequirement = Record<string, string[]>;
import type { ApiError } from './errors';

/** The security scheme every operation that needs a session names in the OpenAPI document. */
export const SESSION_SCHEME = 'session';

/** `security` of an operation that needs a signed-in session. */
export const NEEDS_SESSION: SecurityRequirement[] = [{ [SESSION_SCHEME]: [] }];

/**
 * `security` of an operation that answers strangers in part (ready tasks) and signed-in
 * people in full: the empty requirement means "no credentials" in OpenAPI.
 */
export const SESSION_OPTIONAL: SecurityRequirement[] = [{}, { [SESSION_SCHEME]: [] }];

/** `security` of a public operation. */
export const PUBLIC: SecurityRequirement[] = [];

/** Why an API request was refused: no session (401), or a session without the right role (403). */
export type ApiRefusal = { status: 401; body: ApiError } | { status: 403; body: ApiError };

/** The 401 answer: the caller has no session (never signed in, signed out, expired). */
export function refuseStranger(what: string): ApiRefusal {
  return { status: 401, body: { error: 'unauthorized', message: `Sign in to the dashboard to read ${what}.` } };
}

/** The 403 answer: signed in, but none of the viewer's roles gives this. */
export function refuseViewer(what: string): ApiRefusal {
  return { status: 403, body: { error: 'forbidden', message: `None of your roles lets you read ${what}.` } };
}

/**
 * Deny by default: null (go on) only when a viewer is signed in and `allowed` says yes;
 * otherwise the refusal to answer with.
 */
export function checkViewer(viewer: Viewer | null, what: string, allowed: (viewer: Viewer) => boolean): ApiRefusal | null {
  if (viewer === null) return refuseStranger(what);
  return allowed(viewer) ? null : refuseViewer(what);
}
