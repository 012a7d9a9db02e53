import type { Actor, ForgeEvent, IssueAction, IssueRef, RepositoryRef } from '@wecena/core';
import type { z } from 'zod';
import {
  GithubInstallationEvent,
  GithubInstallationRepositoriesEvent,
  GithubIssueCommentEvent,
  GithubIssuesEvent,
  GithubPullRequestEvent,
  type GithubIssue,
  type GithubRepository,
  type GithubUser,
} from './github-payloads';

export const GITHUB_DOT_COM = 'github.com';

const issueActions = {
  opened: 'opened',
  edited: 'updated',
  labeled: 'updated',
  unlabeled: 'updated',
  assigned: 'updated',
  unassigned: 'updated',
  closed: 'closed',
  reopened: 'reopened',
} as const satisfies Record<string, IssueAction>;

function isIssueAction(action: string): action is keyof typeof issueActions {
  return Object.hasOwn(issueActions, action);
}

/**
 * Translates a GitHub delivery into the forge-neutral event the core decides on, or null
 * for the deliveries wecena has no use for. Throws a ZodError when a payload wecena does
 * use lacks a field it reads.
 */
export function githubToForgeEvent(eventName: string, payload: unknown, host: string | null): ForgeEvent | null {
  const forgeHost = host ?? GITHUB_DOT_COM;
  switch (eventName) {
    case 'issues': {
      const event = GithubIssuesEvent.parse(payload);
      if (!isIssueAction(event.action) || event.issue.pull_request) return null;
      return {
        kind: 'issue_changed',
        repository: toRepository(event.repository, forgeHost),
        issue: toIssue(event.issue),
        action: issueActions[event.action],
        labelsAdded: event.action === 'labeled' && event.label ? [event.label.name] : [],
        labelsRemoved: event.action === 'unlabeled' && event.label ? [event.label.name] : [],
        contentEdited: event.action === 'edited',
        actor: toActor(event.sender),
      };
    }
    case 'issue_comment': {
      const event = GithubIssueCommentEvent.parse(payload);
      if (event.action !== 'created') return null;
      const issue = toIssue(event.issue);
      const { number, forgeId, title, body, url } = issue;
      return {
        kind: 'comment_created',
        repository: toRepository(event.repository, forgeHost),
        // GitHub delivers pull-request conversation comments as issue comments.
        on: event.issue.pull_request
          ? {
              type: 'change_request',
              changeRequest: { number, forgeId, title, body, url, authorForgeId: String(event.issue.user.id), author: toActor(event.issue.user) },
            }
          : { type: 'issue', issue },
        comment: { forgeId: String(event.comment.id), body: event.comment.body, url: event.comment.html_url },
        author: toActor(event.comment.user),
      };
    }
    case 'pull_request': {
      const event = GithubPullRequestEvent.parse(payload);
      const pr = event.pull_request;
      const changeRequest = {
        number: pr.number,
        forgeId: String(pr.id),
        title: pr.title,
        body: pr.body ?? '',
        url: pr.html_url,
        authorForgeId: String(pr.user.id),
        author: toActor(pr.user),
      };
      if (REVIEW_ASKED.has(event.action)) {
        if (pr.draft === true) return null;
        return { kind: 'change_request_opened', repository: toRepository(event.repository, forgeHost), changeRequest, actor: toActor(event.sender) };
      }
      if (event.action !== 'closed') return null;
      return {
        kind: 'change_request_closed',
        repository: toRepository(event.repository, forgeHost),
        changeRequest,
        merged: pr.merged === true,
        mergedAt: pr.merged === true ? toUtcInstant(pr.merged_at) : null,
        actor: toActor(event.sender),
      };
    }
    case 'installation': {
      const event = GithubInstallationEvent.parse(payload);
      const repositories = (event.repositories ?? []).map((repo) => toRepository(repo, forgeHost));
      const isRemoval = event.action === 'deleted' || event.action === 'suspend';
      const isAddition = event.action === 'created' || event.action === 'unsuspend';
      if (!isRemoval && !isAddition) return null;
      return {
        kind: 'repositories_changed',
        forge: 'github',
        host: forgeHost,
        installationId: String(event.installation.id),
        added: isAddition ? repositories : [],
        removed: isRemoval ? repositories : [],
      };
    }
    case 'installation_repositories': {
      const event = GithubInstallationRepositoriesEvent.parse(payload);
      return {
        kind: 'repositories_changed',
        forge: 'github',
        host: forgeHost,
        installationId: String(event.installation.id),
        added: event.repositories_added.map((repo) => toRepository(repo, forgeHost)),
        removed: event.repositories_removed.map((repo) => toRepository(repo, forgeHost)),
      };
    }
    default:
      return null;
  }
}

/** The pull request actions that ask for review; a draft does not, until `ready_for_review`. */
const REVIEW_ASKED = new Set(['opened', 'reopened', 'ready_for_review']);

function toRepository(repository: z.infer<typeof GithubRepository>, host: string): RepositoryRef {
  return { forge: 'github', host, forgeId: String(repository.id), path: repository.full_name };
}

function toActor(user: z.infer<typeof GithubUser>): Actor {
  return { login: user.login, forgeId: String(user.id), isBot: user.type === 'Bot' };
}

function toIssue(issue: z.infer<typeof GithubIssue>): IssueRef {
  return {
    number: issue.number,
    forgeId: String(issue.id),
    title: issue.title,
    body: issue.body ?? '',
    url: issue.html_url,
    state: issue.state,
    labels: issue.labels.map((label) => label.name),
    assignees: issue.assignees.map((assignee) => assignee.login),
    locked: issue.locked,
  };
}

/** GitHub writes `2019-05-15T15:20:33Z`; the core wants a UTC instant with milliseconds. */
function toUtcInstant(value: string | null | undefined): string | null {
  if (!value) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** The App installation a delivery came through: how wecena acts on that repository. */
export function githubInstallationId(payload: unknown): string | null {
  const installation = (payload as { installation?: { id?: unknown } } | null)?.installation;
  return typeof installation?.id === 'number' ? String(installation.id) : null;
}
