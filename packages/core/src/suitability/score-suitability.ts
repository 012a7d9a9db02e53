import { categorizeIssue, listSkills } from './categorize-issue';
import { findLabel, findWords, isConfiguredLabel, type IssueFacts, readIssueFacts, stripCode } from './issue-facts';
import * as signals from './signals';
import type {
  Suitability,
  SuitabilityFactor,
  SuitabilityInput,
  SuitabilityReason,
} from './suitability-input';

/** The score at and above which an issue is offered as suitable for a one-day volunteer. */
export const DEFAULT_SUITABILITY_THRESHOLD = 3;

/** How far below the threshold an issue may score and still be told what it misses. */
export const NEAR_MISS_MARGIN = 3;

/*
 * Points per factor. Coarse on purpose: a marker the project sets itself (a newcomer label)
 * counts most among positives; a sign that the work is not a task at all (security, tracking,
 * a maintainer's refusal) outweighs any single positive.
 */
export const SUITABILITY_WEIGHTS = {
  newcomerLabel: 3,
  helpWanted: 2,
  workKindLabel: 1,
  maintainerInvites: 2,
  stepsAndExpected: 2,
  acceptance: 2,
  expectedOnly: 1,
  taskList: 1,
  smallTask: 2,
  sizeSmall: 2,
  sizeLarge: -3,
  namedLocation: 1,
  manyFiles: -1,
  shortScope: 1,
  longDescription: -1,
  recentActivity: 1,
  staleActivity: -1,
  noDescription: -2,
  selfEvidentTitle: 1,
  vagueRequest: -1,
  discussion: -3,
  questionTitle: -2,
  tracking: -4,
  largeScope: -3,
  security: -4,
  breakingChange: -2,
  unknownCause: -3,
  symptom: -1,
  performance: -2,
  privateContext: -3,
  notPlanned: -4,
  openQuestion: -2,
  longDiscussion: -1,
} as const;

const W = SUITABILITY_WEIGHTS;
const SHORT_DESCRIPTION = 400;
const LONG_DESCRIPTION = 2500;
const LONG_DISCUSSION = 6;
const MAX_TASK_LIST = 10;
const FEW_PLACES = 3;
const MANY_FILES = 6;
const RECENT_DAYS = 90;
const STALE_DAYS = 730;

type Finding = Omit<SuitabilityReason, 'factor'>;
type Rule = (facts: IssueFacts) => Finding | null;

export interface ScoreSuitabilityOptions {
  threshold?: number;
}

/**
 * How well an issue suits a volunteer who has one day and no onboarding, with the reasons.
 * Pure: the same issue always gets the same score and the same words.
 */
export function scoreSuitability(input: SuitabilityInput, options: ScoreSuitabilityOptions = {}): Suitability {
  const threshold = options.threshold ?? DEFAULT_SUITABILITY_THRESHOLD;
  const facts = readIssueFacts(input);
  const reasons = (Object.entries(RULES) as Array<[SuitabilityFactor, Rule]>)
    .flatMap(([factor, rule]) => {
      const finding = rule(facts);
      return finding === null || finding.points === 0 ? [] : [{ factor, ...finding }];
    })
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  const score = reasons.reduce((sum, reason) => sum + reason.points, 0);
  const suitable = score >= threshold;
  const category = categorizeIssue(facts);
  return {
    score,
    suitable,
    reasons,
    missing: suitable ? null : findMissing(score, threshold, reasons),
    category,
    skills: listSkills(facts, category),
  };
}

function allText(facts: IssueFacts): string {
  return `${facts.title}\n${facts.prose}`;
}

function maintainerProse(facts: IssueFacts): string {
  return facts.comments
    .filter((comment) => comment.author === 'maintainer')
    .map((comment) => stripCode(comment.body))
    .join('\n');
}

/** `labelled "easy pickings" (newcomer work)`; says so when the mapping is the project's own. */
function labelled(label: string, facts: IssueFacts, meaning: string): string {
  return isConfiguredLabel(facts, label)
    ? `labelled "${label}", which this repository's configuration maps to ${meaning}`
    : `labelled "${label}" (${meaning})`;
}

