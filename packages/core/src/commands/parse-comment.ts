import { DEFAULT_MINUTES_PER_DAY } from '../durations/duration';
import type { IsoDate } from '../domain/primitives';
import { commandMessages } from '../messages/command-messages';
import type { Command, CommandError } from './command';
import { splitCommentLines } from './comment-lines';
import { COMMAND_NAMES, findCommandSpec } from './registry';

export interface ParseCommentOptions {
  /** What `1d` is worth in a duration; 7 hours by default. */
  minutesPerDay?: number;
  /** The date the comment was written, to refuse `spend` dates after it. */
  today?: IsoDate;
  /** How many commands one comment may hold; the rest are reported, not run. */
  maxCommands?: number;
}

export interface ParsedComment {
  /** In the order they appear. */
  commands: Command[];
  errors: CommandError[];
}

/**
 * Longer, and the line is certainly not a command; the bound also keeps the argument patterns,
 * which backtrack over spaces, far from quadratic blow-ups on hostile input.
 */
export const MAX_COMMAND_LINE_LENGTH = 2000;
export const DEFAULT_MAX_COMMANDS = 10;

const COMMAND_LINE = /^ {0,3}\/wecena(?=\s|$)/i;
const VERB = /^\/wecena\s+(?<verb>\S+)/i;

/** The list of command names, for messages: `ready`, `claim`, ... */
function listCommandNames(): string {
  return COMMAND_NAMES.map((name) => `\`${name}\``).join(', ');
}

/**
 * Reads every `/wecena` command of a comment. A command is a line starting with `/wecena`,
 * outside code, quotes and HTML comments; one comment may hold several. Never throws: each line
 * that cannot be understood gives one error, with a message ready to be posted as a reply.
 */
export function parseComment(body: string, options: ParseCommentOptions = {}): ParsedComment {
  const maxCommands = options.maxCommands ?? DEFAULT_MAX_COMMANDS;
  const context = { minutesPerDay: options.minutesPerDay ?? DEFAULT_MINUTES_PER_DAY, today: options.today ?? null };
  const lines = splitCommentLines(body);
  const commandLineIndexes = lines.flatMap((line, index) =>
    line.mayHoldCommand && COMMAND_LINE.test(line.text) ? [index] : [],
  );

  const commands: Command[] = [];
  const errors: CommandError[] = [];
  commandLineIndexes.forEach((lineIndex, position) => {
    const line = lines[lineIndex];
    if (line === undefined) return;
    const text = line.text.trim();
    const fail = (error: Omit<CommandError, 'line' | 'text'>) => errors.push({ ...error, line: line.number, text });

    if (position === maxCommands) {
      fail({ code: 'too_many_commands', command: null, message: commandMessages.tooManyCommands(maxCommands) });
    }
    if (position >= maxCommands) return;
    if (text.length > MAX_COMMAND_LINE_LENGTH) {
      const message = commandMessages.lineTooLong(text.length, MAX_COMMAND_LINE_LENGTH);
      fail({ code: 'line_too_long', command: null, message });
      return;
    }

    const verb = VERB.exec(text)?.groups?.verb;
    if (verb === undefined) {
      fail({ code: 'unknown_command', command: null, message: commandMessages.missingVerb(listCommandNames()) });
      return;
    }
    const spec = findCommandSpec(verb);
    if (spec === undefined) {
      const message = commandMessages.unknownVerb(text, verb, listCommandNames());
      fail({ code: 'unknown_command', command: null, message });
      return;
    }

    const nextCommandIndex = commandLineIndexes[position + 1] ?? lines.length;
    const followingText = lines
      .slice(lineIndex + 1, nextCommandIndex)
      .map((following) => following.text)
      .join('\n');
    const match = spec.pattern.exec(text);
    const result =
      match === null
        ? { ok: false as const, reason: commandMessages.notUnderstood }
        : spec.parse(match.groups ?? {}, { ...context, followingText: spec.takesFollowingText ? followingText : '' });
    if (result.ok) commands.push(result.command);
    else {
      fail({
        code: 'invalid_arguments',
        command: spec.name,
        message: commandMessages.invalidArguments(text, result.reason, spec.usage),
      });
    }
  });
  return { commands, errors };
}
