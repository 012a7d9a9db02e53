import { useStrictNock } from '@wecena/testkit';
import type { IssueLocator, RepositoryRef } from '@wecena/core';
import { describe, expect, it } from 'vitest';
import { createGitlabForge, GITLAB_CONFIG_FILE_PATH, type GitlabForgeOptions, permissionOfAccessLevel } from './gitlab-forge';
import { GitlabForgeError } from './gitlab-forge-error';
import { gitlabApi, nextPageHeaders, testGitlab } from './testing/gitlab-api-mock';

useStrictNock();

const repository: RepositoryRef = { forge: 'gitlab', host: 'gitlab.example.org', forgeId: '1', path: 'gitlab-org/gitlab-test' };
const issue: IssueLocator = { repository, issueNumber: 3 };
const PROJECT = '/v4/projects/1';
const ISSUE = `${PROJECT}/issues/3`;
const BOT = 'wecena-bot';

function forge(options: GitlabForgeOptions = { botUsername: BOT }) {
  return createGitlabForge(testGitlab(), options);
}

function user(id: number, username: string) {
  return { id, username, name: username, state: 'active', web_url: `https://gitlab.example.org/${username}` };
}

function note(id: number, body: string, author: ReturnType<typeof user>, system = false) {
  return { id, body, author, system, noteable_type: 'Issue', noteable_iid: 3, project_id: 1 };
}

function gitlabIssue(overrides: Record<string, unknown> = {}) {
  return {
    id: 301,
    iid: 3,
    project_id: 1,
    title: 'Translate the help page',
    description: 'Done when the page reads well in French.',
    state: 'opened',
    labels: ['wecena-ready', 'size::S'],
    assignees: [] as ReturnType<typeof user>[],
    discussion_locked: null,
    web_url: 'https://gitlab.example.org/gitlab-org/gitlab-test/-/issues/3',
    ...overrides,
  };
}

const notFound = { message: '404 Not found' };

const wecenaLabels = [
  { name: 'wecena-ready', color: '0e8a16', description: 'Ready for a wecena volunteer' },
  { name: 'wecena-claimed', color: 'fbca04', description: 'Claimed by a wecena volunteer' },
  { name: 'size/L', color: 'c5def5', description: 'About a day' },
];

describe('capabilities', () => {
  it('keeps a time log of its own on GitLab', () => {
    expect(forge().capabilities).toEqual({ nativeTimeTracking: true });
  });
});

describe('ensureLabels', () => {
  const query = { per_page: '100', include_ancestor_groups: 'true' };

  it('lists the labels once, across pages, and creates only the missing ones with colour and description', async () => {
    gitlabApi()
      .get(`${PROJECT}/labels`)
      .query(query)
      .reply(200, [{ id: 1, name: 'bug' }, { id: 2, name: 'wecena-ready' }], nextPageHeaders(`${PROJECT}/labels?per_page=100&include_ancestor_groups=true`, 1))
      .get(`${PROJECT}/labels`)
      .query({ ...query, page: '2' })
      .reply(200, [{ id: 3, name: 'documentation' }])
      .post(`${PROJECT}/labels`, { name: 'wecena-claimed', color: '#fbca04', description: 'Claimed by a wecena volunteer' })
      .reply(201, { id: 4, name: 'wecena-claimed' })
      .post(`${PROJECT}/labels`, { name: 'size/L', color: '#c5def5', description: 'About a day' })
      .reply(201, { id: 5, name: 'size/L' });

    await forge().ensureLabels({ repository, labels: wecenaLabels });
  });

  it('creates nothing when every label is there, a group label included', async () => {
    gitlabApi()
      .get(`${PROJECT}/labels`)
      .query(query)
      .reply(200, wecenaLabels.map(({ name }, index) => ({ id: index, name, is_project_label: index !== 0 })));

    await forge().ensureLabels({ repository, labels: wecenaLabels });
  });

  it('takes a label differing only in case for another label, as GitLab does', async () => {
    gitlabApi()
      .get(`${PROJECT}/labels`)
      .query(query)
      .reply(200, [{ id: 1, name: 'WECENA-READY' }])
      .post(`${PROJECT}/labels`, { name: 'wecena-ready', color: '#0e8a16', description: 'Ready for a wecena volunteer' })
      .reply(201, { id: 2, name: 'wecena-ready' });

    await forge().ensureLabels({ repository, labels: [wecenaLabels[0]!, wecenaLabels[0]!] });
  });

  it('takes a label created meanwhile by someone else (409) as done', async () => {
    gitlabApi()
      .get(`${PROJECT}/labels`)
      .query(query)
      .reply(200, [])
      .post(`${PROJECT}/labels`, { name: 'wecena-ready', color: '#0e8a16', description: 'Ready for a wecena volunteer' })
      .reply(409, { message: 'Label already exists' });

    await forge().ensureLabels({ repository, labels: [wecenaLabels[0]!] });
  });

  it('throws on any other refusal', async () => {
    gitlabApi()
      .get(`${PROJECT}/labels`)
      .query(query)
      .reply(200, [])
      .post(`${PROJECT}/labels`, { name: 'wecena-ready', color: '#green', description: 'Ready for a wecena volunteer' })
      .reply(400, { message: { color: ['must be a valid color code'] } });

    await expect(forge().ensureLabels({ repository, labels: [{ ...wecenaLabels[0]!, color: 'green' }] })).rejects.toMatchObject({
      name: 'GitbeakerRequestError',
      cause: { response: { status: 400 } },
    });
  });

  it('asks nothing for no labels', async () => {
    await forge().ensureLabels({ repository, labels: [] });
  });
});