/** Places named in the description: files, lines, functions. */
function findPlaces(text: string): string[] {
  const files = text.match(
    /(?<![\w/.-])(?:[\w.-]+\/)*[\w-]+\.(?:jsx?|tsx?|mjs|cjs|py|rb|go|rs|java|kt|swift|c|h|cc|cpp|hpp|cs|php|md|rst|html?|css|scss|sass|less|json|ya?ml|toml|xml|sh|vue|svelte|sql|gradle|cfg|ini|lua|dart|scala|ipynb|po|pot)\b/gi,
  );
  const wellKnown = text.match(/\b(?:README|INSTALL|CONTRIBUTING|CHANGELOG|LICENSE|COPYING|AUTHORS|Makefile|Dockerfile)\b/g);
  // A code span names a place when it looks like code (a path, a call, snake_case, camelCase), not a quoted word.
  const identifiers = [...text.matchAll(/`(?<name>[\w.:$/-]{2,60}(?:\(\))?)`/g)]
    .map((match) => match.groups?.['name'] ?? '')
    .filter((name) => /[./_:$()]|[a-z][A-Z]/.test(name));
  const qualified = text.match(/\b[a-z]\w*(?:\.[a-z]\w*){1,}\.[A-Z]\w+\b/g);
  const lines = text.match(/\b(?:line|lines|L)\s?\d+\b/g);
  return [...new Set([...(files ?? []), ...(wellKnown ?? []), ...identifiers, ...(qualified ?? []), ...(lines ?? [])])];
}

function countTaskItems(body: string): number {
  return body.match(/^\s*[-*+] \[[ xX]\]/gm)?.length ?? 0;
}

function hasNumberedSteps(body: string): boolean {
  return /^\s*1[.)]\s+\S/m.test(body) && /^\s*2[.)]\s+\S/m.test(body);
}

