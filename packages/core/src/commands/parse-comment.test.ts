import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, CommandError } from './command';
import { MAX_COMMAND_LINE_LENGTH, parseComment } from './parse-comment';

const TODAY = '2026-03-05';
const COMMAND_LIST = '`ready`, `unready`, `claim`, `release`, `spend`, `done`, `reject`, `help`';
const DURATION_FORMS = 'Write it like 2h30, 1.5h, 90m or 1d (a day counts 7h).';

function parse(body: string) {
  return parseComment(body, { today: TODAY });
}

describe('parseComment', () => {
  it.each<{ name: string; body: string; expected: Command[] }>([
    { name: 'a bare command', body: '/wecena claim', expected: [{ name: 'claim' }] },
    { name: 'any case', body: '/WeCeNa CLAIM', expected: [{ name: 'claim' }] },
    { name: 'trailing spaces', body: '/wecena claim   ', expected: [{ name: 'claim' }] },
    { name: 'a tab after /wecena', body: '/wecena\tclaim', expected: [{ name: 'claim' }] },
    { name: 'up to three spaces of indent', body: '   /wecena ready', expected: [{ name: 'ready' }] },
    { name: 'a command after some text', body: 'Happy to help!\n\n/wecena claim', expected: [{ name: 'claim' }] },
    { name: 'Windows line endings', body: 'Thanks\r\n/wecena unready\r\n', expected: [{ name: 'unready' }] },
    {
      name: 'several commands',
      body: '/wecena spend 2h30\n/wecena release Tests pass; docs remain.',
      expected: [
        { name: 'spend', minutes: 150, spentOn: null },
        { name: 'release', note: 'Tests pass; docs remain.' },
      ],
    },
    { name: 'a dated spend', body: '/wecena spend 45m 2026-03-02', expected: [{ name: 'spend', minutes: 45, spentOn: '2026-03-02' }] },
    { name: 'a spend dated today', body: '/wecena spend 1h 2026-03-05', expected: [{ name: 'spend', minutes: 60, spentOn: '2026-03-05' }] },
    { name: 'a spend with spaces', body: '/wecena spend 2h 30 2026-03-02', expected: [{ name: 'spend', minutes: 150, spentOn: '2026-03-02' }] },
    { name: 'a correction', body: '/wecena spend -30m', expected: [{ name: 'spend', minutes: -30, spentOn: null }] },
    { name: 'a day of work', body: '/wecena spend 1d', expected: [{ name: 'spend', minutes: 420, spentOn: null }] },
    { name: 'a confirmation', body: '/wecena done 3h', expected: [{ name: 'done', minutes: 180, login: null }] },
    {
      name: 'a confirmation for someone',
      body: '/wecena done 1d2h @camille.d',
      expected: [{ name: 'done', minutes: 540, login: 'camille.d' }],
    },
    {
      name: 'a note on the lines below',
      body: '/wecena release\n\nCalled back to a client.\n\nThe branch `fix-12` has the tests.',
      expected: [{ name: 'release', note: 'Called back to a client.\n\nThe branch `fix-12` has the tests.' }],
    },
    {
      name: 'a note that stops at the next command',
      body: '/wecena release\nWhere I stopped.\n/wecena spend 1h',
      expected: [
        { name: 'release', note: 'Where I stopped.' },
        { name: 'spend', minutes: 60, spentOn: null },
      ],
    },
    {
      name: 'a note on the line, the text below left alone',
      body: '/wecena release Parser done.\nThanks everyone!',
      expected: [{ name: 'release', note: 'Parser done.' }],
    },
    { name: 'a reason', body: '/wecena reject Spam: the change only reformats.', expected: [{ name: 'reject', reason: 'Spam: the change only reformats.' }] },
    { name: 'help with a question', body: '/wecena help me please', expected: [{ name: 'help' }] },
    { name: 'no command', body: 'Looks good to me.', expected: [] },
    { name: 'an empty comment', body: '', expected: [] },
    { name: '/wecena inside a sentence', body: 'Write /wecena claim to take it.', expected: [] },
    { name: 'a word starting with /wecena', body: '/wecenaclaim', expected: [] },
    { name: 'inline code', body: '`/wecena claim` takes the issue.', expected: [] },
    { name: 'a quoted command', body: '> /wecena claim\n\nDid you mean this?', expected: [] },
    { name: 'a nested quoted command', body: '>> /wecena spend 2h\n> ok', expected: [] },
    { name: 'a command in a fence', body: 'Try:\n```\n/wecena claim\n```', expected: [] },
    { name: 'a command in a tilde fence', body: '~~~\n/wecena done 3h\n~~~', expected: [] },
    { name: 'a command in an unclosed fence', body: '```\n/wecena claim', expected: [] },
    { name: 'an indented command', body: 'Example:\n\n    /wecena claim', expected: [] },
    { name: 'a command in an HTML comment', body: '<!--\n/wecena ready\n-->', expected: [] },
    {
      name: 'a command after a closed fence',
      body: '```sh\n/wecena claim\n```\n/wecena spend 1h',
      expected: [{ name: 'spend', minutes: 60, spentOn: null }],
    },
  ])('reads $name', ({ body, expected }) => {
    expect(parse(body)).toEqual({ commands: expected, errors: [] });
  });

  it.each<{ name: string; body: string; expected: Omit<CommandError, 'line'> & { line?: number } }>([
    {
      name: 'an unknown verb',
      body: '/wecena take',
      expected: {
        code: 'unknown_command',
        text: '/wecena take',
        command: null,
        message: `\`/wecena take\`: "take" is not a wecena command. The commands are ${COMMAND_LIST}; write \`/wecena help\` to see what each one does.`,
      },
    },
    {
      name: 'a missing verb',
      body: '/wecena',
      expected: {
        code: 'unknown_command',
        text: '/wecena',
        command: null,
        message: `\`/wecena\` needs a command after it: ${COMMAND_LIST}. Write \`/wecena help\` to see what each one does.`,
      },
    },
    {
      name: 'an argument to claim',
      body: '/wecena claim please',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena claim please',
        command: 'claim',
        message: '`/wecena claim please`: `claim` takes nothing after it, but got "please". Usage: `/wecena claim`',
      },
    },
    {
      name: 'a release with no note',
      body: '/wecena release',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena release',
        command: 'release',
        message:
          '`/wecena release`: A handoff note is required. Say where the work stands, for whoever takes the issue next. Usage: `/wecena release <handoff note>`',
      },
    },
    {
      name: 'a release followed only by blank lines',
      body: '/wecena release\n\n   \n',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena release',
        command: 'release',
        message:
          '`/wecena release`: A handoff note is required. Say where the work stands, for whoever takes the issue next. Usage: `/wecena release <handoff note>`',
      },
    },
    {
      name: 'a reject with no reason',
      body: '/wecena reject',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena reject',
        command: 'reject',
        message: '`/wecena reject`: A reason is required; the consultant and the sponsor will read it. Usage: `/wecena reject <reason>`',
      },
    },
    {
      name: 'a spend with no duration',
      body: '/wecena spend',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena spend',
        command: 'spend',
        message: `\`/wecena spend\`: A duration is missing. ${DURATION_FORMS} Usage: \`/wecena spend <duration> [YYYY-MM-DD]\``,
      },
    },
    {
      name: 'a spend with a date only',
      body: '/wecena spend 2026-03-02',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena spend 2026-03-02',
        command: 'spend',
        message: `\`/wecena spend 2026-03-02\`: A duration is missing. ${DURATION_FORMS} Usage: \`/wecena spend <duration> [YYYY-MM-DD]\``,
      },
    },
    {
      name: 'a spend with a bad duration',
      body: '/wecena spend two hours',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena spend two hours',
        command: 'spend',
        message: `\`/wecena spend two hours\`: "two hours" is not a duration. ${DURATION_FORMS} Usage: \`/wecena spend <duration> [YYYY-MM-DD]\``,
      },
    },
    {
      name: 'a spend on an impossible date',
      body: '/wecena spend 2h 2026-02-30',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena spend 2h 2026-02-30',
        command: 'spend',
        message:
          '`/wecena spend 2h 2026-02-30`: "2026-02-30" is not a date: write it YYYY-MM-DD, e.g. 2026-03-02. Usage: `/wecena spend <duration> [YYYY-MM-DD]`',
      },
    },
    {
      name: 'a spend in the future',
      body: '/wecena spend 2h 2026-03-06',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena spend 2h 2026-03-06',
        command: 'spend',
        message:
          '`/wecena spend 2h 2026-03-06`: "2026-03-06" is in the future (today is 2026-03-05). Usage: `/wecena spend <duration> [YYYY-MM-DD]`',
      },
    },
    {
      name: 'a spend of zero',
      body: '/wecena spend 0h',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena spend 0h',
        command: 'spend',
        message: '`/wecena spend 0h`: "0h" is zero: a duration must be more than zero. Usage: `/wecena spend <duration> [YYYY-MM-DD]`',
      },
    },
    {
      name: 'a spend of more than ten days',
      body: '/wecena spend 80h',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena spend 80h',
        command: 'spend',
        message: '`/wecena spend 80h`: "80h" is 80h, more than the 70h accepted at once. Usage: `/wecena spend <duration> [YYYY-MM-DD]`',
      },
    },
    {
      name: 'a negative confirmation',
      body: '/wecena done -1h',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena done -1h',
        command: 'done',
        message:
          '`/wecena done -1h`: "-1h" is negative, and a negative duration is not accepted here. Usage: `/wecena done <duration> [@login]`',
      },
    },
    {
      name: 'a confirmation with a login but no duration',
      body: '/wecena done @camille',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena done @camille',
        command: 'done',
        message: `\`/wecena done @camille\`: A duration is missing. ${DURATION_FORMS} Usage: \`/wecena done <duration> [@login]\``,
      },
    },
    {
      name: 'a confirmation with a bad login',
      body: '/wecena done 3h @-camille-',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena done 3h @-camille-',
        command: 'done',
        message:
          '`/wecena done 3h @-camille-`: "@-camille-" is not a login: write @ followed by a GitHub login or GitLab username. Usage: `/wecena done <duration> [@login]`',
      },
    },
    {
      name: 'backticks in the text',
      body: '/wecena spend `2h`',
      expected: {
        code: 'invalid_arguments',
        text: '/wecena spend `2h`',
        command: 'spend',
        message: `\`/wecena spend '2h'\`: "\`2h\`" is not a duration. ${DURATION_FORMS} Usage: \`/wecena spend <duration> [YYYY-MM-DD]\``,
      },
    },
  ])('explains $name', ({ body, expected }) => {
    expect(parse(body)).toEqual({ commands: [], errors: [{ line: 1, ...expected }] });
  });

  it('reports each bad line once, with its line number, and still runs the good ones', () => {
    const parsed = parse('Hello\n/wecena claim\n/wecena spend lots\n\n/wecena frob');

    expect(parsed.commands).toEqual([{ name: 'claim' }]);
    expect(parsed.errors.map((error) => ({ line: error.line, code: error.code, command: error.command }))).toEqual([
      { line: 3, code: 'invalid_arguments', command: 'spend' },
      { line: 5, code: 'unknown_command', command: null },
    ]);
  });

  it('counts days as the caller says', () => {
    expect(parseComment('/wecena spend 1d', { minutesPerDay: 480 }).commands).toEqual([
      { name: 'spend', minutes: 480, spentOn: null },
    ]);
  });

  it('accepts any past date when the caller does not say what day it is', () => {
    expect(parseComment('/wecena spend 1h 2099-01-01').commands).toEqual([{ name: 'spend', minutes: 60, spentOn: '2099-01-01' }]);
  });

  it('reads ten commands at most, and says so once', () => {
    const parsed = parse(Array.from({ length: 12 }, () => '/wecena spend 1h').join('\n'));

    expect(parsed.commands).toHaveLength(10);
    expect(parsed.errors).toEqual([
      {
        code: 'too_many_commands',
        line: 11,
        text: '/wecena spend 1h',
        command: null,
        message: 'A comment may hold 10 commands at most; the ones after that were not read.',
      },
    ]);
  });

  it('refuses a command line longer than the limit', () => {
    const text = `/wecena spend ${'1'.repeat(MAX_COMMAND_LINE_LENGTH)}h`;

    expect(parse(text).errors).toEqual([
      {
        code: 'line_too_long',
        line: 1,
        text,
        command: null,
        message: `A \`/wecena\` line of ${text.length} characters is more than the 2000 a command may take. Keep the command on one short line, and write a long note on the lines below it.`,
      },
    ]);
  });

  it('stays fast on hostile spacing within the limit', () => {
    const bodies = [
      `/wecena spend 1h${' '.repeat(MAX_COMMAND_LINE_LENGTH - 30)}x`,
      `/wecena done 1h${' '.repeat(MAX_COMMAND_LINE_LENGTH - 30)}@`,
      `/wecena spend ${'1 '.repeat(MAX_COMMAND_LINE_LENGTH / 2 - 10)}`,
    ];
    for (const body of bodies) {
      const parsed = parse(body);
      expect(parsed.commands).toEqual([]);
      expect(parsed.errors).toHaveLength(1);
    }
  });

  it('never throws, whatever the comment', () => {
    const fragment = fc.oneof(
      fc.constantFrom('/wecena ', '/WECENA ', 'claim', 'spend ', 'done ', 'release', 'reject', 'help', '@', '-', '2h30', '1.5d', '2026-02-30'),
      fc.constantFrom('\n', '\r\n', '```', '~~~', '> ', '    ', '\t', '<!--', '-->', '`'),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (fragments) => {
        const parsed = parseComment(fragments.join(''), { today: TODAY });
        expect(parsed.commands.length).toBeLessThanOrEqual(10);
        for (const error of parsed.errors) expect(error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on very long lines', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('/wecena spend ', '/wecena done ', '/wecena release ', '/wecena ', ''),
        fc.string({ unit: 'grapheme-ascii', minLength: 1000, maxLength: 5000 }),
        (prefix, rest) => {
          expect(() => parseComment(prefix + rest)).not.toThrow();
        },
      ),
      { numRuns: 50 },
    );
  });
});
