import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { containing } from './support/github-api';
import { gitlab, type Timelog } from './support/gitlab-api';
import { useGitlabJourney } from './support/gitlab-journey';
import { MR_IID, MR_URL, mergeRequestHook, noteOnIssue } from './support/gitlab-payloads';
import { claimGitlabIssue, heldBy, offerGitlabIssue } from './support/gitlab-steps';
import { GITLAB_MAINTAINER } from './support/journey-world';

const MERGED_AT = '2026-03-02T16:00:00Z';
const HOUR = 3_600;

describeEachEngine('GitLab journey: from a merged merge request to the ledger', (engine) => {
  const journey = useGitlabJourney(engine);

  /** camille-oc holds the issue and logged `spent` with `/wecena spend` (none when null). */
  async function camilleWorks(spent: string | null): Promise<void> {
    await offerGitlabIssue(journey());
    await claimGitlabIssue(journey(), 'camille-oc');
    if (spent === null) return;
    gitlab.issueRead(1, ['camille-oc']);
    gitlab.statusNoteEdited(1, containing(`Time logged: @camille-oc ${spent}.`));
    await journey().step('Note Hook', noteOnIssue('camille-oc', `/wecena spend ${spent}`, heldBy('camille-oc')));
  }

  /**
   * GitLab's calls when the claimant's merge request lands: its author asked by id (unless they
   * merged it themselves), the issues it closes, GitLab's time logs, then labels and status note.
   */
  function expectMerge(options: { mergedByAuthor?: boolean; onIssue?: Timelog[]; onMergeRequest?: Timelog[]; status?: string[] } = {}): void {
    if (!options.mergedByAuthor) gitlab.userById('camille-oc');
    gitlab.closesIssues(MR_IID, [1]);
    gitlab.timelogs(1, MR_IID, options.onIssue ?? [], options.onMergeRequest ?? []);
    gitlab.labelsAlreadyThere();
    // The merge hook does not show the issue's labels: both are removed in one edit, which GitLab makes idempotent.
    gitlab.labelsRemoved(1, ['wecena-claimed', 'wecena-ready']);
    gitlab.labelsAdded(1, ['wecena-done']);
    gitlab.statusNoteEdited(1, containing('**wecena** · Done: thank you @camille-oc!', ...(options.status ?? [])));
  }

  it('a maintainer merges the claimant\'s merge request closing the task: author resolved by id, one credit of the logged time, task done', async () => {
    const { step, task, claims, contributions, world } = journey();
    await camilleWorks('2h30');
    expectMerge({ status: [`Credited: 2h30, for [the merged change request](${MR_URL}).`] });

    await step('Merge Request Hook', mergeRequestHook('camille-oc', { by: GITLAB_MAINTAINER, mergedAt: MERGED_AT }));

    expect((await task(1))?.state).toBe('done');
    expect((await claims())[0]).toMatchObject({ ended_how: 'completed' });
    expect(await contributions()).toEqual([
      {
        id: expect.any(String),
        kind: 'credit',
        refers_to: null,
        consultant_id: world.camille.id,
        sponsor_id: world.sponsorId,
        beneficiary_id: world.beneficiaryId,
        change_request_url: MR_URL,
        confirmed_by: null,
        landed_at: '2026-03-02T16:00:00.000Z',
        minutes: 150,
        estimated: false,
        valuation_cents: '14500',
        review_status: 'pending',
        reason: null,
        recorded_by: 'wecena',
      },
    ]);
  });

  it('the claimant merges their own merge request: the hook names them, GitLab is not asked who wrote it', async () => {
    const { step, contributions } = journey();
    await camilleWorks('1h');
    expectMerge({ mergedByAuthor: true });

    await step('Merge Request Hook', mergeRequestHook('camille-oc', { by: 'camille-oc', mergedAt: MERGED_AT }));

    expect(await contributions()).toEqual([expect.objectContaining({ minutes: 60, estimated: false })]);
  });

  it.each([
    {
      name: "GitLab's log is larger (2h on the issue + 1h on the merge request, another user's 5h left out): 3h, not 5h30",
      spent: '2h30',
      onIssue: [{ username: 'camille-oc', seconds: 2 * HOUR }, { username: 'root', seconds: 5 * HOUR }],
      onMergeRequest: [{ username: 'camille-oc', seconds: HOUR }],
      minutes: 180,
    },
    {
      name: "wecena's log is larger (GitLab: 2h then a /spend -1h correction): 2h",
      spent: '2h',
      onIssue: [{ username: 'camille-oc', seconds: 2 * HOUR }, { username: 'camille-oc', seconds: -HOUR }],
      onMergeRequest: [],
      minutes: 120,
    },
    {
      name: "only GitLab's log (a /spend 1h30 quick action): 1h30, not the estimate",
      spent: null,
      onIssue: [],
      onMergeRequest: [{ username: 'Camille-OC', seconds: 1.5 * HOUR }],
      minutes: 90,
    },
  ])('hours at merge are the larger of the two logs, never their sum: $name', async ({ spent, onIssue, onMergeRequest, minutes }) => {
    const { step, contributions } = journey();
    await camilleWorks(spent);
    expectMerge({ onIssue, onMergeRequest });

    await step('Merge Request Hook', mergeRequestHook('camille-oc', { mergedAt: MERGED_AT }));

    expect(await contributions()).toEqual([expect.objectContaining({ minutes, estimated: false })]);
  });

  it('with no time in either log, the credit is the estimate, flagged as such', async () => {
    const { step, contributions } = journey();
    await camilleWorks(null);
    expectMerge({ status: ['Credited: 3h (the estimate: no time was logged)'] });

    await step('Merge Request Hook', mergeRequestHook('camille-oc', { mergedAt: MERGED_AT }));

    expect(await contributions()).toEqual([expect.objectContaining({ minutes: 180, estimated: true, valuation_cents: '17400' })]);
  });

  it('a resend of the merge hook (same Idempotency-Key) is acknowledged and does nothing; the same event under a new key adds no row', async () => {
    const { step, deliver, drain, contributions } = journey();
    await camilleWorks(null);
    expectMerge();
    const merge = mergeRequestHook('camille-oc', { mergedAt: MERGED_AT });
    const deliveryId = await step('Merge Request Hook', merge);

    expect((await deliver('Merge Request Hook', merge, { idempotencyKey: deliveryId })).status).toBe(200);
    expect(await drain()).toBe(0);

    // A new key: wecena asks who wrote it and which issues it closes, finds the task done, changes nothing.
    gitlab.userById('camille-oc');
    gitlab.closesIssues(MR_IID, [1]);
    await step('Merge Request Hook', merge);

    expect(await contributions()).toHaveLength(1);
  });

  it('a merge request closed without merge changes nothing and asks GitLab nothing', async () => {
    const { step, task, contributions } = journey();
    await camilleWorks(null);

    await step('Merge Request Hook', mergeRequestHook('camille-oc', { action: 'close' }));

    expect((await task(1))?.state).toBe('claimed');
    expect(await contributions()).toEqual([]);
  });

  it('a merge request by someone else closing the task is no credit: the status note says so, the claim stays', async () => {
    const { step, task, contributions } = journey();
    await camilleWorks(null);
    gitlab.userById('visitor');
    gitlab.closesIssues(MR_IID, [1]);
    gitlab.timelogs(1, MR_IID, []);
    gitlab.statusNoteEdited(
      1,
      containing('A change request by `@visitor` closed this issue while `@camille-oc` held the claim, so no credit was recorded.'),
    );

    await step('Merge Request Hook', mergeRequestHook('visitor', { mergedAt: MERGED_AT }));

    expect((await task(1))?.state).toBe('claimed');
    expect(await contributions()).toEqual([]);
  });

  it('/wecena done 3h @login by a Maintainer credits non-code work, confirmed by them', async () => {
    const { step, task, contributions, world } = journey();
    await offerGitlabIssue(journey());
    gitlab.issueRead(1);
    gitlab.accessLevel(GITLAB_MAINTAINER, 40);
    gitlab.labelsAlreadyThere();
    gitlab.labelsRemoved(1, ['wecena-ready']);
    gitlab.labelsAdded(1, ['wecena-done']);
    gitlab.statusNoteEdited(1, containing('**wecena** · Done: thank you @camille-oc!', 'Credited: 3h, confirmed by @root.'));

    await step('Note Hook', noteOnIssue(GITLAB_MAINTAINER, '/wecena done 3h @camille-oc', { labels: ['wecena-ready'] }));

    expect((await task(1))?.state).toBe('done');
    expect(await contributions()).toEqual([
      expect.objectContaining({ consultant_id: world.camille.id, change_request_url: null, confirmed_by: 'root', minutes: 180, estimated: false, recorded_by: 'maintainer:root' }),
    ]);
  });

  it('refuses /wecena done from a Reporter', async () => {
    const { step, contributions } = journey();
    await offerGitlabIssue(journey());
    gitlab.issueRead(1);
    gitlab.accessLevel('camille-oc', 20);
    gitlab.replied(1, '@camille-oc Only maintainers of the repository (write access or more) can use `/wecena done`.');

    await step('Note Hook', noteOnIssue('camille-oc', '/wecena done 3h @camille-oc', { labels: ['wecena-ready'] }));

    expect(await contributions()).toEqual([]);
  });
});
