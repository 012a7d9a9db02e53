import type { RepositoryRef } from '@wecena/core';
import type { GitlabApi } from './gitlab-forge';
import { GitlabForgeError } from './gitlab-forge-error';

export interface ProjectQuery {
  /** The fields to read on the project, e.g. `issue(iid: $iid) { ... }`. */
  selection: string;
  /** The query's own variables, declared in `declarations`. */
  variables: Record<string, unknown>;
  declarations: string;
}

interface GraphqlAnswer {
  data?: { projects?: { nodes?: unknown[] | null } | null; project?: unknown } | null;
  errors?: { message: string }[];
}

/**
 * Reads fields of one project through GitLab's GraphQL API (`/api/graphql`), for what REST does
 * not give: timelogs per user, several files in one request. The project is found by its
 * numeric id when known, else by its full path; null when the token cannot see it.
 *
 * The request goes through Gitbeaker's requester, so host, token and rate limits are the REST
 * client's. That requester turns camelCase keys of the body into snake_case: variable names
 * here are single lowercase words so that they reach GitLab as written.
 */
export async function gitlabGraphql<T>(api: Pick<GitlabApi, 'requester'>, repository: RepositoryRef, query: ProjectQuery): Promise<T | null> {
  const byId = /^\d+$/.test(repository.forgeId);
  const declarations = [byId ? '$ids: [ID!]' : '$path: ID!', query.declarations].filter(Boolean).join(', ');
  const root = byId ? `projects(ids: $ids) { nodes { ${query.selection} } }` : `project(fullPath: $path) { ${query.selection} }`;
  const variables = { ...query.variables, ...(byId ? { ids: [`gid://gitlab/Project/${repository.forgeId}`] } : { path: repository.path }) };
  // The REST base is `<host>/api/v4/`; GraphQL lives beside it.
  const { body } = await api.requester.post<Record<string, unknown>>('../graphql', {
    body: { query: `query wecena(${declarations}) { ${root} }`, variables },
  });
  const answer = body as GraphqlAnswer;
  if (answer.errors && answer.errors.length > 0) {
    throw new GitlabForgeError('graphql_error', 'GitLab refused a GraphQL query', { cause: { errors: answer.errors } });
  }
  const project = byId ? answer.data?.projects?.nodes?.[0] : answer.data?.project;
  return (project ?? null) as T | null;
}
