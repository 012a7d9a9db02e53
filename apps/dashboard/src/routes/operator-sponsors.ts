import { Sponsor, Text, formatAddress, normaliseSiren } from '@wecena/core';
import { addSponsor, listSponsors, type Database, type SponsorInput } from '@wecena/db';
import { Hono, type Context } from 'hono';
import type { DashboardEnv } from '../auth/context';
import { chromeOf, guard } from '../auth/guard';
import { operatorsOnly } from '../auth/roles';
import { freshForm, type FormState } from '../pages/operator-form';
import { renderOperatorSponsorsPage, SPONSOR_FIELDS, type SponsorField } from '../pages/operator-sponsors-page';
import { listSponsorReviewers } from '../queries/operator-queries';
import { addressOf, addressPaths, doneOf, noticeOf, problemsOf, refusedForm, textFields, type FormReading } from './operator-forms';

const NOTICES = {
  added: 'The sponsor is registered. Add its reviewers and consultants with wecena admin, then record its agreements.',
  unchanged: 'A sponsor with this SIREN was already registered with these details: nothing changed.',
} as const;

const FIELD_OF_PATH: Record<string, SponsorField> = {
  legalName: 'legalName',
  siren: 'siren',
  ...addressPaths('address'),
};

/** Euros an hour as typed (`450`, `450.5`, `450,50`), in cents; undefined when it is not such an amount. */
function centsOf(euros: string): number | undefined {
  const match = /^(?<units>\d{1,7})(?:[.,](?<hundredths>\d{1,2}))?$/.exec(euros);
  if (match?.groups === undefined) return undefined;
  return Number(match.groups.units) * 100 + Number((match.groups.hundredths ?? '').padEnd(2, '0'));
}

/** Checks a posted sponsor with the core's schemas, as `wecena admin sponsor add` does. */
export function readSponsorForm(body: Record<string, unknown>): FormReading<SponsorField, SponsorInput> {
  const values = textFields(body, SPONSOR_FIELDS);
  const name = Text.safeParse(values.name);
  const defaultCostRateCents = values.defaultCostRate === '' ? null : centsOf(values.defaultCostRate);
  const parsed = Sponsor.safeParse({
    id: 'new',
    legalName: values.legalName,
    siren: normaliseSiren(values.siren),
    address: addressOf({ ...values, country: values.country === '' ? 'FR' : values.country }),
    valuation: { method: 'cost_price', defaultCostRateCentsPerHour: defaultCostRateCents ?? null, countEstimatedMinutes: true },
  });
  const problems = {
    ...(parsed.success ? {} : problemsOf(parsed.error.issues, FIELD_OF_PATH)),
    ...(name.success ? {} : problemsOf(name.error.issues, { '': 'name' })),
    ...(defaultCostRateCents === undefined ? { defaultCostRate: 'Euros an hour, such as 450 or 450.50.' } : {}),
  };
  if (!parsed.success || !name.success || defaultCostRateCents === undefined || Object.keys(problems).length > 0) {
    return { ok: false, form: { values, problems, refusal: null } };
  }
  const sponsor = parsed.data;
  return {
    ok: true,
    values,
    input: { name: name.data, legalName: sponsor.legalName, siren: sponsor.siren, address: formatAddress(sponsor.address), defaultCostRateCents },
  };
}

/** `/operator/sponsors`: the list, and registering one. */
export function operatorSponsorsRoutes({ db }: { db: Database }): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();

  async function page(c: Context<DashboardEnv>, form: FormState<SponsorField>, status: 200 | 422) {
    const [sponsors, reviewers] = await Promise.all([listSponsors(db), listSponsorReviewers(db)]);
    const signedIn = chromeOf(c);
    const notice = status === 200 ? noticeOf(NOTICES, c.req.query('done')) : null;
    return c.html(renderOperatorSponsorsPage({ sponsors, reviewers, form, csrfToken: signedIn?.csrfToken ?? '', notice, signedIn }), status);
  }

  app.get('/operator/sponsors', guard(operatorsOnly), (c) => page(c, freshForm({ country: 'FR' }), 200));

  app.post('/operator/sponsors', guard(operatorsOnly), async (c) => {
    const reading = readSponsorForm(await c.req.parseBody());
    if (!reading.ok) return page(c, reading.form, 422);
    const outcome = await addSponsor(db, reading.input);
    if (!outcome.ok) return page(c, refusedForm(reading.values, outcome), 422);
    return c.redirect(`/operator/sponsors?done=${doneOf(outcome.value)}`, 303);
  });

  return app;
}
