/**
 * PostgreSQL type OIDs whose JavaScript form differs between PGlite and node-postgres
 * by default. Both engines are configured to read them the same way (see Database).
 */
export const OID = {
  bytea: 17,
  int8: 20,
  date: 1082,
  int8Array: 1016,
  dateArray: 1182,
  textArray: 1009,
} as const;

/** PGlite's default bytea serializer costs ~950 µs per 12.7 KB; hex text costs ~13 µs. */
export function serializeBytea(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  throw new TypeError('A bytea parameter must be a Uint8Array or a Buffer');
}

/** Keeps the text PostgreSQL sent: int8 exact, dates free of any time zone. */
export function keepText(value: string): string {
  return value;
}

/**
 * PGlite's default bytea parser decodes the `\x…` hex text in JavaScript, ~1.3 ms per 12.7 KB;
 * Node's native hex decoding takes microseconds. The result is a Buffer, as node-postgres gives.
 */
export function parseBytea(text: string): Uint8Array {
  return text.startsWith('\\x') ? Buffer.from(text.slice(2), 'hex') : Buffer.from(unescapeBytea(text), 'latin1');
}

/** The old "escape" output format (bytea_output = 'escape'): octal escapes and doubled backslashes. */
function unescapeBytea(text: string): string {
  return text.replace(/\\(\\|[0-7]{3})/g, (_, escaped: string) => (escaped === '\\' ? '\\' : String.fromCharCode(parseInt(escaped, 8))));
}
