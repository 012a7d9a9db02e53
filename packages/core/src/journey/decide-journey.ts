import { parseComment } from '../commands/parse-comment';
import { renderHelp } from '../commands/render-help';
import type { Command, CommandOf, CommandRole } from '../commands/command';
import { hasWecenaLabel, isWecenaLabel, type RepositoryConfig } from '../config/repository-config';
import { utcDateOf } from '../domain/time';
import type { Actor, ChangeRequestRef, ForgeEvent, IssueRef } from '../events/forge-event';
import { transition, type TaskState } from '../lifecycle/task-lifecycle';
import { journeyMessages } from '../messages/journey-messages';
import { readinessMessages } from '../messages/readiness-messages';
import type { Permission } from '../ports/forge-port';
import type {
  ConsultantFacts,
  CreditSnapshot,
  Decision,
  JourneyEvent,
  JourneyInput,
  StoreChange,
  TaskSnapshot,
} from './journey-types';
import { NO_DECISION } from './journey-types';
import { addDaysToInstant, earlierOf, endOfDay, isAtOrAfter } from './journey-time';
import { checkReadiness, type ReadinessReport, type RepositoryFacts } from './readiness';
import { formatInstant } from './status-comment';
import { Working, handBack, mention, quietMention, sameLogin } from './working-decision';

const reply = journeyMessages.reply;

/** Maintainers, for wecena: write access or more, asked of the forge. Triage may label, not offer work. */
export function isMaintainer(permission: Permission | null): boolean {
  return permission === 'admin' || permission === 'maintain' || permission === 'write';
}

/** A task as this decision creates it, for the readiness checklist of an issue wecena did not know. */
function newTask(issue: IssueRef, report: ReadinessReport): TaskSnapshot {
  return {
    id: '',
    issueNumber: issue.number,
    title: issue.title,
    url: issue.url,
    state: 'candidate',
    estimateMinutes: report.estimateMinutes,
    skills: report.skills,
    category: report.category,
    openClaim: null,
    handoffs: [],
    loggedTime: [],
    credits: [],
  };
}

const CHECKABLE_STATES: readonly TaskState[] = ['candidate', 'ready', 'withdrawn'];

/**
 * Runs the readiness checklist and moves the task: ready when it passes; otherwise it stays a
 * candidate, or leaves `ready` (withdrawn) until an edit makes it pass. The labels follow: the
 * ready label means "ready to claim", so a failing issue carries the needs-info label instead.
 */
function runReadiness(w: Working, issue: IssueRef, repository: RepositoryFacts): void {
  if (!CHECKABLE_STATES.includes(w.state)) {
    w.move('mark_ready');
    return;
  }
  const report = checkReadiness({ issue, isChangeRequest: false, config: w.config, repository });
  w.readiness = report;
  w.details = {
    issueNumber: issue.number,
    issueForgeId: issue.forgeId,
    title: issue.title,
    url: issue.url,
    estimateMinutes: report.estimateMinutes,
    skills: report.skills,
    category: report.category,
  };
  w.task = { ...(w.task ?? newTask(issue, report)), estimateMinutes: report.estimateMinutes, skills: report.skills, category: report.category };
  w.statusChanged = true;
  const { labels } = w.config;
  if (report.ready) {
    if (w.state !== 'ready') w.move('mark_ready');
    w.addLabel(labels.ready);
    w.removeLabel(labels.needsInfo);
  } else {
    if (w.state === 'ready') w.move('withdraw');
    w.addLabel(labels.needsInfo);
    w.removeLabel(labels.ready);
  }
}

/** Takes the task off wecena: ends a claim, prunes the wecena labels; the status comment stays and says so. */
function withdraw(w: Working): void {
  if (!w.move('withdraw')) return;
  const claim = w.task?.openClaim ?? null;
  if (claim !== null) w.notices.push(journeyMessages.notice.withdrawn(mention(claim.login)));
  w.endClaim('withdrawn', null);
  const { labels } = w.config;
  for (const label of [labels.ready, labels.needsInfo, labels.claimed]) w.removeLabel(label);
  w.readiness = null;
}

