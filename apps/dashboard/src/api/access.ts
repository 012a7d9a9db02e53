import type { Viewer } from '../auth/roles';
import { problemOf, type ApiError } from './errors';

/** One way of meeting an operation's security: the schemes it names, each with its scopes. */
type SecurityRequirement = Record<string, string[]>;

/** The security scheme of the dashboard's session cookie in the OpenAPI document. */
export const SESSION_SCHEME = 'session';

/** The security scheme of personal API tokens (`Authorization: Bearer wecena_pat_…`). */
export const TOKEN_SCHEME = 'apiToken';

/** `security` of an operation that needs someone: a signed-in session, or a personal API token. */
export const NEEDS_SESSION: SecurityRequirement[] = [{ [SESSION_SCHEME]: [] }, { [TOKEN_SCHEME]: [] }];

/**
 * `security` of an operation that answers strangers in part (ready tasks) and signed-in
 * people in full: the empty requirement means "no credentials" in OpenAPI.
 */
export const SESSION_OPTIONAL: SecurityRequirement[] = [{}, ...NEEDS_SESSION];

/** `security` of a public operation. */
export const PUBLIC: SecurityRequirement[] = [];

/** Why an API request was refused: no credentials (401), or credentials without the right role (403). */
export type ApiRefusal = { status: 401; body: ApiError } | { status: 403; body: ApiError };

/** The 401 answer: the request carried neither a session nor a token. */
export function refuseStranger(what: string): ApiRefusal {
  return {
    status: 401,
    body: problemOf({ error: 'unauthorized', message: `Sign in to the dashboard, or send a personal API token (Authorization: Bearer wecena_pat_…), to read ${what}.` }),
  };
}

/** The 403 answer: signed in (or a valid token), but none of the roles at hand gives this. */
export function refuseViewer(what: string): ApiRefusal {
  return { status: 403, body: problemOf({ error: 'forbidden', message: `None of your roles lets you read ${what}.` }) };
}

/**
 * Deny by default: null (go on) only when a viewer is there and `allowed` says yes;
 * otherwise the refusal to answer with.
 */
export function checkViewer(viewer: Viewer | null, what: string, allowed: (viewer: Viewer) => boolean): ApiRefusal | null {
  if (viewer === null) return refuseStranger(what);
  return allowed(viewer) ? null : refuseViewer(what);
}
