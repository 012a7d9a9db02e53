import { html } from 'hono/html';
import { ROLE_LABELS, type RoleKind } from '../auth/roles';
import { renderLayout, type Html, type LayoutInput } from './layout';

export interface SignInPageInput {
  /** Sign-in is configured (SESSION_SECRET set). */
  enabled: boolean;
  providers: { id: string; label: string }[];
  demo: boolean;
  next: string | null;
}

/** "Sign in with GitHub", "Sign in with GitLab (host)", and the demo people when offered. */
export function renderSignInPage({ enabled, providers, demo, next }: SignInPageInput): Html {
  const query = next === null ? '' : `?next=${encodeURIComponent(next)}`;
  let choices: Html;
  if (!enabled) {
    choices = html`<p class="empty">Sign-in is off on this server: the operator sets <code>SESSION_SECRET</code> (32 characters or more) and the OAuth clients, <code>GITHUB_CLIENT_ID</code> and <code>GITHUB_CLIENT_SECRET</code> or <code>GITLAB_CLIENT_ID</code> and <code>GITLAB_CLIENT_SECRET</code>.</p>`;
  } else if (providers.length === 0 && !demo) {
    choices = html`<p class="empty">No forge is set up for signing in: the operator sets <code>GITHUB_CLIENT_ID</code> and <code>GITHUB_CLIENT_SECRET</code> (the GitHub App's OAuth client) or <code>GITLAB_CLIENT_ID</code> and <code>GITLAB_CLIENT_SECRET</code> (a GitLab OAuth application).</p>`;
  } else {
    choices = html`<ul class="actions">${providers.map(
      (provider) => html`<li><a class="button" href="/auth/${provider.id}${query}">Sign in with ${provider.label}</a></li>`,
    )}${demo ? html`<li><a class="button secondary" href="/demo/sign-in">Try the demo: sign in as a demo person</a></li>` : ''}</ul>`;
  }
  return renderLayout({
    title: 'Sign in',
    body: html`<h1>Sign in</h1>
<p class="lede">Consultants, sponsor reviewers, beneficiary contacts and operators sign in with the forge account wecena knows them by.</p>
${choices}`,
  });
}

/** Signed in at the forge, but wecena links no role to that account. */
export function renderNoRolePage(identity: string): Html {
  return renderLayout({
    title: 'No role yet',
    body: html`<h1>No role yet</h1>
<p>You are <code>${identity}</code> on the forge, and wecena links no consultant, sponsor reviewer, beneficiary contact or operator to that account.</p>
<p>Ask your sponsor or the operator of this wecena to add your forge login, then sign in again.</p>
<p><a href="/">Back to the dashboard</a></p>`,
  });
}

/** The OAuth round trip failed: state missing or wrong, code refused, forge unreachable. */
export function renderSignInFailedPage(reason: string): Html {
  return renderLayout({
    title: 'Sign-in failed',
    body: html`<h1>Sign-in failed</h1>
<p>${reason}</p>
<p><a href="/sign-in">Try again</a></p>`,
  });
}

export interface DemoPerson {
  /** The form value: `operator`, `sponsor_reviewer:12`, `consultant:3`, `beneficiary_contact:2`. */
  value: string;
  kind: RoleKind;
  name: string;
  detail: string;
}

/** The demo people by role, one button each; a form with its pre-session token. */
export function renderDemoSignInPage(people: DemoPerson[], formToken: string, signedIn: LayoutInput['signedIn']): Html {
  const kinds: RoleKind[] = ['sponsor_reviewer', 'consultant', 'beneficiary_contact', 'operator'];
  return renderLayout({
    title: 'Demo sign-in',
    signedIn,
    body: html`<h1>Demo sign-in</h1>
<p class="lede">This server runs the demo on this machine only: pick whom to act as. There is no such page on a real deployment.</p>
${kinds.map((kind) => {
  const ofKind = people.filter((person) => person.kind === kind);
  if (ofKind.length === 0) return '';
  return html`<h2>${ROLE_LABELS[kind]}</h2>
<ul class="people">${ofKind.map(
    (person) => html`<li><form method="post" action="/demo/sign-in"><input type="hidden" name="_csrf" value="${formToken}"><input type="hidden" name="person" value="${person.value}"><button type="submit" data-person="${person.value}">${person.name}</button> <span class="meta">${person.detail}</span></form></li>`,
  )}</ul>`;
})}`,
  });
}
