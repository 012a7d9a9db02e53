import type { BeneficiaryRecord } from '@wecena/db';
import { html } from 'hono/html';
import { renderLayout, type Html, type LayoutInput } from './layout';
import { ADDRESS_FIELDS, addressFieldSpecs, renderForm, type FieldSpec, type FormState } from './operator-form';
import { renderOperatorTabs } from './operator-tabs';
import { renderOutLink } from './review-status';

export const BENEFICIARY_FIELDS = ['name', 'kind', 'eligibility', 'licence', 'legalName', 'siren', 'rna', ...ADDRESS_FIELDS, 'website', 'cause'] as const;
export type BeneficiaryField = (typeof BENEFICIARY_FIELDS)[number];

const KIND_LABELS = { nonprofit: 'Nonprofit', free_software: 'Free-software project' } as const;

const FIELDS: readonly FieldSpec<BeneficiaryField>[] = [
  { name: 'name', label: 'Name', hint: 'the name people know it by; unique', required: true },
  { name: 'kind', label: 'Kind', options: Object.entries(KIND_LABELS), required: true },
  {
    name: 'eligibility',
    label: 'Eligible as',
    hint: 'why a gift to it qualifies (article 238 bis CGI)',
    options: [
      ['public_interest_organisation', 'a public-interest organisation'],
      ['osi_approved_licence', 'a project under an OSI-approved licence'],
    ],
    required: true,
  },
  { name: 'licence', label: 'Licence', hint: 'its SPDX id, such as MIT or GPL-3.0-or-later: required with an OSI-approved licence' },
  { name: 'legalName', label: 'Legal name', hint: 'printed on receipts', required: true },
  { name: 'siren', label: 'SIREN', hint: 'nine digits' },
  { name: 'rna', label: 'RNA number', hint: 'W and nine digits, for an association' },
  ...addressFieldSpecs(false),
  { name: 'website', label: 'Web site', type: 'url' },
  { name: 'cause', label: 'Cause', hint: 'a lower-case tag such as education, health or open-data: pairing favours consultants who prefer it' },
];

export interface OperatorBeneficiariesPageInput {
  beneficiaries: BeneficiaryRecord[];
  /** Forge logins of each beneficiary's contacts, by beneficiary id. */
  contacts: Map<string, string[]>;
  form: FormState<BeneficiaryField>;
  csrfToken: string;
  notice: string | null;
  signedIn: LayoutInput['signedIn'];
}

function renderEligibility(beneficiary: BeneficiaryRecord): string {
  return beneficiary.eligibility === 'osi_approved_licence' ? `OSI-approved licence ${beneficiary.licence ?? ''}` : 'public-interest organisation';
}

function renderList(items: readonly string[], none: string): Html {
  return items.length === 0 ? html`<span class="meta">${none}</span>` : html`<ul class="plain">${items.map((item) => html`<li><code>${item}</code></li>`)}</ul>`;
}

/** Beneficiaries with what a receipt needs of them, their repositories and contacts; a form to add one. */
export function renderOperatorBeneficiariesPage(input: OperatorBeneficiariesPageInput): Html {
  return renderLayout({
    title: 'Beneficiaries',
    signedIn: input.signedIn,
    body: html`<h1>Beneficiaries</h1>
${renderOperatorTabs('beneficiaries')}
${input.notice === null ? '' : html`<p class="notice" role="status">${input.notice}</p>`}
${
  input.beneficiaries.length === 0
    ? html`<p class="empty">No beneficiary yet: add the first one below.</p>`
    : html`<div class="table-scroll"><table class="stack"><thead><tr><th>Beneficiary</th><th>Legal identity</th><th>Repositories</th><th>Contacts</th></tr></thead><tbody>${input.beneficiaries.map(
        (beneficiary) => html`<tr data-beneficiary="${beneficiary.id}"><td data-label="Beneficiary"><a href="/beneficiaries/${beneficiary.id}">${beneficiary.name}</a><div class="meta"><span>${KIND_LABELS[beneficiary.kind]}</span><span>${renderEligibility(beneficiary)}</span>${beneficiary.cause === null ? '' : html`<span class="tag">${beneficiary.cause}</span>`}</div></td>
<td data-label="Legal identity">${beneficiary.legalName}<div class="meta"><span>SIREN ${beneficiary.siren ?? '—'}</span><span>RNA ${beneficiary.rna ?? '—'}</span></div>${
          beneficiary.address === null ? html`<div class="warn">no address: a receipt needs one</div>` : html`<div class="address">${beneficiary.address}</div>`
        }${beneficiary.website === null ? '' : html`<div>${renderOutLink(beneficiary.website, beneficiary.website)}</div>`}</td>
<td data-label="Repositories">${renderList(beneficiary.repositories, 'none linked')}</td>
<td data-label="Contacts">${renderList(input.contacts.get(String(beneficiary.id)) ?? [], 'none: grant one with wecena admin grant')}</td></tr>`,
      )}</tbody></table></div>`
}
<h2 id="add">Add a beneficiary</h2>
<p class="lede">The same details again change nothing. Link its repositories with <code>wecena admin beneficiary link-repo</code>, then record its agreement with each sponsor.</p>
${renderForm({ action: '/operator/beneficiaries#add', csrfToken: input.csrfToken, form: input.form, fields: FIELDS, submit: 'Add the beneficiary' })}`,
  });
}