describe('addLabels and removeLabels', () => {
  it('adds the labels in one edit, which GitLab makes idempotent', async () => {
    gitlabApi().put(ISSUE, { add_labels: 'wecena-ready,size/L' }).reply(200, gitlabIssue());

    await forge().addLabels({ issue, labels: ['wecena-ready', 'size/L', 'wecena-ready'] });
  });

  it('removes the labels in one edit; a label the issue lacks is no error', async () => {
    gitlabApi().put(ISSUE, { remove_labels: 'wecena-claimed,not-there' }).reply(200, gitlabIssue());

    await forge().removeLabels({ issue, labels: ['wecena-claimed', 'not-there'] });
  });

  it('asks nothing for no labels', async () => {
    await forge().addLabels({ issue, labels: [] });
    await forge().removeLabels({ issue, labels: [] });
  });

  it('throws when the issue is gone', async () => {
    gitlabApi().put(ISSUE, { add_labels: 'wecena-ready' }).reply(404, notFound);

    await expect(forge().addLabels({ issue, labels: ['wecena-ready'] })).rejects.toMatchObject({ cause: { response: { status: 404 } } });
  });
});

describe('getIssue', () => {
  it('gives the issue as the core knows it', async () => {
    gitlabApi()
      .get(ISSUE)
      .reply(200, gitlabIssue({ state: 'closed', assignees: [user(7, 'ada')], discussion_locked: true, description: null }));

    expect(await forge().getIssue(issue)).toEqual({
      number: 3,
      forgeId: '301',
      title: 'Translate the help page',
      body: '',
      url: 'https://gitlab.example.org/gitlab-org/gitlab-test/-/issues/3',
      state: 'closed',
      labels: ['wecena-ready', 'size::S'],
      assignees: ['ada'],
      locked: true,
    });
  });

  it('gives an opened issue as open', async () => {
    gitlabApi().get(ISSUE).reply(200, gitlabIssue());

    expect(await forge().getIssue(issue)).toMatchObject({ state: 'open', assignees: [], locked: false });
  });

  it('addresses a project without a numeric id by its full path', async () => {
    gitlabApi().get('/v4/projects/gitlab-org%2Fgitlab-test/issues/3').reply(200, gitlabIssue());

    expect(await forge().getIssue({ repository: { ...repository, forgeId: '' }, issueNumber: 3 })).toMatchObject({ number: 3 });
  });

  it('gives null for an issue that is gone', async () => {
    gitlabApi().get(ISSUE).reply(404, notFound);

    expect(await forge().getIssue(issue)).toBeNull();
  });

  it('throws on a server error', async () => {
    gitlabApi().get(ISSUE).reply(500, { message: '500 Internal Server Error' });

    await expect(forge().getIssue(issue)).rejects.toMatchObject({ cause: { response: { status: 500 } } });
  });
});