function findConsultant(consultants: readonly ConsultantFacts[], login: string): ConsultantFacts | undefined {
  return consultants.find((consultant) => sameLogin(consultant.login, login));
}

/** The credit that stands: the latest one no maintainer reversed. */
function openCredit(task: TaskSnapshot | null): CreditSnapshot | undefined {
  return task?.credits.filter((credit) => credit.reversal === null).at(-1);
}

interface CommandContext {
  w: Working;
  input: JourneyInput;
  author: Actor;
  commentId: string;
  /** Position of the command in its comment, to make idempotency keys distinct. */
  index: number;
}

function loggedBy(task: TaskSnapshot, consultantId: string): number {
  return task.loggedTime.filter((entry) => entry.consultantId === consultantId).reduce((sum, entry) => sum + entry.minutes, 0);
}

function decideClaim({ w, input, author }: CommandContext): void {
  const consultant = findConsultant(input.consultants, author.login);
  if (consultant === undefined) return void w.replies.push(reply.claimNotRegistered);
  const task = w.task;
  if (task === null || w.state === 'candidate' || w.state === 'withdrawn') return void w.replies.push(reply.claimNotOffered);
  const claim = task.openClaim;
  if (claim !== null) {
    const until = formatInstant(claim.expiresAt);
    return void w.replies.push(
      claim.consultantId === consultant.id ? reply.claimAlreadyYours(until) : reply.claimTaken(mention(claim.login), until),
    );
  }
  if (w.state !== 'ready') return void w.move('claim');
  if (consultant.availableUntil === null) return void w.replies.push(reply.claimNotAvailable);
  const limit = Math.min(consultant.openClaimsLimit, w.config.openClaimsLimit);
  if (consultant.openClaims >= limit) return void w.replies.push(reply.claimOverLimit(consultant.openClaims, limit));
  const expiresAt = earlierOf(addDaysToInstant(w.now, w.config.claimTtlDays), endOfDay(consultant.availableUntil));
  if (isAtOrAfter(w.now, expiresAt)) return void w.replies.push(reply.claimNotAvailable);
  if (!w.move('claim')) return;
  w.storeChanges.push({ type: 'openClaim', consultantId: consultant.id, claimedAt: w.now, expiresAt });
  w.pendingClaim = true;
  w.task = {
    ...task,
    openClaim: { id: '', consultantId: consultant.id, login: author.login, claimedAt: w.now, expiresAt, remindedAt: null },
  };
  w.addLabel(w.config.labels.claimed);
  w.removeLabel(w.config.labels.ready);
  w.assign(author.login);
}

/** Whether the author holds the task's open claim; null when there is none to hold. */
function isClaimant(w: Working, input: JourneyInput, author: Actor): boolean | null {
  const claim = w.task?.openClaim ?? null;
  if (claim === null) return null;
  const consultant = findConsultant(input.consultants, author.login);
  return consultant !== undefined && consultant.id === claim.consultantId;
}

function decideSpend({ w, input, author, commentId, index }: CommandContext, command: CommandOf<'spend'>): void {
  const task = w.task;
  if (task === null) return void w.replies.push(reply.spendNoTask);
  const claim = task.openClaim;
  const holds = isClaimant(w, input, author);
  if (claim === null || holds === null) return void w.replies.push(reply.spendNotClaimed);
  if (!holds) return void w.replies.push(reply.spendNotClaimant(quietMention(claim.login)));
  const logged = loggedBy(task, claim.consultantId);
  if (logged + command.minutes < 0) return void w.replies.push(reply.spendBelowZero(logged, command.minutes));
  w.storeChanges.push({
    type: 'logTime',
    consultantId: claim.consultantId,
    minutes: command.minutes,
    spentOn: command.spentOn ?? utcDateOf(w.now),
    source: 'command',
    sourceRef: index === 0 ? commentId : `${commentId}#${index}`,
    recordedAt: w.now,
  });
  const mine = { consultantId: claim.consultantId, login: claim.login, minutes: logged + command.minutes };
  const position = task.loggedTime.findIndex((entry) => entry.consultantId === claim.consultantId);
  w.task = {
    ...task,
    loggedTime: position < 0 ? [...task.loggedTime, mine] : task.loggedTime.map((entry, i) => (i === position ? mine : entry)),
  };
  w.statusChanged = true;
}

