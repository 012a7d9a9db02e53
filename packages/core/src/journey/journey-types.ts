import type { ClaimEnding } from '../domain/claim';
import type { IsoDate } from '../domain/primitives';
import type { TaskCategory } from '../domain/task';
import type { ForgeEvent } from '../events/forge-event';
import type { RepositoryConfig } from '../config/repository-config';
import type { TaskState } from '../lifecycle/task-lifecycle';
import type { LabelSpec, Permission } from '../ports/forge-port';
import type { RepositoryFacts } from './readiness';

/*
 * The inputs and outputs of the journey's decisions. The orchestrator loads the inputs from the
 * store and the forge, calls a `decide*` function, applies the store changes in one transaction
 * and then performs the forge effects through the ForgePort. Nothing here does either.
 */

/** The events the journey decides on; `repositories_changed` is the installation's business. */
export type JourneyEvent = Extract<ForgeEvent, { kind: 'issue_changed' | 'comment_created' | 'change_request_opened' | 'change_request_closed' }>;

/** The open claim of a task, with the consultant's login on this forge. */
export interface OpenClaimSnapshot {
  id: string;
  consultantId: string;
  login: string;
  claimedAt: string;
  expiresAt: string;
  /** When the claimant was reminded of the coming expiry; null until then. */
  remindedAt: string | null;
}

/** An earlier claim that ended without the work landing: what the next consultant should know. */
export interface HandoffSnapshot {
  login: string;
  endedHow: Exclude<ClaimEnding, 'completed'>;
  endedAt: string;
  note: string | null;
}

/** Minutes logged on the task by one consultant, corrections included. */
export interface LoggedTime {
  consultantId: string;
  login: string;
  minutes: number;
}

/** A credit of the ledger for this task, with its reversal if a maintainer rejected it. */
export interface CreditSnapshot {
  id: string;
  consultantId: string;
  login: string;
  minutes: number;
  estimated: boolean;
  changeRequestUrl: string | null;
  confirmedBy: string | null;
  recordedAt: string;
  reversal: { reason: string; by: string; at: string } | null;
}

/** A task as stored, with what its decisions need of its claims, time logs and ledger entries. */
export interface TaskSnapshot {
  id: string;
  /** The number users see; every issue effect of a decision acts on it. */
  issueNumber: number;
  title: string;
  url: string;
  state: TaskState;
  estimateMinutes: number | null;
  skills: string[];
  category: TaskCategory;
  openClaim: OpenClaimSnapshot | null;
  /** Ended claims that did not complete, oldest first. */
  handoffs: HandoffSnapshot[];
  loggedTime: LoggedTime[];
  /** Credits of this task, oldest first; at most one is not reversed. */
  credits: CreditSnapshot[];
}

/** A registered consultant, as far as a decision needs to know: one per login of `journeyNeeds`. */
export interface ConsultantFacts {
  id: string;
  /** Their login on this forge. */
  login: string;
  /** Claims they hold now, on any repository. */
  openClaims: number;
  /** The limit of their own profile; the repository's may be lower. */
  openClaimsLimit: number;
  /** The last day of the availability window that covers today; null when none does. */
  availableUntil: IsoDate | null;
}

export interface JourneyInput {
  event: JourneyEvent;
  /**
   * The task of the event's issue; for an event on a change request, the task of the issue it
   * closes (the one the commenter claimed when it closes several). Null when wecena has none.
   */
  task: TaskSnapshot | null;
  /** The permission of the event's actor, asked of the forge when `journeyNeeds` says so; else null. */
  permission: Permission | null;
  /** The registered consultants among `journeyNeeds(...).consultantLogins`; unregistered ones are left out. */
  consultants: readonly ConsultantFacts[];
  repository: RepositoryFacts;
  config: RepositoryConfig;
  /** ISO-8601 UTC instant at which the event is handled. */
  now: string;
}

