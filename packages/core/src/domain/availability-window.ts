import { z } from 'zod';
import { Id, IsoDate } from './primitives';

/**
 * Twelve hours: past it a day of work is not believable, and French law caps a working day at
 * ten hours (twelve by agreement).
 */
export const MAX_MINUTES_PER_DAY = 720;

/** Days a consultant is free between two contracts, both ends included. */
export const AvailabilityWindow = z
  .object({
    id: Id,
    consultantId: Id,
    from: IsoDate,
    /** The last free day, included. */
    to: IsoDate,
    /** How much of each of those days the consultant gives. */
    minutesPerDay: z.int().min(1).max(MAX_MINUTES_PER_DAY),
  })
  .refine((window) => window.from <= window.to, { message: 'a window ends on or after its first day', path: ['to'] });
export type AvailabilityWindow = z.infer<typeof AvailabilityWindow>;
