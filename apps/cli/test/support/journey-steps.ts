import { expect } from 'vitest';
import { containing, github } from './github-api';
import type { Journey } from './github-journey';
import { commentCreated, issueLabelEvent, READY_DESCRIPTION } from './github-payloads';
import { MAINTAINER } from './journey-world';

/*
 * Earlier steps of the journey, lived through the same webhooks and API calls as their own
 * tests assert, for the tests of later steps to start from.
 */

/** The maintainer labels the issue `wecena-ready`; the checklist passes. */
export async function offerIssue(journey: Journey, issueNumber = 1): Promise<void> {
  github.permission(MAINTAINER, 'write');
  github.contributingGuide(true);
  github.statusCommentCreated(issueNumber, containing('Ready: a sponsored consultant can claim it'));
  await journey.step('issues', issueLabelEvent('labeled', 'wecena-ready', { number: issueNumber, labels: ['wecena-ready'], body: READY_DESCRIPTION }));
  expect((await journey.task(issueNumber))?.state).toBe('ready');
}

/** `login` claims the offered issue: labels swapped, assigned, the status comment says until when. */
export async function claimIssue(journey: Journey, login: string, issueNumber = 1): Promise<void> {
  github.labelsAlreadyThere();
  github.labelRemoved(issueNumber, 'wecena-ready');
  github.labelsAdded(issueNumber, ['wecena-claimed']);
  github.assigned(issueNumber, [login]);
  github.statusCommentEdited(issueNumber, containing(`Claimed by @${login} until`));
  await journey.step('issue_comment', commentCreated(login, '/wecena claim', { number: issueNumber, labels: ['wecena-ready'] }));
  expect((await journey.task(issueNumber))?.state).toBe('claimed');
}

/** The issue as GitHub shows it once `login` holds it. */
export function claimedBy(login: string): { labels: string[]; assignees: string[] } {
  return { labels: ['wecena-claimed'], assignees: [login] };
}
