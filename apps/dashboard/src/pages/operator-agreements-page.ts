import type { AgreementRecord } from '@wecena/db';
import { html } from 'hono/html';
import { formatDay } from './format';
import { renderLayout, type Html, type LayoutInput } from './layout';
import { renderForm, type FieldSpec, type FormState } from './operator-form';
import { renderOperatorTabs } from './operator-tabs';

export const AGREEMENT_FIELDS = ['sponsor', 'beneficiary', 'signedOn', 'from', 'to', 'reference'] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

export interface AgreementLine extends AgreementRecord {
  /** In force on the day the page was asked. */
  inForce: boolean;
}

export interface OperatorAgreementsPageInput {
  agreements: AgreementLine[];
  /** The parties an agreement may be recorded between: [id, name]. */
  sponsors: readonly (readonly [string, string])[];
  beneficiaries: readonly (readonly [string, string])[];
  form: FormState<AgreementField>;
  csrfToken: string;
  notice: string | null;
  signedIn: LayoutInput['signedIn'];
}

function fieldsOf(input: OperatorAgreementsPageInput): FieldSpec<AgreementField>[] {
  return [
    { name: 'sponsor', label: 'Sponsor', options: [['', 'Choose a sponsor'], ...input.sponsors], required: true },
    { name: 'beneficiary', label: 'Beneficiary', options: [['', 'Choose a beneficiary'], ...input.beneficiaries], required: true },
    { name: 'signedOn', label: 'Signed on', type: 'date', required: true },
    { name: 'from', label: 'In force from', hint: 'its first day', type: 'date', required: true },
    { name: 'to', label: 'In force until', hint: 'its last day; empty: until further notice', type: 'date' },
    { name: 'reference', label: 'Reference', hint: "the parties' own reference for it" },
  ];
}

/** Agreements (conventions de mécénat), whether each is in force today; a form to record one. */
export function renderOperatorAgreementsPage(input: OperatorAgreementsPageInput): Html {
  return renderLayout({
    title: 'Agreements',
    signedIn: input.signedIn,
    body: html`<h1>Agreements</h1>
${renderOperatorTabs('agreements')}
${input.notice === null ? '' : html`<p class="notice" role="status">${input.notice}</p>`}
<p class="lede">A contribution counts for a sponsor and a beneficiary only under an agreement in force on the day it landed.</p>
${
  input.agreements.length === 0
    ? html`<p class="empty">No agreement yet: record the first one below.</p>`
    : html`<div class="table-scroll"><table class="stack"><thead><tr><th>Sponsor</th><th>Beneficiary</th><th>Reference</th><th>Signed on</th><th>Period</th><th>Today</th></tr></thead><tbody>${input.agreements.map(
        (agreement) => html`<tr data-agreement="${agreement.id}"><td data-label="Sponsor">${agreement.sponsorName}</td><td data-label="Beneficiary">${agreement.beneficiaryName}</td><td data-label="Reference">${agreement.reference ?? '—'}</td><td data-label="Signed on">${formatDay(agreement.signedOn)}</td><td data-label="Period">${formatDay(agreement.from)} – ${agreement.to === null ? 'until further notice' : formatDay(agreement.to)}</td><td data-label="Today">${
          agreement.inForce ? html`<span class="status status-approved">in force</span>` : html`<span class="status">not in force</span>`
        }</td></tr>`,
      )}</tbody></table></div>`
}
<h2 id="add">Record an agreement</h2>
<p class="lede">Two agreements of the same sponsor and beneficiary may not be in force on the same day; the same agreement again changes nothing.</p>
${renderForm({ action: '/operator/agreements#add', csrfToken: input.csrfToken, form: input.form, fields: fieldsOf(input), submit: 'Record the agreement' })}`,
  });
}
