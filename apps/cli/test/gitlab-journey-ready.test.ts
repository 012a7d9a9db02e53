import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { containing } from './support/github-api';
import { GITLAB_BOT, gitlab, note } from './support/gitlab-api';
import { useGitlabJourney } from './support/gitlab-journey';
import { DESCRIPTION_WITHOUT_ESTIMATE, issueUpdated, noteOnIssue } from './support/gitlab-payloads';
import { GITLAB_MAINTAINER } from './support/journey-world';

/** The status note of an issue that passed the checklist: the same words as on GitHub. */
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

describeEachEngine('GitLab journey: offering an issue', (engine) => {
  const journey = useGitlabJourney(engine);

  it('a Developer adds the wecena-ready label (Issue Hook, changes.labels): access checked on members/all, checklist passed, status note created', async () => {
    const { step, task } = journey();
    gitlab.accessLevel(GITLAB_MAINTAINER, 30);
    gitlab.contributingGuide(true);
    // The label is on the issue already: no label call, only the status note.
    gitlab.statusNoteCreated(1, READY_STATUS);

    await step('Issue Hook', issueUpdated({ labels: ['wecena-ready'], previousLabels: [] }));

    expect(await task(1)).toEqual({ state: 'ready', estimate_minutes: 180 });
  });

  it('/wecena ready in a note creates the wecena labels the project lacks, once, then adds the label', async () => {
    const { step, task } = journey();
    gitlab.issueRead(1);
    gitlab.accessLevel(GITLAB_MAINTAINER, 40);
    gitlab.contributingGuide(true);
    const created = gitlab.labelsEnsured(['bug', 'wecena-done']);
    gitlab.labelsAdded(1, ['wecena-ready']);
    gitlab.statusNoteCreated(1, READY_STATUS);

    await step('Note Hook', noteOnIssue(GITLAB_MAINTAINER, '/wecena ready'));

    expect(created.map((label) => label.name)).toEqual(['wecena-ready', 'wecena-claimed', 'wecena-needs-info', 'size/XS', 'size/S', 'size/M', 'size/L']);
    expect(await task(1)).toEqual({ state: 'ready', estimate_minutes: 180 });

    // Another issue: the labels are there now (GitLab lists them), none is created again.
    gitlab.issueRead(2);
    gitlab.accessLevel(GITLAB_MAINTAINER, 40);
    gitlab.contributingGuide(true);
    gitlab.labelsAlreadyThere();
    gitlab.labelsAdded(2, ['wecena-ready']);
    gitlab.statusNoteCreated(2, READY_STATUS);

    await step('Note Hook', noteOnIssue(GITLAB_MAINTAINER, '/wecena ready', { iid: 2 }));

    expect(await task(2)).toEqual({ state: 'ready', estimate_minutes: 180 });
  });

  it('/wecena ready on an issue someone is assigned to: the note hook names them by id, the issue is read, the checklist says so', async () => {
    const { step, task } = journey();
    gitlab.issueRead(1, ['visitor']);
    gitlab.accessLevel(GITLAB_MAINTAINER, 30);
    gitlab.contributingGuide(true);
    gitlab.labelsAlreadyThere();
    gitlab.labelsAdded(1, ['wecena-needs-info']);
    gitlab.statusNoteCreated(1, containing(NEEDS_INFO_HEADLINE, '- [ ] The issue is assigned (`visitor`): unassign it so that a consultant can claim it.'));

    await step('Note Hook', noteOnIssue(GITLAB_MAINTAINER, '/wecena ready', { assignees: ['visitor'] }));

    expect((await task(1))?.state).toBe('candidate');
  });

  it('a failing checklist: wecena-needs-info instead of wecena-ready, the unticked items in the status note', async () => {
    const { step, task } = journey();
    gitlab.accessLevel(GITLAB_MAINTAINER, 30);
    gitlab.contributingGuide(false);
    gitlab.labelsAlreadyThere();
    gitlab.labelsRemoved(1, ['wecena-ready']);
    gitlab.labelsAdded(1, ['wecena-needs-info']);
    gitlab.statusNoteCreated(
      1,
      containing(NEEDS_INFO_HEADLINE, ESTIMATE_MISSING, '- [ ] (not blocking) No CONTRIBUTING file nor setup section in the README'),
    );

    await step('Issue Hook', issueUpdated({ labels: ['wecena-ready'], previousLabels: [], description: DESCRIPTION_WITHOUT_ESTIMATE }));

    expect(await task(1)).toEqual({ state: 'candidate', estimate_minutes: null });
  });

  it('editing the description runs the checklist again; the status note is found by marker and author, and edited in place', async () => {
    const { step, task } = journey();
    gitlab.accessLevel(GITLAB_MAINTAINER, 30);
    gitlab.contributingGuide(true);
    gitlab.labelsAlreadyThere();
    gitlab.labelsRemoved(1, ['wecena-ready']);
    gitlab.labelsAdded(1, ['wecena-needs-info']);
    gitlab.statusNoteCreated(1, containing(NEEDS_INFO_HEADLINE, ESTIMATE_MISSING));
    await step('Issue Hook', issueUpdated({ labels: ['wecena-ready'], previousLabels: [], description: DESCRIPTION_WITHOUT_ESTIMATE }));

    gitlab.contributingGuide(true);
    gitlab.labelsAlreadyThere();
    gitlab.labelsRemoved(1, ['wecena-needs-info']);
    gitlab.labelsAdded(1, ['wecena-ready']);
    // A person quoting the marker, and GitLab's system note of the bot's label change, come first.
    gitlab.statusNoteEdited(1, READY_STATUS, [
      note(4001, 'quoting <!-- wecena:status -->', GITLAB_MAINTAINER),
      note(4002, 'added ~"wecena-needs-info" label <!-- wecena:status -->', GITLAB_BOT, true),
    ]);

    await step('Issue Hook', issueUpdated({ labels: ['wecena-needs-info'], previousDescription: DESCRIPTION_WITHOUT_ESTIMATE }));

    expect(await task(1)).toEqual({ state: 'ready', estimate_minutes: 180 });
  });

  it('removing the wecena-ready label withdraws the issue, with no access asked', async () => {
    const { step, task } = journey();
    gitlab.accessLevel(GITLAB_MAINTAINER, 30);
    gitlab.contributingGuide(true);
    gitlab.statusNoteCreated(1, READY_STATUS);
    await step('Issue Hook', issueUpdated({ labels: ['wecena-ready'], previousLabels: [] }));

    gitlab.statusNoteEdited(1, containing('**wecena** · Withdrawn from wecena.'));
    await step('Issue Hook', issueUpdated({ labels: [], previousLabels: ['wecena-ready'] }));

    expect((await task(1))?.state).toBe('withdrawn');
  });

  it("wecena's own notes and label changes, echoed back by GitLab under the bot user, cost no request and change nothing", async () => {
    const { step, task } = journey();
    gitlab.accessLevel(GITLAB_MAINTAINER, 30);
    gitlab.contributingGuide(true);
    gitlab.statusNoteCreated(1, READY_STATUS);
    await step('Issue Hook', issueUpdated({ labels: ['wecena-ready'], previousLabels: [] }));

    // The status note quotes `/wecena claim`; the help note lists every command.
    await step('Note Hook', noteOnIssue(GITLAB_BOT, READY_STATUS, { labels: ['wecena-ready'] }));
    await step('Note Hook', noteOnIssue(GITLAB_BOT, '/wecena ready\n/wecena claim', { labels: ['wecena-ready'] }));
    await step('Issue Hook', issueUpdated({ by: GITLAB_BOT, labels: ['wecena-ready', 'wecena-claimed'], previousLabels: ['wecena-ready'] }));

    expect((await task(1))?.state).toBe('ready');
  });

  it.each([
    { name: 'a Reporter', level: 20 },
    { name: 'someone who is no member', level: null },
  ])('refuses the wecena-ready label from $name: label taken off, one reply', async ({ level }) => {
    const { step, task } = journey();
    gitlab.accessLevel('visitor', level);
    gitlab.labelsRemoved(1, ['wecena-ready']);
    gitlab.replied(
      1,
      '@visitor Only maintainers of the repository (write access or more) can offer an issue on wecena, so the `wecena-ready` label was removed.',
    );

    await step('Issue Hook', issueUpdated({ by: 'visitor', labels: ['wecena-ready'], previousLabels: [] }));

    expect(await task(1)).toBeNull();
  });

  it('refuses /wecena ready from a Guest, with one reply', async () => {
    const { step, task } = journey();
    gitlab.issueRead(1);
    gitlab.accessLevel('visitor', 10);
    gitlab.replied(1, '@visitor Only maintainers of the repository (write access or more) can use `/wecena ready`.');

    await step('Note Hook', noteOnIssue('visitor', '/wecena ready'));

    expect(await task(1)).toBeNull();
  });

  it('a GitLab system note (GitLab\'s own activity line) is no command', async () => {
    const { step, task } = journey();
    const payload = noteOnIssue(GITLAB_MAINTAINER, '/wecena ready');
    (payload['object_attributes'] as Record<string, unknown>)['system'] = true;

    await step('Note Hook', payload);

    expect(await task(1)).toBeNull();
  });
});
