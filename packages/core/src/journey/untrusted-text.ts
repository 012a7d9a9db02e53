/*
 * Text that people wrote (hand-off notes, reasons) is shown again in the bot's own comments,
 * under the bot's name and on every edit. It must not be able to:
 * - inject HTML or close the hidden markers: `<`, `>` and `&` become entities, so a note can
 *   neither hide text in an HTML comment nor forge a `<!-- wecena:... -->` marker;
 * - break out of the block it sits in: backticks and tildes are escaped, so an unclosed code
 *   fence cannot swallow the rest of the status comment, nor a `#` line become a heading;
 * - ping people through the bot: every `@name` gets a zero-width space after the `@`, so it
 *   reads the same but notifies nobody (a note could otherwise make wecena mention anyone,
 *   again at each re-render). Renovate neutralises mentions in release notes the same way.
 * Links and emphasis stay: a note pointing at a branch is what the next consultant needs.
 */

/** Longer notes are cut: the status comment is a summary; the full text stays in its comment. */
export const MAX_UNTRUSTED_LENGTH = 1500;

const ZERO_WIDTH_SPACE = '&#8203;';

function escapeLine(line: string): string {
  return line
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('`', '\\`')
    .replaceAll('~', '\\~')
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/^(\s*)#/, '$1\\#');
}

function cut(text: string): string {
  const characters = [...text];
  return characters.length <= MAX_UNTRUSTED_LENGTH ? text : `${characters.slice(0, MAX_UNTRUSTED_LENGTH).join('').trimEnd()}…`;
}

/** Untrusted text as the lines of a Markdown block quote, each prefixed with `indent` + `> `. */
export function quoteUntrusted(text: string, indent = ''): string {
  return cut(text.trim())
    .split(/\r\n|\r|\n/)
    .map((line) => `${indent}>${line.trim() === '' ? '' : ` ${escapeLine(line)}`}`)
    .join('\n');
}

/** Untrusted text on one line, inside a sentence. */
export function inlineUntrusted(text: string): string {
  return escapeLine(cut(text.replace(/\s+/g, ' ').trim()));
}

/** A login as wecena shows it: forges allow letters, digits, `.`, `_` and `-`; anything else is dropped. */
export function safeLogin(login: string): string {
  return login.replace(/[^A-Za-z0-9._-]/g, '');
}
