import { html } from 'hono/html';
import type { Html } from './layout';

/** Links between sibling pages, the current one marked for the eye and for screen readers. */
export function renderTabs<K extends string>(label: string, tabs: readonly { key: K; href: string; label: string }[], current: K): Html {
  return html`<nav class="tabs" aria-label="${label}">${tabs.map((tab) =>
    tab.key === current ? html`<a aria-current="page" href="${tab.href}">${tab.label}</a>` : html`<a href="${tab.href}">${tab.label}</a>`,
  )}</nav>`;
}

export type OperatorTab = 'health' | 'beneficiaries' | 'sponsors' | 'agreements';

/** The links between the operator's pages. */
export function renderOperatorTabs(current: OperatorTab): Html {
  return renderTabs(
    'Operator',
    [
      { key: 'health', href: '/operator', label: 'Repositories and inbox' },
      { key: 'beneficiaries', href: '/operator/beneficiaries', label: 'Beneficiaries' },
      { key: 'sponsors', href: '/operator/sponsors', label: 'Sponsors' },
      { key: 'agreements', href: '/operator/agreements', label: 'Agreements' },
    ],
    current,
  );
}
