import type { IssueLocator, Permission, RepositoryRef } from '@wecena/core';
import { githubExample, useStrictNock } from '@wecena/testkit';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createGithubForge, GITHUB_CONFIG_FILE_PATH, GithubForgeError } from './github-forge';
import { GITHUB_API, INSTALLATION_TOKEN, installationOctokit, nextPageLink } from './testing/github-api-mock';

useStrictNock();

const repository: RepositoryRef = { forge: 'github', host: 'github.com', forgeId: '186853002', path: 'Codertocat/Hello-World' };
const issue: IssueLocator = { repository, issueNumber: 1 };
const REPO = '/repos/Codertocat/Hello-World';
const BOT = 'wecena[bot]';

/** GitHub's API as the installation sees it: every request must carry the installation token. */
function github() {
  return nock(GITHUB_API).matchHeader('authorization', `token ${INSTALLATION_TOKEN}`);
}

function forge(options: Parameters<typeof createGithubForge>[1] = { botLogin: BOT }) {
  return createGithubForge(installationOctokit(), options);
}

function user(login: string, type: 'User' | 'Bot' = 'User') {
  return { login, id: login.length, type };
}

function comment(id: number, body: string, author: ReturnType<typeof user> | null) {
  return { id, body, user: author, html_url: `https://github.com/Codertocat/Hello-World/issues/1#issuecomment-${id}` };
}

const wecenaLabels = [
  { name: 'wecena-ready', color: '0e8a16', description: 'Ready for a wecena volunteer' },
  { name: 'wecena-claimed', color: 'fbca04', description: 'Claimed by a wecena volunteer' },
  { name: 'size/L', color: 'c5def5', description: 'About a day' },
];

describe('capabilities', () => {
  it('keeps no time log of its own on GitHub', () => {
    expect(forge().capabilities).toEqual({ nativeTimeTracking: false });
  });
});

describe('ensureLabels', () => {
  it('lists the labels once, across pages, and creates only the missing ones with colour and description', async () => {
    github()
      .get(`${REPO}/labels`)
      .query({ per_page: '100' })
      .reply(200, [{ name: 'bug' }, { name: 'WECENA-READY' }], nextPageLink(`${REPO}/labels?per_page=100`, 2))
      .get(`${REPO}/labels`)
      .query({ per_page: '100', page: '2' })
      .reply(200, [{ name: 'documentation' }])
      .post(`${REPO}/labels`, wecenaLabels[1]!)
      .reply(201, { id: 2, ...wecenaLabels[1] })
      .post(`${REPO}/labels`, wecenaLabels[2]!)
      .reply(201, { id: 3, ...wecenaLabels[2] });

    await forge().ensureLabels({ repository, labels: wecenaLabels });
  });

  it('creates nothing when every label is there', async () => {
    github()
      .get(`${REPO}/labels`)
      .query({ per_page: '100' })
      .reply(200, wecenaLabels.map(({ name }) => ({ name })));

    await forge().ensureLabels({ repository, labels: wecenaLabels });
  });

  it('creates a label asked for twice once', async () => {
    github()
      .get(`${REPO}/labels`)
      .query({ per_page: '100' })
      .reply(200, [])
      .post(`${REPO}/labels`, wecenaLabels[0]!)
      .reply(201, { id: 1, ...wecenaLabels[0] });

    await forge().ensureLabels({ repository, labels: [wecenaLabels[0]!, { ...wecenaLabels[0]!, name: 'Wecena-Ready' }] });
  });

  it('takes a label created meanwhile by someone else (422 already_exists) as done', async () => {
    github()
      .get(`${REPO}/labels`)
      .query({ per_page: '100' })
      .reply(200, [])
      .post(`${REPO}/labels`, wecenaLabels[0]!)
      .reply(422, {
        message: 'Validation Failed',
        errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
      });

    await forge().ensureLabels({ repository, labels: [wecenaLabels[0]!] });
  });

  it('throws on any other validation failure', async () => {
    github()
      .get(`${REPO}/labels`)
      .query({ per_page: '100' })
      .reply(200, [])
      .post(`${REPO}/labels`, { ...wecenaLabels[0]!, color: 'green' })
      .reply(422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'invalid', field: 'color' }] });

    await expect(forge().ensureLabels({ repository, labels: [{ ...wecenaLabels[0]!, color: 'green' }] })).rejects.toMatchObject({
      status: 422,
    });
  });

  it('asks nothing for no labels', async () => {
    await forge().ensureLabels({ repository, labels: [] });
  });
});

