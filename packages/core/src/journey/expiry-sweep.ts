import type { RepositoryConfig } from '../config/repository-config';
import { journeyMessages } from '../messages/journey-messages';
import type { Decision, TaskSnapshot } from './journey-types';
import { addDaysToInstant, isAtOrAfter } from './journey-time';
import { REMINDER_MARKER, formatInstant } from './status-comment';
import { Working, handBack, mention } from './working-decision';

/** How long before its expiry a claimant is reminded, once. */
export const REMINDER_LEAD_DAYS = 1;

export interface SweepItem {
  task: TaskSnapshot;
  config: RepositoryConfig;
}

/** A sweep decision names its task: a sweep runs over many repositories at once. */
export interface SweepDecision extends Decision {
  taskId: string;
}

/**
 * The periodic sweep over tasks with an open claim (the worker runs it, e.g. every few minutes):
 * a claim past its expiry ends as `expired` and the task is offered again, with a one-line notice
 * to the claimant; a day before, the claimant gets one reminder, which is deleted when the claim
 * ends. Claims that stall silently are why projects drop self-assignment bots. Tasks with nothing
 * to do give no decision, so running the sweep twice is harmless.
 */
export function decideExpirySweep(items: readonly SweepItem[], now: string): SweepDecision[] {
  return items.flatMap(({ task, config }) => {
    const claim = task.openClaim;
    // Under review, the wait is the maintainers': the claim runs out only once it is `claimed` again.
    if (claim === null || task.state === 'in_review') return [];
    const w = new Working(task, config, now, null);
    if (isAtOrAfter(now, claim.expiresAt)) {
      if (!handBack(w, 'expire', 'expired', null)) return [];
      w.notices.push(journeyMessages.notice.expired(mention(claim.login)));
    } else if (claim.remindedAt === null && isAtOrAfter(now, addDaysToInstant(claim.expiresAt, -REMINDER_LEAD_DAYS))) {
      w.reminder = `${REMINDER_MARKER}\n${journeyMessages.notice.reminder(mention(claim.login), formatInstant(claim.expiresAt))}`;
      w.storeChanges.push({ type: 'markReminded', claimId: claim.id, remindedAt: now });
    } else {
      return [];
    }
    return [{ taskId: task.id, ...w.toDecision(null) }];
  });
}

/**
 * The sponsor called the consultant back to a client mission (the hook for the dashboard's
 * recall): the claim ends as `recalled`, the task is offered again, and the consultant is asked
 * for a hand-off note. Null when the task has no open claim.
 */
export function decideRecall(task: TaskSnapshot, config: RepositoryConfig, now: string): Decision | null {
  const claim = task.openClaim;
  if (claim === null) return null;
  const w = new Working(task, config, now, null);
  if (!handBack(w, 'recall', 'recalled', null)) return null;
  w.notices.push(journeyMessages.notice.recalled(mention(claim.login)));
  return w.toDecision(null);
}
