import { generateKeyPairSync } from 'node:crypto';
import { defaultRepositoryConfig, type LabelSpec, type Permission, wecenaLabelSpecs } from '@wecena/core';
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { INSTALLATION_ID, REPOSITORY_PATH } from './journey-world';

/*
 * GitHub's API at the HTTP boundary, for the journey tests: nock with the network off, every
 * request the product makes must be expected (method, path and body), and every expectation
 * must be met. The helpers below name the calls after what wecena does with them.
 */

export const GITHUB_API = 'https://api.github.com';
export const APP_ID = 4242;
/** The App's bot user, as `GET /app` makes it known: only its comments are wecena's own. */
export const BOT_LOGIN = 'wecena[bot]';
const REPO = `/repos/${REPOSITORY_PATH}`;

/**
 * Probot's Octokit with retry and throttling off: a mocked 500 must reach the journey at once,
 * not after Octokit's own backoff, and writes are not spaced a second apart. The function form
 * (probot/probot#2258): Probot passes its own `throttle` options to the constructor, which
 * override the object form's, so that writes would still wait a second each.
 */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

/** A throwaway App key, PKCS#1 as GitHub issues them. */
export function generateAppPrivateKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return privateKey;
}

/**
 * Registers the hooks: no real network; after each test, fail on requests nobody expected
 * (listed with their bodies) and on expectations nobody met. The installation token and the
 * App's slug are authentication plumbing, asked once per server: they are offered, not required.
 */
export function useGithubApi(): void {
  const unexpected: string[] = [];
  const recordUnexpected = (request: { method?: string; path?: string; href?: string; host?: string }, _options?: unknown, body?: string) => {
    // Requests to the wecena server under test are let through, and reported here too.
    if (request.host?.startsWith('127.0.0.1')) return;
    unexpected.push(`${request.method ?? '?'} ${request.path ?? request.href ?? '?'} ${body ?? ''}`.trim());
  };

  beforeAll(() => {
    nock.disableNetConnect();
    // The test's own requests to the wecena server it started go through.
    nock.enableNetConnect((host) => host.startsWith('127.0.0.1:'));
    nock.emitter.on('no match', recordUnexpected);
  });
  beforeEach(() => {
    nock(GITHUB_API)
      .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
      .optionally()
      .reply(201, { token: 'ghs_journey', expires_at: '2999-01-01T00:00:00Z', permissions: { issues: 'write' } })
      .get('/app')
      .optionally()
      .reply(200, { id: APP_ID, slug: 'wecena', name: 'wecena' });
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    const unmatched = unexpected.splice(0);
    nock.cleanAll();
    expect(unmatched, 'requests nobody expected').toEqual([]);
    expect(pending, 'expected requests that never came').toEqual([]);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', recordUnexpected);
    nock.enableNetConnect();
  });
}

/** Every request wecena makes must be met: one nock scope on GitHub's API. */
export function expectGithub(): nock.Scope {
  return nock(GITHUB_API);
}

/** A body that holds each fragment: for the long status comment, whose every line other tests pin. */
export function containing(...fragments: string[]): (body: { body?: unknown }) => boolean {
  return (body) => typeof body.body === 'string' && fragments.every((fragment) => (body.body as string).includes(fragment));
}

type BodyMatcher = string | ((body: { body?: unknown }) => boolean);

function commentBody(body: BodyMatcher): { body: string } | ((body: { body?: unknown }) => boolean) {
  return typeof body === 'string' ? { body } : body;
}

/** A comment the App's bot user left, as `GET .../comments` lists it. */
export function botComment(id: number, body: string): { id: number; body: string; user: { login: string; type: string } } {
  return { id, body, user: { login: BOT_LOGIN, type: 'Bot' } };
}

export const STATUS_COMMENT_ID = 5001;
export const REMINDER_COMMENT_ID = 5002;

