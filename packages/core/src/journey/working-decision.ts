import { wecenaLabelSpecs } from '../config/label-specs';
import type { RepositoryConfig } from '../config/repository-config';
import type { ClaimEnding } from '../domain/claim';
import type { Actor, IssueRef } from '../events/forge-event';
import { transition, type TaskEvent, type TaskState } from '../lifecycle/task-lifecycle';
import { describeIllegalTransition } from '../messages/lifecycle-messages';
import { journeyMessages } from '../messages/journey-messages';
import { NO_DECISION, type Decision, type ForgeEffect, type StoreChange, type TaskDetails, type TaskSnapshot } from './journey-types';
import type { ReadinessReport } from './readiness';
import { renderStatusComment } from './status-comment';
import { safeLogin } from './untrusted-text';

/** A mention that notifies: for the person the sentence is addressed to. */
export function mention(login: string): string {
  return `@${safeLogin(login)}`;
}

/** A login shown without notifying its owner: for people a sentence only speaks about. */
export function quietMention(login: string): string {
  return `\`@${safeLogin(login)}\``;
}

export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The decision being built. A comment may hold several commands: each reads and updates the
 * working task, so `/wecena spend 2h` then `/wecena release <note>` decide as one. Labels and
 * assignees are kept as net changes, so that the forge gets at most one call of each kind.
 */
export class Working {
  readonly storeChanges: StoreChange[] = [];
  readonly replies: string[] = [];
  readonly notices: string[] = [];
  readonly notes: string[] = [];
  readonly labelsToAdd = new Set<string>();
  readonly labelsToRemove = new Set<string>();
  readonly loginsToAssign = new Set<string>();
  readonly loginsToUnassign = new Set<string>();
  readonly initialState: TaskState | null;
  state: TaskState;
  readiness: ReadinessReport | null = null;
  details: TaskDetails | null = null;
  deleteReminder = false;
  reminder: string | null = null;
  help: string | null = null;
  statusChanged = false;
  /** A claim opened by this decision has no id yet. */
  pendingClaim = false;

  constructor(
    public task: TaskSnapshot | null,
    readonly config: RepositoryConfig,
    readonly now: string,
    /** The issue as the event shows it, when the event is about the issue. */
    readonly issue: IssueRef | null,
  ) {
    this.initialState = task?.state ?? null;
    this.state = task?.state ?? 'candidate';
  }

  /** Moves along one edge of the lifecycle; an illegal move becomes a reply and returns false. */
  move(event: TaskEvent): boolean {
    const result = transition(this.state, event);
    if (!result.ok) {
      this.replies.push(describeIllegalTransition(result.error));
      return false;
    }
    this.state = result.state;
    this.statusChanged = true;
    return true;
  }

  addLabel(label: string): void {
    this.labelsToRemove.delete(label);
    this.labelsToAdd.add(label);
  }

  removeLabel(label: string): void {
    this.labelsToAdd.delete(label);
    this.labelsToRemove.add(label);
  }

  assign(login: string): void {
    this.loginsToUnassign.delete(login);
    this.loginsToAssign.add(login);
  }

  unassign(login: string): void {
    this.loginsToAssign.delete(login);
    this.loginsToUnassign.add(login);
  }

  /** Ends the open claim: the store records how, the claimant is unassigned, the reminder goes. */
  endClaim(endedHow: ClaimEnding, handoffNote: string | null): void {
    const task = this.task;
    const claim = task?.openClaim;
    if (task === null || claim === null || claim === undefined) return;
    // Claimed and handed back in one comment: the claim never reaches the store, nor its note.
    const wasPending = this.pendingClaim;
    if (wasPending) {
      const index = this.storeChanges.findIndex((change) => change.type === 'openClaim');
      if (index >= 0) this.storeChanges.splice(index, 1);
      this.pendingClaim = false;
    } else {
      this.storeChanges.push({ type: 'endClaim', claimId: claim.id, endedAt: this.now, endedHow, handoffNote });
    }
    if (claim.remindedAt !== null) this.deleteReminder = true;
    if (endedHow !== 'completed') this.unassign(claim.login);
    this.task = {
      ...task,
      openClaim: null,
      handoffs:
        endedHow === 'completed' || wasPending
          ? task.handoffs
          : [...task.handoffs, { login: claim.login, endedHow, endedAt: this.now, note: handoffNote }],
    };
    this.statusChanged = true;
  }

