import { IsoDate, Login } from '../domain/primitives';
import { parseDuration } from '../durations/duration';
import { commandMessages } from '../messages/command-messages';
import type { Command, CommandName, CommandOf, CommandRole } from './command';

/** What a command's parser may need beyond the line itself. */
export interface CommandParseContext {
  /** What `1d` is worth in a duration. */
  minutesPerDay: number;
  /** The date the comment was written; a later `spend` date is refused. Null: not checked. */
  today: IsoDate | null;
  /**
   * The lines below the command, up to the next command: the argument of a command whose line
   * holds nothing after the verb, when the spec says `takesFollowingText` (a long handoff note).
   */
  followingText: string;
}

/** A parser's outcome: the command, or why not, as a sentence for the commenter. */
export type CommandParseResult<C extends Command = Command> = { ok: true; command: C } | { ok: false; reason: string };

export interface CommandSpec<N extends CommandName = CommandName> {
  name: N;
  /** Matches one trimmed line, case-insensitively; named groups carry the arguments. */
  pattern: RegExp;
  parse: (
    groups: Readonly<Record<string, string | undefined>>,
    context: CommandParseContext,
  ) => CommandParseResult<CommandOf<N>>;
  usage: string;
  description: string;
  whoCanUse: CommandRole;
  examples: readonly string[];
  /** When the line holds nothing after the verb, take the lines below as the argument. */
  takesFollowingText: boolean;
}

type Groups = Readonly<Record<string, string | undefined>>;

/** A command without arguments: anything after the verb is a mistake worth telling about. */
function noArguments<const C extends CommandOf<'ready' | 'unready' | 'claim'>>(command: C) {
  return (groups: Groups): CommandParseResult<C> =>
    groups.extra === undefined
      ? { ok: true, command }
      : { ok: false, reason: commandMessages.unexpectedArguments(command.name, groups.extra) };
}

/** The argument of `release` and `reject`: on the command's line, or else on the lines below. */
function freeText(groups: Groups, context: CommandParseContext): string {
  return (groups.text ?? context.followingText).trim();
}

function parseRelease(groups: Groups, context: CommandParseContext): CommandParseResult<CommandOf<'release'>> {
  const note = freeText(groups, context);
  if (note === '') return { ok: false, reason: commandMessages.missingNote };
  return { ok: true, command: { name: 'release', note } };
}

function parseReject(groups: Groups, context: CommandParseContext): CommandParseResult<CommandOf<'reject'>> {
  const reason = freeText(groups, context);
  if (reason === '') return { ok: false, reason: commandMessages.missingReason };
  return { ok: true, command: { name: 'reject', reason } };
}

/** A negative duration is a correction: the time log is append-only, so mistakes are offset. */
function parseSpend(groups: Groups, context: CommandParseContext): CommandParseResult<CommandOf<'spend'>> {
  const duration = parseDuration(groups.duration ?? '', { minutesPerDay: context.minutesPerDay, allowNegative: true });
  if (!duration.ok) return { ok: false, reason: duration.error };
  const { date } = groups;
  if (date === undefined) return { ok: true, command: { name: 'spend', minutes: duration.minutes, spentOn: null } };
  if (!IsoDate.safeParse(date).success) return { ok: false, reason: commandMessages.invalidDate(date) };
  if (context.today !== null && date > context.today) {
    return { ok: false, reason: commandMessages.futureDate(date, context.today) };
  }
  return { ok: true, command: { name: 'spend', minutes: duration.minutes, spentOn: date } };
}

function parseDone(groups: Groups, context: CommandParseContext): CommandParseResult<CommandOf<'done'>> {
  const duration = parseDuration(groups.duration ?? '', { minutesPerDay: context.minutesPerDay });
  if (!duration.ok) return { ok: false, reason: duration.error };
  const { login } = groups;
  if (login === undefined) return { ok: true, command: { name: 'done', minutes: duration.minutes, login: null } };
  if (!Login.safeParse(login).success) return { ok: false, reason: commandMessages.invalidLogin(login) };
  return { ok: true, command: { name: 'done', minutes: duration.minutes, login } };
}

/**
 * The `/wecena` comment commands, in the order help lists them. Parsing, `/wecena help` and the
 * dashboard's help page all read this table, so a command cannot exist without its help.
 */
