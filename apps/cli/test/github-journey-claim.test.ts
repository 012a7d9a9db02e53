import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { containing, expectGithub, github } from './support/github-api';
import { useGithubJourney } from './support/github-journey';
import { commentCreated } from './support/github-payloads';
import { claimIssue, offerIssue } from './support/journey-steps';
import { STRANGER } from './support/journey-world';

const REPO = '/repos/Codertocat/Hello-World';

describeEachEngine('GitHub journey: claiming an issue', (engine) => {
  const journey = useGithubJourney(engine);

  it('a registered consultant claims a ready issue: assigned, wecena-claimed, a claim until the TTL', async () => {
    const { step, task, claims, world } = journey();
    await offerIssue(journey());

    github.labelsAlreadyThere();
    github.labelRemoved(1, 'wecena-ready');
    github.labelsAdded(1, ['wecena-claimed']);
    github.assigned(1, ['camille-oc']);
    github.statusCommentEdited(
      1,
      containing(
        '**wecena** · Claimed by @camille-oc until 2026-03-05 09:00 UTC. Log time with `/wecena spend <duration>`; hand over with `/wecena release <note>`.',
      ),
    );

    await step('issue_comment', commentCreated('camille-oc', '/wecena claim', { labels: ['wecena-ready'] }));

    expect((await task(1))?.state).toBe('claimed');
    // Three days of TTL end before Camille's window (ten more days).
    expect(await claims()).toEqual([
      expect.objectContaining({ consultant_id: world.camille.id, claimed_at: '2026-03-02T09:00:00.000Z', expires_at: '2026-03-05T09:00:00.000Z', ended_at: null }),
    ]);
  });

  it("a claim never outlasts the consultant's availability window", async () => {
    const { claims, world } = journey();
    await offerIssue(journey());

    await claimIssue(journey(), 'yanis-oc');

    // Yanis is available today and tomorrow: the claim ends at midnight UTC after tomorrow, before the TTL.
    expect(await claims()).toEqual([expect.objectContaining({ consultant_id: world.yanis.id, expires_at: '2026-03-04T00:00:00.000Z' })]);
  });

  it.each([
    {
      name: 'someone who is not a registered consultant',
      login: STRANGER,
      reply:
        '@octocat Only sponsored consultants registered on wecena can claim an issue. If your employer lends you through wecena, ask them to link your forge login to your profile.',
    },
    {
      name: 'a consultant whose availability window does not cover today',
      login: 'noe-oc',
      reply:
        '@noe-oc Your availability window does not cover today, so you cannot claim an issue now. Ask your sponsor to record your availability on wecena, then claim again.',
    },
  ])('refuses the claim of $name, with one reply', async ({ login, reply }) => {
    const { step, task, claims } = journey();
    await offerIssue(journey());
    github.replied(1, reply);

    await step('issue_comment', commentCreated(login, '/wecena claim', { labels: ['wecena-ready'] }));

    expect((await task(1))?.state).toBe('ready');
    expect(await claims()).toEqual([]);
  });

  it('refuses a claim on an issue that is not offered', async () => {
    const { step, task } = journey();
    github.replied(1, '@camille-oc This issue is not offered on wecena yet, so it cannot be claimed. A maintainer offers it with `/wecena ready`.');

    await step('issue_comment', commentCreated('camille-oc', '/wecena claim'));

    expect(await task(1)).toBeNull();
  });

  it('refuses a second claimant, saying who holds the issue until when', async () => {
    const { step, claims, world } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    github.replied(
      1,
      '@yanis-oc This issue is already claimed by @camille-oc until 2026-03-05 09:00 UTC. Ask them here whether they would like a hand, or pick another issue on your wecena dashboard.',
    );

    await step('issue_comment', commentCreated('yanis-oc', '/wecena claim', { labels: ['wecena-claimed'], assignees: ['camille-oc'] }));

    expect(await claims()).toEqual([expect.objectContaining({ consultant_id: world.camille.id, ended_at: null })]);
  });

  it('refuses a consultant over their limit of open claims', async () => {
    const { step, task, claims } = journey();
    await offerIssue(journey(), 1);
    await offerIssue(journey(), 2);
    await claimIssue(journey(), 'lea-oc', 1);
    github.replied(
      2,
      '@lea-oc You already hold 1 open claim, and the limit is 1. Finish one, or hand it over with `/wecena release <note>`, before claiming another.',
    );

    await step('issue_comment', commentCreated('lea-oc', '/wecena claim', { number: 2, labels: ['wecena-ready'] }));

    expect((await task(2))?.state).toBe('ready');
    expect(await claims()).toHaveLength(1);
  });

  it('two consultants claim at once: both deliveries stored, then drained; one wins, the other is told who', async () => {
    const { deliver, drain, delivery, claims, world } = journey();
    await offerIssue(journey());
    // Whichever the worker takes first wins; the other is decided on what the first stored.
    github.labelsAlreadyThere();
    github.labelRemoved(1, 'wecena-ready');
    github.labelsAdded(1, ['wecena-claimed']);
    expectGithub().post(`${REPO}/issues/1/assignees`, { assignees: [/^(camille-oc|yanis-oc)$/] }).reply(201, {});
    github.statusCommentEdited(1, containing('**wecena** · Claimed by @'));
    expectGithub()
      .post(`${REPO}/issues/1/comments`, { body: /^@(camille-oc|yanis-oc) This issue is already claimed by @(camille-oc|yanis-oc) until / })
      .reply(201, { id: 7000 });

    const first = await deliver('issue_comment', commentCreated('camille-oc', '/wecena claim', { labels: ['wecena-ready'] }));
    const second = await deliver('issue_comment', commentCreated('yanis-oc', '/wecena claim', { labels: ['wecena-ready'] }));
    expect([first.status, second.status]).toEqual([202, 202]);
    await drain();

    expect((await delivery(first.deliveryId))?.status).toBe('processed');
    expect((await delivery(second.deliveryId))?.status).toBe('processed');
    const held = await claims();
    expect(held).toHaveLength(1);
    expect([world.camille.id, world.yanis.id]).toContain(held[0]?.consultant_id);
  });
});
