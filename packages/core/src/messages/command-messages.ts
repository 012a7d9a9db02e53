import type { CommandRole } from '../commands/command';

/** Strings of the comment commands, forge-neutral: a pull or merge request is a "change request". */

export const ROLE_LABELS = {
  maintainer: 'maintainers of the repository',
  consultant: 'sponsored consultants',
  claimant: 'the consultant who claimed the issue',
  anyone: 'anyone',
} as const satisfies Record<CommandRole, string>;

function quote(text: string): string {
  // Inline code cannot hold its own backticks safely; the text is shown, not run.
  return `\`${text.replaceAll('`', "'")}\``;
}

export const commandMessages = {
  missingVerb: (commandList: string) =>
    `\`/wecena\` needs a command after it: ${commandList}. Write \`/wecena help\` to see what each one does.`,
  unknownVerb: (text: string, verb: string, commandList: string) =>
    `${quote(text)}: "${verb}" is not a wecena command. The commands are ${commandList}; write \`/wecena help\` to see what each one does.`,
  invalidArguments: (text: string, reason: string, usage: string) => `${quote(text)}: ${reason} Usage: \`${usage}\``,
  lineTooLong: (length: number, maxLength: number) =>
    `A \`/wecena\` line of ${length} characters is more than the ${maxLength} a command may take. Keep the command on one short line, and write a long note on the lines below it.`,
  tooManyCommands: (maxCommands: number) =>
    `A comment may hold ${maxCommands} commands at most; the ones after that were not read.`,
  unexpectedArguments: (name: string, extra: string) => `\`${name}\` takes nothing after it, but got "${extra}".`,
  missingNote: 'A handoff note is required. Say where the work stands, for whoever takes the issue next.',
  missingReason: 'A reason is required; the consultant and the sponsor will read it.',
  invalidDate: (text: string) => `"${text}" is not a date: write it YYYY-MM-DD, e.g. 2026-03-02.`,
  futureDate: (text: string, today: string) => `"${text}" is in the future (today is ${today}).`,
  invalidLogin: (text: string) => `"@${text}" is not a login: write @ followed by a GitHub login or GitLab username.`,
  notUnderstood: 'The arguments are not in the expected order.',
  helpTitle: '#### wecena commands',
  helpIntro: 'Write a command at the start of a line of a comment; one comment may hold several.',
  helpNoCommands: 'No command is meant for you here.',
  helpWho: (who: string) => `For ${who}.`,
  helpExamples: 'Examples:',
} as const;
