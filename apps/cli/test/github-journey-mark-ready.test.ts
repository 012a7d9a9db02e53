import { enqueueMarkReady } from '@wecena/engine';
import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { containing, expectGithub, github } from './support/github-api';
import { useGithubJourney } from './support/github-journey';
import { DESCRIPTION_WITHOUT_ESTIMATE, issueLabelEvent } from './support/github-payloads';
import { MAINTAINER, REPOSITORY_PATH, STRANGER } from './support/journey-world';

/** The issue as `GET /repos/{owner}/{repo}/issues/{number}` returns it: the webhook's issue object. */
function issueOnGithub(view: { body?: string; labels?: string[] } = {}): object {
  return (issueLabelEvent('labeled', 'bug', view) as { issue: object }).issue;
}

function issueRead(view: { body?: string; labels?: string[] } = {}): void {
  expectGithub().get(`/repos/${REPOSITORY_PATH}/issues/1`).reply(200, issueOnGithub(view));
}

/*
 * A maintainer signed in on the dashboard marks a candidate ready: a delivery of wecena's own,
 * run by the worker the way a `/wecena ready` of that login would be.
 */
describeEachEngine('GitHub journey: a candidate marked ready on the dashboard', (engine) => {
  const journey = useGithubJourney(engine);

  it('with write access: permission asked, the issue read, the checklist passed, labelled and offered', async () => {
    const { db, world, clock, drain, task, delivery } = journey();
    github.permission(MAINTAINER, 'write');
    issueRead();
    github.contributingGuide(true);
    github.labelsAlreadyThere();
    github.labelsAdded(1, ['wecena-ready']);
    github.statusCommentCreated(1, containing('**wecena** · Ready: a sponsored consultant can claim it with `/wecena claim`.'));

    const request = { repositoryId: world.repositoryId, issueNumber: 1, login: MAINTAINER, forgeUserId: '1' };
    expect(await enqueueMarkReady(db, request, clock.now())).toBe(true);
    // A second click adds nothing: one delivery per repository, issue and person.
    expect(await enqueueMarkReady(db, request, clock.now())).toBe(false);
    await drain();

    expect((await delivery(`mark-ready:${world.repositoryId}:1:${MAINTAINER}`, 'wecena'))?.status).toBe('processed');
    expect(await task(1)).toEqual({ state: 'ready', estimate_minutes: 180 });
  });

  it('a failing checklist: wecena-needs-info and the unticked items, as for /wecena ready', async () => {
    const { db, world, clock, drain, task } = journey();
    github.permission(MAINTAINER, 'maintain');
    issueRead({ body: DESCRIPTION_WITHOUT_ESTIMATE });
    github.contributingGuide(true);
    github.labelsAlreadyThere();
    github.labelsAdded(1, ['wecena-needs-info']);
    github.statusCommentCreated(1, containing('Needs information before wecena can offer it', '- [ ] Give an estimate'));

    await enqueueMarkReady(db, { repositoryId: world.repositoryId, issueNumber: 1, login: MAINTAINER, forgeUserId: '1' }, clock.now());
    await drain();

    expect(await task(1)).toEqual({ state: 'candidate', estimate_minutes: null });
  });

  it('without write access: the permission asked, nothing else, nothing posted on the forge', async () => {
    const { db, world, clock, drain, task, delivery } = journey();
    github.permission(STRANGER, 'triage');

    await enqueueMarkReady(db, { repositoryId: world.repositoryId, issueNumber: 1, login: STRANGER, forgeUserId: '2' }, clock.now());
    await drain();

    expect((await delivery(`mark-ready:${world.repositoryId}:1:${STRANGER}`, 'wecena'))?.status).toBe('processed');
    expect(await task(1)).toBeNull();
  });
});