  /** The task's issue labels, when the event shows them, to skip changes that are no-ops. */
  private hasLabel(label: string): boolean | null {
    if (this.issue === null) return null;
    return this.issue.labels.some((present) => sameLogin(present, label));
  }

  toDecision(actor: Actor | null): Decision {
    const storeChanges: StoreChange[] = [];
    if (this.details !== null) {
      storeChanges.push({ type: 'upsertTask', from: this.initialState, state: this.state, details: this.details });
    } else if (this.initialState !== null && this.initialState !== this.state) {
      storeChanges.push({ type: 'setTaskState', from: this.initialState, to: this.state });
    }
    storeChanges.push(...this.storeChanges);

    const effects: ForgeEffect[] = [];
    const toAdd = [...this.labelsToAdd].filter((label) => this.hasLabel(label) !== true);
    const toRemove = [...this.labelsToRemove].filter((label) => this.hasLabel(label) !== false);
    const assignees = this.issue?.assignees ?? null;
    const toAssign = [...this.loginsToAssign].filter((login) => !(assignees ?? []).some((a) => sameLogin(a, login)));
    const toUnassign = [...this.loginsToUnassign].filter(
      (login) => assignees === null || assignees.some((a) => sameLogin(a, login)),
    );
    if (toAdd.length > 0) effects.push({ type: 'ensureLabels', labels: wecenaLabelSpecs(this.config) });
    if (toRemove.length > 0) effects.push({ type: 'removeLabels', labels: toRemove });
    if (toAdd.length > 0) effects.push({ type: 'addLabels', labels: toAdd });
    if (toUnassign.length > 0) effects.push({ type: 'unassign', logins: toUnassign });
    if (toAssign.length > 0) effects.push({ type: 'assign', logins: toAssign });
    if (this.deleteReminder) effects.push({ type: 'deleteReminder' });
    if (this.reminder !== null) effects.push({ type: 'postReminder', body: this.reminder });
    if (this.statusChanged && this.task !== null) effects.push({ type: 'setStatusComment', body: this.renderStatus() });
    for (const notice of this.notices) effects.push({ type: 'notify', body: notice });
    if (actor !== null && (this.replies.length > 0 || this.help !== null)) {
      const who = mention(actor.login);
      const answer = this.replies.length > 0 ? journeyMessages.formatReply(who, this.replies) : who;
      effects.push({ type: 'reply', body: this.help === null ? answer : `${answer}\n\n${this.help}` });
    }
    const issueNumber = this.task?.issueNumber ?? this.issue?.number ?? null;
    if (storeChanges.length === 0 && effects.length === 0) return NO_DECISION;
    if (issueNumber === null) {
      // Neither a task nor an issue (a comment on a change request that closes none): a reply at most.
      return { issueNumber: null, storeChanges: [], forgeEffects: effects.filter((effect) => effect.type === 'reply') };
    }
    return { issueNumber, storeChanges, forgeEffects: effects };
  }

  private renderStatus(): string {
    const task = this.task;
    const credits = task?.credits ?? [];
    return renderStatusComment({
      state: this.state,
      readiness: this.readiness,
      claim: task?.openClaim === null || task?.openClaim === undefined ? null : { login: task.openClaim.login, expiresAt: task.openClaim.expiresAt },
      handoffs: task?.handoffs ?? [],
      loggedTime: task?.loggedTime ?? [],
      credit: credits.at(-1) ?? null,
      notes: this.notes,
    });
  }
}

/** Back to `ready` after a claim ends early: the relay between volunteers is the point of wecena. */
export function handBack(w: Working, event: 'release' | 'expire' | 'recall', endedHow: ClaimEnding, note: string | null): boolean {
  if (!w.move(event)) return false;
  w.move('reopen');
  w.endClaim(endedHow, note);
  w.removeLabel(w.config.labels.claimed);
  w.addLabel(w.config.labels.ready);
  return true;
}

