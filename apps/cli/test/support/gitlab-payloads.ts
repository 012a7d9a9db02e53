import { gitlabFixture } from '@wecena/testkit';
import { gitlabUserId } from './gitlab-api';
import { GITLAB_MAINTAINER, GITLAB_PROJECT_ID, GITLAB_PROJECT_PATH, GITLAB_URL } from './journey-world';

/*
 * GitLab's own webhook examples (packages/testkit/fixtures/gitlab, from GitLab's documentation),
 * changed only in the fields a step of the journey needs: the project, the issue's iid,
 * description, labels and assignees, the label change, who acts, what the note says, the merge
 * request's author and action.
 */

export { READY_DESCRIPTION, DESCRIPTION_WITHOUT_ESTIMATE } from './github-payloads';
import { READY_DESCRIPTION } from './github-payloads';

export const ISSUE_IID = 1;
export const MR_IID = 2;
export const PROJECT_WEB_URL = `${GITLAB_URL}/${GITLAB_PROJECT_PATH}`;
export const MR_URL = `${PROJECT_WEB_URL}/-/merge_requests/${MR_IID}`;

/** The issue as GitLab shows it in the payload: after the changes of earlier steps. */
export interface GitlabIssueView {
  iid?: number;
  description?: string;
  labels?: string[];
  assignees?: string[];
}

type Json = Record<string, unknown>;

let nextNoteId = 700_000;

function project(template: unknown): Json {
  return { ...(template as Json), id: Number(GITLAB_PROJECT_ID), path_with_namespace: GITLAB_PROJECT_PATH, web_url: PROJECT_WEB_URL };
}

function user(template: unknown, username: string): Json {
  return { ...(template as Json), id: gitlabUserId(username), username, name: username };
}

function labels(template: unknown, names: readonly string[]): Json[] {
  return names.map((title, index) => ({ ...(template as Json), id: 2_000 + index, title }));
}

/**
 * `Issue Hook` with `action: update`: `changes.labels` says which labels were there before, as
 * GitLab sends it when someone adds or removes a label; or the description changed.
 */
export function issueUpdated(
  view: GitlabIssueView & { by?: string; previousLabels?: string[]; previousDescription?: string } = {},
): Json {
  const payload = gitlabFixture('issue_open');
  const attributes = payload['object_attributes'] as Json;
  const labelTemplate = (attributes['labels'] as unknown[])[0];
  const iid = view.iid ?? ISSUE_IID;
  const current = labels(labelTemplate, view.labels ?? []);
  attributes['id'] = 300 + iid;
  attributes['iid'] = iid;
  attributes['project_id'] = Number(GITLAB_PROJECT_ID);
  attributes['url'] = `${PROJECT_WEB_URL}/-/issues/${iid}`;
  attributes['description'] = view.description ?? READY_DESCRIPTION;
  attributes['action'] = 'update';
  attributes['state'] = 'opened';
  attributes['discussion_locked'] = false;
  attributes['labels'] = current;
  const assignees = (view.assignees ?? []).map((username) => user((payload['assignees'] as unknown[])[0], username));
  attributes['assignee_ids'] = assignees.map((assignee) => assignee['id']);
  attributes['assignee_id'] = assignees[0]?.['id'] ?? null;
  payload['assignees'] = assignees;
  payload['labels'] = current;
  payload['project'] = project(payload['project']);
  payload['user'] = user(payload['user'], view.by ?? GITLAB_MAINTAINER);
  const changes: Json = { ...(payload['changes'] as Json) };
  delete changes['labels'];
  if (view.previousLabels !== undefined) changes['labels'] = { previous: labels(labelTemplate, view.previousLabels), current };
  if (view.previousDescription !== undefined) changes['description'] = { previous: view.previousDescription, current: attributes['description'] };
  payload['changes'] = changes;
  return payload;
}