export const COMMANDS = [
  {
    name: 'ready',
    pattern: /^\/wecena\s+ready(?:\s+(?<extra>.*))?$/im,
    parse: noArguments({ name: 'ready' }),
    usage: '/wecena ready',
    description:
      'Offer this issue to sponsored consultants. wecena answers with a readiness checklist: an issue must be doable in a day or less, with no onboarding.',
    whoCanUse: 'maintainer',
    examples: ['/wecena ready'],
    takesFollowingText: false,
  },
  {
    name: 'unready',
    pattern: /^\/wecena\s+unready(?:\s+(?<extra>.*))?$/im,
    parse: noArguments({ name: 'unready' }),
    usage: '/wecena unready',
    description: 'Take this issue off wecena. A consultant who claimed it is told, and the claim ends.',
    whoCanUse: 'maintainer',
    examples: ['/wecena unready'],
    takesFollowingText: false,
  },
  {
    name: 'claim',
    pattern: /^\/wecena\s+claim(?:\s+(?<extra>.*))?$/im,
    parse: noArguments({ name: 'claim' }),
    usage: '/wecena claim',
    description:
      'Take this issue: it is yours until the claim expires, at the latest at the end of your availability window.',
    whoCanUse: 'consultant',
    examples: ['/wecena claim'],
    takesFollowingText: false,
  },
  {
    name: 'release',
    pattern: /^\/wecena\s+release(?:\s+(?<text>.*))?$/im,
    parse: parseRelease,
    usage: '/wecena release <handoff note>',
    description:
      'Hand the issue back, saying where the work stands so that the next consultant can carry on. The note may follow on the lines below the command.',
    whoCanUse: 'claimant',
    examples: [
      '/wecena release Tests for the parser are in my branch; the fix itself remains.',
      '/wecena release\nCalled back to a client. The change request is open, one review comment is left.',
    ],
    takesFollowingText: true,
  },
  {
    name: 'spend',
    // The duration may hold spaces (`2h 30`), so the date is told apart by its shape.
    pattern:
      /^\/wecena\s+spend(?:\s+(?<duration>(?!\d{4}-\d{2}-\d{2}(?:\s|$)).+?))?(?:\s+(?<date>\d{4}-\d{2}-\d{2}))?$/im,
    parse: parseSpend,
    usage: '/wecena spend <duration> [YYYY-MM-DD]',
    description:
      'Log time spent on the issue you claimed, today or on the date given. A negative duration corrects time logged by mistake.',
    whoCanUse: 'claimant',
    examples: ['/wecena spend 2h30', '/wecena spend 45m 2026-03-02', '/wecena spend -30m'],
    takesFollowingText: false,
  },
  {
    name: 'done',
    pattern: /^\/wecena\s+done(?:\s+(?<duration>[^@\s].*?))?(?:\s+@(?<login>\S*))?$/im,
    parse: parseDone,
    usage: '/wecena done <duration> [@login]',
    description:
      'Confirm work that lands without a change request (content, data, training...) and the time it took. The credit goes to the consultant who claimed the issue, or to the one named.',
    whoCanUse: 'maintainer',
    examples: ['/wecena done 3h', '/wecena done 1d @camille'],
    takesFollowingText: false,
  },
  {
    name: 'reject',
    pattern: /^\/wecena\s+reject(?:\s+(?<text>.*))?$/im,
    parse: parseReject,
    usage: '/wecena reject <reason>',
    description:
      'Withdraw the credit recorded for this issue, during the review window, before the sponsor counts it. The reason may follow on the lines below the command.',
    whoCanUse: 'maintainer',
    examples: ['/wecena reject The change was reverted: it broke the build.'],
    takesFollowingText: true,
  },
  {
    name: 'help',
    // Whatever follows `help` is ignored: someone asking for help should get it, not an error.
    pattern: /^\/wecena\s+help(?:\s+(?<ignored>.*))?$/im,
    parse: () => ({ ok: true, command: { name: 'help' } }),
    usage: '/wecena help',
    description: 'List the commands you may use here.',
    whoCanUse: 'anyone',
    examples: ['/wecena help'],
    takesFollowingText: false,
  },
] as const satisfies ReadonlyArray<{ [N in CommandName]: CommandSpec<N> }[CommandName]>;

export const COMMAND_NAMES: readonly CommandName[] = COMMANDS.map((spec) => spec.name);

/** The spec of a command, by its name in any case; undefined for an unknown one. */
export function findCommandSpec(verb: string): CommandSpec | undefined {
  const name = verb.toLowerCase();
  return (COMMANDS as readonly CommandSpec[]).find((spec) => spec.name === name);
}

/** Whether someone holding `roles` may use a command meant for `whoCanUse`. A claimant is a consultant. */
export function canUseCommand(roles: readonly CommandRole[], whoCanUse: CommandRole): boolean {
  switch (whoCanUse) {
    case 'anyone':
      return true;
    case 'consultant':
      return roles.includes('consultant') || roles.includes('claimant');
    default:
      return roles.includes(whoCanUse);
  }
}
