import { claimDueDeliveryId } from '@wecena/engine';
import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { containing } from './support/github-api';
import { expectGitlab, GITLAB_BOT, gitlab, note, REMINDER_NOTE_ID, STATUS_NOTE } from './support/gitlab-api';
import { useGitlabJourney } from './support/gitlab-journey';
import { noteOnIssue, noteOnMergeRequest } from './support/gitlab-payloads';
import { claimGitlabIssue, heldBy, offerGitlabIssue } from './support/gitlab-steps';
import { DAY_MS, MINUTE_MS } from './support/journey-harness';

const ISSUE = '/v4/projects/1/issues/1';
const REMINDER =
  '<!-- wecena:reminder -->\n@camille-oc, your claim on this issue expires on 2026-03-05 09:00 UTC. Log your time with `/wecena spend <duration>`, or hand it over with `/wecena release <note>` so that someone else can carry on.';

describeEachEngine('GitLab journey: claiming and working on an issue', (engine) => {
  const journey = useGitlabJourney(engine);

  it('/wecena claim: labels swapped, assigned by user id, one claim until the TTL, the status note edited in place', async () => {
    const { claims, world } = journey();
    await offerGitlabIssue(journey());

    await claimGitlabIssue(journey(), 'camille-oc');

    expect(await claims()).toEqual([
      expect.objectContaining({ consultant_id: world.camille.id, claimed_at: '2026-03-02T09:00:00.000Z', expires_at: '2026-03-05T09:00:00.000Z', ended_at: null }),
    ]);
  });

  it('a maintainer keeps the issue assigned to them: the claimant is added, nobody displaced', async () => {
    await offerGitlabIssue(journey());
    gitlab.issueRead(1, ['root']);
    gitlab.labelsAlreadyThere();
    gitlab.labelsRemoved(1, ['wecena-ready']);
    gitlab.labelsAdded(1, ['wecena-claimed']);
    gitlab.assigned(1, 'camille-oc', ['root']);
    gitlab.statusNoteEdited(1, containing('Claimed by @camille-oc until'));

    await journey().step('Note Hook', noteOnIssue('camille-oc', '/wecena claim', { labels: ['wecena-ready'] }));

    expect((await journey().task(1))?.state).toBe('claimed');
  });

  it('refuses a claim by somebody who is no sponsored consultant, with one reply', async () => {
    const { step, claims } = journey();
    await offerGitlabIssue(journey());
    gitlab.issueRead(1);
    gitlab.replied(1, containing('@visitor'));

    await step('Note Hook', noteOnIssue('visitor', '/wecena claim', { labels: ['wecena-ready'] }));

    expect(await claims()).toEqual([]);
  });

  it('/wecena spend 2h30 logs time for the claimant; /wecena spend -30m corrects it', async () => {
    const { step, timeLogs, world } = journey();
    await offerGitlabIssue(journey());
    await claimGitlabIssue(journey(), 'camille-oc');

    gitlab.issueRead(1, ['camille-oc']);
    gitlab.statusNoteEdited(1, containing('Time logged: @camille-oc 2h30.'));
    await step('Note Hook', noteOnIssue('camille-oc', '/wecena spend 2h30', heldBy('camille-oc')));
    gitlab.issueRead(1, ['camille-oc']);
    gitlab.statusNoteEdited(1, containing('Time logged: @camille-oc 2h.'));
    await step('Note Hook', noteOnIssue('camille-oc', '/wecena spend -30m', heldBy('camille-oc')));

    expect(await timeLogs()).toEqual([
      { consultant_id: world.camille.id, minutes: 150, spent_on: '2026-03-02', source: 'command' },
      { consultant_id: world.camille.id, minutes: -30, spent_on: '2026-03-02', source: 'command' },
    ]);
  });

  it('/wecena spend in a note on the merge request that closes the task counts for the task', async () => {
    const { step, timeLogs, world } = journey();
    await offerGitlabIssue(journey());
    await claimGitlabIssue(journey(), 'camille-oc');
    gitlab.closesIssues(2, [1]);
    gitlab.statusNoteEdited(1, containing('Time logged: @camille-oc 1h.'));

    await step('Note Hook', noteOnMergeRequest('camille-oc', '/wecena spend 1h'));

    expect(await timeLogs()).toEqual([{ consultant_id: world.camille.id, minutes: 60, spent_on: '2026-03-02', source: 'command' }]);
  });

  it('answers a refused spend on the merge request it was written on, not on the issue of the same number', async () => {
    const { step, timeLogs } = journey();
    await offerGitlabIssue(journey());
    await claimGitlabIssue(journey(), 'camille-oc');
    gitlab.closesIssues(2, [1]);
    gitlab.repliedOnMergeRequest(2, '@yanis-oc Only `@camille-oc`, who claimed this issue, can log time on it.');

    await step('Note Hook', noteOnMergeRequest('yanis-oc', '/wecena spend 1h'));

    expect(await timeLogs()).toEqual([]);
  });

  it("GitLab's own /spend quick action is GitLab's: wecena logs nothing then, it reads GitLab's log at merge", async () => {
    const { step, timeLogs } = journey();
    await offerGitlabIssue(journey());
    await claimGitlabIssue(journey(), 'camille-oc');

    await step('Note Hook', noteOnIssue('camille-oc', '/spend 2h', heldBy('camille-oc')));

    expect(await timeLogs()).toEqual([]);
  });

  it('refuses a spend by a consultant who does not hold the claim, with one reply', async () => {
    const { step, timeLogs } = journey();
    await offerGitlabIssue(journey());
    await claimGitlabIssue(journey(), 'camille-oc');
    gitlab.issueRead(1, ['camille-oc']);
    gitlab.replied(1, '@yanis-oc Only `@camille-oc`, who claimed this issue, can log time on it.');

    await step('Note Hook', noteOnIssue('yanis-oc', '/wecena spend 2h', heldBy('camille-oc')));

    expect(await timeLogs()).toEqual([]);
  });

  it('/wecena release <note>: claim released, unassigned (GitLab\'s "nobody"), back to ready, the note kept in the status note', async () => {
    const { step, task, claims } = journey();
    await offerGitlabIssue(journey());
    await claimGitlabIssue(journey(), 'camille-oc');
    gitlab.issueRead(1, ['camille-oc']);
    gitlab.labelsAlreadyThere();
    gitlab.labelsRemoved(1, ['wecena-claimed']);
    gitlab.labelsAdded(1, ['wecena-ready']);
    gitlab.unassigned(1, 'camille-oc');
    gitlab.statusNoteEdited(
      1,
      containing(
        '**wecena** · Ready: a sponsored consultant can claim it with `/wecena claim`.',
        'Hand-off notes from earlier consultants:\n- @camille-oc released it on 2026-03-02:\n  > The endpoint is written on branch api-files; its test is left.',
      ),
    );

    await step('Note Hook', noteOnIssue('camille-oc', '/wecena release The endpoint is written on branch api-files; its test is left.', heldBy('camille-oc')));

    expect((await task(1))?.state).toBe('ready');
    expect(await claims()).toEqual([
      expect.objectContaining({ ended_how: 'released', handoff_note: 'The endpoint is written on branch api-files; its test is left.' }),
    ]);

    // The next consultant takes it over: a second claim, assigned alone.
    await claimGitlabIssue(journey(), 'yanis-oc');
    expect((await claims()).map((claim) => claim.ended_how)).toEqual(['released', null]);
  });

  it('the sweep reminds the claimant a day before expiry, once; at expiry the claim ends, the reminder goes, a notice is posted', async () => {
    const { sweep, clock, task, claims, delivery } = journey();
    await offerGitlabIssue(journey());
    await claimGitlabIssue(journey(), 'camille-oc');
    const [claim] = await claims();

    clock.set(new Date('2026-03-03T21:00:00.000Z'));
    expect(await sweep()).toBe(0);

    // Less than a day before the expiry: one reminder. The configuration is older than five minutes: read again.
    clock.set(new Date('2026-03-04T09:30:00.000Z'));
    gitlab.configFile(null);
    gitlab.notes(1, [STATUS_NOTE]);
    gitlab.notePosted(1, REMINDER, REMINDER_NOTE_ID);
    expect(await sweep()).toBe(1);
    expect((await delivery(claimDueDeliveryId(claim!.id, 'remind', new Date(claim!.expires_at)), 'wecena'))?.status).toBe('processed');

    clock.advance(30 * MINUTE_MS);
    expect(await sweep()).toBe(0);

    clock.set(new Date('2026-03-05T09:00:00.000Z'));
    const ours = [STATUS_NOTE, note(REMINDER_NOTE_ID, REMINDER, GITLAB_BOT)];
    gitlab.configFile(null);
    gitlab.labelsAlreadyThere();
    gitlab.labelsRemoved(1, ['wecena-claimed']);
    gitlab.labelsAdded(1, ['wecena-ready']);
    gitlab.unassigned(1, 'camille-oc');
    gitlab.notes(1, ours);
    expectGitlab().delete(`${ISSUE}/notes/${REMINDER_NOTE_ID}`).reply(204);
    gitlab.statusNoteEdited(
      1,
      containing('**wecena** · Ready: a sponsored consultant can claim it', "- @camille-oc's claim expired on 2026-03-05: no note."),
      [note(REMINDER_NOTE_ID, REMINDER, GITLAB_BOT)],
    );
    gitlab.notePosted(
      1,
      '@camille-oc, your claim on this issue expired, so it is offered again. If you made progress, please leave a short hand-off note here for the next volunteer.',
    );
    expect(await sweep()).toBe(1);

    expect((await delivery(claimDueDeliveryId(claim!.id, 'expire', new Date(claim!.expires_at)), 'wecena'))?.status).toBe('processed');
    expect((await task(1))?.state).toBe('ready');
    expect((await claims())[0]).toMatchObject({ ended_at: '2026-03-05T09:00:00.000Z', ended_how: 'expired' });

    clock.advance(DAY_MS);
    expect(await sweep()).toBe(0);
  });

  it('.gitlab/wecena.yml is read on the default branch once the stored copy is five minutes old: its claim TTL applies', async () => {
    const { clock, claims } = journey();
    await offerGitlabIssue(journey());

    clock.advance(6 * MINUTE_MS);
    gitlab.configFile('claimTtlDays: 1\n');
    await claimGitlabIssue(journey(), 'camille-oc');

    expect((await claims())[0]).toMatchObject({ claimed_at: '2026-03-02T09:06:00.000Z', expires_at: '2026-03-03T09:06:00.000Z' });

    // Within five minutes, the stored copy serves: GitLab is not asked again.
    clock.advance(MINUTE_MS);
    gitlab.issueRead(1, ['camille-oc']);
    gitlab.statusNoteEdited(1, containing('Time logged: @camille-oc 1h.'));
    await journey().step('Note Hook', noteOnIssue('camille-oc', '/wecena spend 1h', heldBy('camille-oc')));
  });
});
