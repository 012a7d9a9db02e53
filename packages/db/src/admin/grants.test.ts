import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { insertSponsor, problemOf, uniqueTag, valueOf } from './__fixtures__/world';
import { findGrants, listGrants, resolveGrantScope, revokeGrant } from './grants';
import { addReviewer } from './sponsors';

describeEachEngine('admin: dashboard grants', (ctx) => {
  it("names the sponsor's only reviewer, and asks which when it has several", async () => {
    const db = ctx.db();
    const sponsor = await insertSponsor(db);
    const none = problemOf(await resolveGrantScope(db, { role: 'sponsor_reviewer', sponsor: sponsor.id }));
    const claire = valueOf(await addReviewer(db, { sponsor: sponsor.id, name: 'Claire', email: `claire-${uniqueTag()}@example.org` })).record;

    const only = valueOf(await resolveGrantScope(db, { role: 'sponsor_reviewer', sponsor: sponsor.name }));
    const bob = valueOf(await addReviewer(db, { sponsor: sponsor.id, name: 'Bob', email: `bob-${uniqueTag()}@example.org` })).record;
    const several = problemOf(await resolveGrantScope(db, { role: 'sponsor_reviewer', sponsor: sponsor.id }));
    const named = valueOf(await resolveGrantScope(db, { role: 'sponsor_reviewer', sponsor: sponsor.id, reviewer: bob.email.toUpperCase() }));

    expect(none).toBe(`#${sponsor.id} ${sponsor.name} has no reviewer yet: add one with wecena admin sponsor reviewer add ${sponsor.id} --name … --email …`);
    expect(only).toEqual({
      role: { kind: 'sponsor_reviewer', sponsorId: sponsor.id, reviewerId: claire.id },
      description: `reviewer #${claire.id} Claire <${claire.email}> of #${sponsor.id} ${sponsor.name}`,
    });
    expect(several).toBe(`--reviewer: #${sponsor.id} ${sponsor.name} has 2 reviewers (#${claire.id} ${claire.email}, #${bob.id} ${bob.email}): say which with --reviewer <id or email>`);
    expect(named.role).toEqual({ kind: 'sponsor_reviewer', sponsorId: sponsor.id, reviewerId: bob.id });
  });

  it('refuses a scope that does not go with the role', async () => {
    const db = ctx.db();

    expect(problemOf(await resolveGrantScope(db, { role: 'operator', beneficiary: '1' }))).toBe('operator: sees everything; give no --sponsor, --reviewer or --beneficiary');
    expect(problemOf(await resolveGrantScope(db, { role: 'beneficiary_contact' }))).toBe('beneficiary_contact: --beneficiary is required: the beneficiary they speak for');
    expect(problemOf(await resolveGrantScope(db, { role: 'beneficiary_contact', beneficiary: '1', sponsor: '1' }))).toBe(
      'beneficiary_contact: give --beneficiary, not --sponsor or --reviewer',
    );
  });

  it('lists and revokes the grants of a login, whatever the case of the login', async () => {
    const db = ctx.db();
    const login = `ops-${uniqueTag()}`;
    await db.query(`INSERT INTO dashboard_grants (forge, host, login, role) VALUES ('github', 'github.com', $1, 'operator')`, [login]);

    const listed = (await listGrants(db)).filter((grant) => grant.login === login);
    const revoked = valueOf(await revokeGrant(db, { forge: 'github', host: 'github.com', login: login.toUpperCase(), role: 'operator' }));
    const again = valueOf(await revokeGrant(db, { forge: 'github', host: 'github.com', login, role: 'operator' }));

    expect(listed).toEqual([expect.objectContaining({ forge: 'github', host: 'github.com', role: 'operator', scope: 'everything', forgeUserId: null })]);
    expect(revoked.revoked.map((grant) => grant.id)).toEqual(listed.map((grant) => grant.id));
    expect(again.revoked).toEqual([]);
    expect(await findGrants(db, { forge: 'github', host: 'github.com', login }, { kind: 'operator' })).toEqual([]);
  });
});
