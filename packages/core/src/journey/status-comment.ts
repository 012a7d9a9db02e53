import type { TaskState } from '../lifecycle/task-lifecycle';
import { journeyMessages } from '../messages/journey-messages';
import type { CreditSnapshot, HandoffSnapshot, LoggedTime } from './journey-types';
import type { ReadinessReport } from './readiness';
import { inlineUntrusted, quoteUntrusted, safeLogin } from './untrusted-text';

/** Hidden in the status comment so the adapter finds it again, whatever its position. */
export const STATUS_MARKER = '<!-- wecena:status -->';
/** Hidden in the expiry reminder so the adapter can delete it when the claim ends. */
export const REMINDER_MARKER = '<!-- wecena:reminder -->';

/** What the status comment shows: the task after the decision. */
export interface StatusView {
  state: TaskState;
  /** The checklist, when the decision ran it; a claimed task no longer shows it. */
  readiness: ReadinessReport | null;
  claim: { login: string; expiresAt: string } | null;
  handoffs: readonly HandoffSnapshot[];
  loggedTime: readonly LoggedTime[];
  /** The task's latest credit, reversed or not. */
  credit: CreditSnapshot | null;
  /** Sentences wecena wrote for this decision only (a change request by someone else...). */
  notes: readonly string[];
}

/** `2026-03-08 14:00 UTC`: instants as people read them, in the one zone everyone shares. */
export function formatInstant(instant: string): string {
  return `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`;
}

function mention(login: string): string {
  return `@${safeLogin(login)}`;
}

function headline(view: StatusView): string {
  const { state, readiness, claim, credit } = view;
  const m = journeyMessages.status;
  if (state === 'claimed' && claim !== null) return m.claimed(mention(claim.login), formatInstant(claim.expiresAt));
  if (state === 'in_review' && claim !== null) return m.inReview(mention(claim.login));
  if (state === 'done' && credit !== null) {
    return credit.reversal === null
      ? m.done(mention(credit.login))
      : m.doneCreditWithdrawn(mention(credit.reversal.by), inlineUntrusted(credit.reversal.reason));
  }
  if ((state === 'candidate' || state === 'withdrawn') && readiness !== null && !readiness.ready) return m.needsInfo;
  return m.states[state];
}

function renderChecklist(readiness: ReadinessReport): string[] {
  return [
    journeyMessages.status.checklistTitle,
    ...readiness.items.map((item) => {
      const box = item.passed ? '[x]' : '[ ]';
      const flag = !item.passed && item.severity === 'warning' ? `${journeyMessages.status.warningFlag} ` : '';
      return `- ${box} ${flag}${item.sentence}`;
    }),
  ];
}

function renderHandoff(handoff: HandoffSnapshot): string[] {
  const m = journeyMessages.status;
  const who = mention(handoff.login);
  const when = handoff.endedAt.slice(0, 10);
  const line = `- ${m.handoffEnded[handoff.endedHow](who, when)}`;
  return handoff.note === null ? [`${line} ${m.noHandoffNote}`] : [line, quoteUntrusted(handoff.note, '  ')];
}

/** The Markdown of the one status comment wecena keeps on an issue, marker first. */
export function renderStatusComment(view: StatusView): string {
  const m = journeyMessages.status;
  const logged = view.loggedTime.filter((entry) => entry.minutes !== 0);
  const sections: string[][] = [
    [STATUS_MARKER, `${m.title} ${headline(view)}`],
    view.notes.length > 0 ? [...view.notes] : [],
    view.credit !== null && view.credit.reversal === null && view.state === 'done'
      ? [m.creditLine({ ...view.credit, confirmedBy: view.credit.confirmedBy === null ? null : safeLogin(view.credit.confirmedBy) })]
      : [],
    view.readiness === null ? [] : renderChecklist(view.readiness),
    logged.length === 0 ? [] : [m.timeLogged(logged.map((entry) => ({ login: mention(entry.login), minutes: entry.minutes })))],
    view.handoffs.length === 0 ? [] : [m.handoffsTitle, ...view.handoffs.flatMap(renderHandoff)],
    [m.footer],
  ];
  return `${sections
    .filter((section) => section.length > 0)
    .map((section) => section.join('\n'))
    .join('\n\n')}\n`;
}
