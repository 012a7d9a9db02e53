import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { countRows, insertSponsor, problemOf, randomSiren, uniqueTag, valueOf } from './__fixtures__/world';
import { type SponsorInput, addReviewer, addSponsor, listSponsors } from './sponsors';

function sponsor(name: string, siren: string): SponsorInput {
  return { name, legalName: `${name} SAS`, siren, address: '12 rue de la Charité\n69002 Lyon', defaultCostRateCents: 45_000 };
}

describeEachEngine('admin: sponsors and reviewers', (ctx) => {
  it('adds a sponsor once per SIREN: the same details change nothing, other details are refused', async () => {
    const db = ctx.db();
    const name = `Octet ${uniqueTag()}`;
    const siren = randomSiren();

    const first = valueOf(await addSponsor(db, sponsor(name, siren)));
    const again = valueOf(await addSponsor(db, sponsor(name, siren)));
    const before = await countRows(db, 'sponsors');
    const other = problemOf(await addSponsor(db, { ...sponsor(name, siren), defaultCostRateCents: 38_000 }));

    expect(first).toMatchObject({ created: true, record: { name, siren, defaultCostRateCents: 45_000, currency: 'EUR', consultants: 0 } });
    expect(again).toEqual({ created: false, record: first.record });
    expect(other).toBe(`sponsor #${first.record.id} ${name} already has SIREN ${siren}, with other details: defaultCostRateCents 45000 (not 38000)`);
    expect(await countRows(db, 'sponsors')).toBe(before);
    expect((await listSponsors(db)).find((row) => row.id === first.record.id)).toEqual(first.record);
  });

  it('adds a reviewer once per email, whatever its case', async () => {
    const db = ctx.db();
    const company = await insertSponsor(db);

    const added = valueOf(await addReviewer(db, { sponsor: company.name, name: 'Claire Fontaine', email: 'claire@octet.example' }));
    const again = valueOf(await addReviewer(db, { sponsor: company.id, name: 'Claire Fontaine', email: 'Claire@Octet.example' }));
    const renamed = problemOf(await addReviewer(db, { sponsor: company.id, name: 'Claire F.', email: 'claire@octet.example' }));

    expect(added).toMatchObject({ created: true, record: { sponsorId: company.id, name: 'Claire Fontaine', role: 'reviewer' } });
    expect(again).toEqual({ created: false, record: added.record });
    expect(renamed).toBe(`claire@octet.example already reviews for #${company.id} ${company.name} as Claire Fontaine (reviewer #${added.record.id})`);
  });

  it('refuses an ambiguous sponsor name, listing the matches', async () => {
    const db = ctx.db();
    const name = `Twin ${uniqueTag()}`;
    const one = await insertSponsor(db, name);
    const two = await insertSponsor(db, name);

    const problem = problemOf(await addReviewer(db, { sponsor: name, name: 'Claire', email: 'c@example.org' }));

    expect(problem).toBe(`"${name}" matches 2 sponsors: #${one.id} ${name}, #${two.id} ${name}; give the id`);
  });
});
