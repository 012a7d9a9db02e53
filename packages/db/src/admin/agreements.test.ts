import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { insertBeneficiary, insertSponsor, problemOf, valueOf } from './__fixtures__/world';
import { addAgreement, listAgreements } from './agreements';

describeEachEngine('admin: agreements', (ctx) => {
  it('records an agreement once and refuses another in force on the same days', async () => {
    const db = ctx.db();
    const sponsor = await insertSponsor(db);
    const beneficiary = await insertBeneficiary(db);
    const base = { sponsor: sponsor.name, beneficiary: beneficiary.name, signedOn: '2025-12-15', reference: 'CM-2026-01' };

    const first = valueOf(await addAgreement(db, { ...base, from: '2026-01-01', to: '2026-12-31' }));
    const again = valueOf(await addAgreement(db, { ...base, sponsor: sponsor.id, from: '2026-01-01', to: '2026-12-31' }));
    const changed = problemOf(await addAgreement(db, { ...base, from: '2026-01-01', to: null }));
    const overlap = problemOf(await addAgreement(db, { ...base, from: '2026-06-01', to: null }));
    const next = valueOf(await addAgreement(db, { ...base, reference: null, from: '2027-01-01', to: null }));

    expect(first).toMatchObject({ created: true, record: { sponsorName: sponsor.name, beneficiaryName: beneficiary.name, from: '2026-01-01', to: '2026-12-31' } });
    expect(again).toEqual({ created: false, record: first.record });
    expect(changed).toBe(`agreement #${first.record.id} 2026-01-01 → 2026-12-31 already exists with other details: to "2026-12-31" (not null)`);
    expect(overlap).toBe(`${sponsor.name} and ${beneficiary.name} already have an agreement in force then: #${first.record.id} 2026-01-01 → 2026-12-31`);
    expect((await listAgreements(db)).filter((row) => row.sponsorId === sponsor.id)).toEqual([first.record, next.record]);
  });
});
