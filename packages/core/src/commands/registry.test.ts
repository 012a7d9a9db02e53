import { describe, expect, it } from 'vitest';
import type { CommandRole } from './command';
import { parseComment } from './parse-comment';
import { COMMANDS, COMMAND_NAMES, canUseCommand, findCommandSpec } from './registry';

const EXAMPLES = COMMANDS.flatMap((spec) => spec.examples.map((example) => ({ name: spec.name, example })));

describe('COMMANDS', () => {
  it.each(EXAMPLES)('parses the $name example "$example" into a $name command', ({ name, example }) => {
    const parsed = parseComment(example, { today: '2026-03-05' });

    expect(parsed.errors).toEqual([]);
    expect(parsed.commands.map((command) => command.name)).toEqual([name]);
  });

  it.each(COMMANDS.map((spec) => ({ name: spec.name, spec })))('documents $name fully', ({ name, spec }) => {
    expect(spec.usage.startsWith(`/wecena ${name}`)).toBe(true);
    expect(spec.description.length).toBeGreaterThan(10);
    expect(spec.examples.length).toBeGreaterThan(0);
    expect(spec.pattern.flags).toContain('i');
  });

  it('lists each command once', () => {
    expect(new Set(COMMAND_NAMES).size).toBe(COMMAND_NAMES.length);
  });

  it.each([
    { verb: 'claim', expected: 'claim' },
    { verb: 'CLAIM', expected: 'claim' },
    { verb: 'Spend', expected: 'spend' },
    { verb: 'claims', expected: undefined },
    { verb: 'take', expected: undefined },
  ])('finds the spec of "$verb": $expected', ({ verb, expected }) => {
    expect(findCommandSpec(verb)?.name).toBe(expected);
  });
});

describe('canUseCommand', () => {
  it.each<{ roles: CommandRole[]; whoCanUse: CommandRole; expected: boolean }>([
    { roles: [], whoCanUse: 'anyone', expected: true },
    { roles: [], whoCanUse: 'consultant', expected: false },
    { roles: ['maintainer'], whoCanUse: 'maintainer', expected: true },
    { roles: ['maintainer'], whoCanUse: 'consultant', expected: false },
    { roles: ['consultant'], whoCanUse: 'consultant', expected: true },
    { roles: ['consultant'], whoCanUse: 'claimant', expected: false },
    { roles: ['claimant'], whoCanUse: 'consultant', expected: true },
    { roles: ['claimant'], whoCanUse: 'claimant', expected: true },
    { roles: ['claimant'], whoCanUse: 'maintainer', expected: false },
    { roles: ['maintainer', 'consultant'], whoCanUse: 'consultant', expected: true },
  ])('lets $roles use a command for $whoCanUse: $expected', ({ roles, whoCanUse, expected }) => {
    expect(canUseCommand(roles, whoCanUse)).toBe(expected);
  });
});