describe('addLabels', () => {
  it('adds the labels in one call, which GitHub makes idempotent', async () => {
    github()
      .post(`${REPO}/issues/1/labels`, { labels: ['wecena-ready', 'size/L'] })
      .reply(200, [{ name: 'bug' }, { name: 'wecena-ready' }, { name: 'size/L' }]);

    await forge().addLabels({ issue, labels: ['wecena-ready', 'size/L'] });
  });

  it('asks nothing for no labels', async () => {
    await forge().addLabels({ issue, labels: [] });
  });
});

describe('removeLabels', () => {
  it('removes each label, its name escaped in the path, and takes an absent one (404) as removed', async () => {
    github()
      .delete(`${REPO}/issues/1/labels/wecena-ready`)
      .reply(200, [])
      .delete(`${REPO}/issues/1/labels/size%2FL`)
      .reply(404, { message: 'Label does not exist' });

    await forge().removeLabels({ issue, labels: ['wecena-ready', 'size/L', 'wecena-ready'] });
  });

  it('throws on a failure other than not found', async () => {
    github().delete(`${REPO}/issues/1/labels/wecena-ready`).reply(500, { message: 'Server Error' });

    await expect(forge().removeLabels({ issue, labels: ['wecena-ready'] })).rejects.toMatchObject({ status: 500 });
  });
});

describe('getIssue', () => {
  it('maps GitHub issue to the core IssueRef', async () => {
    const { issue: data } = githubExample('issues', { action: 'opened' });
    github().get(`${REPO}/issues/1`).reply(200, { ...data, labels: [...data.labels!, 'size/S'], locked: true });

    expect(await forge().getIssue(issue)).toEqual({
      number: 1,
      forgeId: String(data.id),
      title: data.title,
      body: data.body,
      url: 'https://github.com/Codertocat/Hello-World/issues/1',
      state: 'open',
      labels: ['bug', 'size/S'],
      assignees: ['Codertocat'],
      locked: true,
    });
  });

  it('reads a missing body as empty and missing assignees as none', async () => {
    const { issue: data } = githubExample('issues', { action: 'opened' });
    github().get(`${REPO}/issues/1`).reply(200, { ...data, body: null, assignees: null, state: 'closed' });

    expect(await forge().getIssue(issue)).toMatchObject({ body: '', assignees: [], state: 'closed' });
  });

  it.each([
    { name: 'no such issue', status: 404 },
    { name: 'deleted issue or issues turned off', status: 410 },
  ])('returns null for $name ($status)', async ({ status }) => {
    github().get(`${REPO}/issues/1`).reply(status, { message: 'Not Found' });

    expect(await forge().getIssue(issue)).toBeNull();
  });
});

