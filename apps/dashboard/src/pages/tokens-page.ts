import { html } from 'hono/html';
import { describeRoleKey, roleKey } from '../auth/role-keys';
import type { Role } from '../auth/roles';
import type { ApiTokenSummary } from '../queries/token-queries';
import { formatInstant } from './format';
import { renderLayout, type Html, type LayoutInput } from './layout';

/** How long a new token lives, as the form offers it: days, or until revoked. */
export const TOKEN_LIFETIMES = { '7': '7 days', '30': '30 days', '90': '90 days', '365': 'a year', never: 'until revoked' } as const;
export type TokenLifetime = keyof typeof TOKEN_LIFETIMES;

/** What the creation form shows: as typed, after a refusal; empty otherwise. */
export interface TokenForm {
  name: string;
  roles: string[];
  lifetime: TokenLifetime;
}

export const EMPTY_TOKEN_FORM: TokenForm = { name: '', roles: [], lifetime: '30' };

export interface TokensPageInput {
  tokens: ApiTokenSummary[];
  /** The roles the viewer holds now: a new token may carry any of them. */
  roles: Role[];
  now: Date;
  csrfToken: string;
  signedIn: LayoutInput['signedIn'];
  /** Right after creation: the secret, shown this once. */
  created: { name: string; secret: string } | null;
  /** Why the form was refused. */
  problem: string | null;
  notice: string | null;
  form: TokenForm;
}

function describeState(token: ApiTokenSummary, now: Date): string {
  if (token.revokedAt !== null) return `revoked ${formatInstant(token.revokedAt)}`;
  if (token.expiresAt !== null && token.expiresAt <= now) return `expired ${formatInstant(token.expiresAt)}`;
  return token.expiresAt === null ? 'active, until revoked' : `active, expires ${formatInstant(token.expiresAt)}`;
}

function renderToken(token: ApiTokenSummary, input: TokensPageInput): Html {
  const held = new Set(input.roles.map(roleKey));
  const usable = token.revokedAt === null && (token.expiresAt === null || token.expiresAt > input.now);
  return html`<tr data-token="${token.id}"><td data-label="Name">${token.name}</td><td data-label="Roles"><ul class="plain">${token.roles.map(
    (key) => html`<li>${describeRoleKey(key)}${held.has(key) ? '' : html` <span class="meta">(no longer yours: gives nothing)</span>`}</li>`,
  )}</ul></td><td data-label="Created">${formatInstant(token.createdAt)}</td><td data-label="Last used">${token.lastUsedAt === null ? 'never' : formatInstant(token.lastUsedAt)}</td><td data-label="State">${describeState(token, input.now)}</td><td>${
    usable
      ? html`<form method="post" action="/tokens/${token.id}/revoke"><input type="hidden" name="_csrf" value="${input.csrfToken}"><button class="danger" type="submit">Revoke</button></form>`
      : ''
  }</td></tr>`;
}

/**
 * `/tokens`: the viewer's personal API tokens and the form to make one. Right after creation
 * it shows the secret, once: the page is not cached and the secret is never stored.
 */
export function renderTokensPage(input: TokensPageInput): Html {
  const { form } = input;
  return renderLayout({
    title: 'API tokens',
    signedIn: input.signedIn,
    body: html`<h1>Personal API tokens</h1>
<p class="lede">A token lets a script call the <a href="/api/v1/reference">API</a> as you, with <code>Authorization: Bearer wecena_pat_…</code>. It carries the roles you choose, and of those only the ones you still hold when it is used. It opens no dashboard page.</p>
${input.notice === null ? '' : html`<p class="notice" role="status">${input.notice}</p>`}
${
  input.created === null
    ? ''
    : html`<section class="card" id="new-token"><h2>Token “${input.created.name}” made</h2>
<p>Copy it now: it is shown this once and wecena keeps only a fingerprint of it.</p>
<pre><code data-secret>${input.created.secret}</code></pre></section>`
}
<h2 id="your-tokens">Your tokens</h2>
${
  input.tokens.length === 0
    ? html`<p class="empty">No token yet.</p>`
    : html`<div class="table-scroll"><table class="stack"><thead><tr><th>Name</th><th>Roles carried</th><th>Created</th><th>Last used</th><th>State</th><th></th></tr></thead><tbody>${input.tokens.map(
        (token) => renderToken(token, input),
      )}</tbody></table></div>`
}
<h2 id="new">Make a token</h2>
${input.problem === null ? '' : html`<p class="notice" role="alert">${input.problem}</p>`}
${
  input.roles.length === 0
    ? html`<p class="empty">You hold no role: a token would give nothing. An operator can grant you one.</p>`
    : html`<form class="stack-form" method="post" action="/tokens"><input type="hidden" name="_csrf" value="${input.csrfToken}">
<label>Name <input type="text" name="name" required maxlength="100" value="${form.name}" placeholder="e.g. monthly report script"></label>
<fieldset><legend>Roles it carries</legend>${input.roles.map((role) => {
        const key = roleKey(role);
        return html`<label><input type="checkbox" name="roles" value="${key}"${form.roles.includes(key) ? ' checked' : ''}> ${describeRoleKey(key)}</label>`;
      })}</fieldset>
<label>Expires after <select name="lifetime">${Object.entries(TOKEN_LIFETIMES).map(
        ([value, label]) => html`<option value="${value}"${value === form.lifetime ? ' selected' : ''}>${label}</option>`,
      )}</select></label>
<button type="submit">Make the token</button></form>`
}`,
  });
}
