import { githubExample, withInstallation, withMerged } from '@wecena/testkit';
import { INSTALLATION_ID, MAINTAINER } from './journey-world';

/*
 * GitHub's own webhook examples (`@octokit/webhooks-examples`), changed only in the fields a
 * step of the journey needs: the issue's number, body, labels and assignees, who acts, what the
 * comment says, and the App installation the delivery came through.
 */

/** A description that passes the readiness checklist: what done is, and an estimate of a day or less. */
export const READY_DESCRIPTION = [
  'The footer link to the licence is broken.',
  '',
  '## Done when',
  '- [ ] the footer links to LICENSE',
  '- [ ] a test covers the link',
  '',
  'estimate: 3h',
].join('\n');

/** The same without an estimate: the checklist fails. */
export const DESCRIPTION_WITHOUT_ESTIMATE = READY_DESCRIPTION.replace('\n\nestimate: 3h', '');

export const ISSUE_NUMBER = 1;
export const PULL_NUMBER = 2;
export const PULL_URL = `https://github.com/Codertocat/Hello-World/pull/${PULL_NUMBER}`;

/** The issue as GitHub shows it in the payload: after the changes of earlier steps. */
export interface IssueView {
  number?: number;
  body?: string;
  labels?: string[];
  assignees?: string[];
}

let nextCommentId = 900_000;

/** GitHub user ids are stable numbers; these are derived from the login, the same in every payload. */
function userId(login: string): number {
  let hash = 7;
  for (const char of login) hash = (hash * 31 + char.charCodeAt(0)) % 9_000_000;
  return 1_000_000 + hash;
}

function user(template: object, login: string, type: 'User' | 'Bot' = 'User'): Record<string, unknown> {
  return { ...template, login, id: userId(login), type };
}

function applyIssueView(issue: Record<string, unknown>, view: IssueView): void {
  const labelTemplate = ((issue['labels'] as object[] | undefined) ?? [])[0] ?? {};
  const assigneeTemplate = (issue['user'] as object | undefined) ?? {};
  issue['number'] = view.number ?? ISSUE_NUMBER;
  issue['html_url'] = `https://github.com/Codertocat/Hello-World/issues/${view.number ?? ISSUE_NUMBER}`;
  issue['body'] = view.body ?? READY_DESCRIPTION;
  issue['labels'] = (view.labels ?? []).map((name, index) => ({ ...labelTemplate, id: 2_000 + index, name }));
  const assignees = (view.assignees ?? []).map((login) => user(assigneeTemplate, login));
  issue['assignees'] = assignees;
  issue['assignee'] = assignees[0] ?? null;
}

/** `issues` with `action: labeled` (or `unlabeled`): `label` was added (removed) by `sender`. */
export function issueLabelEvent(
  action: 'labeled' | 'unlabeled',
  label: string,
  view: IssueView & { sender?: string; senderType?: 'User' | 'Bot' } = {},
) {
  const payload = withInstallation(githubExample('issues', { action }), INSTALLATION_ID) as unknown as Record<string, unknown>;
  applyIssueView(payload['issue'] as Record<string, unknown>, view);
  payload['label'] = { ...(payload['label'] as object), name: label };
  payload['sender'] = user(payload['sender'] as object, view.sender ?? MAINTAINER, view.senderType);
  return payload;
}

/** `issues` with `action: edited`: the description changed. */
export function issueEdited(view: IssueView & { sender?: string; previousBody?: string } = {}) {
  const payload = withInstallation(githubExample('issues', { action: 'edited' }), INSTALLATION_ID) as unknown as Record<string, unknown>;
  applyIssueView(payload['issue'] as Record<string, unknown>, view);
  payload['changes'] = { body: { from: view.previousBody ?? '' } };
  payload['sender'] = user(payload['sender'] as object, view.sender ?? MAINTAINER);
  return payload;
}

/**
 * `issue_comment` with `action: created`: `author` wrote `body` on the issue, or on a pull
 * request (GitHub delivers pull requests' conversation comments as issue comments).
 */
