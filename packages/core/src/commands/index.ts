export type { Command, CommandError, CommandErrorCode, CommandName, CommandOf, CommandRole } from './command';
export { splitCommentLines, type CommentLine } from './comment-lines';
export {
  DEFAULT_MAX_COMMANDS,
  MAX_COMMAND_LINE_LENGTH,
  parseComment,
  type ParseCommentOptions,
  type ParsedComment,
} from './parse-comment';
export {
  COMMANDS,
  COMMAND_NAMES,
  canUseCommand,
  findCommandSpec,
  type CommandParseContext,
  type CommandParseResult,
  type CommandSpec,
} from './registry';
export { renderHelp, type RenderHelpOptions } from './render-help';
