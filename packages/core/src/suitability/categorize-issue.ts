import { findLabel, findWords, type IssueFacts } from './issue-facts';
import * as signals from './signals';
import type { SuitabilityCategory } from './suitability-input';

/*
 * The kind of work, after the three kinds of the original service: code (bug fixing, small
 * features), content and data (documentation, translation, data entry, accessible teaching
 * material) and training and support. Accessibility is its own category because sponsors look
 * for it, and it wins over documentation: alt text in a README is accessibility work. Labels
 * and the title count first; the description only when it says so twice, because bug reports
 * mention the docs in passing.
 */

type NonCode = Exclude<SuitabilityCategory, 'code' | 'other'>;

/** Checked in this order: the more specific kind first. */
const NON_CODE: ReadonlyArray<{ category: NonCode; labels: readonly RegExp[]; words: readonly RegExp[] }> = [
  {
    category: 'accessibility',
    labels: signals.ACCESSIBILITY_LABELS,
    words: [
      /\ba11y\b/i,
      /\baccessib(le|ility)\b/i,
      /\bscreen ?readers?\b/i,
      /\balt(ernative)?[- ]text\b/i,
      /\balt attributes?\b/i,
      /\baria-[a-z]+\b/i,
      /\bwcag\b/i,
      /\bcolou?r contrast\b/i,
      /\bkeyboard (navigation|focus|users?|only)\b/i,
      /\b(captions|subtitles)\b/i,
    ],
  },
  {
    category: 'training',
    labels: signals.TRAINING_LABELS,
    words: [/\bworkshops?\b/i, /\btraining (session|material|course)s?\b/i, /\bwebinars?\b/i, /\bmentor(ing|ship)\b/i, /\boffice hours\b/i],
  },
  {
    category: 'data',
    labels: signals.DATA_LABELS,
    words: [/\bdata entry\b/i, /\bdatasets?\b/i, /\bspreadsheets?\b/i, /\bmetadata\b/i, /\b(add|update|fill in|complete) (the )?(missing )?(entries|records|rows)\b/i],
  },
  {
    category: 'content',
    labels: [...signals.DOCUMENTATION_LABELS, ...signals.TRANSLATION_LABELS, /\b(content|copy|copywriting|writing|typo|website|blog|tutorial)\b/],
    words: [
      /\bdoc(s|umentation)\b/i,
      /\breadme\b/i,
      /\btypos?\b/i,
      /\bmis-?spell/i,
      /\bspelling\b/i,
      /\bgrammar\b/i,
      /\bwording\b/i,
      /\btranslat/i,
      /\blocali[sz]/i,
      /\bi18n\b/i,
      /\bl10n\b/i,
      /\b(broken|dead) links?\b/i,
      /\btutorial\b/i,
      /\bguide\b/i,
      /\bfaq\b/i,
      /\bchangelog\b/i,
      /\bwiki\b/i,
    ],
  },
];

const CODE_LABELS: readonly RegExp[] = [/\bbug\b/, /\bfeature\b/, /\benhancement\b/, /\btests?\b/, /\brefactor/, /\bdefect\b/, /\bregression\b/, /\bci\b/, /\bbuild\b/];
const CODE_WORDS: readonly RegExp[] = [
  /\b(error|exception|traceback|stack ?trace|crash|bug|fails?|failing|broken)\b/i,
  /\b(function|method|class|module|api|endpoint|cli|command|flag|option|parameter|argument|compile|build|tests?)\b/i,
];

function findNonCode(facts: IssueFacts, pick: (kind: (typeof NON_CODE)[number]) => boolean): NonCode | null {
  return NON_CODE.find(pick)?.category ?? null;
}

/** The kind of work an issue asks for. */
export function categorizeIssue(facts: IssueFacts): SuitabilityCategory {
  const configured = facts.labels.find((fact) => fact.configured !== null)?.configured;
  if (configured === 'documentation' || configured === 'translation') return 'content';
  if (configured === 'accessibility' || configured === 'data' || configured === 'training') return configured;
  return (
    findNonCode(facts, (kind) => findLabel(facts, null, kind.labels) !== null || findWords(facts.title, kind.words) !== null) ??
    (findLabel(facts, null, CODE_LABELS) !== null || findWords(facts.title, CODE_WORDS) !== null ? 'code' : null) ??
    findNonCode(facts, (kind) => kind.words.filter((pattern) => pattern.test(facts.prose)).length >= 2) ??
    (facts.body.includes('`') || findWords(facts.prose, CODE_WORDS) !== null ? 'code' : null) ??
    (facts.repositoryLanguages.length > 0 && facts.body.length > 0 ? 'code' : 'other')
  );
}

const SKILL_LABELS: ReadonlyArray<{ skill: string; pattern: RegExp }> = [
  { skill: 'JavaScript', pattern: /\b(javascript|js|node|nodejs|react|vue|angular|svelte)\b/ },
  { skill: 'TypeScript', pattern: /\b(typescript|ts)\b/ },
  { skill: 'Python', pattern: /\b(python|py|django|flask)\b/ },
  { skill: 'Rust', pattern: /\brust\b/ },
  { skill: 'Go', pattern: /\b(go|golang)\b/ },
  { skill: 'Java', pattern: /\bjava\b/ },
  { skill: 'C#', pattern: /\b(c#|csharp|dotnet)\b/ },
  { skill: 'PHP', pattern: /\bphp\b/ },
  { skill: 'Ruby', pattern: /\b(ruby|rails)\b/ },
  { skill: 'CSS', pattern: /\b(css|scss|styling|style)\b/ },
  { skill: 'HTML', pattern: /\bhtml\b/ },
  { skill: 'SQL', pattern: /\b(sql|database|postgres|mysql)\b/ },
  { skill: 'Docker', pattern: /\bdocker\b/ },
  { skill: 'design', pattern: /\b(design|ux|ui)\b/ },
  { skill: 'writing', pattern: /\bdoc(s|umentation)?\b/ },
  { skill: 'translation', pattern: /\b(translat\w*|i18n|l10n)\b/ },
  { skill: 'accessibility', pattern: /\b(a11y|accessib\w*)\b/ },
];

const CATEGORY_SKILL: Record<SuitabilityCategory, string | null> = {
  code: null,
  content: 'writing',
  data: 'data entry',
  accessibility: 'accessibility',
  training: 'teaching',
  other: null,
};

/** The skills an issue needs: named by its labels, else the repository's main languages for code. */
export function listSkills(facts: IssueFacts, category: SuitabilityCategory): string[] {
  const fromLabels = SKILL_LABELS.filter(({ pattern }) => facts.labels.some((fact) => pattern.test(fact.normalized))).map(
    ({ skill }) => skill,
  );
  const fromCategory = CATEGORY_SKILL[category];
  const fromLanguages = category === 'code' || category === 'accessibility' ? facts.repositoryLanguages.slice(0, 2) : [];
  return [...new Set([...fromLabels, ...(fromCategory === null ? [] : [fromCategory]), ...fromLanguages])];
}
