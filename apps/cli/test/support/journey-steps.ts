import { expect } from 'vitest';
import { containing, github } from './github-api';
import type { Journey } from './github-journey';
import { commentCreated, issueLabelEvent, READY_DESCRIPTION } from './github-payloads';
import { MAINTAINER } from './journey-world';

/*
 * Earlier steps of the journey, lived through the same webhooks and API calls as their own
 * tests assert, for the tests of later steps to start from.
 */

/** The maintainer labels issue #1 `wecena-ready`; the checklist passes. */
export async function offerIssue(journey: Journey): Promise<void> {
  github.permission(MAINTAINER, 'write');
  github.contributingGuide(true);
  github.statusCommentCreated(1, containing('Ready: a sponsored consultant can claim it'));
  await journey.step('issues', issueLabelEvent('labeled', 'wecena-ready', { labels: ['wecena-ready'], body: READY_DESCRIPTION }));
  expect((await journey.task(1))?.state).toBe('ready');
}

/** `login` claims the offered issue #1: labels swapped, assigned, the status comment says until when. */
export async function claimIssue(journey: Journey, login: string): Promise<void> {
  github.labelsAlreadyThere();
  github.labelRemoved(1, 'wecena-ready');
  github.labelsAdded(1, ['wecena-claimed']);
  github.assigned(1, [login]);
  github.statusCommentEdited(1, containing(`Claimed by @${login} until`));
  await journey.step('issue_comment', commentCreated(login, '/wecena claim', { labels: ['wecena-ready'] }));
  expect((await journey.task(1))?.state).toBe('claimed');
}

/** The issue as GitHub shows it once `login` holds it. */
export function claimedBy(login: string): { labels: string[]; assignees: string[] } {
  return { labels: ['wecena-claimed'], assignees: [login] };
}
