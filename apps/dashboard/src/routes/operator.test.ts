import { describeEachEngine } from '@wecena/testkit';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '../queries/session-queries';
import { insertDemoWorld, type DemoWorld } from '../testing/demo-world';
import { DEMO_NOW } from '../testing/sample-data';
import { dashboardWithDemoSignIn, LOOPBACK_ORIGIN, postForm, signInAsDemo, type TestSession } from '../testing/sign-in';
import { readAgreementForm } from './operator-agreements';
import { readBeneficiaryForm } from './operator-beneficiaries';
import { readSponsorForm } from './operator-sponsors';

/** The `<tr>` of a table whose `data-<kind>` is `id`. */
function rowOf(page: string, kind: string, id: string): string {
  const start = page.indexOf(`<tr data-${kind}="${id}"`);
  if (start === -1) throw new Error(`no row for ${kind} ${id}`);
  return page.slice(start, page.indexOf('</tr>', start));
}

/** The problem said under a field, or undefined. */
function problemOf(page: string, field: string): string | undefined {
  return new RegExp(`<p class="field-problem" id="field-${field}-problem">([^<]*)</p>`).exec(page)?.[1];
}

const NEW_BENEFICIARY = {
  name: 'Ateliers du Code',
  kind: 'free_software',
  eligibility: 'osi_approved_licence',
  licence: 'GPL-3.0-or-later',
  legalName: 'Association Ateliers du Code',
  siren: '443 061 841',
  rna: 'w751000001',
  street: '10 rue des Lilas\nBâtiment B',
  postalCode: '75019',
  city: 'Paris',
  country: '',
  website: 'https://ateliers.example',
  cause: 'Education',
};

const NEW_SPONSOR = {
  name: 'Pixel Services',
  legalName: 'Pixel Services SARL',
  siren: '542 051 180',
  street: '3 quai Perrache',
  postalCode: '69002',
  city: 'Lyon',
  country: 'FR',
  defaultCostRate: '480,50',
};

describe('operator forms, read with the core schemas', () => {
  it('turns a beneficiary form into the row the CLI would store', () => {
    expect(readBeneficiaryForm(NEW_BENEFICIARY)).toMatchObject({
      ok: true,
      input: {
        name: 'Ateliers du Code',
        kind: 'free_software',
        eligibility: 'osi_approved_licence',
        licence: 'GPL-3.0-or-later',
        legalName: 'Association Ateliers du Code',
        siren: '443061841',
        rna: 'W751000001',
        address: '10 rue des Lilas\nBâtiment B\n75019 Paris',
        website: 'https://ateliers.example',
        cause: 'education',
      },
    });
  });

  it('says one problem per field, in words', () => {
    const reading = readBeneficiaryForm({ ...NEW_BENEFICIARY, licence: '', siren: '123', postalCode: '7501', website: 'javascript:alert(1)', legalName: ' ' });
    expect(reading.ok ? {} : reading.form.problems).toEqual({
      licence: 'Required with an OSI-approved licence: its SPDX id, such as MIT or GPL-3.0-or-later.',
      siren: 'A SIREN is nine digits.',
      postalCode: 'A French postal code is five digits.',
      website: 'A web address such as https://example.org.',
      legalName: 'Required.',
    });
    const sponsor = readSponsorForm({ ...NEW_SPONSOR, siren: '542051181', defaultCostRate: 'a lot', city: '' });
    expect(sponsor.ok ? {} : sponsor.form.problems).toEqual({
      siren: 'This SIREN fails its checksum: a digit is probably mistyped.',
      defaultCostRate: 'Euros an hour, such as 450 or 450.50.',
      city: 'Required.',
    });
    const agreement = readAgreementForm({ sponsor: '', beneficiary: '3', signedOn: '2026-02-30', from: '2026-03-01', to: '2026-02-01' });
    expect(agreement.ok ? {} : agreement.form.problems).toEqual({
      sponsor: 'Choose a sponsor.',
      signedOn: 'A date as YYYY-MM-DD.',
      to: 'An agreement ends on or after its first day.',
    });
  });
});

