/**
 * @wecena/dashboard: the server-rendered dashboard and the REST API (`/api/v1`, with its
 * OpenAPI document and reference page). It reads the store; writes will go through the core.
 */
export { dashboardRoutes, type DashboardDependencies } from './dashboard-routes';
export type { DashboardLogger } from './logger';
