import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { botComment, containing, github } from './support/github-api';
import { useGithubJourney } from './support/github-journey';
import { commentCreated, DESCRIPTION_WITHOUT_ESTIMATE, issueEdited, issueLabelEvent, READY_DESCRIPTION } from './support/github-payloads';
import { offerIssue } from './support/journey-steps';
import { MAINTAINER, STRANGER } from './support/journey-world';

/** The status comment of an issue that passed the checklist, as the maintainer reads it. */
const READY_STATUS = `<!-- wecena:status -->
**wecena** · Ready: a sponsored consultant can claim it with \`/wecena claim\`.

Readiness checklist:
- [x] The description says what done looks like.
- [x] Estimated at 3h (the description), within the 7h a consultant may have.
- [ ] (not blocking) No skill: map labels to skills under \`skills:\` in the wecena configuration, so that wecena can pair the issue with the right consultant.
- [x] Nobody is assigned.
- [x] The conversation is open.
- [x] It is an issue.
- [x] The repository belongs to an eligible beneficiary.
- [x] A contributing guide says how to set the project up.

<sub>Write \`/wecena help\` in a comment to see the commands you can use here.</sub>
`;

const NEEDS_INFO_HEADLINE =
  '**wecena** · Needs information before wecena can offer it: see the unticked items below. Editing the issue runs the checklist again.';
const ESTIMATE_MISSING =
  '- [ ] Give an estimate: add a size label (`size/L`, `size/M`, `size/S`, `size/XS`) or a line `estimate: 3h` to the description.';

