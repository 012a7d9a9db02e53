import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import {
  countRows,
  insertBeneficiary,
  insertRepository,
  problemOf,
  uniqueTag,
  valueOf,
} from './__fixtures__/world';
import { type BeneficiaryInput, addBeneficiary, linkRepository, listBeneficiaries, listRepositories, unlinkRepository } from './beneficiaries';

const NOW = new Date('2026-03-02T10:00:00Z');

function nonprofit(name: string): BeneficiaryInput {
  return {
    name,
    kind: 'nonprofit',
    eligibility: 'public_interest_organisation',
    licence: null,
    legalName: `Association ${name}`,
    siren: null,
    rna: 'W691234567',
    address: '4 place Sathonay\n69001 Lyon',
    website: 'https://entraide.example',
    cause: 'social-inclusion',
  };
}

describeEachEngine('admin: beneficiaries and repositories', (ctx) => {
  it('adds a beneficiary once: the same details again change nothing, other details are refused', async () => {
    const db = ctx.db();
    const name = `Entraide ${uniqueTag()}`;

    const first = valueOf(await addBeneficiary(db, nonprofit(name)));
    const again = valueOf(await addBeneficiary(db, nonprofit(name)));
    const before = await countRows(db, 'beneficiaries');
    const other = problemOf(await addBeneficiary(db, { ...nonprofit(name), legalName: 'Autre association' }));

    expect(first.created).toBe(true);
    expect(first.record.cause).toBe('social-inclusion');
    expect(again).toEqual({ created: false, record: first.record });
    expect(problemOf(await addBeneficiary(db, { ...nonprofit(name), cause: 'health' }))).toContain('cause "social-inclusion" (not "health")');
    expect(other).toBe(
      `beneficiary #${first.record.id} ${name} already exists with other details: legalName "Association ${name}" (not "Autre association")`,
    );
    expect(await countRows(db, 'beneficiaries')).toBe(before);
    expect((await listBeneficiaries(db)).find((row) => row.name === name)).toEqual({ ...first.record, repositories: [] });
  });

  it('links a registered repository, by forge:host/path or by its web address, once', async () => {
    const db = ctx.db();
    const beneficiary = await insertBeneficiary(db);
    const repository = await insertRepository(db);

    const linked = valueOf(
      await linkRepository(db, { beneficiary: beneficiary.name, repository: { forge: 'github', host: 'github.com', path: repository.path }, enable: false, now: NOW }),
    );
    const again = valueOf(
      await linkRepository(db, { beneficiary: beneficiary.id, repository: { forge: null, host: 'github.com', path: repository.path.toUpperCase() }, enable: false, now: NOW }),
    );

    expect(linked.changed).toBe(true);
    expect(linked.repository).toMatchObject({ beneficiaryId: beneficiary.id, beneficiaryName: beneficiary.name, reference: `github:github.com/${repository.path}` });
    expect(again.changed).toBe(false);
    expect((await listBeneficiaries(db)).find((row) => row.id === beneficiary.id)?.repositories).toEqual([`github:github.com/${repository.path}`]);
    expect((await listRepositories(db, { unlinkedOnly: true })).some((row) => row.id === repository.id)).toBe(false);
  });

  it('refuses an unknown repository, listing those waiting to be linked', async () => {
    const db = await ctx.freshDatabase();
    const beneficiary = await insertBeneficiary(db);
    const waiting = await insertRepository(db, 'cartolibre/atlas');

    const problem = problemOf(
      await linkRepository(db, { beneficiary: beneficiary.name, repository: { forge: 'github', host: 'github.com', path: 'cartolibre/atlaz' }, enable: false, now: NOW }),
    );

    expect(problem).toBe(
      "repository github:github.com/cartolibre/atlaz is not registered: wecena registers a repository when the GitHub App is installed on it or the GitLab bot's webhook reaches it (unlinked repositories: github:github.com/cartolibre/atlas)",
    );
    expect((await listRepositories(db))[0]).toMatchObject({ id: waiting.id, beneficiaryId: null });
  });

  it('refuses a repository of another beneficiary until it is unlinked; --enable turns a disabled one on', async () => {
    const db = ctx.db();
    const owner = await insertBeneficiary(db);
    const other = await insertBeneficiary(db);
    const repository = await insertRepository(db, `group-${uniqueTag()}/sub/project`, 'gitlab');
    await db.query('UPDATE repositories SET enabled = false WHERE id = $1', [repository.id]);
    const ref = { forge: 'gitlab' as const, host: 'gitlab.com', path: repository.path };

    const linked = valueOf(await linkRepository(db, { beneficiary: owner.name, repository: ref, enable: false, now: NOW }));
    const taken = problemOf(await linkRepository(db, { beneficiary: other.name, repository: ref, enable: false, now: NOW }));
    const enabled = valueOf(await linkRepository(db, { beneficiary: owner.name, repository: { id: repository.id }, enable: true, now: NOW }));
    const wrongUnlink = problemOf(await unlinkRepository(db, { beneficiary: other.name, repository: ref, now: NOW }));
    const unlinked = valueOf(await unlinkRepository(db, { beneficiary: owner.name, repository: ref, now: NOW }));
    const unlinkedAgain = valueOf(await unlinkRepository(db, { beneficiary: owner.name, repository: ref, now: NOW }));

    expect(linked.repository.enabled).toBe(false);
    expect(taken).toBe(`repository gitlab:gitlab.com/${repository.path} is linked to beneficiary #${owner.id} ${owner.name}: unlink it first`);
    expect(enabled).toMatchObject({ changed: true, repository: { enabled: true } });
    expect(wrongUnlink).toBe(
      `repository gitlab:gitlab.com/${repository.path} is linked to beneficiary #${owner.id} ${owner.name}, not to #${other.id} ${other.name}`,
    );
    expect(unlinked).toMatchObject({ changed: true, repository: { beneficiaryId: null } });
    expect(unlinkedAgain.changed).toBe(false);
  });

  it.each([
    { name: 'an unknown name', reference: 'Nobody at all', expected: /^no beneficiary has the id or name "Nobody at all" \(known: #\d+ / },
    { name: 'an unknown id', reference: '999999', expected: /^no beneficiary has the id or name "999999"/ },
  ])('refuses a link for $name, listing the known beneficiaries', async ({ reference, expected }) => {
    const db = ctx.db();
    await insertBeneficiary(db);
    const repository = await insertRepository(db);

    const problem = problemOf(await linkRepository(db, { beneficiary: reference, repository: { id: repository.id }, enable: false, now: NOW }));

    expect(problem).toMatch(expected);
  });
});
