import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** What `html` returns: an escaped fragment, possibly still resolving. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Where the stylesheet is served: a route of our own, so the CSP can stay `default-src 'self'`. */
export const STYLESHEET_PATH = '/assets/wecena.css';

export interface LayoutInput {
  /** The page's own title, before " · wecena". */
  title: string;
  body: Html;
  /** The person signed in, with the CSRF token of their session (for the sign-out form). */
  signedIn?: { displayName: string; csrfToken: string; links: { href: string; label: string }[] } | null;
  /** A page made to be printed (receipt data): the print stylesheet hides the navigation. */
  printable?: boolean;
}

/**
 * The HTML shell of every dashboard page. No script: every page works without JavaScript.
 * Values interpolated with `html` are escaped; nothing here uses `raw`.
 */
export function renderLayout({ title, body, signedIn = null, printable = false }: LayoutInput): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title} · wecena</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body${printable ? html` class="printable"` : ''}>
<header class="site"><div class="bar">
<a class="brand" href="/">wecena</a>
<nav aria-label="Main"><a href="/">Home</a>${signedIn === null ? '' : signedIn.links.map((link) => html`<a href="${link.href}">${link.label}</a>`)}<a href="/api/v1/reference">API</a>${
    signedIn === null
      ? html`<a href="/sign-in">Sign in</a>`
      : html`<form class="inline" method="post" action="/sign-out"><input type="hidden" name="_csrf" value="${signedIn.csrfToken}"><button class="link" type="submit" title="Signed in as ${signedIn.displayName}">Sign out</button></form>`
  }</nav>
</div></header>
<main>
${body}
</main>
<footer class="site"><p>wecena: idle days between two client contracts, donated to nonprofits and free-software projects.</p></footer>
</body>
</html>`;
}
