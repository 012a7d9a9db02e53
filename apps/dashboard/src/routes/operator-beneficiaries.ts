import { ADDRESS_NOT_GIVEN, Beneficiary, Tag, WebUrl, formatAddress, normaliseSiren } from '@wecena/core';
import { addBeneficiary, listBeneficiaries, type BeneficiaryInput, type Database } from '@wecena/db';
import { Hono, type Context } from 'hono';
import type { DashboardEnv } from '../auth/context';
import { chromeOf, guard } from '../auth/guard';
import { operatorsOnly } from '../auth/roles';
import { BENEFICIARY_FIELDS, renderOperatorBeneficiariesPage, type BeneficiaryField } from '../pages/operator-beneficiaries-page';
import { freshForm, type FormState } from '../pages/operator-form';
import { listBeneficiaryContacts } from '../queries/operator-queries';
import { addressOf, addressPaths, doneOf, noticeOf, problemsOf, refusedForm, textFields, type FormReading } from './operator-forms';

const NOTICES = {
  added: 'The beneficiary is registered. Link its repositories with wecena admin beneficiary link-repo, and record its agreement with each sponsor.',
  unchanged: 'That beneficiary was already registered with these details: nothing changed.',
} as const;

const ELIGIBILITIES = ['public_interest_organisation', 'osi_approved_licence'] as const;

const FIELD_OF_PATH: Record<string, BeneficiaryField> = {
  kind: 'kind',
  displayName: 'name',
  eligibility: 'eligibility',
  'eligibility.spdxId': 'licence',
  'legalIdentity.legalName': 'legalName',
  'legalIdentity.siren': 'siren',
  'legalIdentity.rna': 'rna',
  ...addressPaths('legalIdentity.address'),
};

/** Checks a posted beneficiary with the core's schemas, as `wecena admin beneficiary add` does. */
export function readBeneficiaryForm(body: Record<string, unknown>): FormReading<BeneficiaryField, BeneficiaryInput> {
  const values = textFields(body, BENEFICIARY_FIELDS);
  const eligibility = ELIGIBILITIES.find((basis) => basis === values.eligibility);
  const osi = eligibility === 'osi_approved_licence';
  const addressGiven = values.street !== '' || values.postalCode !== '' || values.city !== '';
  const siren = normaliseSiren(values.siren);
  const parsed = Beneficiary.safeParse({
    id: 'new',
    kind: values.kind,
    displayName: values.name,
    eligibility: osi ? { basis: 'osi_licence', spdxId: values.licence } : { basis: 'public_interest_organisation', evidence: null },
    legalIdentity: {
      legalName: values.legalName,
      siren: siren === '' ? null : siren,
      rna: values.rna === '' ? null : values.rna.toUpperCase(),
      address: addressGiven ? addressOf({ ...values, country: values.country === '' ? 'FR' : values.country }) : ADDRESS_NOT_GIVEN,
    },
  });
  const website = values.website === '' ? null : WebUrl.safeParse(values.website);
  const cause = values.cause === '' ? null : Tag.safeParse(values.cause.toLowerCase());
  const problems = {
    ...(parsed.success ? {} : problemsOf(parsed.error.issues, FIELD_OF_PATH)),
    ...(website === null || website.success ? {} : problemsOf(website.error.issues, { '': 'website' })),
    ...(cause === null || cause.success ? {} : problemsOf(cause.error.issues, { '': 'cause' })),
    ...(eligibility === undefined ? { eligibility: 'Choose one of the options.' } : {}),
    ...(osi && values.licence === '' ? { licence: 'Required with an OSI-approved licence: its SPDX id, such as MIT or GPL-3.0-or-later.' } : {}),
  };
  if (!parsed.success || eligibility === undefined || Object.keys(problems).length > 0) return { ok: false, form: { values, problems, refusal: null } };
  const beneficiary = parsed.data;
  return {
    ok: true,
    values,
    input: {
      name: beneficiary.displayName,
      kind: beneficiary.kind,
      eligibility,
      licence: osi ? values.licence : null,
      legalName: beneficiary.legalIdentity.legalName,
      siren: beneficiary.legalIdentity.siren,
      rna: beneficiary.legalIdentity.rna,
      address: addressGiven ? formatAddress(beneficiary.legalIdentity.address) : null,
      website: website?.data ?? null,
      cause: cause?.data ?? null,
    },
  };
}

/** `/operator/beneficiaries`: the list, and registering one. */
export function operatorBeneficiariesRoutes({ db }: { db: Database }): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();

  async function page(c: Context<DashboardEnv>, form: FormState<BeneficiaryField>, status: 200 | 422) {
    const [beneficiaries, contacts] = await Promise.all([listBeneficiaries(db), listBeneficiaryContacts(db)]);
    const signedIn = chromeOf(c);
    const notice = status === 200 ? noticeOf(NOTICES, c.req.query('done')) : null;
    return c.html(renderOperatorBeneficiariesPage({ beneficiaries, contacts, form, csrfToken: signedIn?.csrfToken ?? '', notice, signedIn }), status);
  }

  app.get('/operator/beneficiaries', guard(operatorsOnly), (c) => page(c, freshForm({ kind: 'nonprofit', country: 'FR' }), 200));

  app.post('/operator/beneficiaries', guard(operatorsOnly), async (c) => {
    const reading = readBeneficiaryForm(await c.req.parseBody());
    if (!reading.ok) return page(c, reading.form, 422);
    const outcome = await addBeneficiary(db, reading.input);
    if (!outcome.ok) return page(c, refusedForm(reading.values, outcome), 422);
    return c.redirect(`/operator/beneficiaries?done=${doneOf(outcome.value)}`, 303);
  });

  return app;
}
