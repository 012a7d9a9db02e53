import { html } from 'hono/html';
import { renderLayout, type Html } from './layout';

/** The page for an address that no page answers. */
export function renderNotFoundPage(path: string): Html {
  return renderLayout({
    title: 'Page not found',
    body: html`<h1>Page not found</h1>
<p>There is no page at <code>${path}</code>.</p>
<p><a href="/">Back to the dashboard</a></p>`,
  });
}

/** The page for a fault: what happened stays in the server's log. */
export function renderServerErrorPage(): Html {
  return renderLayout({
    title: 'Something went wrong',
    body: html`<h1>Something went wrong</h1>
<p>The dashboard could not show this page. The error is in the server's log; try again in a moment.</p>
<p><a href="/">Back to the dashboard</a></p>`,
  });
}
