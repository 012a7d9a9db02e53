import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** The YAML of a configuration file, parsed, with what it takes to point back at its lines. */
export interface ConfigText {
  /** The plain value (mappings, lists, scalars) that the core's schema validates. */
  value: unknown;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

/** Something wrong in a configuration file, at a line when one can be named (1-based). */
export interface ConfigTextProblem {
  line: number | null;
  /** The key, as `sizes."size/S"`; empty for the file as a whole or a YAML syntax error. */
  path: string;
  message: string;
}

export type ReadConfigTextResult = { ok: true; text: ConfigText } | { ok: false; problems: ConfigTextProblem[] };

// yaml's own words, where they speak of its API rather than of the file.
const YAML_MESSAGES: Partial<Record<string, string>> = {
  MULTIPLE_DOCS: 'The file holds more than one YAML document (a second `---`); wecena reads one.',
};

/**
 * Parses the YAML of `.github/wecena.yml` (or `.gitlab/wecena.yml`). Syntax errors come back
 * with their line; they are values, not exceptions. An empty file is the value `null`.
 */
export function readRepositoryConfigText(source: string): ReadConfigTextResult {
  const lineCounter = new LineCounter();
  // prettyErrors off: short messages, and the line computed here from the error's offset.
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        line: lineCounter.linePos(error.pos[0]).line,
        path: '',
        message: YAML_MESSAGES[error.code] ?? error.message,
      })),
    };
  }
  try {
    // An alias that expands into thousands of nodes is an attack, not a configuration.
    const value: unknown = document.toJS({ maxAliasCount: 50 });
    return { ok: true, text: { value, document, lineCounter } };
  } catch (error) {
    return { ok: false, problems: [{ line: null, path: '', message: error instanceof Error ? error.message : String(error) }] };
  }
}

/**
 * The line of the key at `keys` in the file (`['sizes', 'size/L']` → the line of `size/L:`),
 * or of the deepest key that exists when the last ones are missing; the first line of the
 * content for the file as a whole; null for an empty file.
 */
export function lineOfConfigKeys(text: ConfigText, keys: readonly (string | number)[]): number | null {
  const root = text.document.contents;
  if (root === null) return null;
  let offset = root.range[0];
  let node: Node | null = root;
  for (const key of keys) {
    node = resolveAlias(text.document, node);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair || !isScalar(pair.key) || !pair.key.range) break;
      offset = pair.key.range[0];
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item?.range) break;
      offset = item.range[0];
      node = item;
    } else {
      break;
    }
  }
  return text.lineCounter.linePos(offset).line;
}

function resolveAlias(document: Document.Parsed, node: Node | null): Node | null {
  if (!isAlias(node)) return node;
  return (node.resolve(document) as Node | undefined) ?? null;
}
