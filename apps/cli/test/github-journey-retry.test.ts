import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { containing, expectGithub, github } from './support/github-api';
import { useGithubJourney } from './support/github-journey';
import { commentCreated } from './support/github-payloads';
import { claimedBy, claimIssue, offerIssue } from './support/journey-steps';

const REPO = '/repos/Codertocat/Hello-World';
/** The inbox retries a failed delivery after a second, then twice as long each time. */
const FIRST_BACKOFF_MS = 1_000;

describeEachEngine('GitHub journey: GitHub fails between the decision and its effects', (engine) => {
  const journey = useGithubJourney(engine);

  it('the retry performs the remaining effects once: no second decision, no effect done twice', async () => {
    const { deliver, drain, delivery, decisions, claims, clock } = journey();
    await offerIssue(journey());
    github.labelsAlreadyThere();
    github.labelRemoved(1, 'wecena-ready');
    github.labelsAdded(1, ['wecena-claimed']);
    expectGithub().post(`${REPO}/issues/1/assignees`, { assignees: ['camille-oc'] }).reply(500, { message: 'Server Error' });

    const { deliveryId } = await deliver('issue_comment', commentCreated('camille-oc', '/wecena claim', { labels: ['wecena-ready'] }));
    await drain();

    // The decision and the claim are committed; three of its five effects were performed.
    expect(await delivery(deliveryId)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await claims()).toHaveLength(1);
    expect(await decisions(deliveryId)).toEqual([
      {
        seq: 0,
        issue_number: 1,
        effects: [
          expect.objectContaining({ type: 'ensureLabels' }),
          { type: 'removeLabels', labels: ['wecena-ready'] },
          { type: 'addLabels', labels: ['wecena-claimed'] },
          { type: 'assign', logins: ['camille-oc'] },
          expect.objectContaining({ type: 'setStatusComment' }),
        ],
        performed: 3,
        performed_at: null,
      },
    ]);

    // Not before its backoff.
    expect(await drain()).toBe(0);

    clock.advance(FIRST_BACKOFF_MS);
    github.assigned(1, ['camille-oc']);
    github.statusCommentEdited(1, containing('Claimed by @camille-oc until 2026-03-05 09:00 UTC'));
    expect(await drain()).toBe(1);

    expect(await delivery(deliveryId)).toMatchObject({ status: 'processed', attempts: 2 });
    expect(await claims()).toHaveLength(1);
    expect(await decisions(deliveryId)).toEqual([expect.objectContaining({ performed: 5, performed_at: '2026-03-02T09:00:01.000Z' })]);
  });

  it('a reply that failed is posted once on the retry, and the time is logged once', async () => {
    const { deliver, drain, delivery, decisions, timeLogs, clock } = journey();
    await offerIssue(journey());
    await claimIssue(journey(), 'camille-oc');
    const reply = '@camille-oc You already hold this issue, until 2026-03-05 09:00 UTC.';
    github.statusCommentEdited(1, containing('Time logged: @camille-oc 2h.'));
    expectGithub().post(`${REPO}/issues/1/comments`, { body: reply }).reply(502, { message: 'Bad Gateway' });

    const { deliveryId } = await deliver('issue_comment', commentCreated('camille-oc', '/wecena spend 2h\n/wecena claim', claimedBy('camille-oc')));
    await drain();
    expect(await delivery(deliveryId)).toMatchObject({ status: 'pending', attempts: 1 });

    clock.advance(FIRST_BACKOFF_MS);
    github.replied(1, reply);
    await drain();

    expect(await delivery(deliveryId)).toMatchObject({ status: 'processed', attempts: 2 });
    expect(await decisions(deliveryId)).toHaveLength(1);
    expect(await timeLogs()).toEqual([expect.objectContaining({ minutes: 120 })]);
  });
});
