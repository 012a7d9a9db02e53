import { describe, expect, it } from 'vitest';
import type { CommandRole } from './command';
import { parseComment } from './parse-comment';
import { renderHelp } from './render-help';

/** The commands a help text lists, from its usage lines. */
function listedCommands(help: string): string[] {
  return [...help.matchAll(/^- `\/wecena (?<name>\w+)/gm)].map((match) => match.groups?.name ?? '');
}

describe('renderHelp', () => {
  it.each<{ name: string; roles: CommandRole | CommandRole[] | undefined; expected: string[] }>([
    { name: 'the dashboard', roles: undefined, expected: ['ready', 'unready', 'claim', 'release', 'spend', 'done', 'reject', 'help'] },
    { name: 'a maintainer', roles: 'maintainer', expected: ['ready', 'unready', 'done', 'reject', 'help'] },
    { name: 'a consultant', roles: 'consultant', expected: ['claim', 'help'] },
    { name: 'a claimant', roles: 'claimant', expected: ['claim', 'release', 'spend', 'help'] },
    { name: 'anyone', roles: 'anyone', expected: ['help'] },
    { name: 'no role at all', roles: [], expected: ['help'] },
    {
      name: 'a maintainer who is also a consultant',
      roles: ['maintainer', 'consultant'],
      expected: ['ready', 'unready', 'claim', 'done', 'reject', 'help'],
    },
  ])('lists for $name the commands they may use', ({ roles, expected }) => {
    const help = roles === undefined ? renderHelp() : renderHelp({ for: roles });

    expect(listedCommands(help)).toEqual(expected);
  });

  it('renders usage, description, audience and examples of each command', () => {
    const help = renderHelp({ for: 'claimant' });

    expect(help).toContain(
      '- `/wecena spend <duration> [YYYY-MM-DD]`: Log time spent on the issue you claimed, today or on the date given. A negative duration corrects time logged by mistake. For the consultant who claimed the issue.\n' +
        '  Examples: `/wecena spend 2h30`, `/wecena spend 45m 2026-03-02`, `/wecena spend -30m`',
    );
  });

  it('writes multi-line examples as a code block', () => {
    expect(renderHelp()).toContain(
      '  ```text\n  /wecena release\n  Called back to a client. The change request is open, one review comment is left.\n  ```',
    );
  });

  it('holds no command of its own when posted as a comment', () => {
    expect(parseComment(renderHelp())).toEqual({ commands: [], errors: [] });
  });

  it('speaks of change requests, never of pull or merge requests', () => {
    expect(renderHelp()).not.toMatch(/pull request|merge request|\bPR\b|\bMR\b/i);
  });
});