/** The task's issue facts a new or re-checked task records. */
export interface TaskDetails {
  issueNumber: number;
  issueForgeId: string;
  title: string;
  url: string;
  estimateMinutes: number | null;
  skills: string[];
  category: TaskCategory;
}

/**
 * What the store must record, in order, in one transaction. Every change is about the task of
 * the decision (`Decision.issueNumber`). `from` states are guards: when the stored state is no
 * longer `from` (another event won the race), the transaction is rolled back and the event
 * decided again on fresh inputs.
 */
export type StoreChange =
  | {
      type: 'upsertTask';
      /** Null: the task is new (insert it); else the state it must still be in. */
      from: TaskState | null;
      state: TaskState;
      details: TaskDetails;
    }
  | { type: 'setTaskState'; from: TaskState; to: TaskState }
  | { type: 'openClaim'; consultantId: string; claimedAt: string; expiresAt: string }
  | {
      type: 'endClaim';
      claimId: string;
      endedAt: string;
      endedHow: ClaimEnding;
      handoffNote: string | null;
    }
  | { type: 'markReminded'; claimId: string; remindedAt: string }
  /** A later expiry, with a reminder again before it. */
  | { type: 'extendClaim'; claimId: string; expiresAt: string }
  | {
      type: 'logTime';
      consultantId: string;
      /** Negative for a correction; the total per consultant never goes below zero. */
      minutes: number;
      spentOn: IsoDate;
      source: 'command';
      /** The comment's forge id: recording the same comment twice is a no-op. */
      sourceRef: string;
      recordedAt: string;
    }
  | {
      type: 'recordCredit';
      consultantId: string;
      /** The merged change request, or null when `confirmedBy` a maintainer. */
      changeRequestUrl: string | null;
      confirmedBy: string | null;
      minutes: number;
      /** True when no time was logged and the estimate stands in for it. */
      estimated: boolean;
      /** When the work landed: the merge, or the confirmation. */
      landedAt: string;
      /** "wecena", or "maintainer:<login>". */
      recordedBy: string;
      /** Unique per credit: the change request URL, or the confirming comment's forge id. */
      sourceRef: string;
    }
  | {
      type: 'recordReversal';
      creditId: string;
      reason: string;
      /** "maintainer:<login>". */
      recordedBy: string;
      recordedAt: string;
    };

/**
 * What the forge must do. Issue effects act on the decision's issue (`Decision.issueNumber`);
 * `reply` answers the event's actor where the event happened (the issue, or the change request
 * the comment was written on). Each is idempotent in the ForgePort's sense.
 */
export type ForgeEffect =
  /** Create the labels the repository lacks (`ForgePort.ensureLabels`). */
  | { type: 'ensureLabels'; labels: LabelSpec[] }
  | { type: 'addLabels'; labels: string[] }
  | { type: 'removeLabels'; labels: string[] }
  /** Create or edit the one status comment, found by `STATUS_MARKER` (its body holds it). */
  | { type: 'setStatusComment'; body: string }
  /** At most one per decision: every answer to the actor merged in one comment. */
  | { type: 'reply'; body: string }
  /** A new comment on the issue, for what the clock or the sponsor did (expiry, recall). */
  | { type: 'notify'; body: string }
  | { type: 'assign'; logins: string[] }
  | { type: 'unassign'; logins: string[] }
  /** Post the expiry reminder; its body holds `REMINDER_MARKER`. */
  | { type: 'postReminder'; body: string }
  /** Delete the bot's comment holding `REMINDER_MARKER`, if any. */
  | { type: 'deleteReminder' };

export interface Decision {
  /** The issue of the task decided on; null when there is none (then only `reply` may appear). */
  issueNumber: number | null;
  storeChanges: StoreChange[];
  forgeEffects: ForgeEffect[];
}

export const NO_DECISION: Decision = { issueNumber: null, storeChanges: [], forgeEffects: [] };
