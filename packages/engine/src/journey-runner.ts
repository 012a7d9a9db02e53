import {
  type ConsultantFacts,
  type Decision,
  decideExpirySweep,
  decideRecall,
  hasContributingGuide,
  decideJourney,
  type Forge,
  type ForgeEvent,
  type ForgePort,
  isMaintainer,
  isWecenaLabel,
  type JourneyEvent,
  journeyNeeds,
  type Permission,
  type RepositoryConfig,
  stateAChangeRequestMoves,
  type TaskSnapshot,
  withForgeTrackedTime,
} from '@wecena/core';
import type { Database } from '@wecena/db';
import type { Logger } from 'pino';
import { type EffectTarget, performEffects } from './perform-effects';
import type { MarkReadyRequest } from './scheduled-deliveries';
import { findRepository, findRepositoryById, refreshRepositoryIdentity, registerRepositories, type StoredRepository } from './repository-store';
import { applyStoreChanges } from './store-changes';
import { hasTaskInState, loadConsultantFacts, loadTaskSnapshot } from './task-store';
import { type ForgeAccess, loadRepositoryConfig } from './repository-config';

export interface DeliveryKey {
  source: string;
  deliveryId: string;
}

export interface JourneyRunnerDeps {
  db: Database;
  /** How to reach each forge; a forge that is off is absent. */
  forges: Partial<Record<Forge, ForgeAccess>>;
  clock: () => Date;
  logger: Logger;
}

interface PlannedDecision {
  decision: Decision;
  target: EffectTarget;
}

interface StoredDecisionRow {
  seq: number;
  repository_id: string;
  issue_number: number | null;
  reply_to: number | null;
  reply_on_change_request: boolean;
  effects: Decision['forgeEffects'];
  performed: number;
  performed_at: Date | null;
}

/**
 * The journey's application service: loads what the core needs, asks it, commits the store
 * changes with the decision, then performs the forge effects. A retry of the same delivery
 * (after a crash, or a forge that failed) performs what is left of the committed decision
 * instead of deciding again on a state that decision already changed.
 */
