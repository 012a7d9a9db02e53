import { z } from 'zod';
import { TaskCategory } from '../domain/task';
import { Tag } from '../domain/primitives';
import { parseDuration } from '../durations/duration';
import { configMessages } from '../messages/config-messages';

/**
 * The per-repository configuration, read from `.github/wecena.yml` or `.gitlab/wecena.yml`: the
 * same keys on both forges. The adapter parses the YAML text (keeping line numbers); the core
 * validates the parsed value and resolves it into a `RepositoryConfig`, every key optional.
 *
 * ```yaml
 * labels: { ready: wecena-ready, claimed: wecena-claimed, done: wecena-done, needsInfo: wecena-needs-info }
 * sizes: { size/XS: 1h, size/S: 3h, size/M: 7h, size/L: 2d }
 * skills: { lang/typescript: typescript, a11y: [accessibility, html] }
 * categories: { documentation: content }
 * claimTtlDays: 3
 * openClaimsLimit: 2
 * hoursPerDay: 7
 * maxEstimate: 7h
 * reviewWindowDays: 7
 * autoTag: false
 * autoTagDailyLimit: 5
 * ```
 */

/** The wecena labels by role; the names are the repository's choice. */
export interface WecenaLabels {
  /** Offered on wecena, ready to be claimed. */
  ready: string;
  claimed: string;
  done: string;
  /** The readiness checklist failed: the issue needs information before it can be offered. */
  needsInfo: string;
}

/** The configuration once resolved: every value present, durations in minutes. */
export interface RepositoryConfig {
  labels: WecenaLabels;
  /** Size label → estimate in minutes, in the order the file lists them. */
  sizes: Readonly<Record<string, number>>;
  /** Label → the skills it says the task needs. */
  skills: Readonly<Record<string, readonly string[]>>;
  /** Label → the task's category; a task without one is `code`. */
  categories: Readonly<Record<string, TaskCategory>>;
  /** Days a claim lasts at most, before the end of the consultant's availability window. */
  claimTtlDays: number;
  /** Open claims a consultant may hold at once, on top of their own profile's limit. */
  openClaimsLimit: number;
  /** What a day of work counts, in hours: `1d` in a duration. */
  hoursPerDay: number;
  /** The largest estimate a ready task may have: one day by default. */
  maxEstimateMinutes: number;
  /** Days after a credit is recorded during which a maintainer may reject it. */
  reviewWindowDays: number;
  /**
   * Label suitable candidates found by discovery as ready, with a status comment saying why
   * and how to undo; off by default: the maintainer opts in.
   */
  autoTag: boolean;
  /** Issues auto-tagged at most per repository and UTC day, so that the tracker stays quiet. */
  autoTagDailyLimit: number;
}

export const defaultRepositoryConfig: RepositoryConfig = {
  labels: {
    ready: 'wecena-ready',
    claimed: 'wecena-claimed',
    done: 'wecena-done',
    needsInfo: 'wecena-needs-info',
  },
  // size/L is there so that a maintainer can say "too big" with a label: it fails the checklist.
  sizes: { 'size/XS': 60, 'size/S': 180, 'size/M': 420, 'size/L': 840 },
  skills: {},
  categories: {
    documentation: 'content',
    docs: 'content',
    accessibility: 'accessibility',
    a11y: 'accessibility',
    translation: 'translation',
    i18n: 'translation',
    design: 'design',
    data: 'data',
  },
  claimTtlDays: 3,
  openClaimsLimit: 2,
  hoursPerDay: 7,
  maxEstimateMinutes: 420,
  reviewWindowDays: 7,
  autoTag: false,
  autoTagDailyLimit: 5,
};

/** GitHub allows 50 characters; GitLab refuses commas in label names. */
const LabelName = z
  .string()
  .trim()
  .min(1, configMessages.emptyLabel)
  .max(50, configMessages.longLabel)
  .refine((name) => !name.includes(','), configMessages.commaInLabel);

const DurationText = z.string({ error: configMessages.durationNotText }).trim().min(1, configMessages.durationNotText);

/** The file as written; resolved by `parseRepositoryConfig`. Unknown keys are reported: a typo must not pass silently. */
export const RepositoryConfigFile = z.strictObject({
  labels: z
    .strictObject({
      ready: LabelName.optional(),
      claimed: LabelName.optional(),
      done: LabelName.optional(),
      needsInfo: LabelName.optional(),
    })
    .optional(),
  sizes: z.record(LabelName, DurationText).optional(),
  skills: z.record(LabelName, z.union([Tag, z.array(Tag).min(1)], { error: configMessages.skillNotTag })).optional(),
  categories: z.record(LabelName, TaskCategory).optional(),
  claimTtlDays: z.int().min(1).max(30).optional(),
  openClaimsLimit: z.int().min(1).max(10).optional(),
  hoursPerDay: z
    .number()
    .min(1)
    .max(12)
    .refine((hours) => Number.isInteger(hours * 60), configMessages.hoursPerDayMinutes)
    .optional(),
  maxEstimate: DurationText.optional(),
  reviewWindowDays: z.int().min(1).max(90).optional(),
  autoTag: z.boolean().optional(),
  autoTagDailyLimit: z.int().min(1).max(50).optional(),
});
export type RepositoryConfigFile = z.infer<typeof RepositoryConfigFile>;

/** One thing wrong with a configuration file, where it is. */
export interface ConfigProblem {
  /** For people: `sizes."size/S"`, `claimTtlDays`; empty for the whole file. */
  path: string;
  /** For the adapter, to find the line in the YAML document: `['sizes', 'size/S']`. */
  keys: (string | number)[];
  message: string;
}