/** `Note Hook` on an issue: `author` wrote `body`. The hook shows the issue's labels, and its assignees by id only. */
export function noteOnIssue(author: string, body: string, view: GitlabIssueView = {}): Json {
  const payload = gitlabFixture('note_issue');
  const iid = view.iid ?? ISSUE_IID;
  const id = (nextNoteId += 1);
  const issue = payload['issue'] as Json;
  const labelTemplate = (issue['labels'] as unknown[])[0];
  issue['id'] = 300 + iid;
  issue['iid'] = iid;
  issue['project_id'] = Number(GITLAB_PROJECT_ID);
  issue['state'] = 'opened';
  issue['description'] = view.description ?? READY_DESCRIPTION;
  issue['labels'] = labels(labelTemplate, view.labels ?? []);
  issue['assignee_ids'] = (view.assignees ?? []).map(gitlabUserId);
  issue['assignee_id'] = (issue['assignee_ids'] as number[])[0] ?? null;
  const attributes = payload['object_attributes'] as Json;
  attributes['id'] = id;
  attributes['note'] = body;
  attributes['author_id'] = gitlabUserId(author);
  attributes['project_id'] = Number(GITLAB_PROJECT_ID);
  attributes['noteable_id'] = 300 + iid;
  attributes['url'] = `${PROJECT_WEB_URL}/-/issues/${iid}#note_${id}`;
  payload['project_id'] = Number(GITLAB_PROJECT_ID);
  payload['project'] = project(payload['project']);
  payload['user'] = user(payload['user'], author);
  return payload;
}

/** `Note Hook` on a merge request written by `mrAuthor`: `author` wrote `body`. */
export function noteOnMergeRequest(author: string, body: string, options: { mrAuthor?: string } = {}): Json {
  const payload = gitlabFixture('note_merge_request');
  const id = (nextNoteId += 1);
  const mr = payload['merge_request'] as Json;
  mr['iid'] = MR_IID;
  mr['author_id'] = gitlabUserId(options.mrAuthor ?? author);
  mr['description'] = `Closes #${ISSUE_IID}`;
  mr['source_project_id'] = Number(GITLAB_PROJECT_ID);
  mr['target_project_id'] = Number(GITLAB_PROJECT_ID);
  const attributes = payload['object_attributes'] as Json;
  attributes['id'] = id;
  attributes['note'] = body;
  attributes['author_id'] = gitlabUserId(author);
  attributes['project_id'] = Number(GITLAB_PROJECT_ID);
  attributes['url'] = `${MR_URL}#note_${id}`;
  payload['project_id'] = Number(GITLAB_PROJECT_ID);
  payload['project'] = project(payload['project']);
  payload['user'] = user(payload['user'], author);
  return payload;
}

/**
 * `Merge Request Hook` with `action: merge` (or `open`, `close`): the merge request by `author`
 * (named by id, as GitLab does) was merged (opened, closed) by `by` (the hook's `user`), closing the task.
 */
export function mergeRequestHook(author: string, options: { action?: 'open' | 'merge' | 'close'; by?: string; mergedAt?: string; draft?: boolean } = {}): Json {
  const payload = gitlabFixture('merge_request_merge');
  const attributes = payload['object_attributes'] as Json;
  const action = options.action ?? 'merge';
  attributes['iid'] = MR_IID;
  attributes['id'] = 400 + MR_IID;
  attributes['author_id'] = gitlabUserId(author);
  attributes['description'] = `Closes #${ISSUE_IID}`;
  attributes['url'] = MR_URL;
  attributes['action'] = action;
  attributes['state'] = { open: 'opened', merge: 'merged', close: 'closed' }[action];
  attributes['draft'] = options.draft ?? false;
  attributes['source_project_id'] = Number(GITLAB_PROJECT_ID);
  attributes['target_project_id'] = Number(GITLAB_PROJECT_ID);
  if (options.mergedAt) attributes['updated_at'] = options.mergedAt;
  payload['project'] = project(payload['project']);
  payload['user'] = user(payload['user'], options.by ?? GITLAB_MAINTAINER);
  return payload;
}