function decideRelease({ w, input, author }: CommandContext, command: CommandOf<'release'>): void {
  const claim = w.task?.openClaim ?? null;
  const holds = isClaimant(w, input, author);
  if (claim === null || holds === null) return void w.replies.push(reply.releaseNotClaimed);
  if (!holds) return void w.replies.push(reply.releaseNotClaimant(quietMention(claim.login)));
  handBack(w, 'release', 'released', command.note);
}

/** Done: the claim completes, the labels say so, and the ledger gets its credit. */
function complete(w: Working, credit: Omit<Extract<StoreChange, { type: 'recordCredit' }>, 'type'>, login: string): void {
  w.endClaim('completed', null);
  w.storeChanges.push({ type: 'recordCredit', ...credit });
  const { labels } = w.config;
  w.removeLabel(labels.claimed);
  w.removeLabel(labels.ready);
  w.addLabel(labels.done);
  const task = w.task;
  if (task === null) return;
  w.task = {
    ...task,
    credits: [
      ...task.credits,
      {
        id: '',
        consultantId: credit.consultantId,
        login,
        minutes: credit.minutes,
        estimated: credit.estimated,
        changeRequestUrl: credit.changeRequestUrl,
        confirmedBy: credit.confirmedBy,
        recordedAt: w.now,
        reversal: null,
      },
    ],
  };
}

const CONFIRMABLE_STATES: readonly TaskState[] = ['ready', 'claimed', 'in_review'];

/**
 * A maintainer confirms work that landed without a change request. On a ready task nobody
 * claimed, the named consultant did the work all the same: the task takes the lifecycle's two
 * edges, claim then confirm, and no claim is stored (nothing was held, nothing can expire).
 */
function decideDone({ w, input, author, commentId }: CommandContext, command: CommandOf<'done'>): void {
  if (w.task === null || !CONFIRMABLE_STATES.includes(w.state)) return void w.move('confirm');
  const claim = w.task.openClaim;
  let target: { id: string; login: string };
  if (command.login !== null) {
    const named = findConsultant(input.consultants, command.login);
    if (named === undefined) return void w.replies.push(reply.doneNotRegistered(`@${command.login}`));
    target = { id: named.id, login: named.login };
  } else if (claim !== null) {
    target = { id: claim.consultantId, login: claim.login };
  } else {
    return void w.replies.push(reply.doneNobodyToCredit);
  }
  if (w.state === 'ready' && !w.move('claim')) return;
  if (!w.move('confirm')) return;
  complete(
    w,
    {
      consultantId: target.id,
      changeRequestUrl: null,
      confirmedBy: author.login,
      minutes: command.minutes,
      estimated: false,
      landedAt: w.now,
      recordedBy: `maintainer:${author.login}`,
      sourceRef: commentId,
    },
    target.login,
  );
}