export type ParseRepositoryConfigResult = { ok: true; config: RepositoryConfig } | { ok: false; problems: ConfigProblem[] };

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `sizes."size/S"`: keys that are not plain words are quoted, so that the path reads back. */
export function formatConfigPath(keys: readonly (string | number)[]): string {
  return keys
    .map((key) => (typeof key === 'number' ? `[${key}]` : PLAIN_KEY.test(key) ? key : JSON.stringify(key)))
    .join('.')
    .replaceAll('.[', '[');
}

function problem(keys: (string | number)[], message: string): ConfigProblem {
  return { path: formatConfigPath(keys), keys, message };
}

function lowerCaseKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
}

/**
 * Validates what the YAML parser made of the file and fills in the defaults. `null` or
 * `undefined` (an empty file) is the default configuration. Never throws: each problem comes
 * with its path, and the caller applies `defaultRepositoryConfig` meanwhile.
 */
export function parseRepositoryConfig(parsedYaml: unknown): ParseRepositoryConfigResult {
  if (parsedYaml === null || parsedYaml === undefined) return { ok: true, config: defaultRepositoryConfig };
  if (typeof parsedYaml !== 'object' || Array.isArray(parsedYaml)) {
    return { ok: false, problems: [problem([], configMessages.notAMapping)] };
  }
  const parsed = RepositoryConfigFile.safeParse(parsedYaml);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.flatMap((issue) => {
        const keys = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
        // An unknown key is reported at its own path, one problem per key.
        if (issue.code === 'unrecognized_keys') {
          return issue.keys.map((key) => problem([...keys, key], configMessages.unknownKey(key)));
        }
        return [problem(keys, issue.message)];
      }),
    };
  }
  const file = parsed.data;
  const defaults = defaultRepositoryConfig;
  const hoursPerDay = file.hoursPerDay ?? defaults.hoursPerDay;
  const minutesPerDay = Math.round(hoursPerDay * 60);
  const problems: ConfigProblem[] = [];

  const readDuration = (keys: (string | number)[], text: string): number => {
    const duration = parseDuration(text, { minutesPerDay });
    if (duration.ok) return duration.minutes;
    problems.push(problem(keys, duration.error));
    return 0;
  };

  const sizes =
    file.sizes === undefined
      ? defaults.sizes
      : Object.fromEntries(Object.entries(file.sizes).map(([label, text]) => [label, readDuration(['sizes', label], text)]));
  const maxEstimateMinutes =
    file.maxEstimate === undefined ? defaults.maxEstimateMinutes : readDuration(['maxEstimate'], file.maxEstimate);
  const labels: WecenaLabels = { ...defaults.labels, ...file.labels };

  const roleNames = Object.values(labels).map((name) => name.toLowerCase());
  (Object.keys(labels) as (keyof WecenaLabels)[]).forEach((role, index) => {
    const name = labels[role].toLowerCase();
    if (roleNames.indexOf(name) !== index) problems.push(problem(['labels', role], configMessages.duplicateLabel(labels[role])));
  });
  for (const label of Object.keys(sizes)) {
    if (roleNames.includes(label.toLowerCase())) problems.push(problem(['sizes', label], configMessages.sizeIsWecenaLabel(label)));
  }
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    config: {
      labels,
      sizes,
      skills:
        file.skills === undefined
          ? defaults.skills
          : Object.fromEntries(
              Object.entries(file.skills).map(([label, skills]) => [label, typeof skills === 'string' ? [skills] : skills]),
            ),
      categories: file.categories ?? defaults.categories,
      claimTtlDays: file.claimTtlDays ?? defaults.claimTtlDays,
      openClaimsLimit: file.openClaimsLimit ?? defaults.openClaimsLimit,
      hoursPerDay,
      maxEstimateMinutes,
      reviewWindowDays: file.reviewWindowDays ?? defaults.reviewWindowDays,
      autoTag: file.autoTag ?? defaults.autoTag,
      autoTagDailyLimit: file.autoTagDailyLimit ?? defaults.autoTagDailyLimit,
    },
  };
}

/** The estimate a size label stands for, by name in any case (forges compare labels so). */
export function sizeOfLabel(config: RepositoryConfig, label: string): number | undefined {
  return lowerCaseKeys(config.sizes)[label.toLowerCase()];
}

/** Whether `label` is the wecena label of `role`, in any case. */
export function isWecenaLabel(config: RepositoryConfig, role: keyof WecenaLabels, label: string): boolean {
  return config.labels[role].toLowerCase() === label.toLowerCase();
}

/** Whether an issue's labels include the wecena label of `role`. */
export function hasWecenaLabel(config: RepositoryConfig, role: keyof WecenaLabels, labels: readonly string[]): boolean {
  return labels.some((label) => isWecenaLabel(config, role, label));
}

/** The skills an issue's labels map to, each once, in label order. */
export function skillsOfLabels(config: RepositoryConfig, labels: readonly string[]): string[] {
  const skills = lowerCaseKeys(config.skills);
  return [...new Set(labels.flatMap((label) => skills[label.toLowerCase()] ?? []))];
}

/** The category the first categorised label gives, else `code`. */
export function categoryOfLabels(config: RepositoryConfig, labels: readonly string[]): TaskCategory {
  const categories = lowerCaseKeys(config.categories);
  for (const label of labels) {
    const category = categories[label.toLowerCase()];
    if (category !== undefined) return category;
  }
  return 'code';
}