describe('notes', () => {
  it('creates a note and gives its id', async () => {
    gitlabApi().post(`${ISSUE}/notes`, { body: 'wecena status' }).reply(201, note(1201, 'wecena status', user(99, BOT)));

    expect(await forge().createComment({ issue, body: 'wecena status' })).toEqual({ commentId: '1201' });
  });

  it('answers a note on a merge request on that merge request, not on the issue of the same number', async () => {
    gitlabApi().post(`${PROJECT}/merge_requests/3/notes`, { body: 'only the claimant logs time' }).reply(201, note(1202, 'x', user(99, BOT)));

    expect(await forge().createComment({ issue, body: 'only the claimant logs time', onChangeRequest: true })).toEqual({ commentId: '1202' });
  });

  it('edits a note in place', async () => {
    gitlabApi().put(`${ISSUE}/notes/1201`, { body: 'new status' }).reply(200, note(1201, 'new status', user(99, BOT)));

    expect(await forge().updateComment({ issue, commentId: '1201', body: 'new status' })).toBe(true);
  });

  it('answers false when the note to edit was deleted', async () => {
    gitlabApi().put(`${ISSUE}/notes/1201`, { body: 'new status' }).reply(404, notFound);

    expect(await forge().updateComment({ issue, commentId: '1201', body: 'new status' })).toBe(false);
  });

  it('deletes a note, and takes a note already gone as deleted', async () => {
    gitlabApi().delete(`${ISSUE}/notes/1201`).reply(204).delete(`${ISSUE}/notes/1202`).reply(404, notFound);

    await forge().deleteComment({ issue, commentId: '1201' });
    await forge().deleteComment({ issue, commentId: '1202' });
  });

  it('refuses a note id that is not a number, asking nothing', async () => {
    await expect(forge().updateComment({ issue, commentId: 'abc', body: 'x' })).rejects.toBeInstanceOf(GitlabForgeError);
  });
});

describe('findCommentWithMarker', () => {
  const MARKER = '<!-- wecena:status -->';
  const query = { sort: 'asc', order_by: 'created_at', per_page: '100' };

  it('pages through the notes and finds the bot user’s own, skipping system notes and other users', async () => {
    gitlabApi()
      .get(`${ISSUE}/notes`)
      .query({ ...query, page: '1' })
      .reply(
        200,
        [note(1, `quoting ${MARKER}`, user(7, 'ada')), note(2, `added ~wecena-ready ${MARKER}`, user(99, BOT), true), note(3, 'thanks', user(99, BOT))],
        nextPageHeaders(`${ISSUE}/notes`, 1),
      )
      .get(`${ISSUE}/notes`)
      .query({ ...query, page: '2' })
      .reply(200, [note(4, `status ${MARKER}`, user(99, BOT)), note(5, `status ${MARKER}`, user(99, BOT))], { 'x-page': '2' });

    expect(await forge().findCommentWithMarker({ issue, marker: MARKER })).toEqual({ commentId: '4' });
  });

  it('stops at the first match without asking for the next page', async () => {
    gitlabApi()
      .get(`${ISSUE}/notes`)
      .query({ ...query, page: '1' })
      .reply(200, [note(4, `status ${MARKER}`, user(99, BOT))], nextPageHeaders(`${ISSUE}/notes`, 1));

    expect(await forge().findCommentWithMarker({ issue, marker: MARKER })).toEqual({ commentId: '4' });
  });

  it('gives null when no note of the bot carries the marker', async () => {
    gitlabApi().get(`${ISSUE}/notes`).query({ ...query, page: '1' }).reply(200, [note(1, 'hello', user(99, BOT))]);

    expect(await forge().findCommentWithMarker({ issue, marker: MARKER })).toBeNull();
  });

  it('asks GitLab who the bot is, once, when not told', async () => {
    gitlabApi()
      .get('/v4/user')
      .reply(200, user(99, BOT))
      .get(`${ISSUE}/notes`)
      .query({ ...query, page: '1' })
      .times(2)
      .reply(200, [note(1, `status ${MARKER}`, user(7, 'ada')), note(2, `status ${MARKER}`, user(99, BOT))]);
    const withoutName = forge({});

    expect(await withoutName.findCommentWithMarker({ issue, marker: MARKER })).toEqual({ commentId: '2' });
    expect(await withoutName.findCommentWithMarker({ issue, marker: MARKER })).toEqual({ commentId: '2' });
  });
});

