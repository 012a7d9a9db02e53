/**
 * What the dashboard logs through: the error method of a pino logger (metadata first, then a
 * static message), so the server passes its own and tests pass a recorder.
 */
export interface DashboardLogger {
  error(meta: Record<string, unknown>, message: string): void;
}

/** For a dashboard built without a logger: the console's standard error. */
export const consoleLogger: DashboardLogger = {
  error(meta, message) {
    console.error(message, meta);
  },
};
