import { ROLE_LABELS, commandMessages } from '../messages/command-messages';
import type { CommandRole } from './command';
import { COMMANDS, canUseCommand, type CommandSpec } from './registry';

export interface RenderHelpOptions {
  /**
   * The caller's roles; only the commands they may use are listed. Omitted: every command, as
   * on the dashboard's help page.
   */
  for?: CommandRole | readonly CommandRole[];
}

/**
 * Examples are shown as code so that the help, posted as a comment, never reads as commands:
 * inline code for one line, an indented fence for a note written below its command.
 */
function renderExamples(examples: readonly string[]): string[] {
  const single = examples.filter((example) => !example.includes('\n'));
  const multi = examples.filter((example) => example.includes('\n'));
  return [
    `  ${commandMessages.helpExamples} ${single.map((example) => `\`${example}\``).join(', ')}`,
    ...multi.flatMap((example) => ['', '  ```text', ...example.split('\n').map((line) => `  ${line}`), '  ```']),
  ];
}

function renderCommand(spec: CommandSpec): string {
  return [
    `- \`${spec.usage}\`: ${spec.description} ${commandMessages.helpWho(ROLE_LABELS[spec.whoCanUse])}`,
    ...renderExamples(spec.examples),
  ].join('\n');
}

/** The Markdown help for `/wecena help` and the dashboard, rendered from the command table. */
export function renderHelp(options: RenderHelpOptions = {}): string {
  const roles = options.for === undefined ? null : typeof options.for === 'string' ? [options.for] : options.for;
  const specs = (COMMANDS as readonly CommandSpec[]).filter(
    (spec) => roles === null || canUseCommand(roles, spec.whoCanUse),
  );
  const body = specs.length === 0 ? commandMessages.helpNoCommands : specs.map(renderCommand).join('\n');
  return [commandMessages.helpTitle, '', commandMessages.helpIntro, '', body, ''].join('\n');
}
