import { z } from 'zod';
import { Id, Instant, IsoDate } from './primitives';
import { addDays, compareDates, utcDateOf } from './time';

export const TIME_LOG_SOURCES = ['command', 'gitlab_timelog', 'maintainer'] as const;
export const TimeLogSource = z.enum(TIME_LOG_SOURCES);
export type TimeLogSource = z.infer<typeof TimeLogSource>;

/** Ten days of twelve hours: more in one entry is a mistake, whatever its sign. */
export const MAX_TIME_LOG_MINUTES = 10 * 12 * 60;

/**
 * Time spent on a task. Append-only like the ledger: a mistake is corrected by a new entry
 * with negative minutes, never by editing, since GitLab lets anyone wipe its own time log.
 */
export const TimeLog = z
  .object({
    id: Id,
    consultantId: Id,
    taskId: Id,
    minutes: z
      .int()
      .min(-MAX_TIME_LOG_MINUTES)
      .max(MAX_TIME_LOG_MINUTES)
      .refine((minutes) => minutes !== 0, 'zero minutes is not a time log'),
    /** The day the work was done, in the consultant's own calendar. */
    spentOn: IsoDate,
    source: TimeLogSource,
    recordedAt: Instant,
  })
  // One day of slack: spentOn is a local date, and in Paris the day starts before it does in UTC.
  .refine((log) => compareDates(log.spentOn, addDays(utcDateOf(log.recordedAt), 1)) <= 0, {
    message: 'time cannot be spent after it is recorded',
    path: ['spentOn'],
  });
export type TimeLog = z.infer<typeof TimeLog>;