/** The calls of wecena's journey, by what they are for. */
export const github = {
  /** `GET .../collaborators/{login}/permission`: a maintainer is asked of GitHub, never guessed. */
  permission(login: string, permission: Permission): void {
    // `permission` folds maintain into write and triage into read; `role_name` tells them apart.
    const folded = { admin: 'admin', maintain: 'write', write: 'write', triage: 'read', read: 'read', none: 'none' }[permission];
    expectGithub()
      .get(`${REPO}/collaborators/${login}/permission`)
      .reply(200, { permission: folded, role_name: permission, user: { login } });
  },

  /** The one GraphQL request that looks for a CONTRIBUTING file or a README setup section. */
  contributingGuide(found: boolean): void {
    expectGithub()
      .post('/graphql', (body: { query?: string; variables?: unknown }) =>
        typeof body.query === 'string' &&
        body.query.includes('query wecenaContributingGuide') &&
        JSON.stringify(body.variables) === JSON.stringify({ owner: 'Codertocat', name: 'Hello-World' }),
      )
      .reply(200, {
        data: {
          repository: { root: found ? { id: 'B_1' } : null, rootPlain: null, rootRst: null, dotGithub: null, docs: null, readme: null, readmeLower: null },
        },
      });
  },

  /** `.github/wecena.yml` on the default branch; null: the repository has none (404). */
  configFile(text: string | null): void {
    const scope = expectGithub().get(`${REPO}/contents/.github%2Fwecena.yml`);
    if (text === null) scope.reply(404, { message: 'Not Found' });
    else scope.reply(200, { type: 'file', encoding: 'base64', size: Buffer.byteLength(text), path: '.github/wecena.yml', content: Buffer.from(text).toString('base64') });
  },

  /** GitHub's closing references of a pull request, with its body (closing keywords). */
  closingIssues(pullNumber: number, linked: { body: string; numbers: number[] }): void {
    expectGithub()
      .post('/graphql', (body: { query?: string; variables?: unknown }) =>
        typeof body.query === 'string' &&
        body.query.includes('query wecenaClosingIssues') &&
        JSON.stringify(body.variables) === JSON.stringify({ owner: 'Codertocat', name: 'Hello-World', number: pullNumber, after: null }),
      )
      .reply(200, {
        data: {
          repository: {
            pullRequest: {
              body: linked.body,
              closingIssuesReferences: {
                nodes: linked.numbers.map((number) => ({ number, repository: { databaseId: 186853002, nameWithOwner: REPOSITORY_PATH } })),
                pageInfo: { hasNextPage: false, endCursor: null },
              },
            },
          },
        },
      });
  },

  /**
   * The wecena labels ensured on the repository: listed, and each one it lacks created with its
   * colour and description. `present` are the names the repository already has.
   */
  labelsEnsured(present: readonly string[]): LabelSpec[] {
    expectGithub()
      .get(`${REPO}/labels`)
      .query({ per_page: '100' })
      .reply(200, present.map((name, index) => ({ id: 100 + index, name, color: 'ededed', description: null })));
    const created = wecenaLabelSpecs(defaultRepositoryConfig).filter((label) => !present.includes(label.name));
    for (const label of created) {
      expectGithub().post(`${REPO}/labels`, { name: label.name, color: label.color, description: label.description }).reply(201, { name: label.name });
    }
    return created;
  },

  /** Every wecena label is on the repository already: the list, and no creation. */
  labelsAlreadyThere(): void {
    github.labelsEnsured(ALL_WECENA_LABELS);
  },

  labelsAdded(issueNumber: number, labels: string[]): void {
    expectGithub().post(`${REPO}/issues/${issueNumber}/labels`, { labels }).reply(200, labels.map((name) => ({ name })));
  },

  labelRemoved(issueNumber: number, label: string, status: 200 | 404 = 200): void {
    expectGithub()
      .delete(`${REPO}/issues/${issueNumber}/labels/${encodeURIComponent(label)}`)
      .reply(status, status === 200 ? [] : { message: 'Label does not exist' });
  },

  assigned(issueNumber: number, logins: string[]): void {
    expectGithub().post(`${REPO}/issues/${issueNumber}/assignees`, { assignees: logins }).reply(201, { number: issueNumber });
  },

  unassigned(issueNumber: number, logins: string[]): void {
    expectGithub().delete(`${REPO}/issues/${issueNumber}/assignees`, { assignees: logins }).reply(200, { number: issueNumber });
  },

  /** The issue's comments, as wecena lists them to find its own by their hidden marker. */
  comments(issueNumber: number, comments: ReturnType<typeof botComment>[]): void {
    expectGithub().get(`${REPO}/issues/${issueNumber}/comments`).query({ per_page: '100' }).reply(200, comments);
  },

  /** A new comment on an issue or pull request (a reply, a notice, a reminder, the first status comment). */
  commentPosted(issueNumber: number, body: BodyMatcher, id = 6000): void {
    expectGithub().post(`${REPO}/issues/${issueNumber}/comments`, commentBody(body)).reply(201, { id, body: typeof body === 'string' ? body : '' });
  },

  /** The status comment created: none carries the marker yet. */
  statusCommentCreated(issueNumber: number, body: BodyMatcher): void {
    github.comments(issueNumber, []);
    github.commentPosted(issueNumber, body, STATUS_COMMENT_ID);
  },

  /** The status comment found by its marker among the issue's comments, and edited in place. */
  statusCommentEdited(issueNumber: number, body: BodyMatcher, others: ReturnType<typeof botComment>[] = []): void {
    github.comments(issueNumber, [...others, botComment(STATUS_COMMENT_ID, '<!-- wecena:status -->\n**wecena** · ...')]);
    expectGithub().patch(`${REPO}/issues/comments/${STATUS_COMMENT_ID}`, commentBody(body)).reply(200, { id: STATUS_COMMENT_ID });
  },

  /** A reply to the actor where the event happened. */
  replied(issueNumber: number, body: BodyMatcher): void {
    github.commentPosted(issueNumber, body, 7000);
  },
};

export const ALL_WECENA_LABELS = wecenaLabelSpecs(defaultRepositoryConfig).map((label) => label.name);
