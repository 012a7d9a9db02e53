import type { IsoDate } from '../domain/primitives';
import type { Availability, PairingConsultant } from './model';

const MILLISECONDS_PER_DAY = 86_400_000;

/** Days from `today` to `last`, both included; 0 when `last` is before today. */
export function countDaysLeft(today: IsoDate, last: IsoDate): number {
  const days = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / MILLISECONDS_PER_DAY);
  return Math.max(0, days + 1);
}

/**
 * What the consultant can take on today, or null when no window covers today. When windows
 * overlap, the one that leaves the most minutes counts (the first of them on a tie).
 */
export function findAvailability(consultant: PairingConsultant, today: IsoDate): Availability | null {
  let best: number | null = null;
  for (const window of consultant.windows) {
    if (window.from > today || window.to < today) continue;
    const minutes = window.minutesPerDay * countDaysLeft(today, window.to);
    if (best === null || minutes > best) best = minutes;
  }
  if (best === null) return null;
  return {
    freeMinutes: Math.max(0, best - consultant.committedMinutes),
    freeSlots: Math.max(0, consultant.openClaimsLimit - consultant.openClaims),
  };
}
