/**
 * @wecena/dashboard: the server-rendered dashboard and the REST API (`/api/v1`, with its
 * OpenAPI document and reference page). It reads the store; writes will go through the core.
 */
export { dashboardRoutes, type DashboardDependencies } from './dashboard-routes';
export type { DashboardLogger } from './logger';
export type { DashboardSignInOptions } from './auth/sign-in-options';
export { parseForgeLogin } from './auth/sign-in-options';
export type { GithubOAuthConfig, GitlabOAuthConfig } from './auth/oauth';
export { isLoopbackHost } from './auth/loopback';
export { grantRole, type NewGrant } from './queries/session-queries';
export type { Role } from './auth/roles';
