/**
 * Splits a comment into lines and says which of them may hold a command. People quote earlier
 * comments, paste logs and explain the commands in code blocks: none of that must act.
 *
 * The rules follow CommonMark closely enough for comments, without a Markdown parser:
 * - fenced code blocks (``` or ~~~, up to three spaces of indent, closed by a fence of the same
 *   character at least as long; an unclosed fence runs to the end), as in CommonMark;
 * - indented code: a line indented by four columns or more is never a command (CommonMark would
 *   call some of these a paragraph continuation, which is no command either);
 * - quoted replies: lines starting with `>`, at any depth (`>>`, `> >`);
 * - HTML comments, which issue and pull request templates use to hide instructions;
 * - inline code needs nothing: a command line starts with `/wecena`, so a line starting with a
 *   backtick is not one.
 */

export interface CommentLine {
  /** 1-based, as an editor shows it. */
  number: number;
  /** The line as written, without its line ending. */
  text: string;
  /** False inside code, quotes and HTML comments. */
  mayHoldCommand: boolean;
}

const FENCE_OPENING = /^ {0,3}(?<fence>`{3,}|~{3,})(?<info>.*)$/;
const QUOTE = /^ {0,3}>/;

/** Leading whitespace in columns, a tab counting up to the next multiple of four. */
function indentWidth(line: string): number {
  let width = 0;
  for (const character of line) {
    if (character === ' ') width += 1;
    else if (character === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

function isFenceClosing(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return (
    indentWidth(line) <= 3 &&
    trimmed.length >= fence.length &&
    [...trimmed].every((character) => character === fence[0])
  );
}

/** The state after `line` of whether an HTML comment is open. */
function isHtmlCommentOpenAfter(line: string, wasOpen: boolean): boolean {
  let open = wasOpen;
  let position = 0;
  for (;;) {
    const next = open ? line.indexOf('-->', position) : line.indexOf('<!--', position);
    if (next === -1) return open;
    position = next + (open ? 3 : 4);
    open = !open;
  }
}

export function splitCommentLines(body: string): CommentLine[] {
  const lines = body.split(/\r\n|\r|\n/);
  let fence: string | null = null;
  let inHtmlComment = false;

  return lines.map((text, index) => {
    const number = index + 1;
    if (fence !== null) {
      if (isFenceClosing(text, fence)) fence = null;
      return { number, text, mayHoldCommand: false };
    }
    if (inHtmlComment) {
      inHtmlComment = isHtmlCommentOpenAfter(text, true);
      return { number, text, mayHoldCommand: false };
    }
    const opening = FENCE_OPENING.exec(text)?.groups;
    // A backtick fence's info string may not hold a backtick: ```js``` is inline code.
    if (opening?.fence !== undefined && !(opening.fence.startsWith('`') && opening.info?.includes('`'))) {
      fence = opening.fence;
      return { number, text, mayHoldCommand: false };
    }
    const startsHtmlComment = text.trimStart().startsWith('<!--');
    inHtmlComment = isHtmlCommentOpenAfter(text, false);
    const mayHoldCommand = !startsHtmlComment && !QUOTE.test(text) && indentWidth(text) < 4;
    return { number, text, mayHoldCommand };
  });
}