function decideReject({ w, author }: CommandContext, command: CommandOf<'reject'>): void {
  const task = w.task;
  const credit = openCredit(task);
  if (task === null || w.state !== 'done') return void w.move('reject');
  if (credit === undefined) return void w.replies.push(reply.rejectNoCredit);
  const closesAt = addDaysToInstant(credit.recordedAt, w.config.reviewWindowDays);
  if (isAtOrAfter(w.now, closesAt)) return void w.replies.push(reply.rejectWindowClosed(formatInstant(closesAt)));
  if (!w.move('reject')) return;
  w.storeChanges.push({
    type: 'recordReversal',
    creditId: credit.id,
    reason: command.reason,
    recordedBy: `maintainer:${author.login}`,
    recordedAt: w.now,
  });
  w.task = {
    ...task,
    credits: task.credits.map((entry) =>
      entry === credit ? { ...entry, reversal: { reason: command.reason, by: author.login, at: w.now } } : entry,
    ),
  };
}

/** The commands only maintainers may use; the permission is asked of the forge for these. */
const MAINTAINER_COMMANDS: ReadonlySet<Command['name']> = new Set(['ready', 'unready', 'done', 'reject']);
/** What a comment on a change request may do: the work is there, the task is on its issue. */
const CHANGE_REQUEST_COMMANDS: ReadonlySet<Command['name']> = new Set(['spend', 'help']);

function rolesOf(w: Working, input: JourneyInput, author: Actor): CommandRole[] {
  const roles: CommandRole[] = [];
  if (isMaintainer(input.permission)) roles.push('maintainer');
  if (findConsultant(input.consultants, author.login) !== undefined) roles.push('consultant');
  if (isClaimant(w, input, author) === true) roles.push('claimant');
  return roles;
}

function decideCommand(context: CommandContext, command: Command, issue: IssueRef | null): void {
  const { w, input, author } = context;
  if (issue === null && !CHANGE_REQUEST_COMMANDS.has(command.name)) {
    w.replies.push(command.name === 'ready' ? readinessMessages.notChangeRequestFailed : reply.onChangeRequest(command.name));
    return;
  }
  if (MAINTAINER_COMMANDS.has(command.name) && !isMaintainer(input.permission)) {
    w.replies.push(reply.notMaintainer(command.name));
    return;
  }
  switch (command.name) {
    case 'ready':
      if (issue !== null) runReadiness(w, issue, input.repository);
      return;
    case 'unready':
      if (w.task === null) return void w.replies.push(reply.notOnWecena);
      return withdraw(w);
    case 'claim':
      return decideClaim(context);
    case 'spend':
      return decideSpend(context, command);
    case 'release':
      return decideRelease(context, command);
    case 'done':
      return decideDone(context, command);
    case 'reject':
      return decideReject(context, command);
    case 'help':
      w.help = renderHelp({ for: rolesOf(w, input, author) });
      return;
  }
}

function minutesPerDay(config: RepositoryConfig): number {
  return Math.round(config.hoursPerDay * 60);
}

function decideComment(input: JourneyInput, event: Extract<JourneyEvent, { kind: 'comment_created' }>): Decision {
  const issue = event.on.type === 'issue' ? event.on.issue : null;
  const w = new Working(input.task, input.config, input.now, issue);
  // Today in UTC: a `spend` dated after it is refused (the time log allows a day of slack for Paris).
  const parsed = parseComment(event.comment.body, { minutesPerDay: minutesPerDay(input.config), today: utcDateOf(input.now) });
  if (parsed.commands.length === 0 && parsed.errors.length === 0) return NO_DECISION;
  w.replies.push(...parsed.errors.map((error) => error.message));
  parsed.commands.forEach((command, index) => {
    decideCommand({ w, input, author: event.author, commentId: event.comment.forgeId, index }, command, issue);
  });
  return w.toDecision(event.author);
}

