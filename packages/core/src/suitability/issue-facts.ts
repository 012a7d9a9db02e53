import type { IssueComment, LabelMeaning, SuitabilityInput } from './suitability-input';

/** One label as the score reads it. */
export interface LabelFact {
  label: string;
  normalized: string;
  /** The meaning the repository's configuration gives it, if any. */
  configured: LabelMeaning | null;
}

/** What the rules look at, prepared once per issue. */
export interface IssueFacts {
  title: string;
  /** The description as written, code included. */
  body: string;
  /** The description's prose: code blocks and code spans removed, so wording is not read in logs. */
  prose: string;
  labels: LabelFact[];
  comments: readonly IssueComment[];
  repositoryLanguages: readonly string[];
  ageDays: number | null;
  daysSinceActivity: number | null;
}

const QUOTE_LIMIT = 40;

/** `Good-First-Issue`, `:star: good first issue`, `E-easy` → `good first issue`, `e easy`. */
export function normalizeLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/:[a-z0-9_+-]+:/g, ' ')
    .replace(/[^\p{L}\p{N}#+]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Code blocks (fenced or indented) and code spans, removed: their words are not the reporter's. */
export function stripCode(text: string): string {
  return text
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/~~~[\s\S]*?(~~~|$)/g, ' ')
    .replace(/`[^`\n]*`/g, ' ');
}

export function readIssueFacts(input: SuitabilityInput): IssueFacts {
  const meanings = new Map(
    Object.entries(input.labelMeanings ?? {}).map(([label, meaning]) => [normalizeLabel(label), meaning]),
  );
  const body = input.body.trim();
  return {
    title: input.title.trim(),
    body,
    prose: stripCode(body),
    labels: input.labels.map((label) => {
      const normalized = normalizeLabel(label);
      return { label, normalized, configured: meanings.get(normalized) ?? null };
    }),
    comments: input.comments ?? [],
    repositoryLanguages: input.repositoryLanguages ?? [],
    ageDays: input.ageDays ?? null,
    daysSinceActivity: input.daysSinceActivity ?? null,
  };
}

/** The first words of `text` that one of `patterns` matches, quoted short; null when none. */
export function findWords(text: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match !== null) return quote(match[0]);
  }
  return null;
}

/** The first label with the configured meaning, or else one that a built-in pattern matches. */
export function findLabel(facts: IssueFacts, meaning: LabelMeaning | null, patterns: readonly RegExp[]): string | null {
  const configured = meaning === null ? undefined : facts.labels.find((fact) => fact.configured === meaning);
  if (configured !== undefined) return configured.label;
  const matched = facts.labels.find(
    (fact) => fact.configured === null && patterns.some((pattern) => pattern.test(fact.normalized)),
  );
  return matched?.label ?? null;
}

/** Whether `label` carries its meaning from the repository's configuration. */
export function isConfiguredLabel(facts: IssueFacts, label: string): boolean {
  return facts.labels.some((fact) => fact.label === label && fact.configured !== null);
}

function quote(words: string): string {
  const clean = words.trim().replace(/\s+/g, ' ');
  return clean.length <= QUOTE_LIMIT ? clean : `${clean.slice(0, QUOTE_LIMIT - 1)}…`;
}
