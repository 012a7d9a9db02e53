import { expect } from 'vitest';
import { containing } from './github-api';
import { gitlab } from './gitlab-api';
import type { GitlabJourney } from './gitlab-journey';
import { issueUpdated, noteOnIssue } from './gitlab-payloads';
import { GITLAB_MAINTAINER } from './journey-world';

/*
 * Earlier steps of the GitLab journey, lived through the same hooks and API calls as their
 * own tests assert, for the tests of later steps to start from.
 */

/** A Developer adds the `wecena-ready` label; the checklist passes. */
export async function offerGitlabIssue(journey: GitlabJourney, iid = 1): Promise<string> {
  gitlab.accessLevel(GITLAB_MAINTAINER, 30);
  gitlab.contributingGuide(true);
  gitlab.statusNoteCreated(iid, containing('Ready: a sponsored consultant can claim it'));
  const deliveryId = await journey.step('Issue Hook', issueUpdated({ iid, labels: ['wecena-ready'], previousLabels: [] }));
  expect((await journey.task(iid))?.state).toBe('ready');
  return deliveryId;
}

/** GitLab's calls when `username` claims the offered issue: labels swapped, assigned by user id, the status note says until when. */
export function expectGitlabClaim(username: string, iid = 1): void {
  gitlab.labelsAlreadyThere();
  gitlab.labelsRemoved(iid, ['wecena-ready']);
  gitlab.labelsAdded(iid, ['wecena-claimed']);
  gitlab.assigned(iid, username);
  gitlab.statusNoteEdited(iid, containing(`Claimed by @${username} until`));
}

/** `username` claims the offered issue with `/wecena claim` in a note. */
export async function claimGitlabIssue(journey: GitlabJourney, username: string, iid = 1): Promise<string> {
  gitlab.issueRead(iid);
  expectGitlabClaim(username, iid);
  const deliveryId = await journey.step('Note Hook', noteOnIssue(username, '/wecena claim', { iid, labels: ['wecena-ready'] }));
  expect((await journey.task(iid))?.state).toBe('claimed');
  return deliveryId;
}

/** The issue as the note hook shows it once `username` holds it. */
export function heldBy(username: string): { labels: string[]; assignees: string[] } {
  return { labels: ['wecena-claimed'], assignees: [username] };
}
