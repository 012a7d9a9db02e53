import { z } from 'zod';

// Only the fields wecena reads; GitHub sends many more.

export const GithubUser = z.object({
  login: z.string(),
  id: z.number(),
  type: z.string(),
});

export const GithubRepository = z.object({
  id: z.number(),
  full_name: z.string(),
});

export const GithubLabel = z.object({ name: z.string() });

export const GithubIssue = z.object({
  id: z.number(),
  number: z.number(),
  title: z.string(),
  body: z.string().nullable().optional(),
  html_url: z.string(),
  state: z.enum(['open', 'closed']),
  labels: z.array(GithubLabel).default([]),
  assignees: z.array(z.object({ login: z.string() })).default([]),
  locked: z.boolean().default(false),
  user: GithubUser,
  pull_request: z.object({}).passthrough().optional(),
});

export const GithubPullRequest = z.object({
  id: z.number(),
  number: z.number(),
  title: z.string(),
  body: z.string().nullable().optional(),
  html_url: z.string(),
  user: GithubUser,
  merged: z.boolean().nullable().optional(),
  merged_at: z.string().nullable().optional(),
  draft: z.boolean().optional(),
});

export const GithubIssuesEvent = z.object({
  action: z.string(),
  issue: GithubIssue,
  label: GithubLabel.optional(),
  repository: GithubRepository,
  sender: GithubUser,
});

export const GithubIssueCommentEvent = z.object({
  action: z.string(),
  issue: GithubIssue,
  comment: z.object({ id: z.number(), body: z.string(), html_url: z.string(), user: GithubUser }),
  repository: GithubRepository,
  sender: GithubUser,
});

export const GithubPullRequestEvent = z.object({
  action: z.string(),
  pull_request: GithubPullRequest,
  repository: GithubRepository,
  sender: GithubUser,
});

const InstallationRepository = z.object({ id: z.number(), full_name: z.string() });

export const GithubInstallationEvent = z.object({
  action: z.string(),
  installation: z.object({ id: z.number() }),
  repositories: z.array(InstallationRepository).nullable().optional(),
});

export const GithubInstallationRepositoriesEvent = z.object({
  action: z.string(),
  installation: z.object({ id: z.number() }),
  repositories_added: z.array(InstallationRepository).default([]),
  repositories_removed: z.array(InstallationRepository).default([]),
});