const RULES: Record<SuitabilityFactor, Rule> = {
  newcomer_label: (facts) => {
    const label = findLabel(facts, 'newcomer', signals.NEWCOMER_LABELS);
    return label === null ? null : { points: W.newcomerLabel, text: labelled(label, facts, 'newcomer work') };
  },
  help_wanted: (facts) => {
    const label = findLabel(facts, 'help_wanted', signals.HELP_WANTED_LABELS);
    return label === null ? null : { points: W.helpWanted, text: labelled(label, facts, 'a request for outside help') };
  },
  work_kind_label: (facts) => {
    const kinds = [
      ['documentation', signals.DOCUMENTATION_LABELS, 'documentation work'],
      ['accessibility', signals.ACCESSIBILITY_LABELS, 'accessibility work'],
      ['translation', signals.TRANSLATION_LABELS, 'translation work'],
      ['data', signals.DATA_LABELS, 'data work'],
      ['training', signals.TRAINING_LABELS, 'training or support work'],
    ] as const;
    for (const [meaning, patterns, words] of kinds) {
      const label = findLabel(facts, meaning, patterns);
      if (label !== null) return { points: W.workKindLabel, text: labelled(label, facts, words) };
    }
    return null;
  },
  maintainer_invites: (facts) => {
    const fromMaintainer = findWords(maintainerProse(facts), signals.INVITATION_WORDS);
    if (fromMaintainer !== null) {
      return { points: W.maintainerInvites, text: `a maintainer invites a contribution ("${fromMaintainer}")` };
    }
    const agreement = findWords(maintainerProse(facts), signals.AGREEMENT_WORDS);
    if (agreement !== null) return { points: W.maintainerInvites, text: `a maintainer agrees with the report ("${agreement}")` };
    const agreed = findLabel(facts, null, signals.AGREED_LABELS);
    if (agreed !== null) return { points: W.maintainerInvites, text: `labelled "${agreed}": the maintainers accepted the task` };
    const inDescription = findWords(facts.prose, signals.INVITATION_WORDS);
    return inDescription === null
      ? null
      : { points: W.maintainerInvites, text: `the description invites a contribution ("${inDescription}")` };
  },
  expected_result: (facts) => {
    const acceptance = findWords(facts.prose, signals.ACCEPTANCE_WORDS);
    if (acceptance !== null) return { points: W.acceptance, text: `the description states when it is done ("${acceptance}")` };
    const expected = findWords(facts.prose, signals.EXPECTED_WORDS);
    const steps = findWords(facts.prose, signals.STEPS_WORDS) ?? (hasNumberedSteps(facts.body) ? 'numbered steps' : null);
    if (expected !== null && steps !== null) {
      return { points: W.stepsAndExpected, text: `the description gives steps to reproduce ("${steps}") and the expected result ("${expected}")` };
    }
    return expected === null ? null : { points: W.expectedOnly, text: `the description states the expected result ("${expected}")` };
  },
  task_list: (facts) => {
    const items = countTaskItems(facts.body);
    if (items === 0) return null;
    return items <= MAX_TASK_LIST
      ? { points: W.taskList, text: `the description has a task list of ${items} item${items === 1 ? '' : 's'}` }
      : { points: -W.taskList, text: `the description has a task list of ${items} items, more than a day's work` };
  },
  small_task: (facts) => {
    const words = findWords(allText(facts), signals.SMALL_TASK_WORDS);
    return words === null ? null : { points: W.smallTask, text: `a small task whose result is self-evident ("${words}")` };
  },
  size: (facts) => {
    const large = findLabel(facts, 'large', signals.LARGE_LABELS);
    if (large !== null) return { points: W.sizeLarge, text: labelled(large, facts, 'a size or difficulty beyond a day') };
    const small = findLabel(facts, 'small', signals.SMALL_LABELS);
    if (small !== null) return { points: W.sizeSmall, text: labelled(small, facts, 'a small size') };
    const estimate = findWords(allText(facts), signals.ESTIMATE_WORDS);
    return estimate === null ? null : { points: W.sizeSmall, text: `states a small size ("${estimate}")` };
  },
  named_location: (facts) => {
    const places = findPlaces(`${facts.title}\n${facts.body}`);
    if (places.length === 0) return null;
    if (places.length > MANY_FILES) {
      return { points: W.manyFiles, text: `names ${places.length} places to change, a wide scope` };
    }
    const shown = places.slice(0, FEW_PLACES).join(', ');
    return places.length <= FEW_PLACES ? { points: W.namedLocation, text: `names where to work (${shown})` } : null;
  },
  short_scope: (facts) => {
    if (facts.prose.trim().length === 0) return null;
    const length = facts.body.length;
    if (length <= SHORT_DESCRIPTION) return { points: W.shortScope, text: `a short description (${length} characters), a narrow scope` };
    return length > LONG_DESCRIPTION
      ? { points: W.longDescription, text: `a long description (${length} characters), likely more than a day's work` }
      : null;
  },
  activity: (facts) => {
    if (facts.daysSinceActivity !== null) {
      const days = Math.floor(facts.daysSinceActivity);
      if (days <= RECENT_DAYS) return { points: W.recentActivity, text: `active in the last ${RECENT_DAYS} days (${days} days ago)` };
      if (days > STALE_DAYS) return { points: W.staleActivity, text: `no activity for ${days} days: it may be out of date` };
      return null;
    }
    if (facts.ageDays !== null && facts.ageDays > STALE_DAYS) {
      return { points: W.staleActivity, text: `opened ${Math.floor(facts.ageDays)} days ago: it may be out of date` };
    }
    return null;
  },
  no_description: (facts) => {
    if (facts.body.length > 0) return null;
    // A self-evident title needs no description; the rule's examples: --version, a favicon, a typo.
    const selfEvident = findWords(facts.title, signals.SMALL_TASK_WORDS);
    if (selfEvident !== null) {
      return { points: W.selfEvidentTitle, text: `no description, but the title states the whole task ("${selfEvident}")` };
    }
    return { points: W.noDescription, text: 'no description: the expected result must be guessed from the title' };
  },
  vague_request: (facts) => {
    const words = findWords(facts.title, signals.VAGUE_REQUEST_WORDS) ?? findWords(facts.prose, signals.VAGUE_REQUEST_WORDS);
    return words === null ? null : { points: W.vagueRequest, text: `reads as a wish rather than a specified task ("${words}")` };
  },
  discussion: (facts) => {
    const label = findLabel(facts, null, signals.DISCUSSION_LABELS);
    if (label !== null) return { points: W.discussion, text: `labelled "${label}": a conversation to settle, not a task` };
    const words = findWords(allText(facts), signals.DISCUSSION_WORDS);
    if (words !== null) return { points: W.discussion, text: `says "${words}": a decision still to be made` };
    const question = findWords(facts.title, signals.QUESTION_TITLE_WORDS);
    return question === null ? null : { points: W.questionTitle, text: `the title asks a question ("${question}")` };
  },
  tracking: (facts) => {
    const label = findLabel(facts, null, signals.TRACKING_LABELS);
    if (label !== null) return { points: W.tracking, text: `labelled "${label}": an umbrella over several tasks` };
    const words = findWords(allText(facts), signals.TRACKING_WORDS);
    return words === null ? null : { points: W.tracking, text: `says "${words}": an umbrella over several tasks` };
  },
  large_scope: (facts) => {
    const words = findWords(allText(facts), signals.LARGE_SCOPE_WORDS);
    return words === null ? null : { points: W.largeScope, text: `says "${words}": larger than a day's work` };
  },
  security: (facts) => {
    const label = findLabel(facts, null, signals.SECURITY_LABELS);
    const words = label === null ? findWords(allText(facts), signals.SECURITY_WORDS) : null;
    const shown = label === null ? (words === null ? null : `says "${words}"`) : `labelled "${label}"`;
    return shown === null ? null : { points: W.security, text: `${shown}: security work stays with the maintainers` };
  },
  breaking_change: (facts) => {
    const label = findLabel(facts, null, signals.BREAKING_LABELS);
    const words = label === null ? findWords(allText(facts), signals.BREAKING_WORDS) : null;
    const shown = label === null ? (words === null ? null : `says "${words}"`) : `labelled "${label}"`;
    return shown === null ? null : { points: W.breakingChange, text: `${shown}: needs the maintainers' decision and release plan` };
  },
  unknown_cause: (facts) => {
    const label = findLabel(facts, null, signals.UNKNOWN_CAUSE_LABELS);
    if (label !== null) return { points: W.unknownCause, text: `labelled "${label}": the cause must be found first` };
    const words = findWords(allText(facts), signals.UNKNOWN_CAUSE_WORDS);
    if (words !== null) return { points: W.unknownCause, text: `says "${words}": the cause must be found first` };
    const symptom = findWords(allText(facts), signals.SYMPTOM_WORDS);
    return symptom === null ? null : { points: W.symptom, text: `describes a symptom ("${symptom}") with no cause named` };
  },
  performance: (facts) => {
    const label = findLabel(facts, null, signals.PERFORMANCE_LABELS);
    const words = label === null ? findWords(allText(facts), signals.PERFORMANCE_WORDS) : null;
    const shown = label === null ? (words === null ? null : `says "${words}"`) : `labelled "${label}"`;
    return shown === null ? null : { points: W.performance, text: `${shown}: a performance investigation` };
  },
  private_context: (facts) => {
    const words = findWords(allText(facts), signals.PRIVATE_CONTEXT_WORDS);
    return words === null ? null : { points: W.privateContext, text: `says "${words}": needs access, rights or context that maintainers hold` };
  },
  not_planned: (facts) => {
    const label = findLabel(facts, 'not_suitable', signals.NOT_PLANNED_LABELS);
    if (label !== null) return { points: W.notPlanned, text: labelled(label, facts, 'work not to be done as asked') };
    const words = findWords(maintainerProse(facts), signals.NOT_PLANNED_WORDS);
    return words === null ? null : { points: W.notPlanned, text: `a maintainer answered "${words}"` };
  },
  open_question: (facts) => {
    const label = findLabel(facts, null, signals.NEEDS_INFO_LABELS);
    if (label !== null) return { points: W.openQuestion, text: `labelled "${label}": information is still missing` };
    const last = facts.comments.at(-1);
    if (last === undefined) return null;
    if (last.author === 'maintainer') {
      const request = findWords(stripCode(last.body), signals.INFO_REQUEST_WORDS);
      return request === null
        ? null
        : { points: W.openQuestion, text: `a maintainer asked for more ("${request}") and no answer follows` };
    }
    return stripCode(last.body).includes('?')
      ? { points: W.openQuestion, text: 'the last comment asks a question that no maintainer has answered' }
      : null;
  },
  long_discussion: (facts) => {
    const count = facts.comments.length;
    return count >= LONG_DISCUSSION ? { points: W.longDiscussion, text: `${count} comments: still being discussed` } : null;
  },
};