function decideIssueChanged(input: JourneyInput, event: Extract<JourneyEvent, { kind: 'issue_changed' }>): Decision {
  const { config } = input;
  const w = new Working(input.task, config, input.now, event.issue);
  const readyAdded = event.labelsAdded.some((label) => isWecenaLabel(config, 'ready', label));
  const readyRemoved = event.labelsRemoved.some((label) => isWecenaLabel(config, 'ready', label));
  const otherLabelsChanged = [...event.labelsAdded, ...event.labelsRemoved].some(
    (label) => !(['ready', 'claimed', 'done', 'needsInfo'] as const).some((role) => isWecenaLabel(config, role, label)),
  );
  if (readyAdded) {
    if (!isMaintainer(input.permission)) {
      w.removeLabel(config.labels.ready);
      w.replies.push(reply.readyLabelNotMaintainer(config.labels.ready));
      return w.toDecision(event.actor);
    }
    runReadiness(w, event.issue, input.repository);
    return w.toDecision(event.actor);
  }
  if (input.task === null) return NO_DECISION;
  // Removing the label withdraws whoever does it: the forge lets only triagers and up touch
  // labels, and taking work off wecena is the safe direction (offering it needs write access).
  if (readyRemoved || event.action === 'closed') {
    const closable: readonly TaskState[] = ['candidate', 'ready', 'released', 'expired'];
    // A claimed task stays: its change request may close the issue before wecena hears of the merge.
    if (readyRemoved ? w.state !== 'withdrawn' && transition(w.state, 'withdraw').ok : closable.includes(w.state)) {
      withdraw(w);
    }
    return w.toDecision(null);
  }
  const inReadinessLoop =
    CHECKABLE_STATES.includes(w.state) &&
    (hasWecenaLabel(config, 'ready', event.issue.labels) || hasWecenaLabel(config, 'needsInfo', event.issue.labels));
  if ((event.contentEdited || otherLabelsChanged) && inReadinessLoop && event.issue.state === 'open') {
    runReadiness(w, event.issue, input.repository);
  }
  return w.toDecision(null);
}

/** The claimant's own change request: only theirs moves the task, whoever else opens one. */
function isByClaimant(changeRequest: ChangeRequestRef, task: TaskSnapshot): boolean {
  const claim = task.openClaim;
  return claim !== null && changeRequest.author !== null && sameLogin(changeRequest.author.login, claim.login);
}

/**
 * The one state a change request opened, or closed unmerged, can move a task from (`claimed`,
 * `in_review`): on a repository with no task in it, the event needs nothing loaded. Null: the
 * event may concern a task in any state.
 */
export function stateAChangeRequestMoves(event: ForgeEvent): TaskState | null {
  if (event.kind === 'change_request_opened') return 'claimed';
  if (event.kind === 'change_request_closed' && !event.merged) return 'in_review';
  return null;
}

/**
 * The claimant asked for review: the task is `in_review`, and its claim stops running out, since
 * the wait is now the maintainers'. A change request by someone else changes nothing here: the
 * merge decides (`mergedByOther`).
 */
function decideChangeRequestOpened(input: JourneyInput, event: Extract<JourneyEvent, { kind: 'change_request_opened' }>): Decision {
  const task = input.task;
  if (task === null || task.state !== stateAChangeRequestMoves(event) || !isByClaimant(event.changeRequest, task)) return NO_DECISION;
  const w = new Working(task, input.config, input.now, null);
  if (!w.move('open_change_request')) return NO_DECISION;
  w.notes.push(journeyMessages.status.underReview(event.changeRequest.url));
  return w.toDecision(null);
}

/**
 * The claimant's change request closed unmerged: the task is theirs again (`claimed`), with at
 * least a full claim period ahead, since the clock stood still during the review.
 */
function decideChangeRequestAbandoned(input: JourneyInput, event: Extract<JourneyEvent, { kind: 'change_request_closed' }>): Decision {
  const task = input.task;
  const claim = task?.openClaim ?? null;
  if (task === null || claim === null || task.state !== stateAChangeRequestMoves(event) || !isByClaimant(event.changeRequest, task)) return NO_DECISION;
  const w = new Working(task, input.config, input.now, null);
  if (!w.move('close_change_request')) return NO_DECISION;
  const fullPeriod = addDaysToInstant(input.now, input.config.claimTtlDays);
  if (!isAtOrAfter(claim.expiresAt, fullPeriod)) {
    w.storeChanges.push({ type: 'extendClaim', claimId: claim.id, expiresAt: fullPeriod });
    if (claim.remindedAt !== null) w.deleteReminder = true;
    w.task = { ...task, openClaim: { ...claim, expiresAt: fullPeriod, remindedAt: null } };
  }
  return w.toDecision(null);
}

