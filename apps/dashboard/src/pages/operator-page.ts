import { html } from 'hono/html';
import type { ParkedDelivery, RepositoryLink } from '../queries/operator-queries';
import { formatInstant } from './format';
import { renderLayout, type Html, type LayoutInput } from './layout';
import { renderOperatorTabs } from './operator-tabs';

export interface OperatorPageInput {
  repositories: RepositoryLink[];
  parked: ParkedDelivery[];
  depth: { pending: number; parked: number };
  csrfToken: string;
  /** A notice after a retry. */
  notice: string | null;
  signedIn: LayoutInput['signedIn'];
}

/** Repositories and their beneficiaries; inbox health with a retry button per parked delivery. */
export function renderOperatorPage(input: OperatorPageInput): Html {
  return renderLayout({
    title: 'Operator',
    signedIn: input.signedIn,
    body: html`<h1>Operator</h1>
${renderOperatorTabs('health')}
${input.notice === null ? '' : html`<p class="notice" role="status">${input.notice}</p>`}
<h2 id="inbox">Inbox</h2>
<ul class="figures"><li><span class="value" data-figure="pending">${input.depth.pending}</span><span class="label">deliveries waiting</span></li>
<li class="${input.depth.parked > 0 ? 'alert' : ''}"><span class="value" data-figure="parked">${input.depth.parked}</span><span class="label">parked</span></li></ul>
${
  input.parked.length === 0
    ? html`<p class="empty">No parked delivery: the worker processed everything it was given.</p>`
    : html`<div class="table-scroll"><table class="stack"><thead><tr><th>Received</th><th>Delivery</th><th>Attempts</th><th>Last error</th><th></th></tr></thead><tbody>${input.parked.map(
        (delivery) => html`<tr data-delivery="${delivery.source}/${delivery.deliveryId}"><td data-label="Received">${formatInstant(delivery.receivedAt)}</td><td data-label="Delivery"><code>${delivery.source}</code> ${delivery.eventName}<div class="meta"><code>${delivery.deliveryId}</code></div></td><td data-label="Attempts" class="num">${delivery.attempts}</td><td data-label="Last error"><pre class="error">${delivery.lastError ?? ''}</pre></td><td><form method="post" action="/operator/deliveries/retry"><input type="hidden" name="_csrf" value="${input.csrfToken}"><input type="hidden" name="source" value="${delivery.source}"><input type="hidden" name="deliveryId" value="${delivery.deliveryId}"><button type="submit">Retry</button></form></td></tr>`,
      )}</tbody></table></div>`
}
<h2 id="repositories">Repositories</h2>
${
  input.repositories.length === 0
    ? html`<p class="empty">No repository yet: install the GitHub App or add the GitLab webhook, then link each repository to its beneficiary with <code>wecena admin beneficiary link-repo</code> (register the beneficiary first on <a href="/operator/beneficiaries">Beneficiaries</a>).</p>`
    : html`<div class="table-scroll"><table class="stack"><thead><tr><th>Repository</th><th>Forge</th><th>Beneficiary</th><th>Enabled</th><th>Discovery</th></tr></thead><tbody>${input.repositories.map(
        (repository) => html`<tr><td data-label="Repository"><code>${repository.host}/${repository.path}</code></td><td data-label="Forge">${repository.forge}</td><td data-label="Beneficiary">${repository.beneficiary ?? html`<span class="warn">not linked: its work counts for no one</span>`}</td><td data-label="Enabled">${repository.enabled ? 'yes' : 'no'}</td><td data-label="Discovery">${describeScan(repository.scan)}</td></tr>`,
      )}</tbody></table></div>`
}`,
  });
}

/** Where the scan of a repository's open issues stands, in words. */
function describeScan(scan: RepositoryLink['scan']): string {
  if (scan === null) return 'not scanned yet';
  const seen = `${scan.issuesSeen} issue${scan.issuesSeen === 1 ? '' : 's'} in ${scan.pages} page${scan.pages === 1 ? '' : 's'}`;
  if (scan.finishedAt !== null) return `scanned: ${seen}, ${scan.finishedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  if (scan.resumeAt !== null) return `paused by the forge rate limit until ${scan.resumeAt.toISOString().slice(11, 16)} UTC (${seen} so far)`;
  return `scanning: ${seen} so far`;
}