describe('assign', () => {
  it('adds the user by id, keeping those assigned', async () => {
    gitlabApi()
      .get(ISSUE)
      .reply(200, gitlabIssue({ assignees: [user(7, 'ada')] }))
      .get('/v4/users')
      .query({ username: 'grace' })
      .reply(200, [user(8, 'grace')])
      .put(ISSUE, { assignee_ids: [7, 8] })
      .reply(200, gitlabIssue());

    await forge().assign({ issue, logins: ['grace'] });
  });

  it('changes nothing for someone assigned already, whatever the case of the name', async () => {
    gitlabApi().get(ISSUE).reply(200, gitlabIssue({ assignees: [user(8, 'Grace')] }));

    await forge().assign({ issue, logins: ['grace'] });
  });

  it('skips a username GitLab does not know', async () => {
    gitlabApi().get(ISSUE).reply(200, gitlabIssue()).get('/v4/users').query({ username: 'nobody' }).reply(200, []);

    await forge().assign({ issue, logins: ['nobody'] });
  });

  it('asks nothing for nobody', async () => {
    await forge().assign({ issue, logins: [] });
  });
});

describe('unassign', () => {
  it('keeps the others assigned', async () => {
    gitlabApi()
      .get(ISSUE)
      .reply(200, gitlabIssue({ assignees: [user(7, 'ada'), user(8, 'grace')] }))
      .put(ISSUE, { assignee_ids: [7] })
      .reply(200, gitlabIssue());

    await forge().unassign({ issue, logins: ['Grace'] });
  });

  it('sends GitLab’s "nobody" when no one is left', async () => {
    gitlabApi()
      .get(ISSUE)
      .reply(200, gitlabIssue({ assignees: [user(8, 'grace')] }))
      .put(ISSUE, { assignee_ids: [0] })
      .reply(200, gitlabIssue());

    await forge().unassign({ issue, logins: ['grace'] });
  });

  it('changes nothing for someone not assigned', async () => {
    gitlabApi().get(ISSUE).reply(200, gitlabIssue({ assignees: [user(7, 'ada')] }));

    await forge().unassign({ issue, logins: ['grace'] });
  });
});

describe('permissionOf', () => {
  it.each([
    { accessLevel: 50, expected: 'admin' },
    { accessLevel: 40, expected: 'maintain' },
    { accessLevel: 30, expected: 'write' },
    { accessLevel: 20, expected: 'triage' },
    { accessLevel: 15, expected: 'triage' },
    { accessLevel: 10, expected: 'read' },
    { accessLevel: 5, expected: 'none' },
  ])('maps access level $accessLevel, inherited members included, to $expected', async ({ accessLevel, expected }) => {
    gitlabApi()
      .get('/v4/users')
      .query({ username: 'ada' })
      .reply(200, [user(7, 'ada')])
      .get(`${PROJECT}/members/all/7`)
      .reply(200, { ...user(7, 'ada'), access_level: accessLevel, membership_state: 'active' });

    expect(await forge().permissionOf({ repository, login: 'ada' })).toBe(expected);
  });

  it('gives none to someone who is no member', async () => {
    gitlabApi().get('/v4/users').query({ username: 'ada' }).reply(200, [user(7, 'ada')]).get(`${PROJECT}/members/all/7`).reply(404, { message: '404 Not found' });

    expect(await forge().permissionOf({ repository, login: 'ada' })).toBe('none');
  });

  it('gives none to a membership awaiting approval', async () => {
    gitlabApi()
      .get('/v4/users')
      .query({ username: 'ada' })
      .reply(200, [user(7, 'ada')])
      .get(`${PROJECT}/members/all/7`)
      .reply(200, { ...user(7, 'ada'), access_level: 40, membership_state: 'awaiting' });

    expect(await forge().permissionOf({ repository, login: 'ada' })).toBe('none');
  });

  it('gives none to a username GitLab does not know, asking no more', async () => {
    gitlabApi().get('/v4/users').query({ username: 'nobody' }).reply(200, []);

    expect(await forge().permissionOf({ repository, login: 'nobody' })).toBe('none');
  });

  it('throws when GitLab fails', async () => {
    gitlabApi().get('/v4/users').query({ username: 'ada' }).reply(500, { message: 'boom' });

    await expect(forge().permissionOf({ repository, login: 'ada' })).rejects.toMatchObject({ cause: { response: { status: 500 } } });
  });

  it('maps levels between GitLab’s roles down to the role below', () => {
    expect(permissionOfAccessLevel(35)).toBe('write');
  });
});