function decideChangeRequestClosed(input: JourneyInput, event: Extract<JourneyEvent, { kind: 'change_request_closed' }>): Decision {
  if (!event.merged) return decideChangeRequestAbandoned(input, event);
  const task = input.task;
  if (task === null) return NO_DECISION;
  const claim = task.openClaim;
  if (claim === null || (task.state !== 'claimed' && task.state !== 'in_review')) return NO_DECISION;
  const w = new Working(task, input.config, input.now, null);
  const author = event.changeRequest.author;
  if (author === null || !sameLogin(author.login, claim.login)) {
    w.notes.push(journeyMessages.status.mergedByOther(quietMention(author?.login ?? 'someone'), quietMention(claim.login)));
    w.statusChanged = true;
    return w.toDecision(null);
  }
  if (!w.move('merge')) return NO_DECISION;
  const logged = loggedBy(task, claim.consultantId);
  const estimated = logged <= 0;
  complete(
    w,
    {
      consultantId: claim.consultantId,
      changeRequestUrl: event.changeRequest.url,
      confirmedBy: null,
      minutes: estimated ? (task.estimateMinutes ?? input.config.maxEstimateMinutes) : logged,
      estimated,
      landedAt: event.mergedAt ?? input.now,
      recordedBy: 'wecena',
      sourceRef: event.changeRequest.url,
    },
    claim.login,
  );
  return w.toDecision(null);
}

/**
 * What wecena does about one forge event: the store changes and the forge effects, as data.
 * Never throws on what people write; a bot's own events (wecena's included) change nothing.
 */
export function decideJourney(input: JourneyInput): Decision {
  const { event } = input;
  switch (event.kind) {
    case 'issue_changed':
      return event.actor.isBot ? NO_DECISION : decideIssueChanged(input, event);
    case 'comment_created':
      return event.author.isBot ? NO_DECISION : decideComment(input, event);
    case 'change_request_opened':
      return decideChangeRequestOpened(input, event);
    case 'change_request_closed':
      return decideChangeRequestClosed(input, event);
  }
}

/** What the orchestrator must load before `decideJourney`: the cheap lookups always, the forge call only when needed. */
export interface JourneyNeeds {
  /** Ask the forge for the actor's permission on the repository. */
  permission: boolean;
  /** Load these logins' consultant facts (those registered). */
  consultantLogins: string[];
}

export function journeyNeeds(event: JourneyEvent, config: RepositoryConfig): JourneyNeeds {
  switch (event.kind) {
    case 'issue_changed':
      return {
        permission: !event.actor.isBot && event.labelsAdded.some((label) => isWecenaLabel(config, 'ready', label)),
        consultantLogins: [],
      };
    case 'comment_created': {
      if (event.author.isBot) return { permission: false, consultantLogins: [] };
      const { commands } = parseComment(event.comment.body, { minutesPerDay: minutesPerDay(config) });
      return {
        // Help lists the maintainers' commands to maintainers only.
        permission: commands.some((command) => MAINTAINER_COMMANDS.has(command.name) || command.name === 'help'),
        consultantLogins: [
          ...new Set([
            ...(commands.length > 0 ? [event.author.login] : []),
            ...commands.flatMap((command) => (command.name === 'done' && command.login !== null ? [command.login] : [])),
          ]),
        ],
      };
    }
    case 'change_request_opened':
    case 'change_request_closed':
      return { permission: false, consultantLogins: [] };
  }
}