export function createJourneyRunner(deps: JourneyRunnerDeps) {
  const { db, logger } = deps;

  async function resumeStoredDecisions(key: DeliveryKey): Promise<boolean> {
    const { rows } = await db.query<StoredDecisionRow>(
      `SELECT seq, repository_id, issue_number, reply_to, reply_on_change_request, effects, performed, performed_at
         FROM delivery_decisions WHERE source = $1 AND delivery_id = $2 ORDER BY seq`,
      [key.source, key.deliveryId],
    );
    if (rows.length === 0) return false;
    for (const row of rows) {
      if (row.performed_at !== null) continue;
      const repository = await findRepositoryById(db, row.repository_id);
      const access = repository && deps.forges[repository.ref.forge];
      if (!repository || !access) continue;
      const port = await access.portFor(repository);
      if (!port) continue;
      const replyTo = row.reply_to === null ? null : { number: row.reply_to, onChangeRequest: row.reply_on_change_request };
      await performStored(key, row.seq, port, { repository: repository.ref, issueNumber: row.issue_number, replyTo }, row.effects, row.performed);
    }
    return true;
  }

  async function performStored(
    key: DeliveryKey,
    seq: number,
    port: ForgePort,
    target: EffectTarget,
    effects: Decision['forgeEffects'],
    from: number,
  ): Promise<void> {
    await performEffects(port, target, effects, {
      from,
      done: async (performed) => {
        await db.query(`UPDATE delivery_decisions SET performed = $4 WHERE source = $1 AND delivery_id = $2 AND seq = $3`, [
          key.source,
          key.deliveryId,
          seq,
          performed,
        ]);
      },
    });
    await db.query(`UPDATE delivery_decisions SET performed_at = $4 WHERE source = $1 AND delivery_id = $2 AND seq = $3`, [
      key.source,
      key.deliveryId,
      seq,
      deps.clock(),
    ]);
  }

  /** Commits the decisions with their store changes, then performs their effects. */
  async function commitAndPerform(key: DeliveryKey, repository: StoredRepository, port: ForgePort, planned: readonly PlannedDecision[]): Promise<void> {
    const now = deps.clock();
    const worthKeeping = planned.filter(({ decision }) => decision.storeChanges.length > 0 || decision.forgeEffects.length > 0);
    if (worthKeeping.length === 0) return;
    await db.transaction(async (tx) => {
      for (const [seq, { decision, target }] of worthKeeping.entries()) {
        await applyStoreChanges(tx, repository, decision.issueNumber, decision.storeChanges, now);
        await tx.query(
          `INSERT INTO delivery_decisions (source, delivery_id, seq, repository_id, issue_number, reply_to, reply_on_change_request, effects, decided_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            key.source,
            key.deliveryId,
            seq,
            repository.id,
            target.issueNumber,
            target.replyTo?.number ?? null,
            target.replyTo?.onChangeRequest ?? false,
            JSON.stringify(decision.forgeEffects),
            now,
          ],
        );
      }
    });
    for (const [seq, { decision, target }] of worthKeeping.entries()) {
      await performStored(key, seq, port, target, decision.forgeEffects, 0);
    }
  }

  /** A forge event: decide on each task it concerns, commit, perform. */
  async function runForgeEvent(key: DeliveryKey, event: ForgeEvent, context: { installationId: string | null }): Promise<void> {
    if (await resumeStoredDecisions(key)) return;
    if (event.kind === 'repositories_changed') {
      await registerRepositories(db, event, deps.clock());
      return;
    }
    const ref = event.repository;
    let repository = await findRepository(db, ref);
    if (!repository) {
      // The App was installed before wecena listened: the first event registers the repository.
      await registerRepositories(db, { added: [ref], removed: [], installationId: context.installationId }, deps.clock());
      repository = await findRepository(db, ref);
    } else {
      await refreshRepositoryIdentity(db, repository, ref, context.installationId);
    }
    if (!repository || !repository.enabled) return;
    const movable = stateAChangeRequestMoves(event);
    if (movable !== null && !(await hasTaskInState(db, repository, movable))) return;
    const access = deps.forges[ref.forge];
    if (!access) {
      logger.warn({ forge: ref.forge, repository: ref.path }, 'event from a forge that is not configured');
      return;
    }
    const reachable = { ...repository, installationId: context.installationId ?? repository.installationId };
    const port = await access.portFor(reachable);
    if (!port) {
      logger.warn({ forge: ref.forge, repository: ref.path }, 'repository not reachable with the configured credentials; event left');
      return;
    }
    if (await isOwnEvent(access, reachable, event)) return;
    const config = await loadRepositoryConfig(db, repository, port, access, deps.clock(), logger);
    const completed = await withCompletedIssue(access, reachable, await withResolvedAuthor(access, reachable, event));
    const planned = await planDecisions(repository, port, access, config, completed);
    await commitAndPerform(key, repository, port, planned);
  }

  /** wecena's own comments and label changes come back as events: on forges that do not mark bots, recognise them. */
  async function isOwnEvent(access: ForgeAccess, repository: StoredRepository, event: JourneyEvent): Promise<boolean> {
    if (!access.ownLogin) return false;
    const own = await access.ownLogin(repository);
    const actor = event.kind === 'comment_created' ? event.author : event.actor;
    return own !== null && own.toLowerCase() === actor.login.toLowerCase();
  }

  /**
   * A change request whose author the payload names by id only: ask the forge, since only the
   * claimant's own moves the task, and credit goes to the claimant who wrote it.
   */
  async function withResolvedAuthor(access: ForgeAccess, repository: StoredRepository, event: JourneyEvent): Promise<JourneyEvent> {
    if (event.kind !== 'change_request_closed' && event.kind !== 'change_request_opened') return event;
    if (event.changeRequest.author !== null || !access.loginOfUser) return event;
    const login = await access.loginOfUser(repository, event.changeRequest.authorForgeId);
    if (login === null) return event;
    return { ...event, changeRequest: { ...event.changeRequest, author: { login, forgeId: event.changeRequest.authorForgeId, isBot: false } } };
  }

  /**
   * A command in a comment on an issue whose payload does not name the assignees (GitLab's note
   * hook gives their ids): the issue is read from the forge, so that the checklist sees who is
   * assigned and a release unassigns the claimant. Other comments cost no request.
   */
  async function withCompletedIssue(access: ForgeAccess, repository: StoredRepository, event: JourneyEvent): Promise<JourneyEvent> {
    if (event.kind !== 'comment_created' || event.on.type !== 'issue' || event.author.isBot || !access.completeNotedIssue) return event;
    if (!WECENA_COMMAND.test(event.comment.body)) return event;
    const issue = await access.completeNotedIssue(repository, event.on.issue);
    return { ...event, on: { type: 'issue', issue } };
  }

  async function planDecisions(
    repository: StoredRepository,
    port: ForgePort,
    access: ForgeAccess,
    config: RepositoryConfig,
    event: JourneyEvent,
    /** The actor's permission when the caller asked the forge already. */
    known?: Permission,
  ): Promise<PlannedDecision[]> {
    const now = deps.clock();
    const needs = journeyNeeds(event, config);
    const actor = event.kind === 'comment_created' ? event.author : event.actor;
    const permission = known ?? (needs.permission ? await port.permissionOf({ repository: repository.ref, login: actor.login }) : null);
    const consultants = await loadConsultantFacts(db, repository, needs.consultantLogins, now.toISOString().slice(0, 10));
    const issueNumbers = await issuesConcerned(repository, port, event, consultants);
    // A reply answers where the event happened: the comment's issue or change request, or the
    // issue whose label a person changed (a ready label refused to someone without write access).
    const replyTo: EffectTarget['replyTo'] =
      event.kind === 'comment_created'
        ? event.on.type === 'issue'
          ? { number: event.on.issue.number, onChangeRequest: false }
          : { number: event.on.changeRequest.number, onChangeRequest: true }
        : event.kind === 'issue_changed'
          ? { number: event.issue.number, onChangeRequest: false }
          : null;
    // Someone the forge says is no maintainer gets a refusal, never the checklist: no need to read the guide.
    const mayRunChecklist = mayCheckReadiness(event, config) && (permission === null || isMaintainer(permission));
    const contributing = mayRunChecklist ? hasContributingGuide(await port.readContributingGuide({ repository: repository.ref })) : true;

    const planned: PlannedDecision[] = [];
    for (const issueNumber of issueNumbers.length > 0 ? issueNumbers : [null]) {
      const stored: TaskSnapshot | null = issueNumber === null ? null : await loadTaskSnapshot(db, repository, issueNumber);
      const task = stored && event.kind === 'change_request_closed' && event.merged ? await withTrackedTime(access, repository, stored, event.changeRequest.number) : stored;
      const decision = decideJourney({
        event,
        task,
        permission,
        consultants,
        repository: { linkedToEligibleBeneficiary: repository.linkedToEligibleBeneficiary, hasContributingGuide: contributing },
        config,
        now: now.toISOString(),
      });
      planned.push({ decision, target: { repository: repository.ref, issueNumber: decision.issueNumber, replyTo } });
    }
    return planned;
  }

  /** The issues an event is about: its own, or those a change request closes. */
  async function issuesConcerned(
    repository: StoredRepository,
    port: ForgePort,
    event: JourneyEvent,
    consultants: readonly ConsultantFacts[],
  ): Promise<number[]> {
    if (event.kind === 'issue_changed') return [event.issue.number];
    if (event.kind === 'comment_created' && event.on.type === 'issue') return [event.on.issue.number];
    if (event.kind === 'change_request_opened' || event.kind === 'change_request_closed') {
      return port.closingIssueNumbers({ repository: repository.ref, changeRequestNumber: event.changeRequest.number });
    }
    if (event.on.type !== 'change_request') return [];
    const closing = await port.closingIssueNumbers({ repository: repository.ref, changeRequestNumber: event.on.changeRequest.number });
    // A comment on a change request acts on the task its author holds among those it closes.
    const commenter = consultants.find((consultant) => consultant.login.toLowerCase() === event.author.login.toLowerCase());
    for (const issueNumber of closing) {
      const task = await loadTaskSnapshot(db, repository, issueNumber);
      if (task?.openClaim && commenter && task.openClaim.consultantId === commenter.id) return [issueNumber];
    }
    return closing.slice(0, 1);
  }

  /** On a forge with time tracking of its own, the claimant's hours at merge count that log too (never twice). */
  async function withTrackedTime(access: ForgeAccess, repository: StoredRepository, task: TaskSnapshot, changeRequestNumber: number): Promise<TaskSnapshot> {
    const claim = task.openClaim;
    if (!claim || !access.trackedMinutes) return task;
    const minutes = await access.trackedMinutes(repository, { issueNumber: task.issueNumber, changeRequestNumber, login: claim.login });
    return withForgeTrackedTime(task, claim.consultantId, claim.login, minutes);
  }

  /** A scheduled delivery of wecena's own: a claim due for its reminder or its expiry. */
  async function runClaimDue(key: DeliveryKey, claimId: string): Promise<void> {
    await runOnOpenClaim(key, claimId, (task, config, now) => decideExpirySweep([{ task, config }], now));
  }

  /** A sponsor recalled the consultant to a client: the claim ends as recalled and the task is offered again. */
  async function runClaimRecalled(key: DeliveryKey, claimId: string): Promise<void> {
    await runOnOpenClaim(key, claimId, (task, config, now) => {
      const decision = decideRecall(task, config, now);
      return decision ? [decision] : [];
    });
  }

  async function runOnOpenClaim(
    key: DeliveryKey,
    claimId: string,
    decide: (task: TaskSnapshot, config: RepositoryConfig, now: string) => Decision[],
  ): Promise<void> {
    if (await resumeStoredDecisions(key)) return;
    const { rows } = await db.query<{ repository_id: string; issue_number: number }>(
      `SELECT t.repository_id, t.issue_number FROM claims c JOIN tasks t ON t.id = c.task_id WHERE c.id = $1 AND c.ended_at IS NULL`,
      [claimId],
    );
    const due = rows[0];
    if (!due) return;
    const repository = await findRepositoryById(db, due.repository_id);
    const access = repository && deps.forges[repository.ref.forge];
    if (!repository || !access || !repository.enabled) return;
    const port = await access.portFor(repository);
    if (!port) {
      logger.warn({ forge: repository.ref.forge, repository: repository.ref.path, claimId }, 'repository not reachable with the configured credentials; claim left');
      return;
    }
    const config = await loadRepositoryConfig(db, repository, port, access, deps.clock(), logger);
    const task = await loadTaskSnapshot(db, repository, due.issue_number);
    if (!task) return;
    const decisions = decide(task, config, deps.clock().toISOString());
    await commitAndPerform(
      key,
      repository,
      port,
      decisions.map((decision) => ({ decision, target: { repository: repository.ref, issueNumber: decision.issueNumber, replyTo: null } })),
    );
  }

  /**
   * A candidate marked ready on the dashboard by someone signed in with the forge: the forge is
   * asked for that login's permission, and with write or more the issue, read from the forge as
   * it is now, is decided on as if that login had written `/wecena ready` on it. Without, nothing
   * is posted on the forge: the click was not made there, so no refusal is written there.
   */
  async function runMarkReady(key: DeliveryKey, request: MarkReadyRequest): Promise<void> {
    if (await resumeStoredDecisions(key)) return;
    const repository = await findRepositoryById(db, request.repositoryId);
    const access = repository && deps.forges[repository.ref.forge];
    if (!repository || !access || !repository.enabled) return;
    const port = await access.portFor(repository);
    const context = { forge: repository.ref.forge, repository: repository.ref.path, issueNumber: request.issueNumber, login: request.login };
    if (!port) {
      logger.warn(context, 'repository not reachable with the configured credentials; marking ready left');
      return;
    }
    const permission = await port.permissionOf({ repository: repository.ref, login: request.login });
    if (!isMaintainer(permission)) {
      logger.info({ ...context, permission }, 'marked ready on the dashboard by someone without write access; nothing done');
      return;
    }
    const issue = await port.getIssue({ repository: repository.ref, issueNumber: request.issueNumber });
    if (issue === null) {
      logger.info(context, 'marked ready on the dashboard, but the forge has no such issue; nothing done');
      return;
    }
    const config = await loadRepositoryConfig(db, repository, port, access, deps.clock(), logger);
    const event: JourneyEvent = {
      kind: 'comment_created',
      repository: repository.ref,
      on: { type: 'issue', issue },
      comment: { forgeId: key.deliveryId, body: '/wecena ready', url: issue.url },
      author: { login: request.login, forgeId: request.forgeUserId, isBot: false },
    };
    const planned = await planDecisions(repository, port, access, config, event, permission);
    await commitAndPerform(key, repository, port, planned);
  }

  return { runForgeEvent, runClaimDue, runClaimRecalled, runMarkReady };
}

export type JourneyRunner = ReturnType<typeof createJourneyRunner>;

/**
 * Readiness needs to know of a contributing guide: only events that may run the checklist ask
 * the forge. The core runs it when a person adds the ready label, edits the issue, or changes
 * another label (a size, a skill); never on a bot's event: wecena's own label changes and
 * assignments come back as webhooks, and must cost no request.
 */
function mayCheckReadiness(event: JourneyEvent, config: RepositoryConfig): boolean {
  if (event.kind === 'issue_changed') {
    if (event.actor.isBot || event.action === 'closed') return false;
    const isOwnLabel = (label: string) => WECENA_LABEL_ROLES.some((role) => isWecenaLabel(config, role, label));
    return (
      event.contentEdited ||
      event.labelsAdded.some((label) => isWecenaLabel(config, 'ready', label)) ||
      [...event.labelsAdded, ...event.labelsRemoved].some((label) => !isOwnLabel(label))
    );
  }
  return event.kind === 'comment_created' && !event.author.isBot && /^\s{0,3}\/wecena\s+ready\b/im.test(event.comment.body);
}

const WECENA_LABEL_ROLES = ['ready', 'claimed', 'done', 'needsInfo'] as const;

/** A line of a comment that starts a wecena command, as the core's command lines are found. */
const WECENA_COMMAND = /^\s{0,3}\/wecena\b/im;