describeEachEngine('GitHub journey: offering an issue', (engine) => {
  const journey = useGithubJourney(engine);

  it('a maintainer labels an issue wecena-ready: permission asked, checklist passed, status comment created', async () => {
    const { step, task } = journey();
    github.permission(MAINTAINER, 'write');
    github.contributingGuide(true);
    // The label is on the issue already: no label call, only the status comment.
    github.statusCommentCreated(1, READY_STATUS);

    await step('issues', issueLabelEvent('labeled', 'wecena-ready', { labels: ['wecena-ready'], body: READY_DESCRIPTION }));

    expect(await task(1)).toEqual({ state: 'ready', estimate_minutes: 180 });
  });

  it('/wecena ready creates the wecena labels the repository lacks, once, then adds the label', async () => {
    const { step, task } = journey();
    github.permission(MAINTAINER, 'write');
    github.contributingGuide(true);
    const created = github.labelsEnsured(['bug', 'wecena-done']);
    github.labelsAdded(1, ['wecena-ready']);
    github.statusCommentCreated(1, READY_STATUS);

    await step('issue_comment', commentCreated(MAINTAINER, '/wecena ready'));

    expect(created).toEqual([
      { name: 'wecena-ready', color: '0e8a16', description: 'Offered to sponsored consultants on wecena: doable in a day, no onboarding' },
      { name: 'wecena-claimed', color: '1d76db', description: 'A sponsored consultant is working on this issue through wecena' },
      { name: 'wecena-needs-info', color: 'fbca04', description: 'Needs more information before wecena can offer it' },
      { name: 'size/XS', color: 'c5def5', description: 'Estimate: 1h of work' },
      { name: 'size/S', color: 'c5def5', description: 'Estimate: 3h of work' },
      { name: 'size/M', color: 'c5def5', description: 'Estimate: 7h of work' },
      { name: 'size/L', color: 'e99695', description: 'Estimate: 14h, more than the 7h a wecena task may take' },
    ]);
    expect(await task(1)).toEqual({ state: 'ready', estimate_minutes: 180 });

    // Another issue: the labels are there now (GitHub lists them), none is created again.
    github.permission(MAINTAINER, 'write');
    github.contributingGuide(true);
    github.labelsAlreadyThere();
    github.labelsAdded(2, ['wecena-ready']);
    github.statusCommentCreated(2, READY_STATUS);

    await step('issue_comment', commentCreated(MAINTAINER, '/wecena ready', { number: 2 }));

    expect(await task(2)).toEqual({ state: 'ready', estimate_minutes: 180 });
  });

  it('a failing checklist: wecena-needs-info instead of wecena-ready, the unticked items in the status comment', async () => {
    const { step, task } = journey();
    github.permission(MAINTAINER, 'write');
    github.contributingGuide(false);
    github.labelsAlreadyThere();
    github.labelRemoved(1, 'wecena-ready');
    github.labelsAdded(1, ['wecena-needs-info']);
    github.statusCommentCreated(
      1,
      containing(
        NEEDS_INFO_HEADLINE,
        '- [x] The description says what done looks like.',
        ESTIMATE_MISSING,
        '- [ ] (not blocking) No CONTRIBUTING file nor setup section in the README',
      ),
    );

    await step('issues', issueLabelEvent('labeled', 'wecena-ready', { labels: ['wecena-ready'], body: DESCRIPTION_WITHOUT_ESTIMATE }));

    expect(await task(1)).toEqual({ state: 'candidate', estimate_minutes: null });
  });

  it('editing the issue runs the checklist again; the status comment is found by its marker and edited in place', async () => {
    const { step, task } = journey();
    github.permission(MAINTAINER, 'write');
    github.contributingGuide(true);
    github.labelsAlreadyThere();
    github.labelRemoved(1, 'wecena-ready');
    github.labelsAdded(1, ['wecena-needs-info']);
    github.statusCommentCreated(1, containing(NEEDS_INFO_HEADLINE, ESTIMATE_MISSING));
    await step('issues', issueLabelEvent('labeled', 'wecena-ready', { labels: ['wecena-ready'], body: DESCRIPTION_WITHOUT_ESTIMATE }));

    github.contributingGuide(true);
    github.labelsAlreadyThere();
    github.labelRemoved(1, 'wecena-needs-info');
    github.labelsAdded(1, ['wecena-ready']);
    // Found by the marker and its author, whatever its position: a person quoting the marker,
    // and another bot's comment, come first.
    github.statusCommentEdited(1, READY_STATUS, [
      { id: 4001, body: 'quoting <!-- wecena:status -->', user: { login: MAINTAINER, type: 'User' } },
      botComment(4002, 'another app'),
    ]);

    await step('issues', issueEdited({ labels: ['wecena-needs-info'], body: READY_DESCRIPTION, previousBody: DESCRIPTION_WITHOUT_ESTIMATE }));

    expect(await task(1)).toEqual({ state: 'ready', estimate_minutes: 180 });
  });

  it('/wecena unready by a maintainer withdraws the issue: label removed, status comment says so', async () => {
    const { step, task } = journey();
    await offerIssue(journey());

    github.permission(MAINTAINER, 'maintain');
    github.labelRemoved(1, 'wecena-ready');
    github.statusCommentEdited(1, containing('**wecena** · Withdrawn from wecena. A maintainer can offer it again with `/wecena ready`.'));

    await step('issue_comment', commentCreated(MAINTAINER, '/wecena unready', { labels: ['wecena-ready'] }));

    expect((await task(1))?.state).toBe('withdrawn');
  });

  it('removing the wecena-ready label withdraws the issue, with no permission asked', async () => {
    const { step, task } = journey();
    await offerIssue(journey());

    github.statusCommentEdited(1, containing('**wecena** · Withdrawn from wecena.'));

    await step('issues', issueLabelEvent('unlabeled', 'wecena-ready', { labels: [] }));

    expect((await task(1))?.state).toBe('withdrawn');
  });

  it("wecena's own label change, echoed back by GitHub, costs no request and changes nothing", async () => {
    const { step, task } = journey();
    await offerIssue(journey());

    await step('issues', issueLabelEvent('labeled', 'wecena-claimed', { labels: ['wecena-ready', 'wecena-claimed'], sender: 'wecena[bot]', senderType: 'Bot' }));

    expect((await task(1))?.state).toBe('ready');
  });

  it('refuses the wecena-ready label from someone without write access: label taken off, one reply', async () => {
    const { step, task } = journey();
    github.permission(STRANGER, 'triage');
    github.labelRemoved(1, 'wecena-ready');
    github.replied(
      1,
      '@octocat Only maintainers of the repository (write access or more) can offer an issue on wecena, so the `wecena-ready` label was removed.',
    );

    await step('issues', issueLabelEvent('labeled', 'wecena-ready', { labels: ['wecena-ready'], sender: STRANGER }));

    expect(await task(1)).toBeNull();
  });

  it('refuses /wecena ready from someone without write access, with one reply', async () => {
    const { step, task } = journey();
    github.permission(STRANGER, 'read');
    github.replied(1, '@octocat Only maintainers of the repository (write access or more) can use `/wecena ready`.');

    await step('issue_comment', commentCreated(STRANGER, '/wecena ready'));

    expect(await task(1)).toBeNull();
  });
});
