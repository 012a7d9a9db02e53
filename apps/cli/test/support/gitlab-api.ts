import { defaultRepositoryConfig, type LabelSpec, wecenaLabelSpecs } from '@wecena/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { GITLAB_PROJECT_ID, GITLAB_URL } from './journey-world';

/*
 * GitLab's REST and GraphQL API at the HTTP boundary, for the GitLab journey tests: nock with
 * the network off, every request the bot makes must be expected (method, path, query and body,
 * with the bot's token), and every expectation met. The helpers are named after what wecena
 * does with each call, as github-api.ts names GitHub's.
 */

export const GITLAB_TOKEN = 'glpat-wecena-journey';
/** The bot user wecena acts as on the instance: its notes are wecena's own. */
export const GITLAB_BOT = 'wecena-bot';
const PROJECT = `/v4/projects/${GITLAB_PROJECT_ID}`;

/** GitLab user ids: GitLab's examples name the merge request author 51; the others are ours. */
export const GITLAB_USER_IDS: Record<string, number> = {
  root: 1,
  'camille-oc': 51,
  'yanis-oc': 52,
  'lea-oc': 53,
  'noe-oc': 54,
  Codertocat: 60,
  visitor: 70,
  [GITLAB_BOT]: 99,
};

export function gitlabUserId(username: string): number {
  const id = GITLAB_USER_IDS[username];
  if (id === undefined) throw new Error(`no GitLab user id for ${username} in the test`);
  return id;
}

export function gitlabUser(username: string) {
  return { id: gitlabUserId(username), username, name: username, state: 'active', web_url: `${GITLAB_URL}/${username}` };
}

/** Registers the hooks: no real network but the test's own server; unexpected and unused requests fail the test. */
export function useGitlabApi(): void {
  const unexpected: string[] = [];
  const recordUnexpected = (request: { method?: string; path?: string; href?: string; host?: string }, _options?: unknown, body?: string) => {
    if (request.host?.startsWith('127.0.0.1')) return;
    unexpected.push(`${request.method ?? '?'} ${request.href ?? request.path ?? '?'} ${body ?? ''}`.trim());
  };

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect((host) => host.startsWith('127.0.0.1:'));
    nock.emitter.on('no match', recordUnexpected);
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    const unmatched = unexpected.splice(0);
    nock.cleanAll();
    expect(unmatched, 'GitLab requests nobody expected').toEqual([]);
    expect(pending, 'expected GitLab requests that never came').toEqual([]);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', recordUnexpected);
    nock.enableNetConnect();
  });
}

/** The instance's API as the bot sees it: every request carries the bot's token. */
export function expectGitlab(): nock.Scope {
  return nock(`${GITLAB_URL}/api`).matchHeader('private-token', GITLAB_TOKEN);
}

type BodyMatcher = string | ((body: { body?: unknown }) => boolean);

function noteBody(body: BodyMatcher): { body: string } | ((body: { body?: unknown }) => boolean) {
  return typeof body === 'string' ? { body } : body;
}

export function note(id: number, body: string, author: string, system = false) {
  return { id, body, author: gitlabUser(author), system, noteable_type: 'Issue', project_id: Number(GITLAB_PROJECT_ID) };
}

export const STATUS_NOTE_ID = 8001;
export const REMINDER_NOTE_ID = 8002;
/** The status note as GitLab lists it: the bot's, with the hidden marker. */
export const STATUS_NOTE = note(STATUS_NOTE_ID, '<!-- wecena:status -->\n**wecena** · ...', GITLAB_BOT);

function issueJson(iid: number, assignees: string[]) {
  return {
    id: 300 + iid,
    iid,
    project_id: Number(GITLAB_PROJECT_ID),
    title: 'New API: create/update/delete file',
    description: '',
    state: 'opened',
    labels: [],
    assignees: assignees.map(gitlabUser),
    web_url: `${GITLAB_URL}/gitlabhq/gitlab-test/-/issues/${iid}`,
  };
}

const GRAPHQL_PROJECT = { ids: [`gid://gitlab/Project/${GITLAB_PROJECT_ID}`] };

function graphql(includes: string[], variables: Record<string, unknown>): nock.Interceptor {
  return expectGitlab().post('/graphql', (body: { query?: string; variables?: unknown }) => {
    return (
      typeof body.query === 'string' &&
      includes.every((part) => (body.query as string).includes(part)) &&
      JSON.stringify(body.variables) === JSON.stringify(variables)
    );
  });
}

