import { z } from 'zod';

// Only the fields wecena reads; GitLab sends many more.

export const GitlabUser = z.object({
  id: z.number(),
  username: z.string(),
});

export const GitlabProject = z.object({
  id: z.number(),
  path_with_namespace: z.string(),
  web_url: z.string(),
});

const GitlabLabel = z.object({ title: z.string() });

export const GitlabIssueAttributes = z.object({
  id: z.number(),
  iid: z.number(),
  title: z.string(),
  description: z.string().nullable().optional(),
  url: z.string().optional(),
  state: z.string(),
  action: z.string().optional(),
  discussion_locked: z.boolean().nullable().optional(),
  labels: z.array(GitlabLabel).default([]),
});

export const GitlabIssueHook = z.object({
  object_kind: z.literal('issue'),
  user: GitlabUser,
  project: GitlabProject,
  object_attributes: GitlabIssueAttributes,
  assignees: z.array(z.object({ username: z.string() })).default([]),
  changes: z
    .object({
      labels: z.object({ previous: z.array(GitlabLabel), current: z.array(GitlabLabel) }).optional(),
      description: z.unknown().optional(),
      title: z.unknown().optional(),
    })
    .default({}),
});

const GitlabNotedIssue = z.object({
  id: z.number(),
  iid: z.number(),
  title: z.string(),
  description: z.string().nullable().optional(),
  state: z.string(),
  discussion_locked: z.boolean().nullable().optional(),
  labels: z.array(GitlabLabel).default([]),
});

const GitlabNotedMergeRequest = z.object({
  id: z.number(),
  iid: z.number(),
  title: z.string(),
  description: z.string().nullable().optional(),
  author_id: z.number(),
});

export const GitlabNoteHook = z.object({
  object_kind: z.literal('note'),
  user: GitlabUser,
  project: GitlabProject,
  object_attributes: z.object({
    id: z.number(),
    note: z.string(),
    noteable_type: z.string(),
    url: z.string(),
    system: z.boolean().nullable().optional(),
  }),
  issue: GitlabNotedIssue.optional(),
  merge_request: GitlabNotedMergeRequest.optional(),
});

export const GitlabMergeRequestHook = z.object({
  object_kind: z.literal('merge_request'),
  user: GitlabUser,
  project: GitlabProject,
  object_attributes: z.object({
    id: z.number(),
    iid: z.number(),
    title: z.string(),
    description: z.string().nullable().optional(),
    url: z.string(),
    author_id: z.number(),
    action: z.string().optional(),
    updated_at: z.string().optional(),
    draft: z.boolean().optional(),
    work_in_progress: z.boolean().optional(),
  }),
  changes: z.object({ draft: z.object({ previous: z.boolean().nullable(), current: z.boolean().nullable() }).optional() }).optional(),
});
