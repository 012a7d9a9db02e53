import type { ForgeEvent } from '@wecena/core';
import { type Database, loadCandidates, loadDiscoveryScan } from '@wecena/db';
import { createDiscoveryRunner, type ForgeAccess } from '@wecena/engine';
import { formatConfigProblem, readRepositoryConfig } from '@wecena/forge-config';
import { describeEachEngine, useStrictNock } from '@wecena/testkit';
import nock from 'nock';
import { pino } from 'pino';
import { beforeEach, expect, it } from 'vitest';
import { createGithubForge, GITHUB_CONFIG_FILE_PATH } from './github-forge';
import { GITHUB_API, INSTALLATION_TOKEN, installationOctokit } from './testing/github-api-mock';
import { graphqlIssue, mockOpenIssuesQuery, openIssuesPage, rateLimitHeaders } from './testing/github-open-issues';

useStrictNock();

const REPO = '/repos/Codertocat/Hello-World';
const REF = { forge: 'github', host: 'github.com', forgeId: '186853002', path: 'Codertocat/Hello-World' } as const;
const START = new Date('2026-03-02T09:00:00.000Z');
const RESET = START.getTime() / 1000 + 600; // ten minutes later

function github() {
  return nock(GITHUB_API).matchHeader('authorization', `token ${INSTALLATION_TOKEN}`);
}

const access: ForgeAccess = {
  async portFor() {
    return createGithubForge(installationOctokit(), { botLogin: 'wecena[bot]' });
  },
  readConfig(text) {
    const reading = readRepositoryConfig(text);
    return { config: reading.config, problems: reading.ok ? [] : reading.problems.map(formatConfigProblem) };
  },
};

function mockConfig(yaml: string | null) {
  const scope = github().get(`${REPO}/contents/${encodeURIComponent(GITHUB_CONFIG_FILE_PATH)}`);
  if (yaml === null) return scope.reply(404, { message: 'Not Found' });
  return scope.reply(200, { type: 'file', encoding: 'base64', size: yaml.length, content: Buffer.from(yaml).toString('base64') });
}

function mockContributingGuide() {
  return github()
    .post('/graphql', (body: { query?: string }) => Boolean(body.query?.includes('wecenaContributingGuide')))
    .reply(200, { data: { repository: { root: { id: 'b1' }, rootPlain: null, rootRst: null, dotGithub: null, docs: null, readme: null, readmeLower: null } } });
}

/** The backlog: two suitable issues, a near-miss, and three the gate refuses. */
const PAGE_1 = [
  graphqlIssue(1),
  graphqlIssue(2, { assignees: { nodes: [{ login: 'camille' }] } }),
  graphqlIssue(3, { locked: true }),
];
/** A near-miss: no estimate. */
const ISSUE_5 = graphqlIssue(5, { labels: { nodes: [{ name: 'good first issue' }] }, title: 'Fix typo in CONTRIBUTING.md' });
const ISSUE_6 = graphqlIssue(6, { labels: { nodes: [{ name: 'help wanted' }, { name: 'size/S' }] }, title: 'Fix a broken link in the docs' });
const PAGE_2 = [graphqlIssue(4, { closedByPullRequestsReferences: { totalCount: 1 } }), ISSUE_5, ISSUE_6];

