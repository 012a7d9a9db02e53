import { type Database, loadCandidates, loadDiscoveryScan } from '@wecena/db';
import { createDiscoveryRunner, type ForgeAccess } from '@wecena/engine';
import { formatConfigProblem, readRepositoryConfig } from '@wecena/forge-config';
import { describeEachEngine, useStrictNock } from '@wecena/testkit';
import { pino } from 'pino';
import { beforeEach, expect, it } from 'vitest';
import { createGitlabForge } from './gitlab-forge';
import { gitlabApi, testGitlab } from './testing/gitlab-api-mock';
import { gitlabPageHeaders, listedGitlabIssue, mockOpenIssuesPage } from './testing/gitlab-open-issues';

useStrictNock();

const PROJECT = '/v4/projects/1';
const START = new Date('2026-03-02T09:00:00.000Z');
const RESET = START.getTime() / 1000 + 300; // five minutes later

const access: ForgeAccess = {
  async portFor() {
    return createGitlabForge(testGitlab(), { botUsername: 'wecena-bot' });
  },
  readConfig(text) {
    const reading = readRepositoryConfig(text);
    return { config: reading.config, problems: reading.ok ? [] : reading.problems.map(formatConfigProblem) };
  },
};

function mockConfig(yaml: string | null) {
  const scope = gitlabApi().get(`${PROJECT}/repository/files/.gitlab%2Fwecena.yml/raw`).query({ ref: 'HEAD' });
  return yaml === null ? scope.reply(404, { message: '404 File Not Found' }) : scope.reply(200, yaml, { 'content-type': 'text/plain' });
}

function mockContributingGuide() {
  return gitlabApi()
    .post('/graphql', (body: { query?: string }) => Boolean(body.query?.includes('blobs(paths: $paths)')))
    .reply(200, { data: { projects: { nodes: [{ repository: { blobs: { nodes: [{ path: 'CONTRIBUTING.md', rawTextBlob: '# Contributing' }] } } }] } } });
}

const PAGE_1 = [listedGitlabIssue(1), listedGitlabIssue(2, { assignees: [{ id: 5, username: 'camille' }] })];
const PAGE_2 = [
  listedGitlabIssue(3, { discussion_locked: true }),
  listedGitlabIssue(4, { merge_requests_count: 1 }),
  listedGitlabIssue(5, { labels: ['documentation', 'size/S'], title: 'Fix a broken link in the docs' }),
];

describeEachEngine('discovery over GitLab', (ctx) => {
  let db: Database;
  let now: Date;
  let slept: number[];
  let repositoryId: string;
  const sleep = async (ms: number) => {
    slept.push(ms);
    now = new Date(now.getTime() + ms);
  };
  const runner = (overrides: { sleep?: (ms: number) => Promise<void> } = {}) =>
    createDiscoveryRunner({ db, forges: { gitlab: access }, clock: () => now, logger: pino({ level: 'silent' }), sleep: overrides.sleep ?? sleep });

  beforeEach(async () => {
    db = await ctx.freshDatabase();
    now = START;
    slept = [];
    const { rows: beneficiaries } = await db.query<{ id: string }>(
      `INSERT INTO beneficiaries (kind, name, eligibility, licence, legal_name) VALUES ('free_software', 'Test', 'osi_approved_licence', 'MIT', 'Test') RETURNING id::text`,
    );
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO repositories (forge, host, forge_id, path, beneficiary_id) VALUES ('gitlab', 'gitlab.example.org', '1', 'gitlab-org/gitlab-test', $1) RETURNING id::text`,
      [beneficiaries[0]!.id],
    );
    repositoryId = rows[0]!.id;
  });

  function mockPagesWithLowBudgetInTheMiddle() {
    mockOpenIssuesPage(1).reply(200, PAGE_1, gitlabPageHeaders(10, RESET, 2)); // ten requests left: under the reserve
  }
  function mockLastPage() {
    mockOpenIssuesPage(2).reply(200, PAGE_2, gitlabPageHeaders(1999, RESET + 60, null));
    gitlabApi().get(`${PROJECT}/issues/4/closed_by`).reply(200, [{ iid: 9, state: 'opened' }], gitlabPageHeaders(1998, RESET + 60, null));
  }

  it('scans every page, waits for the reset when the budget runs low, resumes and finishes; the gate refuses assigned, locked and linked issues', async () => {
    mockConfig(null);
    mockContributingGuide();
    mockPagesWithLowBudgetInTheMiddle();
    mockOpenIssuesPage(2).reply(403, { message: 'Forbidden' }, gitlabPageHeaders(0, RESET, null)); // a refusal as well, once
    mockLastPage();

    expect(await runner().scanRepository(repositoryId)).toBe('finished');

    expect(slept).toEqual([300_000]);
    expect(await loadDiscoveryScan(db, repositoryId)).toMatchObject({ cursor: null, pages: 2, issuesSeen: 5 });
    expect((await loadCandidates(db, repositoryId)).map((candidate) => candidate.issueNumber)).toEqual([1, 5]);
  });

  it('resumes after a restart in the middle without rescanning the first page', async () => {
    mockConfig(null);
    mockContributingGuide();
    mockPagesWithLowBudgetInTheMiddle();
    await expect(runner({ sleep: () => Promise.reject(new Error('stopped')) }).scanRepository(repositoryId)).rejects.toThrow('stopped');
    expect(await loadDiscoveryScan(db, repositoryId)).toMatchObject({ cursor: '2', resumeAt: new Date(RESET * 1000), pages: 1 });

    now = new Date(RESET * 1000 + 1000); // restarted after the reset: no wait
    mockConfig(null);
    mockContributingGuide();
    mockLastPage();
    const restarted = runner();
    await restarted.resumeScans();
    await restarted.idle();

    expect(slept).toEqual([]);
    expect(await loadDiscoveryScan(db, repositoryId)).toMatchObject({ cursor: null, pages: 2, issuesSeen: 5 });
  });

  it('with autoTag on, tags the best candidate within the daily limit, the note saying how to undo', async () => {
    mockConfig('autoTag: true\nautoTagDailyLimit: 1\n');
    mockContributingGuide();
    mockPagesWithLowBudgetInTheMiddle();
    mockLastPage();
    const issue = `${PROJECT}/issues/1`;
    gitlabApi().get(issue).reply(200, listedGitlabIssue(1));
    gitlabApi()
      .get(`${PROJECT}/labels`)
      .query(true)
      .reply(200, ['wecena-ready', 'wecena-claimed', 'wecena-done', 'wecena-needs-info', 'size/XS', 'size/S', 'size/M', 'size/L'].map((name, id) => ({ id, name })));
    gitlabApi().put(issue, { add_labels: 'wecena-ready' }).reply(200, listedGitlabIssue(1));
    gitlabApi().get(`${issue}/notes`).query(true).reply(200, []);
    gitlabApi()
      .post(`${issue}/notes`, (body: { body: string }) => body.body.includes('`autoTag`') && body.body.includes('`/wecena unready`'))
      .reply(201, { id: 77, body: '' });

    await runner().scanRepository(repositoryId);

    const { rows } = await db.query(`SELECT issue_number, state FROM tasks`);
    expect(rows).toEqual([{ issue_number: 1, state: 'ready' }]);
  });
});
