import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { containing } from './support/github-api';
import { gitlab } from './support/gitlab-api';
import { useGitlabJourney } from './support/gitlab-journey';
import { MR_IID, MR_URL, mergeRequestHook } from './support/gitlab-payloads';
import { claimGitlabIssue, offerGitlabIssue } from './support/gitlab-steps';
import { GITLAB_MAINTAINER } from './support/journey-world';

describeEachEngine('GitLab journey: a merge request under review', (engine) => {
  const journey = useGitlabJourney(engine);

  it("the claimant's merge request moves the task to in_review; closed by a maintainer, the claim is theirs again with a full period ahead", async () => {
    const { step, sweep, clock, task, claims } = journey();
    await offerGitlabIssue(journey());
    await claimGitlabIssue(journey(), 'camille-oc');
    gitlab.closesIssues(MR_IID, [1]);
    gitlab.statusNoteEdited(
      1,
      containing('**wecena** · Claimed by @camille-oc, whose change request is under review', `Under review: [the change request](${MR_URL}).`),
    );

    await step('Merge Request Hook', mergeRequestHook('camille-oc', { action: 'open', by: 'camille-oc' }));

    expect((await task(1))?.state).toBe('in_review');
    clock.set(new Date('2026-03-09T10:00:00.000Z'));
    expect(await sweep()).toBe(0);

    // Closed by a maintainer: the hook names the author by id, GitLab is asked who it is.
    gitlab.configFile(null);
    gitlab.userById('camille-oc');
    gitlab.closesIssues(MR_IID, [1]);
    gitlab.statusNoteEdited(1, containing('**wecena** · Claimed by @camille-oc until 2026-03-12 10:00 UTC.'));
    await step('Merge Request Hook', mergeRequestHook('camille-oc', { action: 'close', by: GITLAB_MAINTAINER }));

    expect((await task(1))?.state).toBe('claimed');
    expect(await claims()).toEqual([expect.objectContaining({ ended_at: null, expires_at: '2026-03-12T10:00:00.000Z' })]);
  });

  it('a draft merge request leaves the claimed task as it is, and asks GitLab nothing', async () => {
    const { step, task } = journey();
    await offerGitlabIssue(journey());
    await claimGitlabIssue(journey(), 'camille-oc');

    await step('Merge Request Hook', mergeRequestHook('camille-oc', { action: 'open', by: 'camille-oc', draft: true }));

    expect((await task(1))?.state).toBe('claimed');
  });
});
