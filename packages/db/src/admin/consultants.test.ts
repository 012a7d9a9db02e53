import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { countRows, insertConsultant, insertSponsor, problemOf, uniqueTag, valueOf } from './__fixtures__/world';
import { type ConsultantInput, addConsultant, addIdentity, listConsultants, removeIdentity, setSkills } from './consultants';

const TODAY = '2026-03-02';

function camille(sponsor: string, login: string): ConsultantInput {
  return {
    sponsor,
    name: 'Camille Martin',
    email: 'camille@octet.example',
    identities: [
      { forge: 'gitlab', host: 'gitlab.com', login: `${login}-gl` },
      { forge: 'github', host: 'github.com', login },
    ],
    skills: [
      { name: 'typescript', level: 3 },
      { name: 'accessibility', level: 2 },
    ],
    languages: ['fr', 'en'],
    causes: ['education'],
    openClaimsLimit: null,
    costRateCents: 38_000,
  };
}

describeEachEngine('admin: consultants', (ctx) => {
  it('adds a consultant with identities and skills, once', async () => {
    const db = ctx.db();
    const company = await insertSponsor(db);
    const login = `camille-${uniqueTag()}`;

    const first = valueOf(await addConsultant(db, camille(company.name, login), TODAY));
    const again = valueOf(await addConsultant(db, { ...camille(company.id, login), skills: [...camille('', login).skills].reverse() }, TODAY));
    const other = problemOf(await addConsultant(db, { ...camille(company.id, login), costRateCents: 40_000 }, TODAY));

    expect(first).toEqual({
      created: true,
      record: {
        id: first.record.id,
        sponsorId: company.id,
        sponsorName: company.name,
        name: 'Camille Martin',
        email: 'camille@octet.example',
        identities: [
          { forge: 'github', host: 'github.com', login },
          { forge: 'gitlab', host: 'gitlab.com', login: `${login}-gl` },
        ],
        skills: [
          { name: 'accessibility', level: 2 },
          { name: 'typescript', level: 3 },
        ],
        languages: ['en', 'fr'],
        causes: ['education'],
        openClaimsLimit: 2,
        costRateCents: 38_000,
        openClaims: 0,
        windows: [],
      },
    });
    expect(again.created).toBe(false);
    expect(problemOf(await addConsultant(db, { ...camille(company.id, login), causes: ['health'] }, TODAY))).toContain('causes ["education"] (not ["health"])');
    expect(other).toBe(
      `consultant #${first.record.id} Camille Martin of #${company.id} ${company.name} already exists with other details: costRateCents 38000 (not 40000)`,
    );
  });

  it('refuses a login that another consultant holds, and writes nothing', async () => {
    const db = ctx.db();
    const company = await insertSponsor(db);
    const holder = await insertConsultant(db, company.id);
    const before = await countRows(db, 'consultants');

    const problem = problemOf(
      await addConsultant(db, { ...camille(company.id, holder.login.toUpperCase()), name: `Someone ${uniqueTag()}` }, TODAY),
    );

    expect(problem).toBe(`github:github.com/${holder.login.toUpperCase()} already belongs to consultant #${holder.id} ${holder.name}`);
    expect(await countRows(db, 'consultants')).toBe(before);
  });

  it('adds and removes identities, one login per forge host', async () => {
    const db = ctx.db();
    const company = await insertSponsor(db);
    const dev = await insertConsultant(db, company.id);
    const gitlab = { forge: 'gitlab' as const, host: 'gitlab.example.org', login: `gl-${uniqueTag()}` };

    const added = valueOf(await addIdentity(db, { consultant: dev.login, identity: gitlab }));
    const again = valueOf(await addIdentity(db, { consultant: dev.id, identity: { ...gitlab, login: gitlab.login.toUpperCase() } }));
    const second = problemOf(await addIdentity(db, { consultant: dev.id, identity: { ...gitlab, login: 'someone-else' } }));
    const removed = valueOf(await removeIdentity(db, { consultant: gitlab.login, identity: gitlab }));
    const removedAgain = valueOf(await removeIdentity(db, { consultant: dev.id, identity: gitlab }));

    expect([added.changed, again.changed, removed.changed, removedAgain.changed]).toEqual([true, false, true, false]);
    expect(second).toBe(`consultant #${dev.id} ${dev.name} already is gitlab:gitlab.example.org/${gitlab.login}: remove it first`);
  });

  it('sets and removes skills', async () => {
    const db = ctx.db();
    const company = await insertSponsor(db);
    const dev = await insertConsultant(db, company.id);

    const set = valueOf(await setSkills(db, { consultant: dev.name, set: [{ name: 'python', level: 1 }, { name: 'sql', level: 2 }], remove: [] }));
    const changed = valueOf(await setSkills(db, { consultant: dev.id, set: [{ name: 'python', level: 3 }], remove: ['sql'] }));
    const same = valueOf(await setSkills(db, { consultant: dev.id, set: [{ name: 'python', level: 3 }], remove: ['cobol'] }));

    expect(set.skills).toEqual([{ name: 'python', level: 1 }, { name: 'sql', level: 2 }]);
    expect(changed).toMatchObject({ changed: true, skills: [{ name: 'python', level: 3 }] });
    expect(same.changed).toBe(false);
  });

  it('lists the consultants of one sponsor, or refuses an unknown sponsor', async () => {
    const db = ctx.db();
    const company = await insertSponsor(db);
    const dev = await insertConsultant(db, company.id);
    await insertConsultant(db, (await insertSponsor(db)).id);

    const listed = valueOf(await listConsultants(db, { sponsor: company.name, today: TODAY }));
    const unknown = problemOf(await listConsultants(db, { sponsor: `Nobody ${uniqueTag()}`, today: TODAY }));

    expect(listed.map((row) => row.id)).toEqual([dev.id]);
    expect(unknown).toMatch(/^no sponsor has the id or name "Nobody [0-9a-f]+" \(known: #\d+ Sponsor [0-9a-f]+, #\d+ /);
  });
});
