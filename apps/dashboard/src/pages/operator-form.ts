import { html } from 'hono/html';
import type { Html } from './layout';

/**
 * A form as the person last sent it: what they typed, kept so that nothing is lost when it is
 * shown again, one problem per field, and the store's refusal (a duplicate, an overlap) if any.
 */
export interface FormState<F extends string> {
  values: Partial<Record<F, string>>;
  problems: Partial<Record<F, string>>;
  refusal: string | null;
}

/** A form not sent yet: `values` are the defaults it opens with. */
export function freshForm<F extends string>(values: Partial<Record<F, string>> = {}): FormState<F> {
  return { values, problems: {}, refusal: null };
}

export interface FieldSpec<F extends string> {
  name: F;
  label: string;
  /** What to type, under the label. */
  hint?: string;
  required?: boolean;
  type?: 'text' | 'date' | 'number' | 'url';
  /** A select's options as [value, label]. */
  options?: readonly (readonly [string, string])[];
  /** A textarea of this many rows. */
  rows?: number;
  /** Extra attributes of a number input. */
  step?: string;
}

/** One labelled field, its problem said under it and tied to it for screen readers. */
function renderField<F extends string>(form: FormState<F>, spec: FieldSpec<F>): Html {
  const value = form.values[spec.name] ?? '';
  const problem = form.problems[spec.name];
  const id = `field-${spec.name}`;
  const described = problem === undefined ? '' : `${id}-problem`;
  const control =
    spec.options !== undefined
      ? html`<select id="${id}" name="${spec.name}" aria-invalid="${problem === undefined ? 'false' : 'true'}" aria-describedby="${described}">${spec.options.map(
          ([optionValue, optionLabel]) => html`<option value="${optionValue}"${optionValue === value ? html` selected` : ''}>${optionLabel}</option>`,
        )}</select>`
      : spec.rows !== undefined
        ? html`<textarea id="${id}" name="${spec.name}" rows="${spec.rows}" aria-invalid="${problem === undefined ? 'false' : 'true'}" aria-describedby="${described}"${spec.required === true ? html` required` : ''}>${value}</textarea>`
        : html`<input id="${id}" type="${spec.type ?? 'text'}" name="${spec.name}" value="${value}"${spec.step === undefined ? '' : html` step="${spec.step}" min="0"`} aria-invalid="${problem === undefined ? 'false' : 'true'}" aria-describedby="${described}"${spec.required === true ? html` required` : ''}>`;
  return html`<label for="${id}">${spec.label}${spec.required === true ? '' : html` <span class="meta">(optional)</span>`}${spec.hint === undefined ? '' : html`<span class="meta">${spec.hint}</span>`}</label>
${control}${problem === undefined ? '' : html`<p class="field-problem" id="${described}">${problem}</p>`}`;
}

/** A form that posts to `action` with the session's CSRF token; the store's refusal is said above its fields. */
export function renderForm<F extends string>(input: { action: string; csrfToken: string; form: FormState<F>; fields: readonly FieldSpec<F>[]; submit: string }): Html {
  const { form } = input;
  const count = Object.keys(form.problems).length;
  return html`<form method="post" action="${input.action}" class="stack-form">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
${form.refusal === null ? '' : html`<p class="problem" role="alert">${form.refusal}</p>`}
${count === 0 ? '' : html`<p class="problem" role="alert">${count === 1 ? 'One field needs' : `${count} fields need`} a change: nothing was saved.</p>`}
${input.fields.map((spec) => renderField(form, spec))}
<button type="submit">${input.submit}</button>
</form>`;
}

/** The fields of a postal address, as the core's Address has it. */
export const ADDRESS_FIELDS = ['street', 'postalCode', 'city', 'country'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** The address fields of a form; `required` false: all may be left empty together. */
export function addressFieldSpecs(required: boolean): FieldSpec<AddressField>[] {
  return [
    { name: 'street', label: 'Street', hint: 'one line per line of the address, as a receipt prints it', rows: 2, required },
    { name: 'postalCode', label: 'Postal code', required },
    { name: 'city', label: 'City', required },
    { name: 'country', label: 'Country', hint: 'two letters, FR for France', required },
  ];
}
