import { describe, expect, it } from 'vitest';
import { wecenaLabelSpecs } from './label-specs';
import {
  categoryOfLabels,
  defaultRepositoryConfig,
  formatConfigPath,
  parseRepositoryConfig,
  sizeOfLabel,
  skillsOfLabels,
  type ConfigProblem,
  type RepositoryConfig,
} from './repository-config';

function configOf(parsedYaml: unknown): RepositoryConfig {
  const result = parseRepositoryConfig(parsedYaml);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

describe('parseRepositoryConfig', () => {
  it.each([
    { name: 'an empty file', input: null },
    { name: 'no file', input: undefined },
    { name: 'an empty mapping', input: {} },
  ])('gives the defaults for $name', ({ input }) => {
    expect(parseRepositoryConfig(input)).toEqual({ ok: true, config: defaultRepositoryConfig });
  });

  it('has the documented defaults', () => {
    expect(defaultRepositoryConfig).toMatchObject({
      labels: { ready: 'wecena-ready', claimed: 'wecena-claimed', done: 'wecena-done', needsInfo: 'wecena-needs-info' },
      sizes: { 'size/XS': 60, 'size/S': 180, 'size/M': 420, 'size/L': 840 },
      claimTtlDays: 3,
      openClaimsLimit: 2,
      hoursPerDay: 7,
      maxEstimateMinutes: 420,
      reviewWindowDays: 7,
      autoTag: false,
      autoTagDailyLimit: 5,
    });
  });

  it.each<{ name: string; input: unknown; expected: Partial<RepositoryConfig> }>([
    {
      name: 'one label renamed, the others kept',
      input: { labels: { ready: 'good-for-wecena' } },
      expected: { labels: { ...defaultRepositoryConfig.labels, ready: 'good-for-wecena' } },
    },
    {
      name: 'sizes replacing the defaults, days counted with hoursPerDay',
      input: { sizes: { small: '2h30', medium: '1d' }, hoursPerDay: 8 },
      expected: { sizes: { small: 150, medium: 480 }, hoursPerDay: 8 },
    },
    {
      name: 'skills as one tag or a list',
      input: { skills: { 'lang/ts': 'typescript', a11y: ['accessibility', 'html'] } },
      expected: { skills: { 'lang/ts': ['typescript'], a11y: ['accessibility', 'html'] } },
    },
    {
      name: 'numbers and switches',
      input: { claimTtlDays: 5, openClaimsLimit: 1, reviewWindowDays: 14, autoTag: true, autoTagDailyLimit: 2, maxEstimate: '4h' },
      expected: { claimTtlDays: 5, openClaimsLimit: 1, reviewWindowDays: 14, autoTag: true, autoTagDailyLimit: 2, maxEstimateMinutes: 240 },
    },
    { name: 'categories', input: { categories: { docs: 'content' } }, expected: { categories: { docs: 'content' } } },
  ])('reads $name', ({ input, expected }) => {
    expect(configOf(input)).toMatchObject(expected);
  });

  it.each<{ name: string; input: unknown; expected: Array<Pick<ConfigProblem, 'path' | 'keys'> & { message?: string }> }>([
    {
      name: 'a list instead of a mapping',
      input: ['claimTtlDays'],
      expected: [{ path: '', keys: [], message: 'The configuration must be a mapping of keys to values, such as `claimTtlDays: 3`.' }],
    },
    { name: 'a scalar', input: 'wecena', expected: [{ path: '', keys: [] }] },
    {
      name: 'a misspelt key',
      input: { claimTTLDays: 3 },
      expected: [
        {
          path: 'claimTTLDays',
          keys: ['claimTTLDays'],
          message: '"claimTTLDays" is not a wecena setting; check its spelling against the configuration guide.',
        },
      ],
    },
    { name: 'an unknown label role', input: { labels: { wip: 'x' } }, expected: [{ path: 'labels.wip', keys: ['labels', 'wip'] }] },
    { name: 'a claim TTL of zero', input: { claimTtlDays: 0 }, expected: [{ path: 'claimTtlDays', keys: ['claimTtlDays'] }] },
    { name: 'a fractional limit', input: { openClaimsLimit: 1.5 }, expected: [{ path: 'openClaimsLimit', keys: ['openClaimsLimit'] }] },
    { name: 'a text window', input: { reviewWindowDays: 'a week' }, expected: [{ path: 'reviewWindowDays', keys: ['reviewWindowDays'] }] },
    {
      name: 'a size that is no duration',
      input: { sizes: { 'size/S': 'small' } },
      expected: [
        {
          path: 'sizes."size/S"',
          keys: ['sizes', 'size/S'],
          message: '"small" is not a duration. Write it like 2h30, 1.5h, 90m or 1d (a day counts 7h).',
        },
      ],
    },
    {
      name: 'a size as a bare number',
      input: { sizes: { 'size/S': 3 } },
      expected: [{ path: 'sizes."size/S"', keys: ['sizes', 'size/S'], message: 'Write a duration such as 3h, 90m or 1d.' }],
    },
    { name: 'a bad maximum estimate', input: { maxEstimate: '-1h' }, expected: [{ path: 'maxEstimate', keys: ['maxEstimate'] }] },
    {
      name: 'a skill in capitals',
      input: { skills: { ts: 'TypeScript' } },
      expected: [{ path: 'skills.ts', keys: ['skills', 'ts'] }],
    },
    { name: 'an unknown category', input: { categories: { docs: 'prose' } }, expected: [{ path: 'categories.docs', keys: ['categories', 'docs'] }] },
    {
      name: 'two roles with one label',
      input: { labels: { claimed: 'wecena-ready' } },
      expected: [
        {
          path: 'labels.claimed',
          keys: ['labels', 'claimed'],
          message: '"wecena-ready" is already the name of another wecena label; each needs its own.',
        },
      ],
    },
    {
      name: 'a size label that is a wecena label',
      input: { sizes: { 'Wecena-Done': '1h' } },
      expected: [{ path: 'sizes."Wecena-Done"', keys: ['sizes', 'Wecena-Done'] }],
    },
    { name: 'a label with a comma', input: { labels: { done: 'a,b' } }, expected: [{ path: 'labels.done', keys: ['labels', 'done'] }] },
    { name: 'hours that are no whole minutes', input: { hoursPerDay: 7.001 }, expected: [{ path: 'hoursPerDay', keys: ['hoursPerDay'] }] },
    {
      name: 'several problems at once',
      input: { claimTtlDays: -1, autoTag: 'yes' },
      expected: [
        { path: 'claimTtlDays', keys: ['claimTtlDays'] },
        { path: 'autoTag', keys: ['autoTag'] },
      ],
    },
  ])('reports $name at its path', ({ input, expected }) => {
    const result = parseRepositoryConfig(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toMatchObject(expected);
    for (const problem of result.problems) expect(problem.message.length).toBeGreaterThan(0);
  });
});

describe('formatConfigPath', () => {
  it.each([
    { keys: [], expected: '' },
    { keys: ['claimTtlDays'], expected: 'claimTtlDays' },
    { keys: ['sizes', 'size/S'], expected: 'sizes."size/S"' },
    { keys: ['skills', 'a11y', 1], expected: 'skills.a11y[1]' },
  ])('writes $keys as $expected', ({ keys, expected }) => {
    expect(formatConfigPath(keys)).toBe(expected);
  });
});

describe('label lookups', () => {
  const config = configOf({ skills: { 'Lang/TS': 'typescript', web: ['typescript', 'css'] } });

  it.each([
    { label: 'size/S', expected: 180 },
    { label: 'SIZE/s', expected: 180 },
    { label: 'size/XXL', expected: undefined },
  ])('sizes $label as $expected', ({ label, expected }) => {
    expect(sizeOfLabel(config, label)).toBe(expected);
  });

  it.each([
    { labels: ['lang/ts'], expected: ['typescript'] },
    { labels: ['web', 'LANG/TS'], expected: ['typescript', 'css'] },
    { labels: ['bug'], expected: [] },
  ])('maps $labels to skills $expected', ({ labels, expected }) => {
    expect(skillsOfLabels(config, labels)).toEqual(expected);
  });

  it.each([
    { labels: ['bug', 'Documentation'], expected: 'content' },
    { labels: ['a11y', 'docs'], expected: 'accessibility' },
    { labels: ['bug'], expected: 'code' },
  ])('gives $labels the category $expected', ({ labels, expected }) => {
    expect(categoryOfLabels(config, labels)).toBe(expected);
  });
});

describe('wecenaLabelSpecs', () => {
  it('describes the four wecena labels and each size label, a too big size in red', () => {
    expect(wecenaLabelSpecs(defaultRepositoryConfig)).toEqual([
      { name: 'wecena-ready', color: '0e8a16', description: 'Offered to sponsored consultants on wecena: doable in a day, no onboarding' },
      { name: 'wecena-claimed', color: '1d76db', description: 'A sponsored consultant is working on this issue through wecena' },
      { name: 'wecena-done', color: '5319e7', description: 'Done by a sponsored consultant through wecena' },
      { name: 'wecena-needs-info', color: 'fbca04', description: 'Needs more information before wecena can offer it' },
      { name: 'size/XS', color: 'c5def5', description: 'Estimate: 1h of work' },
      { name: 'size/S', color: 'c5def5', description: 'Estimate: 3h of work' },
      { name: 'size/M', color: 'c5def5', description: 'Estimate: 7h of work' },
      { name: 'size/L', color: 'e99695', description: 'Estimate: 14h, more than the 7h a wecena task may take' },
    ]);
  });

  it('keeps descriptions within the 100 characters GitHub allows', () => {
    for (const spec of wecenaLabelSpecs(defaultRepositoryConfig)) expect(spec.description.length).toBeLessThanOrEqual(100);
  });
});