describe('closingIssueNumbers', () => {
  const CLOSES = `${PROJECT}/merge_requests/1/closes_issues`;

  it('gives the issues of this project the merge request closes, across pages, sorted', async () => {
    gitlabApi()
      .get(CLOSES)
      .reply(200, [{ iid: 12, project_id: 1 }, { iid: 4, project_id: 2 }, { id: 'JIRA-1', title: 'external' }], nextPageHeaders(CLOSES, 1))
      .get(CLOSES)
      .query({ page: '2' })
      .reply(200, [{ iid: 3, project_id: 1 }, { iid: 12, project_id: 1 }]);

    expect(await forge().closingIssueNumbers({ repository, changeRequestNumber: 1 })).toEqual([3, 12]);
  });

  it('compares full paths when the project has no numeric id', async () => {
    gitlabApi()
      .get('/v4/projects/gitlab-org%2Fgitlab-test/merge_requests/1/closes_issues')
      .reply(200, [
        { iid: 3, project_id: 1, references: { full: 'gitlab-org/gitlab-test#3' } },
        { iid: 5, project_id: 2, references: { full: 'gitlab-org/other#5' } },
      ]);

    expect(await forge().closingIssueNumbers({ repository: { ...repository, forgeId: '' }, changeRequestNumber: 1 })).toEqual([3]);
  });

  it('gives none for a merge request that is gone', async () => {
    gitlabApi().get(CLOSES).reply(404, notFound);

    expect(await forge().closingIssueNumbers({ repository, changeRequestNumber: 1 })).toEqual([]);
  });
});

describe('readConfigFile', () => {
  const RAW = `${PROJECT}/repository/files/.gitlab%2Fwecena.yml/raw`;

  it(`reads ${GITLAB_CONFIG_FILE_PATH} on the default branch`, async () => {
    gitlabApi().get(RAW).query({ ref: 'HEAD' }).reply(200, 'claimTtlDays: 5\n', { 'content-type': 'text/plain; charset=utf-8' });

    expect(await forge().readConfigFile({ repository })).toBe('claimTtlDays: 5\n');
  });

  it('reads a file GitLab serves as bytes', async () => {
    gitlabApi().get(RAW).query({ ref: 'HEAD' }).reply(200, Buffer.from('hoursPerDay: 6\n'), { 'content-type': 'application/octet-stream' });

    expect(await forge().readConfigFile({ repository })).toBe('hoursPerDay: 6\n');
  });

  it('gives null without the file', async () => {
    gitlabApi().get(RAW).query({ ref: 'HEAD' }).reply(404, { message: '404 File Not Found' });

    expect(await forge().readConfigFile({ repository })).toBeNull();
  });

  it('refuses a file too large to be a configuration', async () => {
    gitlabApi().get(RAW).query({ ref: 'HEAD' }).reply(200, 'x'.repeat(1_000_001), { 'content-type': 'text/plain' });

    await expect(forge().readConfigFile({ repository })).rejects.toMatchObject({ code: 'config_file_unreadable' });
  });
});

/** A GraphQL request to the test instance, checked on the project it asks about and its variables. */
function graphql(expected: { includes: string[]; variables: Record<string, unknown> }) {
  return gitlabApi().post('/graphql', (body: { query: string; variables: Record<string, unknown> }) => {
    return expected.includes.every((part) => body.query.includes(part)) && JSON.stringify(body.variables) === JSON.stringify(expected.variables);
  });
}