describe('comments', () => {
  it('creates a comment and returns its id as a string', async () => {
    github().post(`${REPO}/issues/1/comments`, { body: 'status' }).reply(201, comment(492700400, 'status', user(BOT, 'Bot')));

    expect(await forge().createComment({ issue, body: 'status' })).toEqual({ commentId: '492700400' });
  });

  it('edits a comment in place', async () => {
    github().patch(`${REPO}/issues/comments/492700400`, { body: 'new status' }).reply(200, comment(492700400, 'new status', null));

    expect(await forge().updateComment({ issue, commentId: '492700400', body: 'new status' })).toBe(true);
  });

  it('answers false when the comment to edit was deleted (404)', async () => {
    github().patch(`${REPO}/issues/comments/492700400`, { body: 'new status' }).reply(404, { message: 'Not Found' });

    expect(await forge().updateComment({ issue, commentId: '492700400', body: 'new status' })).toBe(false);
  });

  it('deletes a comment, and takes one already gone (404) as deleted', async () => {
    github()
      .delete(`${REPO}/issues/comments/1`)
      .reply(204)
      .delete(`${REPO}/issues/comments/2`)
      .reply(404, { message: 'Not Found' });

    await forge().deleteComment({ issue, commentId: '1' });
    await forge().deleteComment({ issue, commentId: '2' });
  });

  it('refuses a comment id that is not GitHub’s', async () => {
    await expect(forge().deleteComment({ issue, commentId: 'note-1' })).rejects.toBeInstanceOf(GithubForgeError);
  });
});

describe('findCommentWithMarker', () => {
  const marker = '<!-- wecena:status -->';

  it('pages through the comments and stops at the App’s own comment with the marker', async () => {
    github()
      .get(`${REPO}/issues/1/comments`)
      .query({ per_page: '100' })
      .reply(
        200,
        [
          comment(1, 'no marker here', user(BOT, 'Bot')),
          comment(2, `quoting ${marker}`, user('Codertocat')),
          comment(3, `${marker} from another App`, user('other-app[bot]', 'Bot')),
          comment(4, `${marker} from a ghost`, null),
        ],
        nextPageLink(`${REPO}/issues/1/comments?per_page=100`, 2),
      )
      .get(`${REPO}/issues/1/comments`)
      .query({ per_page: '100', page: '2' })
      // A third page exists; it must not be fetched.
      .reply(200, [comment(5, `${marker}\nstatus`, user(BOT, 'Bot'))], nextPageLink(`${REPO}/issues/1/comments?per_page=100`, 3));

    expect(await forge().findCommentWithMarker({ issue, marker })).toEqual({ commentId: '5' });
  });

  it('returns null when no comment of the App carries the marker', async () => {
    github()
      .get(`${REPO}/issues/1/comments`)
      .query({ per_page: '100' })
      .reply(200, [comment(2, marker, user('Codertocat'))]);

    expect(await forge().findCommentWithMarker({ issue, marker })).toBeNull();
  });

  it('finds the bot login once, through the given function', async () => {
    github()
      .get(`${REPO}/issues/1/comments`)
      .query({ per_page: '100' })
      .times(2)
      .reply(200, [comment(3, marker, user('other-app[bot]', 'Bot')), comment(7, marker, user(BOT, 'Bot'))]);
    let asked = 0;
    const subject = forge({
      botLogin: async () => {
        asked += 1;
        return BOT;
      },
    });

    expect(await subject.findCommentWithMarker({ issue, marker })).toEqual({ commentId: '7' });
    expect(await subject.findCommentWithMarker({ issue, marker })).toEqual({ commentId: '7' });
    expect(asked).toBe(1);
  });

  it('counts any App’s bot when the login is not known', async () => {
    github()
      .get(`${REPO}/issues/1/comments`)
      .query({ per_page: '100' })
      .reply(200, [comment(2, marker, user('Codertocat')), comment(3, marker, user('some-app[bot]', 'Bot'))]);

    expect(await forge({}).findCommentWithMarker({ issue, marker })).toEqual({ commentId: '3' });
  });
});

describe('assign and unassign', () => {
  it('assigns in one call', async () => {
    github()
      .post(`${REPO}/issues/1/assignees`, { assignees: ['octocat'] })
      .reply(201, { number: 1, assignees: [user('octocat')] });

    await forge().assign({ issue, logins: ['octocat'] });
  });

  it('unassigns in one call', async () => {
    github()
      .delete(`${REPO}/issues/1/assignees`, { assignees: ['octocat'] })
      .reply(200, { number: 1, assignees: [] });

    await forge().unassign({ issue, logins: ['octocat'] });
  });

  it('asks nothing for nobody', async () => {
    await forge().assign({ issue, logins: [] });
    await forge().unassign({ issue, logins: [] });
  });
});

