import { parseComment } from '../commands/parse-comment';
import { hasWecenaLabel, isWecenaLabel, type RepositoryConfig } from '../config/repository-config';
import type { ForgeEvent, IssueRef, RepositoryRef } from '../events/forge-event';
import { decideJourney, isMaintainer } from '../journey/decide-journey';
import type { Decision } from '../journey/journey-types';
import type { RepositoryFacts } from '../journey/readiness';
import type { Permission } from '../ports/forge-port';
import type { SuitabilityReason } from '../suitability/suitability-input';
import { discoveryMessages } from './discovery-messages';

/** A stored candidate, as the auto-tagger weighs it. */
export interface AutoTagCandidate {
  issueNumber: number;
  score: number;
  suitable: boolean;
  /** The readiness checklist passed at the last scan. */
  ready: boolean;
  labels: readonly string[];
  /** wecena has a task for the issue already: a maintainer or the bot acted on it. */
  hasTask: boolean;
  /** wecena tagged it once: never again, whatever happened since. */
  taggedBefore: boolean;
  /** A maintainer said no (`/wecena unready`, or removed the ready label): never. */
  optedOut: boolean;
}

export interface SelectAutoTagsInput {
  candidates: readonly AutoTagCandidate[];
  config: RepositoryConfig;
  /** Issues of the repository auto-tagged since the start of the current UTC day. */
  taggedToday: number;
}

const WECENA_ROLES = ['ready', 'claimed', 'done', 'needsInfo'] as const;

/**
 * The issues to tag now, best score first: nothing unless the repository opted in, never more
 * than the daily limit, never an issue a maintainer took off or wecena already tagged once.
 */
export function selectAutoTags(input: SelectAutoTagsInput): number[] {
  const { config } = input;
  if (!config.autoTag) return [];
  const room = Math.max(0, config.autoTagDailyLimit - input.taggedToday);
  if (room === 0) return [];
  return input.candidates
    .filter(
      (candidate) =>
        candidate.suitable &&
        candidate.ready &&
        !candidate.hasTask &&
        !candidate.taggedBefore &&
        !candidate.optedOut &&
        !WECENA_ROLES.some((role) => hasWecenaLabel(config, role, candidate.labels)),
    )
    .sort((a, b) => b.score - a.score || a.issueNumber - b.issueNumber)
    .slice(0, room)
    .map((candidate) => candidate.issueNumber);
}

export interface DecideAutoTagInput {
  repositoryRef: RepositoryRef;
  issue: IssueRef;
  score: number;
  reasons: readonly SuitabilityReason[];
  config: RepositoryConfig;
  repository: RepositoryFacts;
  now: string;
}

/** The account the bot's own tagging is decided in the name of; it never reaches a forge. */
const AUTO_TAGGER = { login: 'wecena', forgeId: 'wecena', isBot: false } as const;

/**
 * Tags one candidate the way a maintainer's label would: the same readiness checklist, task,
 * labels and status comment, the comment opening with why wecena tagged it and how to undo.
 * Null when the checklist no longer passes on the issue as it is now: nothing is done then.
 */
export function decideAutoTag(input: DecideAutoTagInput): Decision | null {
  const { config } = input;
  const decision = decideJourney({
    event: {
      kind: 'issue_changed',
      repository: input.repositoryRef,
      issue: input.issue,
      action: 'updated',
      labelsAdded: [config.labels.ready],
      labelsRemoved: [],
      contentEdited: false,
      actor: AUTO_TAGGER,
    },
    task: null,
    permission: 'admin',
    consultants: [],
    repository: input.repository,
    config,
    now: input.now,
  });
  const offered = decision.storeChanges.some((change) => change.type === 'upsertTask' && change.state === 'ready');
  if (!offered) return null;
  const note = discoveryMessages.autoTagged(config.labels.ready, input.score, input.reasons);
  return {
    ...decision,
    forgeEffects: decision.forgeEffects.map((effect) => (effect.type === 'setStatusComment' ? { ...effect, body: withNote(effect.body, note) } : effect)),
  };
}

/** The note goes right under the status comment's headline. */
function withNote(body: string, note: string): string {
  const end = body.indexOf('\n\n');
  return end === -1 ? `${body.trimEnd()}\n\n${note}\n` : `${body.slice(0, end)}\n\n${note}${body.slice(end)}`;
}

export type AutoTagOptOutHow = 'unready' | 'label_removed';

/** The comment holds a `/wecena unready`: the caller asks the forge who wrote it before calling `autoTagOptOut`. */
export function mentionsUnready(body: string): boolean {
  return parseComment(body).commands.some((command) => command.name === 'unready');
}

/**
 * Whether a forge event says "not this one" of an issue, for ever: a maintainer's
 * `/wecena unready`, or a person removing the ready label (the forges let only triagers and up
 * touch labels). The bot's own removals, and anyone's comment without the right, say nothing.
 */
export function autoTagOptOut(
  event: ForgeEvent,
  config: RepositoryConfig,
  permission: Permission | null,
): { issueNumber: number; how: AutoTagOptOutHow } | null {
  if (event.kind === 'issue_changed') {
    if (event.actor.isBot || !event.labelsRemoved.some((label) => isWecenaLabel(config, 'ready', label))) return null;
    return { issueNumber: event.issue.number, how: 'label_removed' };
  }
  if (event.kind === 'comment_created' && event.on.type === 'issue') {
    if (event.author.isBot || !isMaintainer(permission) || !mentionsUnready(event.comment.body)) return null;
    return { issueNumber: event.on.issue.number, how: 'unready' };
  }
  return null;
}