describeEachEngine('discovery over GitHub', (ctx) => {
  let db: Database;
  let now: Date;
  let slept: number[];
  let repositoryId: string;
  const clock = () => now;
  const sleep = async (ms: number) => {
    slept.push(ms);
    now = new Date(now.getTime() + ms);
  };
  const runner = (overrides: { sleep?: (ms: number) => Promise<void> } = {}) =>
    createDiscoveryRunner({ db, forges: { github: access }, clock, logger: pino({ level: 'silent' }), sleep: overrides.sleep ?? sleep });

  beforeEach(async () => {
    db = await ctx.freshDatabase();
    now = START;
    slept = [];
    const { rows: beneficiaries } = await db.query<{ id: string }>(
      `INSERT INTO beneficiaries (kind, name, eligibility, licence, legal_name) VALUES ('free_software', 'Hello', 'osi_approved_licence', 'MIT', 'Hello') RETURNING id::text`,
    );
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO repositories (forge, host, forge_id, path, installation_id, beneficiary_id) VALUES ('github', 'github.com', $1, $2, '42', $3) RETURNING id::text`,
      [REF.forgeId, REF.path, beneficiaries[0]!.id],
    );
    repositoryId = rows[0]!.id;
  });

  function mockScanWithRateLimitInTheMiddle() {
    mockOpenIssuesQuery(null).reply(200, openIssuesPage(PAGE_1, 'c1'), rateLimitHeaders(4000, RESET));
    mockOpenIssuesQuery('c1').reply(403, { message: 'API rate limit exceeded' }, rateLimitHeaders(0, RESET));
    mockOpenIssuesQuery('c1').reply(200, openIssuesPage(PAGE_2, null), rateLimitHeaders(4999, RESET + 3600));
  }

  it('scans every page, waits for the rate limit reset in the middle, resumes and finishes; the gate refuses assigned, locked and linked issues', async () => {
    mockConfig(null);
    mockContributingGuide();
    mockScanWithRateLimitInTheMiddle();

    expect(await runner().scanRepository(repositoryId)).toBe('finished');

    expect(slept).toEqual([600_000]);
    expect(await loadDiscoveryScan(db, repositoryId)).toMatchObject({ cursor: null, resumeAt: null, pages: 2, issuesSeen: 6, finishedAt: new Date(START.getTime() + 600_000) });
    const candidates = await loadCandidates(db, repositoryId);
    expect(candidates.map((candidate) => candidate.issueNumber)).toEqual([1, 6, 5]);
    expect(candidates[0]).toMatchObject({ suitable: true, ready: true, failedReadiness: [], missing: null });
    expect(candidates[0]!.reasons[0]).toMatchObject({ factor: 'newcomer_label' });
    expect(candidates.find((candidate) => candidate.issueNumber === 5)).toMatchObject({ ready: false, failedReadiness: ['estimate'] });
  });

  it('resumes after a restart in the middle at the stored cursor and instant, without rescanning', async () => {
    mockConfig(null);
    mockContributingGuide();
    mockOpenIssuesQuery(null).reply(200, openIssuesPage(PAGE_1, 'c1'), rateLimitHeaders(4000, RESET));
    mockOpenIssuesQuery('c1').reply(403, { message: 'API rate limit exceeded' }, rateLimitHeaders(0, RESET));
    const crash = () => Promise.reject(new Error('the process stops while it waits'));
    await expect(runner({ sleep: crash }).scanRepository(repositoryId)).rejects.toThrow('the process stops');
    expect(await loadDiscoveryScan(db, repositoryId)).toMatchObject({ cursor: 'c1', resumeAt: new Date(RESET * 1000), pages: 1, finishedAt: null });

    now = new Date(START.getTime() + 120_000); // the new process starts two minutes later (the configuration is still fresh in the store)
    mockContributingGuide();
    mockOpenIssuesQuery('c1').reply(200, openIssuesPage(PAGE_2, null), rateLimitHeaders(4999, RESET + 3600));
    const restarted = runner();
    await restarted.resumeScans();
    await restarted.idle();

    expect(slept).toEqual([480_000]);
    expect(await loadDiscoveryScan(db, repositoryId)).toMatchObject({ cursor: null, pages: 2, issuesSeen: 6 });
    expect((await loadCandidates(db, repositoryId)).map((candidate) => candidate.issueNumber)).toEqual([1, 6, 5]);
  });

  it('tags nothing by default: no label, no comment', async () => {
    mockConfig(null);
    mockContributingGuide();
    mockScanWithRateLimitInTheMiddle();
    await runner().scanRepository(repositoryId);
    const { rows } = await db.query(`SELECT * FROM tasks`);
    expect(rows).toEqual([]);
  });

  it('with autoTag on, tags within the daily limit, then never again after /wecena unready or a maintainer removing the label', async () => {
    const config = 'autoTag: true\nautoTagDailyLimit: 1\n';
    mockConfig(config);
    mockContributingGuide();
    mockScanWithRateLimitInTheMiddle();
    mockAutoTag(1);

    await runner().scanRepository(repositoryId);

    expect(await taskStates()).toEqual([{ issue_number: 1, state: 'ready' }]);

    // A maintainer writes /wecena unready on #1 (the journey withdraws it); discovery records the opt-out.
    now = new Date(now.getTime() + 24 * 3600_000);
    mockConfig(config); // read again: the stored copy is a day old
    github().get(`${REPO}/collaborators/mara/permission`).reply(200, { permission: 'write', role_name: 'write' });
    mockContributingGuide();
    // On this new day the next best (#6) is tagged; #1 never again.
    mockAutoTag(6);
    const discovery = runner();
    await discovery.onForgeEvent(commentOn(graphqlIssue(1), '/wecena unready'));
    // The day's limit is reached: another event tags nothing.
    mockContributingGuide();
    await discovery.onForgeEvent(labelsChanged(ISSUE_5, { added: ['bug'] }));
    expect(await taskStates()).toEqual([
      { issue_number: 1, state: 'ready' },
      { issue_number: 6, state: 'ready' },
    ]);

    // A maintainer removes the label of #6: respected; the day after, nothing is left to tag.
    mockContributingGuide();
    await discovery.onForgeEvent(labelsChanged(ISSUE_6, { removed: ['wecena-ready'] }));
    now = new Date(now.getTime() + 24 * 3600_000);
    mockConfig(config);
    mockContributingGuide();
    await discovery.onForgeEvent(labelsChanged(ISSUE_5, { added: ['docs'] }));
    const { rows } = await db.query(`SELECT issue_number, tagged_at IS NOT NULL AS tagged, opted_out_how FROM auto_tagging ORDER BY issue_number`);
    expect(rows).toEqual([
      { issue_number: 1, tagged: true, opted_out_how: 'unready' },
      { issue_number: 6, tagged: true, opted_out_how: 'label_removed' },
    ]);
  });

  async function taskStates() {
    const { rows } = await db.query(`SELECT issue_number, state FROM tasks ORDER BY issue_number`);
    return rows;
  }

  /** What tagging one issue costs on GitHub: the issue read again, the labels ensured and added, the status comment. */
  function mockAutoTag(number: number) {
    const issue = `${REPO}/issues/${number}`;
    github().get(issue).reply(200, restIssue(number));
    github().get(`${REPO}/labels`).query(true).reply(200, ['wecena-ready', 'wecena-claimed', 'wecena-done', 'wecena-needs-info', 'size/XS', 'size/S', 'size/M', 'size/L'].map((name) => ({ name })));
    github().post(`${issue}/labels`, { labels: ['wecena-ready'] }).reply(200, []);
    github().get(`${issue}/comments`).query(true).reply(200, []);
    github()
      .post(`${issue}/comments`, (body: { body: string }) => body.body.includes('`autoTag`') && body.body.includes('`/wecena unready`'))
      .reply(201, { id: 7000 + number });
  }
});

function restIssue(number: number) {
  const node = number === 6 ? ISSUE_6 : graphqlIssue(number);
  return {
    id: node.databaseId,
    number,
    title: node.title,
    body: node.body,
    html_url: node.url,
    state: 'open',
    labels: node.labels.nodes,
    assignees: [],
    locked: false,
  };
}

function toIssueRef(node: ReturnType<typeof graphqlIssue>) {
  return {
    number: node.number,
    forgeId: String(node.databaseId),
    title: node.title,
    body: node.body,
    url: node.url,
    state: 'open' as const,
    labels: node.labels.nodes.map((label) => label.name),
    assignees: [],
    locked: false,
  };
}

const MARA = { login: 'mara', forgeId: '7', isBot: false };

function commentOn(node: ReturnType<typeof graphqlIssue>, body: string): ForgeEvent {
  return { kind: 'comment_created', repository: REF, on: { type: 'issue', issue: toIssueRef(node) }, comment: { forgeId: '88', body, url: `${node.url}#c88` }, author: MARA };
}

function labelsChanged(node: ReturnType<typeof graphqlIssue>, change: { added?: string[]; removed?: string[] }): ForgeEvent {
  return {
    kind: 'issue_changed',
    repository: REF,
    issue: toIssueRef(node),
    action: 'updated',
    labelsAdded: change.added ?? [],
    labelsRemoved: change.removed ?? [],
    contentEdited: false,
    actor: MARA,
  };
}
