/**
 * An address from the store (an issue URL written by a forge) as a link target, or null when
 * it is not plain http(s). Escaping keeps a value inside its attribute; it does not stop a
 * `javascript:` URL, so only web addresses become links.
 */
export function toSafeHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
}
