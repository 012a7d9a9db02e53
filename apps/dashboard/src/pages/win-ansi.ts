/** The signs WinAnsi adds to Latin-1 in 0x80–0x9F, as pdfkit maps them (€, typographic quotes and dashes, œ...). */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Letters and spaces with no decomposition to a WinAnsi character, replaced by their nearest one. */
const NEAREST = new Map([
  ['\t', ' '],
  ['\r', ''],
  ['\u202f', '\u00a0'],
  ['\u2212', '-'],
  ['Ł', 'L'],
  ['ł', 'l'],
  ['Đ', 'D'],
  ['đ', 'd'],
  ['ı', 'i'],
]);

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/**
 * Text the PDF standard fonts can draw. They are encoded in WinAnsi, which covers French
 * (é, è, à, ç, œ, €) but not every script: pdfkit writes a character outside it as a broken code,
 * so each one becomes its letter without accents when there is one (ő → o, ł → l), else `?`.
 */
export function toWinAnsi(text: string): string {
  return Array.from(text, (char) => {
    if (isWinAnsi(char)) return char;
    const nearest = NEAREST.get(char);
    if (nearest !== undefined) return nearest;
    const withoutMarks = char.normalize('NFKD').replace(/\p{M}/gu, '');
    return withoutMarks !== '' && Array.from(withoutMarks).every(isWinAnsi) ? withoutMarks : '?';
  }).join('');
}
