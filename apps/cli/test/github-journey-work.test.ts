import { claimDueDeliveryId } from '@wecena/engine';
import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { botComment, containing, expectGithub, github, REMINDER_COMMENT_ID, STATUS_COMMENT_ID } from './support/github-api';
import { DAY_MS, MINUTE_MS, useGithubJourney } from './support/github-journey';
import { commentCreated, PULL_NUMBER } from './support/github-payloads';
import { claimedBy, claimIssue, offerIssue } from './support/journey-steps';

const REPO = '/repos/Codertocat/Hello-World';
const REMINDER =
  '<!-- wecena:reminder -->\n@camille-oc, your claim on this issue expires on 2026-03-05 09:00 UTC. Log your time with `/wecena spend <duration>`, or hand it over with `/wecena release <note>` so that someone else can carry on.';

describeEachEngine('GitHub journey: working on a claimed issue', (engine) => {
  const journey = useGithubJourney(engine);

  it('/wecena spend 2h30 logs time for the claimant; /wecena spend -30m corrects it', async () => {
    const { step, timeLogs, world } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');

    github.statusCommentEdited(1, containing('Time logged: @camille-oc 2h30.'));
    await step('issue_comment', commentCreated('camille-oc', '/wecena spend 2h30', claimedBy('camille-oc')));

    github.statusCommentEdited(1, containing('Time logged: @camille-oc 2h.'));
    await step('issue_comment', commentCreated('camille-oc', '/wecena spend -30m', claimedBy('camille-oc')));

    expect(await timeLogs()).toEqual([
      { consultant_id: world.camille.id, minutes: 150, spent_on: '2026-03-02', source: 'command' },
      { consultant_id: world.camille.id, minutes: -30, spent_on: '2026-03-02', source: 'command' },
    ]);
  });

  it('/wecena spend on the pull request that closes the task counts for the task', async () => {
    const { step, timeLogs, world } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    github.closingIssues(PULL_NUMBER, { body: 'Fixes #1', numbers: [1] });
    github.statusCommentEdited(1, containing('Time logged: @camille-oc 1h.'));

    await step('issue_comment', commentCreated('camille-oc', '/wecena spend 1h', { onPullRequest: true }));

    expect(await timeLogs()).toEqual([{ consultant_id: world.camille.id, minutes: 60, spent_on: '2026-03-02', source: 'command' }]);
  });

  it.each([
    { name: 'by a consultant who does not hold the claim', login: 'yanis-oc', reply: '@yanis-oc Only `@camille-oc`, who claimed this issue, can log time on it.' },
    {
      name: 'taking the total below zero',
      login: 'camille-oc',
      body: '/wecena spend -1h',
      reply: '@camille-oc You have logged 0m on this issue; a correction of -1h would take your total below zero.',
    },
  ])('refuses a spend $name, with one reply', async ({ login, body, reply }) => {
    const { step, timeLogs } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    github.replied(1, reply);

    await step('issue_comment', commentCreated(login, body ?? '/wecena spend 2h', claimedBy('camille-oc')));

    expect(await timeLogs()).toEqual([]);
  });

  it('refuses a spend on an issue nobody holds', async () => {
    const { step, timeLogs } = journey();
    await offerIssue(journey());
    github.replied(1, '@camille-oc Nobody holds this issue, so time cannot be logged on it. Claim it first with `/wecena claim`.');

    await step('issue_comment', commentCreated('camille-oc', '/wecena spend 2h', { labels: ['wecena-ready'] }));

    expect(await timeLogs()).toEqual([]);
  });

  it('/wecena release <note>: claim released, unassigned, back to ready, the note kept in the status comment', async () => {
    const { step, task, claims } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    github.labelsAlreadyThere();
    github.labelRemoved(1, 'wecena-claimed');
    github.labelsAdded(1, ['wecena-ready']);
    github.unassigned(1, ['camille-oc']);
    github.statusCommentEdited(
      1,
      containing(
        '**wecena** · Ready: a sponsored consultant can claim it with `/wecena claim`.',
        'Hand-off notes from earlier consultants:\n- @camille-oc released it on 2026-03-02:\n  > The link is fixed on branch fix-footer; the test is left to write.',
      ),
    );

    await step(
      'issue_comment',
      commentCreated('camille-oc', '/wecena release The link is fixed on branch fix-footer; the test is left to write.', claimedBy('camille-oc')),
    );

    expect((await task(1))?.state).toBe('ready');
    expect(await claims()).toEqual([
      expect.objectContaining({
        ended_at: '2026-03-02T09:00:00.000Z',
        ended_how: 'released',
        handoff_note: 'The link is fixed on branch fix-footer; the test is left to write.',
      }),
    ]);
  });

  it('refuses a release by someone who does not hold the claim', async () => {
    const { step, claims } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    github.replied(
      1,
      '@yanis-oc Only `@camille-oc`, who claimed this issue, can release it. A maintainer can take the issue off wecena with `/wecena unready`.',
    );

    await step('issue_comment', commentCreated('yanis-oc', '/wecena release not mine', claimedBy('camille-oc')));

    expect(await claims()).toEqual([expect.objectContaining({ ended_at: null })]);
  });

  it('the sweep reminds the claimant a day before expiry, once; at expiry the claim ends, the reminder goes, a notice is posted', async () => {
    const { sweep, clock, task, claims, delivery } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    const [claim] = await claims();

    // The claim expires on 5 March at 09:00. A day and a half after the claim, nothing is due yet.
    clock.set(new Date('2026-03-03T21:00:00.000Z'));
    expect(await sweep()).toBe(0);

    // Less than a day before the expiry: one reminder. The configuration is older than five minutes: read again.
    clock.set(new Date('2026-03-04T09:30:00.000Z'));
    github.configFile(null);
    github.comments(1, [botComment(STATUS_COMMENT_ID, '<!-- wecena:status -->\n...')]);
    github.commentPosted(1, REMINDER, REMINDER_COMMENT_ID);
    expect(await sweep()).toBe(1);
    expect((await delivery(claimDueDeliveryId(claim!.id, 'remind', new Date(claim!.expires_at)), 'wecena'))?.status).toBe('processed');
    expect((await claims())[0]).toMatchObject({ reminded_at: '2026-03-04T09:30:00.000Z', ended_at: null });

    // The next sweeps add nothing: the claimant was reminded.
    clock.advance(30 * MINUTE_MS);
    expect(await sweep()).toBe(0);

    // At the expiry: released as expired, back to ready, the reminder deleted, one notice.
    clock.set(new Date('2026-03-05T09:00:00.000Z'));
    github.configFile(null);
    github.labelsAlreadyThere();
    github.labelRemoved(1, 'wecena-claimed');
    github.labelsAdded(1, ['wecena-ready']);
    github.unassigned(1, ['camille-oc']);
    const ours = [botComment(STATUS_COMMENT_ID, '<!-- wecena:status -->\n...'), botComment(REMINDER_COMMENT_ID, REMINDER)];
    github.comments(1, ours);
    expectGithub().delete(`${REPO}/issues/comments/${REMINDER_COMMENT_ID}`).reply(204);
    github.comments(1, ours);
    expectGithub()
      .patch(
        `${REPO}/issues/comments/${STATUS_COMMENT_ID}`,
        containing('**wecena** · Ready: a sponsored consultant can claim it', "- @camille-oc's claim expired on 2026-03-05: no note."),
      )
      .reply(200, {});
    github.commentPosted(
      1,
      '@camille-oc, your claim on this issue expired, so it is offered again. If you made progress, please leave a short hand-off note here for the next volunteer.',
    );
    expect(await sweep()).toBe(1);

    expect((await delivery(claimDueDeliveryId(claim!.id, 'expire', new Date(claim!.expires_at)), 'wecena'))?.status).toBe('processed');
    expect((await task(1))?.state).toBe('ready');
    expect((await claims())[0]).toMatchObject({ ended_at: '2026-03-05T09:00:00.000Z', ended_how: 'expired', handoff_note: null });

    // Ended: no sweep finds it again.
    clock.advance(DAY_MS);
    expect(await sweep()).toBe(0);
  });
});
