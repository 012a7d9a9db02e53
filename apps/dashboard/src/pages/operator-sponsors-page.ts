import type { SponsorRecord } from '@wecena/db';
import { html } from 'hono/html';
import { formatMoney } from './format';
import { renderLayout, type Html, type LayoutInput } from './layout';
import { ADDRESS_FIELDS, addressFieldSpecs, renderForm, type FieldSpec, type FormState } from './operator-form';
import { renderOperatorTabs } from './operator-tabs';

export const SPONSOR_FIELDS = ['name', 'legalName', 'siren', ...ADDRESS_FIELDS, 'defaultCostRate'] as const;
export type SponsorField = (typeof SPONSOR_FIELDS)[number];

const FIELDS: readonly FieldSpec<SponsorField>[] = [
  { name: 'name', label: 'Name', hint: 'the name people know it by', required: true },
  { name: 'legalName', label: 'Legal name', hint: 'printed on receipts', required: true },
  { name: 'siren', label: 'SIREN', hint: 'nine digits; unique', required: true },
  ...addressFieldSpecs(true),
  { name: 'defaultCostRate', label: 'Default hourly cost, in euros', hint: 'for consultants without a rate of their own, such as 450 or 450.50', type: 'number', step: '0.01' },
];

export interface OperatorSponsorsPageInput {
  sponsors: SponsorRecord[];
  /** Each sponsor's reviewers, by sponsor id. */
  reviewers: Map<string, string[]>;
  form: FormState<SponsorField>;
  csrfToken: string;
  notice: string | null;
  signedIn: LayoutInput['signedIn'];
}

/** Sponsors with their legal identity, reviewers and consultants; a form to add one. */
export function renderOperatorSponsorsPage(input: OperatorSponsorsPageInput): Html {
  return renderLayout({
    title: 'Sponsors',
    signedIn: input.signedIn,
    body: html`<h1>Sponsors</h1>
${renderOperatorTabs('sponsors')}
${input.notice === null ? '' : html`<p class="notice" role="status">${input.notice}</p>`}
${
  input.sponsors.length === 0
    ? html`<p class="empty">No sponsor yet: add the first one below.</p>`
    : html`<div class="table-scroll"><table class="stack"><thead><tr><th>Sponsor</th><th>Legal identity</th><th>Default hourly cost</th><th>Reviewers</th><th>Consultants</th></tr></thead><tbody>${input.sponsors.map(
        (sponsor) => html`<tr data-sponsor="${sponsor.id}"><td data-label="Sponsor"><a href="/sponsors/${sponsor.id}">${sponsor.name}</a></td>
<td data-label="Legal identity">${sponsor.legalName}<div class="meta"><span>SIREN ${sponsor.siren}</span></div><div class="address">${sponsor.address}</div></td>
<td data-label="Default hourly cost" class="num">${sponsor.defaultCostRateCents === null ? 'not set' : formatMoney(sponsor.defaultCostRateCents, sponsor.currency)}</td>
<td data-label="Reviewers"><span data-figure="reviewers">${sponsor.reviewers}</span>${
          sponsor.reviewers === 0
            ? html` <span class="warn">add one with wecena admin sponsor reviewer add</span>`
            : html`<ul class="plain">${(input.reviewers.get(String(sponsor.id)) ?? []).map((reviewer) => html`<li>${reviewer}</li>`)}</ul>`
        }</td>
<td data-label="Consultants" class="num"><a href="/sponsors/${sponsor.id}/consultants" data-figure="consultants">${sponsor.consultants}</a></td></tr>`,
      )}</tbody></table></div>`
}
<h2 id="add">Add a sponsor</h2>
<p class="lede">Its SIREN is unique: the same details again change nothing. Add its reviewers and consultants with <code>wecena admin</code>.</p>
${renderForm({ action: '/operator/sponsors#add', csrfToken: input.csrfToken, form: input.form, fields: FIELDS, submit: 'Add the sponsor' })}`,
  });
}