/** What a maintainer could add, and the factor it would bring in. */
const IMPROVEMENTS: ReadonlyArray<{ factor: SuitabilityFactor; gain: number; text: string }> = [
  { factor: 'open_question', gain: -W.openQuestion, text: 'an answer from a maintainer to the open question' },
  {
    factor: 'expected_result',
    gain: W.acceptance,
    text: 'the expected result: steps to reproduce and expected behaviour, or acceptance criteria',
  },
  { factor: 'size', gain: W.sizeSmall, text: 'an estimate or a size label showing that it fits in a day' },
  { factor: 'named_location', gain: W.namedLocation, text: 'the files or functions to change' },
  { factor: 'newcomer_label', gain: W.newcomerLabel, text: 'a newcomer label ("good first issue") if a newcomer can take it' },
];

/** Factors that no edit of the description turns into a one-day task. */
const BLOCKING: ReadonlySet<SuitabilityFactor> = new Set(['security', 'tracking', 'not_planned']);

function findMissing(score: number, threshold: number, reasons: readonly SuitabilityReason[]): string | null {
  if (score < threshold - NEAR_MISS_MARGIN) return null;
  if (reasons.some((reason) => BLOCKING.has(reason.factor))) return null;
  const present = new Map(reasons.map((reason) => [reason.factor, reason.points]));
  const options = IMPROVEMENTS.flatMap((improvement) => {
    const current = present.get(improvement.factor);
    // An open question counts when present; the others when absent or negative.
    if (improvement.factor === 'open_question') return current === undefined ? [] : [improvement];
    if (current !== undefined && current > 0) return [];
    return [{ ...improvement, gain: improvement.gain - (current ?? 0) }];
  });
  const closing = options.find((option) => score + option.gain >= threshold);
  if (closing !== undefined) return closing.text;
  const best = options.reduce<(typeof options)[number] | null>((top, option) => (top === null || option.gain > top.gain ? option : top), null);
  return best?.text ?? null;
}