describe('permissionOf', () => {
  it.each<{ name: string; answer: { permission: string; role_name: string }; expected: Permission }>([
    { name: 'an admin', answer: { permission: 'admin', role_name: 'admin' }, expected: 'admin' },
    { name: 'a maintainer', answer: { permission: 'write', role_name: 'maintain' }, expected: 'maintain' },
    { name: 'a writer', answer: { permission: 'write', role_name: 'write' }, expected: 'write' },
    { name: 'a triager', answer: { permission: 'read', role_name: 'triage' }, expected: 'triage' },
    { name: 'a reader', answer: { permission: 'read', role_name: 'read' }, expected: 'read' },
    { name: 'a custom role based on write', answer: { permission: 'write', role_name: 'security-reviewer' }, expected: 'write' },
    { name: 'no access', answer: { permission: 'none', role_name: '' }, expected: 'none' },
  ])('maps $name to $expected', async ({ answer, expected }) => {
    github()
      .get(`${REPO}/collaborators/octocat/permission`)
      .reply(200, { ...answer, user: user('octocat') });

    expect(await forge().permissionOf({ repository, login: 'octocat' })).toBe(expected);
  });

  it('answers none for a login GitHub does not know (404)', async () => {
    github().get(`${REPO}/collaborators/ghost-login/permission`).reply(404, { message: 'Not Found' });

    expect(await forge().permissionOf({ repository, login: 'ghost-login' })).toBe('none');
  });
});

describe('closingIssueNumbers', () => {
  function closingIssuesBody(variables: Record<string, unknown>) {
    return (body: { query?: string; variables?: Record<string, unknown> }) =>
      typeof body.query === 'string' &&
      body.query.includes('closingIssuesReferences(first: 100, after: $after)') &&
      JSON.stringify(body.variables) === JSON.stringify(variables);
  }

  function linked(number: number, nameWithOwner = 'Codertocat/Hello-World', databaseId: number | null = 186853002) {
    return { number, repository: { databaseId, nameWithOwner } };
  }

  it('unites the issues GitHub links with the closing keywords of the body, same repository only', async () => {
    github()
      .post('/graphql', closingIssuesBody({ owner: 'Codertocat', name: 'Hello-World', number: 2, after: null }))
      .reply(200, {
        data: {
          repository: {
            pullRequest: {
              body: 'Fixes #7, resolves Codertocat/hello-world#3 and closes octo-org/other#9',
              closingIssuesReferences: {
                nodes: [linked(12), linked(7), linked(40, 'octo-org/other', 99)],
                pageInfo: { hasNextPage: true, endCursor: 'Y3Vyc29yOjM=' },
              },
            },
          },
        },
      })
      .post('/graphql', closingIssuesBody({ owner: 'Codertocat', name: 'Hello-World', number: 2, after: 'Y3Vyc29yOjM=' }))
      .reply(200, {
        data: {
          repository: {
            pullRequest: {
              body: 'Fixes #7, resolves Codertocat/hello-world#3 and closes octo-org/other#9',
              closingIssuesReferences: { nodes: [linked(1)], pageInfo: { hasNextPage: false, endCursor: null } },
            },
          },
        },
      });

    expect(await forge().closingIssueNumbers({ repository, changeRequestNumber: 2 })).toEqual([1, 3, 7, 12]);
  });

  it('reads closing keywords of a pull request GitHub links nothing to (another base branch)', async () => {
    github()
      .post('/graphql', closingIssuesBody({ owner: 'Codertocat', name: 'Hello-World', number: 2, after: null }))
      .reply(200, {
        data: {
          repository: {
            pullRequest: {
              body: 'Closes https://github.com/Codertocat/Hello-World/issues/5',
              closingIssuesReferences: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } },
            },
          },
        },
      });

    expect(await forge().closingIssueNumbers({ repository, changeRequestNumber: 2 })).toEqual([5]);
  });

  it('answers none for a pull request GitHub does not know', async () => {
    github()
      .post('/graphql', closingIssuesBody({ owner: 'Codertocat', name: 'Hello-World', number: 404, after: null }))
      .reply(200, {
        data: { repository: { pullRequest: null } },
        errors: [{ type: 'NOT_FOUND', path: ['repository', 'pullRequest'], message: 'Could not resolve to a PullRequest with the number of 404.' }],
      });

    expect(await forge().closingIssueNumbers({ repository, changeRequestNumber: 404 })).toEqual([]);
  });
});

