import { Agreement, isAgreementInForce } from '@wecena/core';
import { addAgreement, listAgreements, listBeneficiaries, listSponsors, type AgreementInput, type Database } from '@wecena/db';
import { Hono, type Context } from 'hono';
import type { DashboardEnv } from '../auth/context';
import { chromeOf, guard } from '../auth/guard';
import { operatorsOnly } from '../auth/roles';
import { AGREEMENT_FIELDS, renderOperatorAgreementsPage, type AgreementField } from '../pages/operator-agreements-page';
import { freshForm, type FormState } from '../pages/operator-form';
import { doneOf, noticeOf, problemsOf, refusedForm, textFields, type FormReading } from './operator-forms';

const NOTICES = {
  added: 'The agreement is recorded: contributions of that sponsor for that beneficiary count from its first day.',
  unchanged: 'That agreement was already recorded with these details: nothing changed.',
} as const;

/** The parties' reference: longer is a paste gone wrong. */
const MAX_REFERENCE = 200;

/** Checks a posted agreement with the core's schema, as `wecena admin agreement add` does. */
export function readAgreementForm(body: Record<string, unknown>): FormReading<AgreementField, AgreementInput> {
  const values = textFields(body, AGREEMENT_FIELDS);
  const parsed = Agreement.safeParse({
    id: 'new',
    sponsorId: 'sponsor',
    beneficiaryId: 'beneficiary',
    signedOn: values.signedOn,
    from: values.from,
    to: values.to === '' ? null : values.to,
  });
  const problems = {
    ...(parsed.success ? {} : problemsOf(parsed.error.issues, { signedOn: 'signedOn', from: 'from', to: 'to' } as const)),
    ...(values.sponsor === '' ? { sponsor: 'Choose a sponsor.' } : {}),
    ...(values.beneficiary === '' ? { beneficiary: 'Choose a beneficiary.' } : {}),
    ...(values.signedOn === '' ? { signedOn: 'Required.' } : {}),
    ...(values.from === '' ? { from: 'Required.' } : {}),
    ...(values.reference.length > MAX_REFERENCE ? { reference: `At most ${MAX_REFERENCE} characters.` } : {}),
  };
  if (!parsed.success || Object.keys(problems).length > 0) return { ok: false, form: { values, problems, refusal: null } };
  const { signedOn, from, to } = parsed.data;
  // Sponsor and beneficiary by id (the form's choices) or exact name, as the CLI takes them: the store resolves them.
  return { ok: true, values, input: { sponsor: values.sponsor, beneficiary: values.beneficiary, signedOn, from, to, reference: values.reference === '' ? null : values.reference } };
}

/** `/operator/agreements`: the list with what is in force today, and recording one. */
export function operatorAgreementsRoutes({ db, clock }: { db: Database; clock: () => Date }): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();

  async function page(c: Context<DashboardEnv>, form: FormState<AgreementField>, status: 200 | 422) {
    const [agreements, sponsors, beneficiaries] = await Promise.all([listAgreements(db), listSponsors(db), listBeneficiaries(db)]);
    const today = clock().toISOString().slice(0, 10);
    const signedIn = chromeOf(c);
    return c.html(
      renderOperatorAgreementsPage({
        agreements: agreements.map((agreement) => ({ ...agreement, inForce: isAgreementInForce(agreement, today) })),
        sponsors: sponsors.map((sponsor) => [String(sponsor.id), sponsor.name] as const),
        beneficiaries: beneficiaries.map((beneficiary) => [String(beneficiary.id), beneficiary.name] as const),
        form,
        csrfToken: signedIn?.csrfToken ?? '',
        notice: status === 200 ? noticeOf(NOTICES, c.req.query('done')) : null,
        signedIn,
      }),
      status,
    );
  }

  app.get('/operator/agreements', guard(operatorsOnly), (c) => page(c, freshForm(), 200));

  app.post('/operator/agreements', guard(operatorsOnly), async (c) => {
    const reading = readAgreementForm(await c.req.parseBody());
    if (!reading.ok) return page(c, reading.form, 422);
    const outcome = await addAgreement(db, reading.input);
    if (!outcome.ok) return page(c, refusedForm(reading.values, outcome), 422);
    return c.redirect(`/operator/agreements?done=${doneOf(outcome.value)}`, 303);
  });

  return app;
}
