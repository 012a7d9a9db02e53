import { html } from 'hono/html';
import { renderLayout, type Html, type LayoutInput } from './layout';

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

/** A page the viewer's roles do not open. */
export function renderForbiddenPage(signedIn: LayoutInput['signedIn'] = null): Html {
  return renderLayout({
    title: 'Not yours to see',
    signedIn,
    body: html`<h1>Not yours to see</h1>
<p>Your roles do not open this page. Each person sees their own work, their sponsor's or their organisation's; an operator can grant you a role.</p>
<p><a href="/me">Your pages</a></p>`,
  });
}

/** A form posted by someone not signed in. */
export function renderSignInNeededPage(): Html {
  return renderLayout({
    title: 'Sign in first',
    body: html`<h1>Sign in first</h1>
<p>This form needs you signed in.</p>
<p><a href="/sign-in">Sign in</a></p>`,
  });
}

/** A form without its token, or from another site. */
export function renderFormRefusedPage(): Html {
  return renderLayout({
    title: 'Form refused',
    body: html`<h1>Form refused</h1>
<p>This form did not come from a page of this dashboard, or it has expired. Go back, reload the page and send it again.</p>
<p><a href="/">Back to the dashboard</a></p>`,
  });
}