describe('readConfigFile', () => {
  const yamlText = 'claimTtlDays: 5\nsizes:\n  size/L: 7h\n# é accents survive\n';

  it(`reads ${GITHUB_CONFIG_FILE_PATH} from the default branch, base64-decoded`, async () => {
    github()
      .get(`${REPO}/contents/.github%2Fwecena.yml`)
      .reply(200, {
        type: 'file',
        encoding: 'base64',
        size: Buffer.byteLength(yamlText),
        name: 'wecena.yml',
        path: GITHUB_CONFIG_FILE_PATH,
        // GitHub wraps the base64 text every 60 characters.
        content: Buffer.from(yamlText).toString('base64').replace(/(.{60})/g, '$1\n'),
        sha: '3d21ec53a331a6f037a91c368710b99387d012c1',
      });

    expect(await forge().readConfigFile({ repository })).toBe(yamlText);
  });

  it('answers null when the repository has no such file (404)', async () => {
    github().get(`${REPO}/contents/.github%2Fwecena.yml`).reply(404, { message: 'Not Found' });

    expect(await forge().readConfigFile({ repository })).toBeNull();
  });

  it('answers null when the path is a directory', async () => {
    github()
      .get(`${REPO}/contents/.github%2Fwecena.yml`)
      .reply(200, [{ type: 'file', name: 'a.yml', path: '.github/wecena.yml/a.yml' }]);

    expect(await forge().readConfigFile({ repository })).toBeNull();
  });

  it('throws on a file too large for GitHub to send inline', async () => {
    github()
      .get(`${REPO}/contents/.github%2Fwecena.yml`)
      .reply(200, { type: 'file', encoding: 'none', size: 2_000_000, content: '', name: 'wecena.yml', path: GITHUB_CONFIG_FILE_PATH });

    await expect(forge().readConfigFile({ repository })).rejects.toMatchObject({ code: 'config_file_unreadable' });
  });
});

describe('readContributingGuide', () => {
  const asksForTheGuide = (body: { query?: string; variables?: Record<string, unknown> }) =>
    typeof body.query === 'string' &&
    body.query.includes('HEAD:.github/CONTRIBUTING.md') &&
    JSON.stringify(body.variables) === JSON.stringify({ owner: 'Codertocat', name: 'Hello-World' });

  it('finds a CONTRIBUTING file in .github/ and reads the README, in one request', async () => {
    github()
      .post('/graphql', asksForTheGuide)
      .reply(200, {
        data: {
          repository: {
            root: null,
            rootPlain: null,
            rootRst: null,
            dotGithub: { id: 'B_1' },
            docs: null,
            readme: { text: '# Hello\n\n## Development\n\nnpm install' },
            readmeLower: null,
          },
        },
      });
    expect(await forge().readContributingGuide({ repository })).toEqual({
      hasContributingFile: true,
      readme: '# Hello\n\n## Development\n\nnpm install',
    });
  });

  it('answers neither for a repository without them', async () => {
    github()
      .post('/graphql', asksForTheGuide)
      .reply(200, {
        data: { repository: { root: null, rootPlain: null, rootRst: null, dotGithub: null, docs: null, readme: null, readmeLower: null } },
      });
    expect(await forge().readContributingGuide({ repository })).toEqual({ hasContributingFile: false, readme: null });
  });
});