export const ALL_WECENA_LABELS = wecenaLabelSpecs(defaultRepositoryConfig).map((label) => label.name);

/** GitLab's own time log entry, as GraphQL lists it. */
export interface Timelog {
  username: string;
  seconds: number;
}

/** The calls of wecena's journey on GitLab, by what they are for. */
export const gitlab = {
  /** `GET /users?username=`: GitLab's API takes user ids, wecena knows usernames. */
  userLookedUp(username: string): void {
    expectGitlab().get('/v4/users').query({ username }).reply(200, [gitlabUser(username)]);
  },

  /**
   * A maintainer check: the user's id, then their access level on the project, inherited from
   * groups included (`members/all`). 30 is Developer (write), 40 Maintainer, 20 Reporter.
   */
  accessLevel(username: string, level: number | null): void {
    gitlab.userLookedUp(username);
    const scope = expectGitlab().get(`${PROJECT}/members/all/${gitlabUserId(username)}`);
    if (level === null) scope.reply(404, { message: '404 Not found' });
    else scope.reply(200, { ...gitlabUser(username), access_level: level, membership_state: 'active' });
  },

  /** The one GraphQL request that looks for a CONTRIBUTING file or a README, on the default branch. */
  contributingGuide(found: boolean): void {
    const paths = ['CONTRIBUTING.md', 'CONTRIBUTING', 'CONTRIBUTING.rst', '.gitlab/CONTRIBUTING.md', 'docs/CONTRIBUTING.md', 'README.md', 'readme.md', 'README'];
    graphql(['blobs(paths: $paths)'], { paths, ...GRAPHQL_PROJECT }).reply(200, {
      data: { projects: { nodes: [{ repository: { blobs: { nodes: found ? [{ path: 'CONTRIBUTING.md', rawTextBlob: '# Contributing' }] : [] } } }] } },
    });
  },

  /** `.gitlab/wecena.yml` on the default branch, raw; null: the project has none (404). */
  configFile(text: string | null): void {
    const scope = expectGitlab().get(`${PROJECT}/repository/files/.gitlab%2Fwecena.yml/raw`).query({ ref: 'HEAD' });
    if (text === null) scope.reply(404, { message: '404 File Not Found' });
    else scope.reply(200, text, { 'content-type': 'text/plain; charset=utf-8' });
  },

  /** The wecena labels ensured on the project (group labels included); each missing one created with its colour. */
  labelsEnsured(present: readonly string[]): LabelSpec[] {
    expectGitlab()
      .get(`${PROJECT}/labels`)
      .query({ per_page: '100', include_ancestor_groups: 'true' })
      .reply(200, present.map((name, index) => ({ id: 100 + index, name, color: '#ededed', description: null })));
    const created = wecenaLabelSpecs(defaultRepositoryConfig).filter((label) => !present.includes(label.name));
    for (const label of created) {
      expectGitlab().post(`${PROJECT}/labels`, { name: label.name, color: `#${label.color}`, description: label.description }).reply(201, { name: label.name });
    }
    return created;
  },

  labelsAlreadyThere(): void {
    gitlab.labelsEnsured(ALL_WECENA_LABELS);
  },

  /** `add_labels` in one edit of the issue. */
  labelsAdded(iid: number, labels: string[]): void {
    expectGitlab().put(`${PROJECT}/issues/${iid}`, { add_labels: labels.join(',') }).reply(200, issueJson(iid, []));
  },

  /** `remove_labels` in one edit: a label the issue lacks is no error on GitLab. */
  labelsRemoved(iid: number, labels: string[]): void {
    expectGitlab().put(`${PROJECT}/issues/${iid}`, { remove_labels: labels.join(',') }).reply(200, issueJson(iid, []));
  },

  /**
   * The issue read, for a `/wecena` command in a note: the note hook names the assignees by id
   * only, and the checklist, a release and an expiry need their usernames.
   */
  issueRead(iid: number, assignees: string[] = []): void {
    expectGitlab().get(`${PROJECT}/issues/${iid}`).reply(200, issueJson(iid, assignees));
  },

  /** Assigning: the issue read for its assignees, the user's id looked up, the whole list set. */
  assigned(iid: number, username: string, already: string[] = []): void {
    expectGitlab().get(`${PROJECT}/issues/${iid}`).reply(200, issueJson(iid, already));
    gitlab.userLookedUp(username);
    expectGitlab()
      .put(`${PROJECT}/issues/${iid}`, { assignee_ids: [...already.map(gitlabUserId), gitlabUserId(username)] })
      .reply(200, issueJson(iid, [...already, username]));
  },

  /** Unassigning: the issue read, the list set without them (`[0]` is GitLab's "nobody"). */
  unassigned(iid: number, username: string, assignees: string[] = [username]): void {
    expectGitlab().get(`${PROJECT}/issues/${iid}`).reply(200, issueJson(iid, assignees));
    const kept = assignees.filter((name) => name !== username).map(gitlabUserId);
    expectGitlab()
      .put(`${PROJECT}/issues/${iid}`, { assignee_ids: kept.length > 0 ? kept : [0] })
      .reply(200, issueJson(iid, []));
  },

  /** The issue's notes, oldest first, as wecena pages through them to find its own by the marker. */
  notes(iid: number, notes: ReturnType<typeof note>[]): void {
    expectGitlab()
      .get(`${PROJECT}/issues/${iid}/notes`)
      .query({ sort: 'asc', order_by: 'created_at', per_page: '100', page: '1' })
      .reply(200, notes);
  },

  /** A new note on an issue (a reply, a notice, a reminder, the first status note). */
  notePosted(iid: number, body: BodyMatcher, id = 9000): void {
    expectGitlab()
      .post(`${PROJECT}/issues/${iid}/notes`, noteBody(body))
      .reply(201, note(id, typeof body === 'string' ? body : '', GITLAB_BOT));
  },

  /** The status note created: no note carries the marker yet. */
  statusNoteCreated(iid: number, body: BodyMatcher, others: ReturnType<typeof note>[] = []): void {
    gitlab.notes(iid, others);
    gitlab.notePosted(iid, body, STATUS_NOTE_ID);
  },

  /** The status note found by its marker and its author, and edited in place. */
  statusNoteEdited(iid: number, body: BodyMatcher, others: ReturnType<typeof note>[] = []): void {
    gitlab.notes(iid, [...others, STATUS_NOTE]);
    expectGitlab().put(`${PROJECT}/issues/${iid}/notes/${STATUS_NOTE_ID}`, noteBody(body)).reply(200, note(STATUS_NOTE_ID, '', GITLAB_BOT));
  },

  /** A reply to the actor: a note on the issue (or merge request) the event happened on. */
  replied(iid: number, body: BodyMatcher): void {
    gitlab.notePosted(iid, body, 9500);
  },

  /** A reply on a merge request: GitLab numbers merge requests apart from issues. */
  repliedOnMergeRequest(iid: number, body: BodyMatcher): void {
    expectGitlab()
      .post(`${PROJECT}/merge_requests/${iid}/notes`, noteBody(body))
      .reply(201, note(9600, typeof body === 'string' ? body : '', GITLAB_BOT));
  },

  /** `GET /users/:id`: the merge request hook names its author by id. */
  userById(username: string): void {
    expectGitlab().get(`/v4/users/${gitlabUserId(username)}`).reply(200, gitlabUser(username));
  },

  /** GitLab's own list of the issues a merge request closes. */
  closesIssues(mrIid: number, iids: number[]): void {
    expectGitlab()
      .get(`${PROJECT}/merge_requests/${mrIid}/closes_issues`)
      .reply(200, iids.map((iid) => ({ ...issueJson(iid, []), project_id: Number(GITLAB_PROJECT_ID) })));
  },

  /** GitLab's time tracking, read at merge: the timelogs of the issue, then of the merge request. */
  timelogs(issueIid: number, mrIid: number, onIssue: Timelog[], onMergeRequest: Timelog[] = []): void {
    const page = (field: 'issue' | 'mergeRequest', entries: Timelog[]) => ({
      data: {
        projects: {
          nodes: [
            {
              [field]: {
                timelogs: {
                  nodes: entries.map((entry, index) => ({
                    id: `gid://gitlab/Timelog/${field === 'issue' ? 100 + index : 200 + index}`,
                    timeSpent: entry.seconds,
                    spentAt: '2026-03-02T12:00:00Z',
                    summary: null,
                    user: { username: entry.username },
                  })),
                  pageInfo: { hasNextPage: false, endCursor: null },
                },
              },
            },
          ],
        },
      },
    });
    graphql(['issue(iid: $iid)', 'timelogs('], { iid: String(issueIid), after: null, ...GRAPHQL_PROJECT }).reply(200, page('issue', onIssue));
    graphql(['mergeRequest(iid: $iid)', 'timelogs('], { iid: String(mrIid), after: null, ...GRAPHQL_PROJECT }).reply(200, page('mergeRequest', onMergeRequest));
  },
};
