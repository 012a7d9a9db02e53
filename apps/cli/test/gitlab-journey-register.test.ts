import type { Database } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { containing } from './support/github-api';
import { gitlab } from './support/gitlab-api';
import { useGitlabJourney } from './support/gitlab-journey';
import { issueUpdated, noteOnIssue } from './support/gitlab-payloads';
import { GITLAB_MAINTAINER, GITLAB_PROJECT_PATH } from './support/journey-world';

async function repositories(db: Database) {
  const { rows } = await db.query<{ forge: string; host: string; forge_id: string; path: string; enabled: boolean; beneficiary_id: string | null }>(
    `SELECT forge, host, forge_id, path, enabled, beneficiary_id FROM repositories ORDER BY id`,
  );
  return rows;
}

describeEachEngine('GitLab journey: a project registers with its first event', (engine) => {
  const journey = useGitlabJourney(engine, { registered: false });

  it('the first hook of a project registers it on its instance, unlinked: .gitlab/wecena.yml read, the checklist says the project is not linked', async () => {
    const { step, db, task } = journey();
    gitlab.configFile(null);
    gitlab.accessLevel(GITLAB_MAINTAINER, 30);
    gitlab.contributingGuide(true);
    gitlab.labelsAlreadyThere();
    gitlab.labelsRemoved(1, ['wecena-ready']);
    gitlab.labelsAdded(1, ['wecena-needs-info']);
    gitlab.statusNoteCreated(
      1,
      containing('- [ ] This repository is not linked to an eligible beneficiary yet: the wecena operator links it once the project is checked.'),
    );

    await step('Issue Hook', issueUpdated({ labels: ['wecena-ready'], previousLabels: [] }));

    expect(await repositories(db)).toEqual([
      { forge: 'gitlab', host: 'gitlab.example.org', forge_id: '1', path: GITLAB_PROJECT_PATH, enabled: true, beneficiary_id: null },
    ]);
    expect((await task(1))?.state).toBe('candidate');
  });

  it('a project on an instance wecena holds no token for is registered under that host, and nothing is asked of any GitLab', async () => {
    const { step, db, task } = journey();

    await step('Note Hook', noteOnIssue(GITLAB_MAINTAINER, '/wecena ready'), { instance: 'https://framagit.org' });

    expect(await repositories(db)).toEqual([expect.objectContaining({ forge: 'gitlab', host: 'framagit.org', forge_id: '1', beneficiary_id: null })]);
    expect(await task(1)).toBeNull();
  });
});