describeEachEngine('operator pages: beneficiaries, sponsors, agreements', (ctx) => {
  let app: Hono;
  let world: DemoWorld;
  let operator: TestSession;

  async function get(path: string, session: TestSession = operator): Promise<{ status: number; text: string }> {
    const response = await app.request(`${LOOPBACK_ORIGIN}${path}`, { headers: { Cookie: session.cookie } });
    return { status: response.status, text: await response.text() };
  }

  async function post(path: string, fields: Record<string, string>, session: TestSession = operator): Promise<{ status: number; text: string; location: string | null }> {
    const response = await postForm(app, path, { _csrf: session.csrfToken, ...fields }, session.cookie);
    return { status: response.status, text: await response.text(), location: response.headers.get('Location') };
  }

  async function count(table: string): Promise<number> {
    const { rows } = await ctx.db().query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
    return Number(rows[0]?.count);
  }

  beforeAll(async () => {
    world = await insertDemoWorld(ctx.db());
    app = dashboardWithDemoSignIn(ctx.db(), () => DEMO_NOW);
    operator = await signInAsDemo(app, 'operator');
  });

  it('links the three pages from the operator page', async () => {
    const { text } = await get('/operator');
    for (const path of ['/operator/beneficiaries', '/operator/sponsors', '/operator/agreements']) expect(text).toContain(`href="${path}"`);
  });

  it('lists each beneficiary with what a receipt needs, its repositories and contacts, names escaped', async () => {
    await grantRole(ctx.db(), { forge: 'github', host: 'github.com', login: 'ines-entraide', role: { kind: 'beneficiary_contact', beneficiaryId: world.beneficiaryId } });

    const { status, text } = await get('/operator/beneficiaries');

    expect(status).toBe(200);
    const row = rowOf(text, 'beneficiary', world.beneficiaryId);
    for (const shown of ['Entraide Solidaire', 'Association Entraide Solidaire', 'RNA W691234567', '4 place Sathonay\n69001 Lyon', 'gitlab:gitlab.com/entraide-solidaire/site-benevoles', 'github.com/ines-entraide']) {
      expect(row).toContain(shown);
    }
    const other = rowOf(text, 'beneficiary', world.other.beneficiaryId);
    expect(other).toContain('Bibliothèque &lt;b&gt;Libre&lt;/b&gt;');
    expect(other).toContain('no address: a receipt needs one');
    expect(text).not.toContain('<b>Libre</b>');
  });

  it('adds a beneficiary from the form: the row is stored, listed, and a notice says so; the same again changes nothing', async () => {
    const added = await post('/operator/beneficiaries', NEW_BENEFICIARY);

    expect(added).toMatchObject({ status: 303, location: '/operator/beneficiaries?done=added' });
    const { rows } = await ctx.db().query(
      `SELECT id::text AS id, kind, eligibility, licence, legal_name, siren, rna, address, website, cause FROM beneficiaries WHERE name = 'Ateliers du Code'`,
    );
    expect(rows).toEqual([
      {
        id: expect.any(String),
        kind: 'free_software',
        eligibility: 'osi_approved_licence',
        licence: 'GPL-3.0-or-later',
        legal_name: 'Association Ateliers du Code',
        siren: '443061841',
        rna: 'W751000001',
        address: '10 rue des Lilas\nBâtiment B\n75019 Paris',
        website: 'https://ateliers.example',
        cause: 'education',
      },
    ]);
    const page = await get('/operator/beneficiaries?done=added');
    expect(page.text).toContain('The beneficiary is registered.');
    expect(rowOf(page.text, 'beneficiary', (rows[0] as { id: string }).id)).toContain('OSI-approved licence GPL-3.0-or-later');

    const before = await count('beneficiaries');
    expect(await post('/operator/beneficiaries', NEW_BENEFICIARY)).toMatchObject({ status: 303, location: '/operator/beneficiaries?done=unchanged' });
    expect(await count('beneficiaries')).toBe(before);
  });

  it('shows the beneficiary form again with a message under each bad field, as typed, and writes nothing', async () => {
    const before = await count('beneficiaries');

    const { status, text } = await post('/operator/beneficiaries', { ...NEW_BENEFICIARY, name: 'Les <em>Jardins</em>', siren: '12', rna: 'X1', city: '' });

    expect(status).toBe(422);
    expect(problemOf(text, 'siren')).toBe('A SIREN is nine digits.');
    expect(problemOf(text, 'rna')).toBe('An RNA number is W followed by nine digits.');
    expect(problemOf(text, 'city')).toBe('Required.');
    expect(problemOf(text, 'name')).toBeUndefined();
    expect(text).toContain('3 fields need a change: nothing was saved.');
    expect(text).toContain('value="Les &lt;em&gt;Jardins&lt;/em&gt;"');
    expect(await count('beneficiaries')).toBe(before);
  });

  it("says the store's refusal above the form: a name already registered with other details", async () => {
    const before = await count('beneficiaries');

    const { status, text } = await post('/operator/beneficiaries', { ...NEW_BENEFICIARY, name: 'Entraide Solidaire' });

    expect(status).toBe(422);
    expect(text).toMatch(/<p class="problem" role="alert">Nothing was saved: beneficiary #\d+ Entraide Solidaire already exists with other details: kind &quot;nonprofit&quot;/);
    expect(await count('beneficiaries')).toBe(before);
  });

  it('lists sponsors with their legal identity, reviewers and number of consultants', async () => {
    const { rows } = await ctx.db().query<{ count: string }>('SELECT count(*) AS count FROM consultants WHERE sponsor_id = $1', [world.sponsorId]);

    const row = rowOf((await get('/operator/sponsors')).text, 'sponsor', world.sponsorId);

    for (const shown of ['Octet Conseil SAS', 'SIREN 832519748', '12 rue de la Charité\n69002 Lyon', '€52.00', 'Claire Fontaine &lt;claire.fontaine@octet-conseil.example&gt;']) {
      expect(row).toContain(shown);
    }
    expect(row).toContain(`data-figure="consultants">${Number(rows[0]?.count)}</a>`);
    expect(row).toContain('data-figure="reviewers">1</span>');
  });

  it('adds a sponsor from the form, its name escaped in the list; bad input writes nothing', async () => {
    const added = await post('/operator/sponsors', { ...NEW_SPONSOR, name: 'Pixel <script>alert(3)</script>' });
    expect(added).toMatchObject({ status: 303, location: '/operator/sponsors?done=added' });
    const { rows } = await ctx.db().query(`SELECT name, legal_name, address, default_cost_rate_cents::int AS rate FROM sponsors WHERE siren = '542051180'`);
    expect(rows).toEqual([{ name: 'Pixel <script>alert(3)</script>', legal_name: 'Pixel Services SARL', address: '3 quai Perrache\n69002 Lyon', rate: 48_050 }]);
    const list = (await get('/operator/sponsors?done=added')).text;
    expect(list).toContain('Pixel &lt;script&gt;alert(3)&lt;/script&gt;');
    expect(list).not.toContain('<script>alert(3)');

    const before = await count('sponsors');
    const refused = await post('/operator/sponsors', { ...NEW_SPONSOR, siren: '542051181', defaultCostRate: '-3' });
    expect(refused.status).toBe(422);
    expect(problemOf(refused.text, 'siren')).toBe('This SIREN fails its checksum: a digit is probably mistyped.');
    expect(problemOf(refused.text, 'defaultCostRate')).toBe('Euros an hour, such as 450 or 450.50.');
    const duplicate = await post('/operator/sponsors', { ...NEW_SPONSOR, name: 'Another name' });
    expect(duplicate.status).toBe(422);
    expect(duplicate.text).toContain('already has SIREN 542051180, with other details: name');
    expect(await count('sponsors')).toBe(before);
  });

  it('lists agreements with their period and whether each is in force today', async () => {
    await ctx.db().query(
      `INSERT INTO agreements (sponsor_id, beneficiary_id, reference, signed_on, valid_from, valid_to) VALUES ($1, $2, 'AC-2025', '2025-01-01', '2025-01-01', '2025-12-31')`,
      [world.other.sponsorId, world.other.beneficiaryId],
    );
    const { rows } = await ctx.db().query<{ id: string; reference: string }>('SELECT id::text AS id, reference FROM agreements ORDER BY id');

    const { text } = await get('/operator/agreements');

    const byReference = new Map(rows.map((row) => [row.reference, rowOf(text, 'agreement', row.id)]));
    expect(byReference.get('OC-ES-2026')).toContain('Entraide Solidaire');
    expect(byReference.get('OC-ES-2026')).toContain('1 Jan 2026 – 1 Jan 2027');
    expect(byReference.get('OC-ES-2026')).toContain('>in force<');
    expect(byReference.get('AC-2025')).toContain('Bibliothèque &lt;b&gt;Libre&lt;/b&gt;');
    expect(byReference.get('AC-2025')).toContain('not in force');
  });

  it('records an agreement from the form; an overlap or a bad date is refused and writes nothing', async () => {
    const fields = { sponsor: world.other.sponsorId, beneficiary: world.beneficiaryId, signedOn: '2026-02-20', from: '2026-03-01', to: '', reference: 'AC-ES-1' };

    expect(await post('/operator/agreements', fields)).toMatchObject({ status: 303, location: '/operator/agreements?done=added' });
    const { rows } = await ctx.db().query(
      `SELECT signed_on::text AS signed_on, valid_from::text AS valid_from, valid_to FROM agreements WHERE sponsor_id = $1 AND beneficiary_id = $2`,
      [world.other.sponsorId, world.beneficiaryId],
    );
    expect(rows).toEqual([{ signed_on: '2026-02-20', valid_from: '2026-03-01', valid_to: null }]);
    expect((await get('/operator/agreements?done=added')).text).toContain('The agreement is recorded');

    const before = await count('agreements');
    const overlap = await post('/operator/agreements', { ...fields, from: '2026-06-01' });
    expect(overlap.status).toBe(422);
    expect(overlap.text).toContain('Autre Conseil and Entraide Solidaire already have an agreement in force then');
    expect(overlap.text).toContain(`<option value="${world.other.sponsorId}" selected>`);
    const backwards = await post('/operator/agreements', { ...fields, from: '2026-09-01', to: '2026-08-01' });
    expect(problemOf(backwards.text, 'to')).toBe('An agreement ends on or after its first day.');
    expect(await count('agreements')).toBe(before);
  });

  it('refuses a form posted without the session token, and writes nothing', async () => {
    const before = await Promise.all(['beneficiaries', 'sponsors', 'agreements'].map(count));

    for (const path of ['/operator/beneficiaries', '/operator/sponsors', '/operator/agreements']) {
      const response = await postForm(app, path, { ...NEW_BENEFICIARY, ...NEW_SPONSOR, name: 'Forged', siren: '552100554' }, operator.cookie);
      expect(response.status).toBe(403);
    }
    expect(await Promise.all(['beneficiaries', 'sponsors', 'agreements'].map(count))).toEqual(before);
  });
});
