import { addDays, compareInstants, toEpochMilliseconds } from '../domain/time';

const DAY_MILLISECONDS = 86_400_000;

/** The instant `days` days after `instant` (before it when negative). */
export function addDaysToInstant(instant: string, days: number): string {
  return new Date(toEpochMilliseconds(instant) + days * DAY_MILLISECONDS).toISOString();
}

/**
 * The end of the last day of an availability window: midnight UTC after it. Windows are calendar
 * days; UTC is the one zone every party shares (the Paris day ends an hour or two earlier).
 */
export function endOfDay(date: string): string {
  return `${addDays(date, 1)}T00:00:00.000Z`;
}

export function earlierOf(a: string, b: string): string {
  return compareInstants(a, b) <= 0 ? a : b;
}

export function isAtOrAfter(instant: string, reference: string): boolean {
  return compareInstants(instant, reference) >= 0;
}