export function commentCreated(author: string, body: string, view: IssueView & { onPullRequest?: boolean; commentId?: number } = {}) {
  const payload = withInstallation(githubExample('issue_comment', { action: 'created' }), INSTALLATION_ID) as unknown as Record<string, unknown>;
  const issue = payload['issue'] as Record<string, unknown>;
  applyIssueView(issue, view);
  if (view.onPullRequest) {
    const number = view.number ?? PULL_NUMBER;
    issue['number'] = number;
    issue['html_url'] = `https://github.com/Codertocat/Hello-World/pull/${number}`;
    issue['pull_request'] = {
      url: `https://api.github.com/repos/Codertocat/Hello-World/pulls/${number}`,
      html_url: `https://github.com/Codertocat/Hello-World/pull/${number}`,
    };
    issue['user'] = user(issue['user'] as object, author);
  }
  const comment = payload['comment'] as Record<string, unknown>;
  const id = view.commentId ?? (nextCommentId += 1);
  comment['id'] = id;
  comment['body'] = body;
  comment['html_url'] = `${issue['html_url'] as string}#issuecomment-${id}`;
  comment['user'] = user(comment['user'] as object, author);
  payload['sender'] = user(payload['sender'] as object, author);
  return payload;
}

/** `pull_request` with `action: closed`: merged (by `withMerged`) or not, written by `author`. */
export function pullRequestClosed(author: string, options: { merged: boolean; body?: string; mergedAt?: string }) {
  const example = pullRequestBy('closed', author, options.body);
  const closed = options.merged ? withMerged(example, { mergedAt: options.mergedAt, mergedBy: MAINTAINER }) : example;
  return withInstallation(closed, INSTALLATION_ID);
}

/** `pull_request` opened by `author`, closing the issue unless told. */
export function pullRequestOpened(author: string, options: { body?: string; draft?: boolean } = {}) {
  const example = pullRequestBy('opened', author, options.body);
  (example.pull_request as unknown as Record<string, unknown>)['draft'] = options.draft ?? false;
  (example as unknown as Record<string, unknown>)['sender'] = user(example.sender, author);
  return withInstallation(example, INSTALLATION_ID);
}

function pullRequestBy<A extends 'opened' | 'closed'>(action: A, author: string, body: string | undefined) {
  const example = githubExample('pull_request', { action });
  const pullRequest = example.pull_request as unknown as Record<string, unknown>;
  pullRequest['number'] = PULL_NUMBER;
  pullRequest['html_url'] = PULL_URL;
  pullRequest['body'] = body ?? `Fixes #${ISSUE_NUMBER}`;
  pullRequest['user'] = user(pullRequest['user'] as object, author);
  return example;
}

/** `installation_repositories`: the App was given (`added`) or taken away from (`removed`) repositories. */
export function installationRepositories(action: 'added' | 'removed', repositories: { id: number; full_name: string }[]) {
  const payload = githubExample('installation_repositories', { action: 'added' }) as unknown as Record<string, unknown>;
  const template = (payload['repositories_added'] as Record<string, unknown>[])[0] ?? {};
  const listed = repositories.map((repository) => ({ ...template, ...repository, name: repository.full_name.split('/')[1] }));
  payload['action'] = action;
  payload['installation'] = { ...(payload['installation'] as object), id: INSTALLATION_ID };
  payload['repositories_added'] = action === 'added' ? listed : [];
  payload['repositories_removed'] = action === 'removed' ? listed : [];
  return payload;
}

/** `installation` with `action: deleted`: the App was uninstalled from the account. */
export function installationDeleted(repositories: { id: number; full_name: string }[]) {
  const payload = githubExample('installation', { action: 'deleted' }) as unknown as Record<string, unknown>;
  const template = ((payload['repositories'] as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
  payload['installation'] = { ...(payload['installation'] as object), id: INSTALLATION_ID };
  payload['repositories'] = repositories.map((repository) => ({ ...template, ...repository, name: repository.full_name.split('/')[1] }));
  return payload;
}