describe('readContributingGuide', () => {
  const paths = ['CONTRIBUTING.md', 'CONTRIBUTING', 'CONTRIBUTING.rst', '.gitlab/CONTRIBUTING.md', 'docs/CONTRIBUTING.md', 'README.md', 'readme.md', 'README'];

  it('asks for every place in one GraphQL request, by project id, on the default branch', async () => {
    graphql({ includes: ['projects(ids: $ids)', 'blobs(paths: $paths)'], variables: { paths, ids: ['gid://gitlab/Project/1'] } }).reply(200, {
      data: {
        projects: {
          nodes: [{ repository: { blobs: { nodes: [{ path: '.gitlab/CONTRIBUTING.md', rawTextBlob: '# How to' }, { path: 'README.md', rawTextBlob: '# Setup' }] } } }],
        },
      },
    });

    expect(await forge().readContributingGuide({ repository })).toEqual({ hasContributingFile: true, readme: '# Setup' });
  });

  it('finds neither in an empty repository', async () => {
    graphql({ includes: ['blobs'], variables: { paths, ids: ['gid://gitlab/Project/1'] } }).reply(200, {
      data: { projects: { nodes: [{ repository: { blobs: { nodes: [] } } }] } },
    });

    expect(await forge().readContributingGuide({ repository })).toEqual({ hasContributingFile: false, readme: null });
  });

  it('finds neither in a project the bot cannot see', async () => {
    graphql({ includes: ['blobs'], variables: { paths, ids: ['gid://gitlab/Project/1'] } }).reply(200, { data: { projects: { nodes: [] } } });

    expect(await forge().readContributingGuide({ repository })).toEqual({ hasContributingFile: false, readme: null });
  });

  it('asks by full path for a project without a numeric id', async () => {
    graphql({ includes: ['project(fullPath: $path)'], variables: { paths, path: 'gitlab-org/gitlab-test' } }).reply(200, {
      data: { project: { repository: { blobs: { nodes: [{ path: 'CONTRIBUTING.md', rawTextBlob: 'x' }] } } } },
    });

    expect(await forge().readContributingGuide({ repository: { ...repository, forgeId: '' } })).toEqual({ hasContributingFile: true, readme: null });
  });

  it('throws on a GraphQL error', async () => {
    graphql({ includes: ['blobs'], variables: { paths, ids: ['gid://gitlab/Project/1'] } }).reply(200, { errors: [{ message: 'Field blobs does not exist' }] });

    await expect(forge().readContributingGuide({ repository })).rejects.toMatchObject({ code: 'graphql_error' });
  });
});

describe('timeSpentBy', () => {
  function timelog(id: number, seconds: number, username: string) {
    return { id: `gid://gitlab/Timelog/${id}`, timeSpent: seconds, spentAt: '2026-11-20T10:00:00Z', summary: null, user: { username } };
  }
  function page(field: 'issue' | 'mergeRequest', nodes: ReturnType<typeof timelog>[], endCursor: string | null) {
    return {
      data: { projects: { nodes: [{ [field]: { timelogs: { nodes, pageInfo: { hasNextPage: endCursor !== null, endCursor } } } }] } },
    };
  }
  const ids = ['gid://gitlab/Project/1'];

  it('sums the user’s timelogs on the issue, across pages, and on the merge request, corrections included', async () => {
    graphql({ includes: ['issue(iid: $iid)', 'timelogs(first: 100, after: $after)'], variables: { iid: '3', after: null, ids } }).reply(
      200,
      page('issue', [timelog(1, 7200, 'ada'), timelog(2, 3600, 'grace')], 'c1'),
    );
    graphql({ includes: ['issue(iid: $iid)'], variables: { iid: '3', after: 'c1', ids } }).reply(200, page('issue', [timelog(3, -1800, 'Ada')], null));
    graphql({ includes: ['mergeRequest(iid: $iid)'], variables: { iid: '1', after: null, ids } }).reply(200, page('mergeRequest', [timelog(4, 1830, 'ada')], null));

    const spent = await forge().timeSpentBy({ issue, changeRequestNumber: 1, login: 'ada' });

    expect(spent.minutes).toBe(121); // 2h - 30m + 30m30s
    expect(spent.timelogs.map(({ id, seconds, on }) => ({ id, seconds, on }))).toEqual([
      { id: 'gid://gitlab/Timelog/1', seconds: 7200, on: 'issue' },
      { id: 'gid://gitlab/Timelog/3', seconds: -1800, on: 'issue' },
      { id: 'gid://gitlab/Timelog/4', seconds: 1830, on: 'change_request' },
    ]);
  });

  it('gives zero when the issue is gone or holds no time', async () => {
    graphql({ includes: ['issue(iid: $iid)'], variables: { iid: '3', after: null, ids } }).reply(200, { data: { projects: { nodes: [{ issue: null }] } } });

    expect(await forge().timeSpentBy({ issue, changeRequestNumber: null, login: 'ada' })).toEqual({ minutes: 0, timelogs: [] });
  });
});

describe('users', () => {
  it('names the author a merge request hook gives by id only', async () => {
    gitlabApi().get('/v4/users/51').reply(200, user(51, 'camille'));
    expect(await forge().usernameOf('51')).toBe('camille');
  });

  it('gives null for a user GitLab does not know', async () => {
    gitlabApi().get('/v4/users/404').reply(404, { message: '404 User Not Found' });
    expect(await forge().usernameOf('404')).toBeNull();
  });

  it('knows its own account without asking when told', async () => {
    expect(await forge().ownUsername()).toBe(BOT);
  });
});
