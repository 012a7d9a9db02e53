import type { Instant, IsoDate } from './primitives';

/*
 * Instants are compared as numbers, not strings: 09:30:00Z and 09:30:00.5Z are both valid and
 * sort the wrong way round as text ('.' comes before 'Z'). Date.parse with an argument is pure.
 */

/** Milliseconds since the epoch; the argument must be a valid Instant. */
export function toEpochMilliseconds(instant: Instant): number {
  return Date.parse(instant);
}

/** Negative when a is earlier than b, zero when equal, positive when later. */
export function compareInstants(a: Instant, b: Instant): number {
  return toEpochMilliseconds(a) - toEpochMilliseconds(b);
}

/** Dates in YYYY-MM-DD do sort as text. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The UTC calendar date of an instant. */
export function utcDateOf(instant: Instant): IsoDate {
  return instant.slice(0, 10);
}

/** The date `days` after `date` (before it when negative), on the proleptic Gregorian calendar. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
