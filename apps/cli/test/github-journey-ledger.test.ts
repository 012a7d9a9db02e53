import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { containing, github } from './support/github-api';
import { DAY_MS, useGithubJourney } from './support/github-journey';
import { commentCreated, PULL_NUMBER, PULL_URL, pullRequestClosed } from './support/github-payloads';
import { claimedBy, claimIssue, offerIssue } from './support/journey-steps';
import { MAINTAINER } from './support/journey-world';

const MERGED_AT = '2026-03-02T16:00:00Z';

describeEachEngine('GitHub journey: from a merged pull request to the ledger', (engine) => {
  const journey = useGithubJourney(engine);

  /** GitHub's calls when the claimant's pull request lands: the task's labels and status comment say done. */
  function expectTaskDone(statusFragments: string[]): void {
    github.closingIssues(PULL_NUMBER, { body: 'Fixes #1', numbers: [1] });
    github.labelsAlreadyThere();
    github.labelRemoved(1, 'wecena-claimed');
    // The merge event does not show the issue's labels: the ready label is removed if there, GitHub says 404 if not.
    github.labelRemoved(1, 'wecena-ready', 404);
    github.labelsAdded(1, ['wecena-done']);
    github.statusCommentEdited(1, containing('**wecena** · Done: thank you @camille-oc!', ...statusFragments));
  }

  it('the claimant merges the pull request closing the task: one credit of the logged time, task done, wecena-done', async () => {
    const { step, task, claims, contributions, world } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    github.statusCommentEdited(1, containing('Time logged: @camille-oc 2h30.'));
    await step('issue_comment', commentCreated('camille-oc', '/wecena spend 2h30', claimedBy('camille-oc')));
    expectTaskDone([`Credited: 2h30, for [the merged change request](${PULL_URL}).`]);

    await step('pull_request', pullRequestClosed('camille-oc', { merged: true, mergedAt: MERGED_AT }));

    expect((await task(1))?.state).toBe('done');
    expect((await claims())[0]).toMatchObject({ ended_how: 'completed', ended_at: '2026-03-02T09:00:00.000Z' });
    expect(await contributions()).toEqual([
      {
        id: expect.any(String),
        kind: 'credit',
        refers_to: null,
        consultant_id: world.camille.id,
        sponsor_id: world.sponsorId,
        beneficiary_id: world.beneficiaryId,
        change_request_url: PULL_URL,
        confirmed_by: null,
        landed_at: '2026-03-02T16:00:00.000Z',
        minutes: 150,
        estimated: false,
        // At cost: 2h30 at Camille's 58.00 € an hour.
        valuation_cents: '14500',
        review_status: 'pending',
        reason: null,
        recorded_by: 'wecena',
      },
    ]);
  });

  it('without logged time, the credit is the estimate, flagged as such', async () => {
    const { step, contributions } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    expectTaskDone(['Credited: 3h (the estimate: no time was logged)']);

    await step('pull_request', pullRequestClosed('camille-oc', { merged: true, mergedAt: MERGED_AT }));

    expect(await contributions()).toEqual([expect.objectContaining({ minutes: 180, estimated: true, valuation_cents: '17400' })]);
  });

  it('a redelivery of the merge (same X-GitHub-Delivery) is acknowledged with 200 and does nothing; another delivery of it adds no row', async () => {
    const { step, deliver, drain, contributions } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    expectTaskDone([]);
    const merge = pullRequestClosed('camille-oc', { merged: true, mergedAt: MERGED_AT });
    const deliveryId = await step('pull_request', merge);

    expect((await deliver('pull_request', merge, { deliveryId })).status).toBe(200);
    expect(await drain()).toBe(0);

    // GitHub's "redeliver" button sends the same payload under a new id: wecena asks which
    // issues it closes, finds the task done, and changes nothing.
    github.closingIssues(PULL_NUMBER, { body: 'Fixes #1', numbers: [1] });
    await step('pull_request', merge);

    expect(await contributions()).toHaveLength(1);
  });

  it('a pull request closed without merge changes nothing and asks GitHub nothing', async () => {
    const { step, task, claims, contributions } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');

    await step('pull_request', pullRequestClosed('camille-oc', { merged: false }));

    expect((await task(1))?.state).toBe('claimed');
    expect(await claims()).toEqual([expect.objectContaining({ ended_at: null })]);
    expect(await contributions()).toEqual([]);
  });

  it("a pull request by someone else closing the task is no credit: the status comment says so, the claim stays", async () => {
    const { step, task, contributions } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    github.closingIssues(PULL_NUMBER, { body: 'Fixes #1', numbers: [1] });
    github.statusCommentEdited(
      1,
      containing(
        'A change request by `@octocat` closed this issue while `@camille-oc` held the claim, so no credit was recorded. A maintainer can credit the work with `/wecena done <duration> @login`.',
      ),
    );

    await step('pull_request', pullRequestClosed('octocat', { merged: true, mergedAt: MERGED_AT }));

    expect((await task(1))?.state).toBe('claimed');
    expect(await contributions()).toEqual([]);
  });

  it('/wecena done 3h @login by a maintainer credits non-code work, confirmed by them', async () => {
    const { step, task, contributions, world } = journey();
    await offerIssue(journey());
    github.permission(MAINTAINER, 'admin');
    github.labelsAlreadyThere();
    github.labelRemoved(1, 'wecena-ready');
    github.labelsAdded(1, ['wecena-done']);
    github.statusCommentEdited(1, containing('**wecena** · Done: thank you @camille-oc!', 'Credited: 3h, confirmed by @Codertocat.'));

    await step('issue_comment', commentCreated(MAINTAINER, '/wecena done 3h @camille-oc', { labels: ['wecena-ready'] }));

    expect((await task(1))?.state).toBe('done');
    expect(await contributions()).toEqual([
      expect.objectContaining({
        kind: 'credit',
        consultant_id: world.camille.id,
        change_request_url: null,
        confirmed_by: MAINTAINER,
        landed_at: '2026-03-02T09:00:00.000Z',
        minutes: 180,
        estimated: false,
        recorded_by: 'maintainer:Codertocat',
      }),
    ]);
  });

  it.each([
    { command: '/wecena done 3h @camille-oc', labels: ['wecena-ready'], reply: '@camille-oc Only maintainers of the repository (write access or more) can use `/wecena done`.' },
    { command: '/wecena reject I did it', labels: ['wecena-ready'], reply: '@camille-oc Only maintainers of the repository (write access or more) can use `/wecena reject`.' },
  ])('refuses $command from someone without write access', async ({ command, labels, reply }) => {
    const { step, task, contributions } = journey();
    await offerIssue(journey());
    github.permission('camille-oc', 'read');
    github.replied(1, reply);

    await step('issue_comment', commentCreated('camille-oc', command, { labels }));

    expect((await task(1))?.state).toBe('ready');
    expect(await contributions()).toEqual([]);
  });

  it('/wecena reject <reason> within the review window appends a reversal; the credit stays in the ledger', async () => {
    const { step, contributions, clock } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    expectTaskDone([]);
    await step('pull_request', pullRequestClosed('camille-oc', { merged: true, mergedAt: MERGED_AT }));

    clock.advance(DAY_MS);
    github.configFile(null);
    github.permission(MAINTAINER, 'write');
    github.statusCommentEdited(1, containing('**wecena** · Done. The credit was withdrawn by @Codertocat: the change was reverted'));
    await step('issue_comment', commentCreated(MAINTAINER, '/wecena reject the change was reverted', { labels: ['wecena-done'] }));

    const [credit, reversal] = await contributions();
    expect(credit).toMatchObject({ kind: 'credit', minutes: 180, valuation_cents: '17400', review_status: 'pending' });
    expect(reversal).toMatchObject({
      kind: 'reversal',
      refers_to: credit!.id,
      consultant_id: credit!.consultant_id,
      change_request_url: PULL_URL,
      minutes: -180,
      valuation_cents: '-17400',
      review_status: 'rejected',
      reason: 'the change was reverted',
      recorded_by: 'maintainer:Codertocat',
    });
  });

  it('refuses /wecena reject after the review window, saying when it closed', async () => {
    const { step, contributions, clock } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    expectTaskDone([]);
    await step('pull_request', pullRequestClosed('camille-oc', { merged: true, mergedAt: MERGED_AT }));

    clock.advance(8 * DAY_MS);
    github.configFile(null);
    github.permission(MAINTAINER, 'write');
    github.replied(
      1,
      '@Codertocat The review window for this credit closed on 2026-03-09 09:00 UTC; its sponsor reviews it from now on. Write to the wecena operator to dispute it.',
    );
    await step('issue_comment', commentCreated(MAINTAINER, '/wecena reject too late', { labels: ['wecena-done'] }));

    expect(await contributions()).toHaveLength(1);
  });
});
