import type { IsoDate, Login } from '../domain/primitives';

/** What a `/wecena` line asks for, once parsed. Durations are in minutes. */
export type Command =
  | { name: 'ready' }
  | { name: 'unready' }
  | { name: 'claim' }
  | { name: 'release'; note: string }
  | {
      name: 'spend';
      /** Negative for a correction of time logged before. */
      minutes: number;
      /** The day the time was spent; null for the day the comment was written. */
      spentOn: IsoDate | null;
    }
  | {
      name: 'done';
      minutes: number;
      /** Whose work it was; null for the consultant who claimed the task. */
      login: Login | null;
    }
  | { name: 'reject'; reason: string }
  | { name: 'help' };

export type CommandName = Command['name'];

/** The command of one name: `CommandOf<'spend'>`. */
export type CommandOf<N extends CommandName> = Extract<Command, { name: N }>;

/** Who a command is meant for; the caller checks the commenter's role before acting. */
export type CommandRole = 'maintainer' | 'consultant' | 'claimant' | 'anyone';

export type CommandErrorCode = 'unknown_command' | 'invalid_arguments' | 'line_too_long' | 'too_many_commands';

/** A `/wecena` line that could not be understood, with a message ready to reply with. */
export interface CommandError {
  code: CommandErrorCode;
  /** 1-based line number in the comment. */
  line: number;
  /** The command line as written, trimmed. */
  text: string;
  /** The command the line names, when it names a known one. */
  command: CommandName | null;
  message: string;
}
