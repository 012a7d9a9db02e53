import type { Database } from '@wecena/db';
import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { containing, github } from './support/github-api';
import { useGithubJourney } from './support/github-journey';
import { commentCreated, installationDeleted, installationRepositories, issueLabelEvent } from './support/github-payloads';
import { MAINTAINER, REPOSITORY_FORGE_ID, REPOSITORY_PATH } from './support/journey-world';

const HELLO_WORLD = { id: Number(REPOSITORY_FORGE_ID), full_name: REPOSITORY_PATH };

async function repositories(db: Database) {
  const { rows } = await db.query<{ path: string; enabled: boolean; installation_id: string | null; beneficiary_id: string | null }>(
    `SELECT path, enabled, installation_id, beneficiary_id FROM repositories ORDER BY id`,
  );
  return rows;
}

describeEachEngine('GitHub journey: installing the App', (engine) => {
  const journey = useGithubJourney(engine, { installed: false });

  it('installing the App on a repository registers it, linked to no beneficiary: the checklist says so', async () => {
    const { step, db, task } = journey();

    await step('installation_repositories', installationRepositories('added', [HELLO_WORLD]));

    expect(await repositories(db)).toEqual([{ path: REPOSITORY_PATH, enabled: true, installation_id: '1', beneficiary_id: null }]);

    // Its first event reads .github/wecena.yml (there is none: defaults apply).
    github.configFile(null);
    github.permission(MAINTAINER, 'write');
    github.contributingGuide(true);
    github.labelsAlreadyThere();
    github.labelRemoved(1, 'wecena-ready');
    github.labelsAdded(1, ['wecena-needs-info']);
    github.statusCommentCreated(
      1,
      containing(
        '- [ ] This repository is not linked to an eligible beneficiary yet: the wecena operator links it once the project is checked.',
      ),
    );

    await step('issues', issueLabelEvent('labeled', 'wecena-ready', { labels: ['wecena-ready'] }));

    expect((await task(1))?.state).toBe('candidate');
  });

  it.each([
    { name: 'removing the repository from the installation', event: 'installation_repositories', payload: () => installationRepositories('removed', [HELLO_WORLD]) },
    { name: 'uninstalling the App', event: 'installation', payload: () => installationDeleted([HELLO_WORLD]) },
  ])('$name disables the repository, deletes nothing, and wecena stops acting on it', async ({ event, payload }) => {
    const { step, db, task } = journey();
    await step('installation_repositories', installationRepositories('added', [HELLO_WORLD]));

    await step(event, payload());

    expect(await repositories(db)).toEqual([{ path: REPOSITORY_PATH, enabled: false, installation_id: '1', beneficiary_id: null }]);
    // No request to GitHub (the mock fails on any), nothing stored.
    await step('issue_comment', commentCreated(MAINTAINER, '/wecena ready'));
    expect(await task(1)).toBeNull();
  });
});
