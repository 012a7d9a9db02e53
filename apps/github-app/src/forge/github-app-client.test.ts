import { useStrictNock } from '@wecena/testkit';
import type { RepositoryRef } from '@wecena/core';
import nock from 'nock';
import { Probot } from 'probot';
import { describe, expect, it } from 'vitest';
import { createGithubProbot, githubApiBaseUrl, githubAppClient } from './github-app-client';
import { generateAppPrivateKey, GITHUB_API, TestOctokit } from './testing/github-api-mock';

useStrictNock();

const APP_ID = 4242;
const privateKey = generateAppPrivateKey();
const repository: RepositoryRef = { forge: 'github', host: 'github.com', forgeId: '186853002', path: 'Codertocat/Hello-World' };
const issue = { repository, issueNumber: 1 };
const tokenReply = { token: 'ghs_from_the_token_post', expires_at: '2999-01-01T00:00:00Z', permissions: { issues: 'write' } };

/** The App's own requests carry a JWT it signed: RS256, issued by the App id. */
function isAppJwt(authorization: string): boolean {
  const [scheme, jwt = ''] = authorization.split(' ');
  const [header = '', payload = ''] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iss?: unknown };
  const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: unknown };
  return scheme?.toLowerCase() === 'bearer' && alg === 'RS256' && String(claims.iss) === String(APP_ID);
}

function client(gheHost?: string) {
  return githubAppClient({ appId: APP_ID, privateKey, gheHost, Octokit: TestOctokit });
}

describe('githubAppClient', () => {
  it('asks an installation token with the App JWT, then calls the API with it, once per installation', async () => {
    const tokenBodies: unknown[] = [];
    nock(GITHUB_API)
      .post('/app/installations/51234567/access_tokens', (body: unknown) => tokenBodies.push(body) > 0)
      .matchHeader('authorization', isAppJwt)
      .reply(201, tokenReply);
    nock(GITHUB_API)
      .matchHeader('authorization', 'token ghs_from_the_token_post')
      .post('/repos/Codertocat/Hello-World/issues/1/labels', { labels: ['wecena-ready'] })
      .reply(200, [])
      .post('/repos/Codertocat/Hello-World/issues/1/assignees', { assignees: ['octocat'] })
      .reply(201, {});
    const app = client();

    await (await app.forgeFor('51234567')).addLabels({ issue, labels: ['wecena-ready'] });
    // The token is cached: a second forge for the same installation asks none.
    await (await app.forgeFor(51234567)).assign({ issue, logins: ['octocat'] });

    // No body: a token for every repository and permission the installation grants, asked once.
    expect(tokenBodies).toEqual(['']);
  });

  it('finds its bot login once, through GET /app as the App', async () => {
    nock(GITHUB_API).get('/app').matchHeader('authorization', isAppJwt).reply(200, { id: APP_ID, slug: 'wecena', name: 'wecena' });
    nock(GITHUB_API).post('/app/installations/7/access_tokens').reply(201, tokenReply);
    nock(GITHUB_API)
      .matchHeader('authorization', 'token ghs_from_the_token_post')
      .get('/repos/Codertocat/Hello-World/issues/1/comments')
      .query({ per_page: '100' })
      .times(2)
      .reply(200, [
        { id: 1, body: '<!-- wecena -->', user: { login: 'wecena-copy[bot]', type: 'Bot' } },
        { id: 2, body: '<!-- wecena -->', user: { login: 'wecena[bot]', type: 'Bot' } },
      ]);
    const app = client();

    expect(await app.botLogin()).toBe('wecena[bot]');
    const forge = await app.forgeFor(7);
    expect(await forge.findCommentWithMarker({ issue, marker: '<!-- wecena -->' })).toEqual({ commentId: '2' });
    expect(await forge.findCommentWithMarker({ issue, marker: '<!-- wecena -->' })).toEqual({ commentId: '2' });
  });

  it('asks GET /app again after a failure rather than remember it', async () => {
    nock(GITHUB_API)
      .get('/app')
      .reply(500, { message: 'Server Error' })
      .get('/app')
      .reply(200, { id: APP_ID, slug: 'wecena' });
    const app = client();

    await expect(app.botLogin()).rejects.toMatchObject({ status: 500 });
    expect(await app.botLogin()).toBe('wecena[bot]');
  });

  it('speaks to GitHub Enterprise Server under /api/v3, and to its GraphQL API under /api/graphql', async () => {
    nock('https://ghe.example.org')
      .post('/api/v3/app/installations/3/access_tokens')
      .matchHeader('authorization', isAppJwt)
      .reply(201, tokenReply);
    nock('https://ghe.example.org')
      .matchHeader('authorization', 'token ghs_from_the_token_post')
      .get('/api/v3/repos/Codertocat/Hello-World/collaborators/octocat/permission')
      .reply(200, { permission: 'write', role_name: 'maintain' })
      .post('/api/graphql', (body: { variables?: unknown }) => JSON.stringify(body.variables) === JSON.stringify({ owner: 'Codertocat', name: 'Hello-World', number: 2, after: null }))
      .reply(200, {
        data: {
          repository: {
            pullRequest: { body: 'Fixes #4', closingIssuesReferences: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } },
          },
        },
      });
    const gheRepository = { ...repository, host: 'ghe.example.org' };
    const forge = await client('ghe.example.org').forgeFor(3);

    expect(await forge.permissionOf({ repository: gheRepository, login: 'octocat' })).toBe('maintain');
    expect(await forge.closingIssueNumbers({ repository: gheRepository, changeRequestNumber: 2 })).toEqual([4]);
  });

  it('shares the Probot instance it is given', async () => {
    const probot = createGithubProbot({ appId: APP_ID, privateKey, Octokit: TestOctokit });

    expect(githubAppClient({ probot }).probot).toBe(probot);
    expect(probot).toBeInstanceOf(Probot);
  });
});

describe('githubApiBaseUrl', () => {
  it.each([
    { name: 'github.com', host: undefined, protocol: undefined, expected: undefined },
    { name: 'an empty GHE_HOST', host: '', protocol: undefined, expected: undefined },
    { name: 'a GHE host', host: 'ghe.example.org', protocol: undefined, expected: 'https://ghe.example.org/api/v3' },
    { name: 'a GHE host written as a URL', host: 'https://ghe.example.org/', protocol: undefined, expected: 'https://ghe.example.org/api/v3' },
    { name: 'a GHE host over plain HTTP', host: 'ghe.internal:8080', protocol: 'http', expected: 'http://ghe.internal:8080/api/v3' },
  ])('builds the base URL for $name', ({ host, protocol, expected }) => {
    expect(githubApiBaseUrl(host, protocol)).toBe(expected);
  });
});
