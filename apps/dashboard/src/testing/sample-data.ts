import type { Queryable } from '@wecena/db';
import {
  insertBeneficiary,
  insertConsultant,
  insertContribution,
  insertRepository,
  insertSponsor,
  insertTask,
} from './store-fixtures';

/** A small, varied store to look at: long titles, many skills, a GitLab repository, a ledger. */
export async function insertSampleData(db: Queryable): Promise<void> {
  const cartolibre = await insertBeneficiary(db, 'Cartolibre');
  const restos = await insertBeneficiary(db, 'Les Restos du Clavier');
  const map = await insertRepository(db, { path: 'cartolibre/cartolibre-web', beneficiaryId: cartolibre });
  const site = await insertRepository(db, { path: 'restos-du-clavier/site/frontend', beneficiaryId: restos, forge: 'gitlab', host: 'gitlab.com' });
  const sponsor = await insertSponsor(db, { name: 'Octoconseil', siren: '123456782' });
  const consultant = await insertConsultant(db, { sponsorId: sponsor, name: 'Camille Martin' });

  await insertTask(db, {
    repositoryId: map,
    issueNumber: 212,
    title: 'Translate the volunteer onboarding guide into English and check every link still works',
    state: 'ready',
    url: 'https://github.com/cartolibre/cartolibre-web/issues/212',
    estimateMinutes: 240,
    skills: ['writing', 'english'],
    category: 'content',
  });
  await insertTask(db, {
    repositoryId: site,
    issueNumber: 48,
    title: 'Add labels to the donation form fields for screen readers',
    state: 'ready',
    url: 'https://gitlab.com/restos-du-clavier/site/frontend/-/issues/48',
    estimateMinutes: 150,
    skills: ['html', 'accessibility', 'css'],
    category: 'accessibility',
  });
  await insertTask(db, {
    repositoryId: map,
    issueNumber: 215,
    title: 'Supercalifragilisticexpialidocious_identifier_that_never_breaks_in_the_middle_of_a_phone_screen',
    state: 'ready',
    url: 'https://github.com/cartolibre/cartolibre-web/issues/215',
    estimateMinutes: null,
    skills: ['typescript'],
  });
  await insertTask(db, { repositoryId: map, issueNumber: 220, title: 'Export the map legend as SVG', state: 'claimed' });
  await insertTask(db, { repositoryId: site, issueNumber: 50, title: 'Fix the CSV export of volunteers', state: 'in_review' });
  await insertTask(db, { repositoryId: site, issueNumber: 51, title: 'Write the README', state: 'candidate' });
  const done = await insertTask(db, { repositoryId: map, issueNumber: 199, title: 'Fix the tile cache headers', state: 'done' });
  await insertTask(db, { repositoryId: map, issueNumber: 201, title: 'Upgrade the map library', state: 'released' });

  const party = { consultantId: consultant, sponsorId: sponsor, beneficiaryId: cartolibre };
  const credit = await insertContribution(db, { kind: 'credit', taskId: done, minutes: 330, ...party });
  await insertContribution(db, { kind: 'adjustment', refersTo: credit, taskId: done, minutes: -15, ...party });
}
