import { readFileSync } from 'node:fs';
import { defaultRepositoryConfig } from '@wecena/core';
import { describe, expect, it } from 'vitest';
import { formatConfigProblem, readRepositoryConfig } from './read-repository-config';

describe('readRepositoryConfig', () => {
  it('applies the defaults for a repository without the file', () => {
    expect(readRepositoryConfig(null)).toEqual({ ok: true, config: defaultRepositoryConfig });
  });

  it('reads a valid file into the configuration', () => {
    const source = ['claimTtlDays: 5', 'labels:', '  ready: good-for-wecena', 'sizes:', '  small: 2h30', ''].join('\n');

    expect(readRepositoryConfig(source)).toEqual({
      ok: true,
      config: {
        ...defaultRepositoryConfig,
        claimTtlDays: 5,
        labels: { ...defaultRepositoryConfig.labels, ready: 'good-for-wecena' },
        sizes: { small: 150 },
      },
    });
  });

  it('reports each schema problem at the line of its key, in the order of the file, with the defaults meanwhile', () => {
    const source = [
      '# wecena', //               1
      'autoTag: true', //          2
      'openClaimsLimit: 1.5', //   3
      'claimTtlDays: 0', //        4
      'claimTTLDays: 3', //        5
    ].join('\n');

    const reading = readRepositoryConfig(source);

    expect(reading).toMatchObject({
      ok: false,
      config: defaultRepositoryConfig,
      problems: [
        { line: 3, path: 'openClaimsLimit' },
        { line: 4, path: 'claimTtlDays' },
        { line: 5, path: 'claimTTLDays', message: '"claimTTLDays" is not a wecena setting; check its spelling against the configuration guide.' },
      ],
    });
  });

  it('points a problem of a nested key with a slash at its line', () => {
    const reading = readRepositoryConfig('hoursPerDay: 7\nsizes:\n  size/XS: 1h\n  size/S: small\n');

    expect(reading).toMatchObject({ ok: false, problems: [{ line: 4, path: 'sizes."size/S"' }] });
  });

  it('reports a YAML syntax error with its line, with the defaults meanwhile', () => {
    expect(readRepositoryConfig('claimTtlDays: 3\nclaimTtlDays: 4\n')).toEqual({
      ok: false,
      config: defaultRepositoryConfig,
      problems: [{ line: 2, path: '', message: 'Map keys must be unique' }],
    });
  });

  it('reports a file that is not a mapping at its first line', () => {
    expect(readRepositoryConfig('\n- claimTtlDays\n')).toMatchObject({ ok: false, problems: [{ line: 2, path: '' }] });
  });
});

describe('the settings shown in docs/github-app.md', () => {
  it('are valid and are the defaults', () => {
    const guide = readFileSync(new URL('../../../docs/github-app.md', import.meta.url), 'utf8');
    const example = /```yaml\n(?<yaml>[\s\S]*?)```/.exec(guide)?.groups?.yaml ?? '';

    expect(readRepositoryConfig(example)).toEqual({ ok: true, config: defaultRepositoryConfig });
  });
});

describe('the example of docs/configuration.md', () => {
  it('is valid: the defaults, with the skills, categories and auto-tagging it shows', () => {
    const guide = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    const example = /```yaml\n(?<yaml>[\s\S]*?)```/.exec(guide)?.groups?.yaml ?? '';

    expect(readRepositoryConfig(example)).toMatchObject({
      ok: true,
      config: {
        ...defaultRepositoryConfig,
        skills: { frontend: ['typescript', 'css'], python: ['python'] },
        categories: { documentation: 'content', accessibility: 'accessibility' },
        autoTag: true,
      },
    });
  });
});

describe('formatConfigProblem', () => {
  it.each([
    { name: 'a key on a line', problem: { line: 4, path: 'claimTtlDays', message: 'Too small' }, expected: 'line 4, claimTtlDays: Too small' },
    { name: 'a syntax error', problem: { line: 2, path: '', message: 'Map keys must be unique' }, expected: 'line 2: Map keys must be unique' },
    { name: 'no line', problem: { line: null, path: '', message: 'Too many aliases' }, expected: 'Too many aliases' },
  ])('writes $name', ({ problem, expected }) => {
    expect(formatConfigProblem(problem)).toBe(expected);
  });
});
