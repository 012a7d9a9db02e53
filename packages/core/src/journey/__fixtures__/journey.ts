import { defaultRepositoryConfig, type RepositoryConfig } from '../../config/repository-config';
import type { Actor, ChangeRequestRef, IssueRef } from '../../events/forge-event';
import type { Permission } from '../../ports/forge-port';
import type { ConsultantFacts, Decision, ForgeEffect, JourneyEvent, JourneyInput, OpenClaimSnapshot, TaskSnapshot } from '../journey-types';
import type { RepositoryFacts } from '../readiness';
import { REPOSITORY, issueOf } from './issues';

export { REPOSITORY, issueOf };

export const NOW = '2026-03-05T10:00:00Z';
export const CONFIG: RepositoryConfig = { ...defaultRepositoryConfig, skills: { 'lang/ts': ['typescript'] } };
export const FACTS: RepositoryFacts = { linkedToEligibleBeneficiary: true, hasContributingGuide: true };

export const MAINTAINER: Actor = { login: 'mara', forgeId: '1', isBot: false };
export const CAMILLE: Actor = { login: 'camille', forgeId: '2', isBot: false };
export const DOMINIQUE: Actor = { login: 'dominique', forgeId: '3', isBot: false };
export const STRANGER: Actor = { login: 'sam', forgeId: '4', isBot: false };
export const BOT: Actor = { login: 'wecena[bot]', forgeId: '5', isBot: true };

export const CAMILLE_FACTS: ConsultantFacts = { id: 'k1', login: 'camille', openClaims: 0, openClaimsLimit: 2, availableUntil: '2026-03-20' };
export const DOMINIQUE_FACTS: ConsultantFacts = { id: 'k2', login: 'dominique', openClaims: 1, openClaimsLimit: 2, availableUntil: '2026-03-20' };

export function claimOf(overrides: Partial<OpenClaimSnapshot> = {}): OpenClaimSnapshot {
  return {
    id: 'c1',
    consultantId: 'k1',
    login: 'camille',
    claimedAt: '2026-03-04T09:00:00Z',
    expiresAt: '2026-03-07T09:00:00Z',
    remindedAt: null,
    ...overrides,
  };
}

export function taskOf(overrides: Partial<TaskSnapshot> = {}): TaskSnapshot {
  return {
    id: 't1',
    issueNumber: 12,
    title: 'Export button does nothing on Firefox',
    url: 'https://github.com/civic/tracker/issues/12',
    state: 'ready',
    estimateMinutes: 180,
    skills: ['typescript'],
    category: 'code',
    openClaim: null,
    handoffs: [],
    loggedTime: [],
    credits: [],
    ...overrides,
  };
}

export function claimedTaskOf(overrides: Partial<TaskSnapshot> = {}): TaskSnapshot {
  return taskOf({ state: 'claimed', openClaim: claimOf(), ...overrides });
}

/** The issue as the forge shows it while camille holds it. */
export const CLAIMED_ISSUE: IssueRef = issueOf({ labels: ['wecena-claimed', 'lang/ts'], assignees: ['camille'] });

export function commentOn(
  body: string,
  author: Actor,
  where: { issue?: IssueRef; changeRequest?: ChangeRequestRef } = {},
): JourneyEvent {
  return {
    kind: 'comment_created',
    repository: REPOSITORY,
    on: where.changeRequest !== undefined ? { type: 'change_request', changeRequest: where.changeRequest } : { type: 'issue', issue: where.issue ?? issueOf() },
    comment: { forgeId: 'n77', body, url: 'https://github.com/civic/tracker/issues/12#issuecomment-77' },
    author,
  };
}

export function issueChanged(
  actor: Actor,
  change: { issue?: IssueRef; added?: string[]; removed?: string[]; contentEdited?: boolean; action?: 'opened' | 'updated' | 'closed' | 'reopened' },
): JourneyEvent {
  return {
    kind: 'issue_changed',
    repository: REPOSITORY,
    issue: change.issue ?? issueOf(),
    action: change.action ?? 'updated',
    labelsAdded: change.added ?? [],
    labelsRemoved: change.removed ?? [],
    contentEdited: change.contentEdited ?? false,
    actor,
  };
}

export function changeRequestOf(author: Actor | null): ChangeRequestRef {
  return {
    number: 13,
    forgeId: '9013',
    title: 'Fix the export on Firefox',
    body: 'Closes #12',
    url: 'https://github.com/civic/tracker/pull/13',
    authorForgeId: author?.forgeId ?? '99',
    author,
  };
}

export function changeRequestOpened(author: Actor | null): JourneyEvent {
  return { kind: 'change_request_opened', repository: REPOSITORY, changeRequest: changeRequestOf(author), actor: author ?? MAINTAINER };
}

export function changeRequestClosed(author: Actor | null, merged: boolean): JourneyEvent {
  return {
    kind: 'change_request_closed',
    repository: REPOSITORY,
    changeRequest: changeRequestOf(author),
    merged,
    mergedAt: merged ? '2026-03-05T09:30:00Z' : null,
    actor: MAINTAINER,
  };
}

export function inputOf(
  event: JourneyEvent,
  options: { task?: TaskSnapshot | null; permission?: Permission | null; consultants?: ConsultantFacts[]; now?: string; facts?: Partial<RepositoryFacts> } = {},
): JourneyInput {
  return {
    event,
    task: options.task === undefined ? null : options.task,
    permission: options.permission ?? null,
    consultants: options.consultants ?? [CAMILLE_FACTS, DOMINIQUE_FACTS],
    repository: { ...FACTS, ...options.facts },
    config: CONFIG,
    now: options.now ?? NOW,
  };
}

/** The decision's effects, the status comment and reply bodies left out. */
export function effectsOf(decision: Decision): Array<ForgeEffect | { type: string }> {
  return decision.forgeEffects.map((effect) => {
    switch (effect.type) {
      case 'ensureLabels':
      case 'setStatusComment':
      case 'reply':
      case 'notify':
      case 'postReminder':
        return { type: effect.type };
      default:
        return effect;
    }
  });
}

export function bodyOf(decision: Decision, type: 'reply' | 'setStatusComment' | 'notify' | 'postReminder'): string | undefined {
  const found = decision.forgeEffects.find((effect) => effect.type === type);
  return found !== undefined && 'body' in found ? found.body : undefined;
}
