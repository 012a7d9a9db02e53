import { Gitlab } from '@gitbeaker/rest';
import type { IssueRef } from '@wecena/core';
import type { ForgeAccess, StoredRepository } from '@wecena/engine';
import { formatConfigProblem, readRepositoryConfig } from '@wecena/forge-config';
import { createGitlabForge, type GitlabForge } from './gitlab-forge';
import { GitlabForgeError } from './gitlab-forge-error';

/** One GitLab instance wecena acts on, with its bot user's token (scope `api`). */
export interface GitlabHost {
  /** `https://gitlab.com`, or a self-managed instance, with its relative URL root if any. */
  url: string;
  token: string;
  /** The bot user's username; asked of GitLab (`GET /user`) once when omitted. */
  botUsername?: string;
}

export interface GitlabForgeAccessOptions extends GitlabHost {
  /** More instances besides the default one (`GITLAB_URL`, `GITLAB_TOKEN`). */
  otherHosts?: readonly GitlabHost[];
}

/** The journey's access to GitLab; its ports also read GitLab's own time tracking. */
export interface GitlabForgeAccess extends ForgeAccess {
  portFor(repository: StoredRepository): Promise<GitlabForge | null>;
  /** GitLab's note hook names the issue's assignees by id only: the issue is read for their usernames. */
  completeNotedIssue(repository: StoredRepository, issue: IssueRef): Promise<IssueRef>;
  /** The host names served, as repositories record them (`gitlab.com`, `git.example.org:8443`). */
  readonly hosts: readonly string[];
}

/**
 * How the journey reaches GitLab: the repository's host picks the instance and its token. One
 * Gitbeaker client per instance, made on first use and kept.
 */
export function gitlabForgeAccess(options: GitlabForgeAccessOptions): GitlabForgeAccess {
  const byHost = new Map<string, GitlabHost>();
  for (const host of [options, ...(options.otherHosts ?? [])]) {
    const name = hostOf(host.url);
    if (!byHost.has(name)) byHost.set(name, host); // the default host wins a duplicate
  }
  const forges = new Map<string, GitlabForge>();

  return {
    hosts: [...byHost.keys()],
    async portFor(repository) {
      const name = repository.ref.host.toLowerCase();
      let forge = forges.get(name);
      if (!forge) {
        const host = byHost.get(name);
        // No token for this instance: the runner logs the event and leaves it (GITLAB_HOSTS adds one).
        if (!host) return null;
        const api = new Gitlab({ host: host.url.replace(/\/+$/, ''), token: host.token });
        forge = createGitlabForge(api, host.botUsername ? { botUsername: host.botUsername } : {});
        forges.set(name, forge);
      }
      return forge;
    },
    async ownLogin(repository) {
      return (await this.portFor(repository))?.ownUsername() ?? null;
    },
    async completeNotedIssue(repository, issue) {
      // The note hook gives the assignees' ids only: their usernames are read with the issue.
      const forge = await this.portFor(repository);
      const current = forge && (await forge.getIssue({ repository: repository.ref, issueNumber: issue.number }));
      return current ? { ...issue, assignees: current.assignees } : issue;
    },
    async loginOfUser(repository, forgeUserId) {
      return (await this.portFor(repository))?.usernameOf(forgeUserId) ?? null;
    },
    async trackedMinutes(repository, { issueNumber, changeRequestNumber, login }) {
      const forge = await this.portFor(repository);
      if (!forge) return 0;
      return (await forge.timeSpentBy({ issue: { repository: repository.ref, issueNumber }, changeRequestNumber, login })).minutes;
    },
    readConfig(text) {
      const reading = readRepositoryConfig(text);
      return { config: reading.config, problems: reading.ok ? [] : reading.problems.map(formatConfigProblem) };
    },
  };
}

/** The host name (with its port) of an instance URL, as X-Gitlab-Instance gives it and repositories record it. */
export function hostOf(url: string): string {
  return new URL(url).host.toLowerCase();
}
