import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { containing, github } from './support/github-api';
import { DAY_MS, useGithubJourney } from './support/github-journey';
import { PULL_NUMBER, PULL_URL, pullRequestClosed, pullRequestOpened } from './support/github-payloads';
import { claimIssue, offerIssue } from './support/journey-steps';

const MERGED_AT = '2026-03-09T16:00:00Z';

describeEachEngine('GitHub journey: a pull request under review', (engine) => {
  const journey = useGithubJourney(engine);

  it("the claimant's pull request moves the task to in_review; its claim waits past the expiry; merged, it is credited", async () => {
    const { step, sweep, clock, task, claims, contributions } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    github.closingIssues(PULL_NUMBER, { body: 'Fixes #1', numbers: [1] });
    github.statusCommentEdited(
      1,
      containing(
        '**wecena** · Claimed by @camille-oc, whose change request is under review: the claim does not run out while it is open.',
        `Under review: [the change request](${PULL_URL}).`,
      ),
    );

    await step('pull_request', pullRequestOpened('camille-oc'));

    expect((await task(1))?.state).toBe('in_review');
    // The claim would have expired on 5 March at 09:00: under review, no sweep reminds or expires it.
    clock.set(new Date('2026-03-04T10:00:00.000Z'));
    expect(await sweep()).toBe(0);
    clock.set(new Date('2026-03-09T10:00:00.000Z'));
    expect(await sweep()).toBe(0);
    expect(await claims()).toEqual([expect.objectContaining({ ended_at: null, reminded_at: null })]);

    github.configFile(null);
    github.closingIssues(PULL_NUMBER, { body: 'Fixes #1', numbers: [1] });
    github.labelsAlreadyThere();
    github.labelRemoved(1, 'wecena-claimed');
    github.labelRemoved(1, 'wecena-ready', 404);
    github.labelsAdded(1, ['wecena-done']);
    github.statusCommentEdited(1, containing('**wecena** · Done: thank you @camille-oc!'));
    await step('pull_request', pullRequestClosed('camille-oc', { merged: true, mergedAt: MERGED_AT }));

    expect((await task(1))?.state).toBe('done');
    expect(await contributions()).toEqual([expect.objectContaining({ kind: 'credit', landed_at: '2026-03-09T16:00:00.000Z', minutes: 180 })]);
  });

  it('closed unmerged, the task is the claimant\'s again with a full claim period ahead, and the sweep counts again', async () => {
    const { step, sweep, clock, task, claims } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    github.closingIssues(PULL_NUMBER, { body: 'Fixes #1', numbers: [1] });
    github.statusCommentEdited(1, containing('under review'));
    await step('pull_request', pullRequestOpened('camille-oc'));

    clock.set(new Date('2026-03-09T10:00:00.000Z'));
    github.configFile(null);
    github.closingIssues(PULL_NUMBER, { body: 'Fixes #1', numbers: [1] });
    github.statusCommentEdited(1, containing('**wecena** · Claimed by @camille-oc until 2026-03-12 10:00 UTC.'));
    await step('pull_request', pullRequestClosed('camille-oc', { merged: false }));

    expect((await task(1))?.state).toBe('claimed');
    expect(await claims()).toEqual([expect.objectContaining({ ended_at: null, expires_at: '2026-03-12T10:00:00.000Z', reminded_at: null })]);
    // Nothing due before the new expiry's reminder.
    clock.advance(DAY_MS);
    expect(await sweep()).toBe(0);
  });

  it("someone else's pull request, or a draft, leaves the claimed task as it is", async () => {
    const { step, task } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    github.closingIssues(PULL_NUMBER, { body: 'Fixes #1', numbers: [1] });

    await step('pull_request', pullRequestOpened('octocat'));
    await step('pull_request', pullRequestOpened('camille-oc', { draft: true }));

    expect((await task(1))?.state).toBe('claimed');
  });

  it('a pull request on a repository where no task is claimed asks GitHub nothing', async () => {
    const { step, task } = journey();
    await offerIssue(journey());

    await step('pull_request', pullRequestOpened('camille-oc'));
    await step('pull_request', pullRequestClosed('camille-oc', { merged: false }));

    expect((await task(1))?.state).toBe('ready');
  });
});
