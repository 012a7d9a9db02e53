import type { Database } from '@wecena/db';
import { seedDemo } from '@wecena/db';
import { DEMO_NOW } from './sample-data';
import { insertBeneficiary, insertConsultant, insertContribution, insertRepository, insertSponsor, insertTask } from './store-fixtures';

/** The ids of the demo world and of a second sponsor, for role and tenancy tests. */
export interface DemoWorld {
  sponsorId: string;
  reviewerId: string;
  consultantId: string;
  beneficiaryId: string;
  /** The demo's pending credit (Léa's, for Entraide Solidaire). */
  pendingCreditId: string;
  /** A ready task of the demo (public), and its claimed one (not). */
  readyTaskId: string;
  claimedTaskId: string;
  other: { sponsorId: string; reviewerId: string; consultantId: string; beneficiaryId: string; creditId: string };
}

async function idOf(db: Database, sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`no row for ${sql}`);
  return String(id);
}

/** The demo data, plus another sponsor with its reviewer, consultant, beneficiary and a credit. */
export async function insertDemoWorld(db: Database): Promise<DemoWorld> {
  await seedDemo(db, { now: DEMO_NOW });
  const sponsorId = await idOf(db, `SELECT id FROM sponsors WHERE name = 'Octet Conseil'`);
  const otherSponsorId = await insertSponsor(db, { name: 'Autre Conseil', siren: '552100554' });
  const otherBeneficiaryId = await insertBeneficiary(db, 'Bibliothèque <b>Libre</b>');
  const otherConsultantId = await insertConsultant(db, { sponsorId: otherSponsorId, name: 'Noé <script>alert(1)</script>' });
  const repositoryId = await insertRepository(db, { path: 'biblio/libre', beneficiaryId: otherBeneficiaryId });
  const taskId = await insertTask(db, { repositoryId, issueNumber: 3, title: 'Catalogue <script>alert(2)</script>', state: 'done' });
  const creditId = await insertContribution(db, {
    kind: 'credit',
    taskId,
    consultantId: otherConsultantId,
    sponsorId: otherSponsorId,
    beneficiaryId: otherBeneficiaryId,
    minutes: 60,
  });
  const otherReviewerId = await idOf(
    db,
    `INSERT INTO sponsor_reviewers (sponsor_id, display_name, email) VALUES ($1, 'Ana Autre', 'ana@autre.example') RETURNING id`,
    [otherSponsorId],
  );
  return {
    sponsorId,
    reviewerId: await idOf(db, 'SELECT id FROM sponsor_reviewers WHERE sponsor_id = $1', [sponsorId]),
    consultantId: await idOf(db, `SELECT id FROM consultants WHERE display_name = 'Camille Martin'`),
    beneficiaryId: await idOf(db, `SELECT id FROM beneficiaries WHERE name = 'Entraide Solidaire'`),
    pendingCreditId: await idOf(db, `SELECT id FROM contributions WHERE kind = 'credit' AND sponsor_id = $1`, [sponsorId]),
    readyTaskId: await idOf(db, `SELECT id FROM tasks WHERE state = 'ready' ORDER BY id LIMIT 1`),
    claimedTaskId: await idOf(db, `SELECT id FROM tasks WHERE state = 'claimed' ORDER BY id LIMIT 1`),
    other: { sponsorId: otherSponsorId, reviewerId: otherReviewerId, consultantId: otherConsultantId, beneficiaryId: otherBeneficiaryId, creditId },
  };
}
