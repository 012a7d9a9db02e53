import type { Actor, ForgeEvent, IssueAction, IssueRef, RepositoryRef } from '@wecena/core';
import type { z } from 'zod';
import { GitlabIssueHook, GitlabMergeRequestHook, GitlabNoteHook, type GitlabProject, type GitlabUser } from './gitlab-payloads';

export const GITLAB_DOT_COM = 'gitlab.com';

const issueActions = {
  open: 'opened',
  update: 'updated',
  close: 'closed',
  reopen: 'reopened',
} as const satisfies Record<string, IssueAction>;

function isIssueAction(action: string | undefined): action is keyof typeof issueActions {
  return action !== undefined && Object.hasOwn(issueActions, action);
}

/**
 * Translates a GitLab delivery into the forge-neutral event the core decides on, or null
 * for the deliveries wecena has no use for. Throws a ZodError when a payload wecena does
 * use lacks a field it reads.
 */
export function gitlabToForgeEvent(eventName: string, payload: unknown, host: string | null): ForgeEvent | null {
  const forgeHost = host ?? GITLAB_DOT_COM;
  switch (eventName) {
    case 'Issue Hook': {
      const hook = GitlabIssueHook.parse(payload);
      const attributes = hook.object_attributes;
      if (!isIssueAction(attributes.action)) return null;
      const labelChange = hook.changes.labels;
      const before = new Set(labelChange?.previous.map((label) => label.title) ?? []);
      const after = new Set(labelChange?.current.map((label) => label.title) ?? []);
      return {
        kind: 'issue_changed',
        repository: toRepository(hook.project, forgeHost),
        issue: {
          number: attributes.iid,
          forgeId: String(attributes.id),
          title: attributes.title,
          body: attributes.description ?? '',
          url: attributes.url ?? issueUrl(hook.project, attributes.iid),
          state: toIssueState(attributes.state),
          labels: attributes.labels.map((label) => label.title),
          assignees: hook.assignees.map((assignee) => assignee.username),
          locked: attributes.discussion_locked === true,
        },
        action: issueActions[attributes.action],
        labelsAdded: [...after].filter((label) => !before.has(label)),
        labelsRemoved: [...before].filter((label) => !after.has(label)),
        contentEdited: hook.changes.title !== undefined || hook.changes.description !== undefined,
        actor: toActor(hook.user),
      };
    }
    case 'Note Hook': {
      const hook = GitlabNoteHook.parse(payload);
      const note = hook.object_attributes;
      // System notes are GitLab's own activity lines ("added ~label"), never a person's command.
      if (note.system === true) return null;
      const comment = { forgeId: String(note.id), body: note.note, url: note.url };
      const repository = toRepository(hook.project, forgeHost);
      if (note.noteable_type === 'Issue' && hook.issue) {
        return { kind: 'comment_created', repository, on: { type: 'issue', issue: toNotedIssue(hook.project, hook.issue) }, comment, author: toActor(hook.user) };
      }
      if (note.noteable_type === 'MergeRequest' && hook.merge_request) {
        const mr = hook.merge_request;
        return {
          kind: 'comment_created',
          repository,
          on: {
            type: 'change_request',
            changeRequest: {
              number: mr.iid,
              forgeId: String(mr.id),
              title: mr.title,
              body: mr.description ?? '',
              url: mergeRequestUrl(hook.project, mr.iid),
              authorForgeId: String(mr.author_id),
              author: null,
            },
          },
          comment,
          author: toActor(hook.user),
        };
      }
      return null;
    }
    case 'Merge Request Hook': {
      const hook = GitlabMergeRequestHook.parse(payload);
      const mr = hook.object_attributes;
      const changeRequest = {
        number: mr.iid,
        forgeId: String(mr.id),
        title: mr.title,
        body: mr.description ?? '',
        url: mr.url,
        authorForgeId: String(mr.author_id),
        // The hook names the author by id; `user` is who acted (merged, closed), often someone else.
        author: mr.author_id === hook.user.id ? toActor(hook.user) : null,
      };
      // A draft asks for no review yet: marked ready, it comes as an `update` changing `draft` to false.
      const markedReady = mr.action === 'update' && hook.changes?.draft?.previous === true && hook.changes.draft.current === false;
      if (mr.action === 'open' || mr.action === 'reopen' || markedReady) {
        if (mr.draft === true || mr.work_in_progress === true) return null;
        return { kind: 'change_request_opened', repository: toRepository(hook.project, forgeHost), changeRequest, actor: toActor(hook.user) };
      }
      if (mr.action !== 'merge' && mr.action !== 'close') return null;
      const merged = mr.action === 'merge';
      return {
        kind: 'change_request_closed',
        repository: toRepository(hook.project, forgeHost),
        changeRequest,
        merged,
        // The hook carries no merge time; the last update of a `merge` action is the merge.
        mergedAt: merged ? toUtcInstant(mr.updated_at) : null,
        actor: toActor(hook.user),
      };
    }
    default:
      return null;
  }
}

function toRepository(project: z.infer<typeof GitlabProject>, host: string): RepositoryRef {
  return { forge: 'gitlab', host, forgeId: String(project.id), path: project.path_with_namespace };
}

/**
 * GitLab's hooks carry no bot flag. The users GitLab makes for project and group access tokens
 * (the usual way to run wecena's bot) are named `project_<id>_bot_<hash>` / `group_<id>_bot_<hash>`;
 * a bot account of another name is recognised by the journey runner, which knows its own login.
 */
const ACCESS_TOKEN_BOT = /^(?:project|group)_\d+_bot(?:_[0-9a-f]+)?$/i;

function toActor(user: z.infer<typeof GitlabUser>): Actor {
  return { login: user.username, forgeId: String(user.id), isBot: ACCESS_TOKEN_BOT.test(user.username) };
}

function toNotedIssue(
  project: z.infer<typeof GitlabProject>,
  issue: NonNullable<z.infer<typeof GitlabNoteHook>['issue']>,
): IssueRef {
  return {
    number: issue.iid,
    forgeId: String(issue.id),
    title: issue.title,
    body: issue.description ?? '',
    url: issueUrl(project, issue.iid),
    state: toIssueState(issue.state),
    labels: issue.labels.map((label) => label.title),
    // The note hook carries assignee ids only; the adapter asks the API when a decision needs names.
    assignees: [],
    locked: issue.discussion_locked === true,
  };
}

function toIssueState(state: string): 'open' | 'closed' {
  return state === 'closed' ? 'closed' : 'open';
}

function issueUrl(project: z.infer<typeof GitlabProject>, iid: number): string {
  return `${project.web_url}/-/issues/${iid}`;
}

function mergeRequestUrl(project: z.infer<typeof GitlabProject>, iid: number): string {
  return `${project.web_url}/-/merge_requests/${iid}`;
}

/** GitLab writes `2013-12-03 17:23:34 UTC` in some hooks and ISO-8601 in others. */
function toUtcInstant(value: string | undefined): string | null {
  if (!value) return null;
  const instant = new Date(value.replace(/ UTC$/, 'Z').replace(' ', 'T'));
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}
