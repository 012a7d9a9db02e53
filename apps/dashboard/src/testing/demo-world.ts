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

/** A task title that runs a script wherever a page forgets to escape it. */
export const HOSTILE_TITLE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';

/** What insertJourneyRows adds to the demo world, for end-to-end journeys. */
export interface JourneyRows {
  /** Two more pending credits of the demo sponsor, besides Léa's: Camille's (for Entraide Solidaire, titled HOSTILE_TITLE), Yanis's (for Cartolibre). */
  hostileCreditId: string;
  otherCreditId: string;
  /** A ready task of Entraide Solidaire titled HOSTILE_TITLE. */
  hostileReadyTaskId: string;
  /** A GitHub delivery the worker gave up on. */
  parkedDeliveryId: string;
}

/** A pending credit valued at `hourlyCostCents`, as the engine records one when work lands. */
async function insertValuedCredit(
  db: Database,
  credit: { taskId: string; consultantId: string; sponsorId: string; beneficiaryId: string; minutes: number; hourlyCostCents: number; landedAt: string; proofUrl: string },
): Promise<string> {
  return idOf(
    db,
    `INSERT INTO contributions (kind, task_id, consultant_id, sponsor_id, beneficiary_id, change_request_url, landed_at, minutes, valuation_cents, review_status, recorded_by)
     VALUES ('credit', $1, $2, $3, $4, $5, $6, $7, $8, 'pending', 'wecena') RETURNING id`,
    [credit.taskId, credit.consultantId, credit.sponsorId, credit.beneficiaryId, credit.proofUrl, credit.landedAt, credit.minutes, Math.round((credit.minutes * credit.hourlyCostCents) / 60)],
  );
}

/**
 * Rows a journey through every role needs on top of insertDemoWorld: three contributions to
 * review (to approve, adjust and reject), a hostile title on pages that show titles, and a
 * parked delivery for the operator to retry. Landed on 1 March 2026, before DEMO_NOW.
 */
export async function insertJourneyRows(db: Database, world: DemoWorld): Promise<JourneyRows> {
  const entraideRepositoryId = await idOf(db, 'SELECT id FROM repositories WHERE beneficiary_id = $1', [world.beneficiaryId]);
  const cartolibreId = await idOf(db, `SELECT id FROM beneficiaries WHERE name = 'Cartolibre'`);
  const cartolibreRepositoryId = await idOf(db, 'SELECT id FROM repositories WHERE beneficiary_id = $1', [cartolibreId]);
  const yanisId = await idOf(db, `SELECT id FROM consultants WHERE display_name = 'Yanis Benali'`);
  const hostileReadyTaskId = await insertTask(db, { repositoryId: entraideRepositoryId, issueNumber: 901, title: HOSTILE_TITLE, state: 'ready', estimateMinutes: 60 });
  const hostileDoneTaskId = await insertTask(db, { repositoryId: entraideRepositoryId, issueNumber: 902, title: HOSTILE_TITLE, state: 'done' });
  const otherTaskId = await insertTask(db, { repositoryId: cartolibreRepositoryId, issueNumber: 903, title: 'Clean up the legend colours', state: 'done' });
  const landedAt = '2026-03-01T15:00:00Z';
  const hostileCreditId = await insertValuedCredit(db, {
    taskId: hostileDoneTaskId,
    consultantId: world.consultantId,
    sponsorId: world.sponsorId,
    beneficiaryId: world.beneficiaryId,
    minutes: 120,
    hourlyCostCents: 5_800,
    landedAt,
    proofUrl: 'https://gitlab.com/entraide-solidaire/site-benevoles/-/merge_requests/902',
  });
  const otherCreditId = await insertValuedCredit(db, {
    taskId: otherTaskId,
    consultantId: yanisId,
    sponsorId: world.sponsorId,
    beneficiaryId: cartolibreId,
    minutes: 90,
    hourlyCostCents: 5_100,
    landedAt,
    proofUrl: 'https://github.com/cartolibre/cartolibre/pull/903',
  });
  const parkedDeliveryId = 'parked-journey-1';
  await db.query(
    `INSERT INTO inbox_deliveries (source, delivery_id, event_name, received_at, body, status, attempts, next_attempt_at, last_error)
     VALUES ('github', $1, 'issue_comment', $2, '\\x7b7d', 'parked', 8, $2, 'payload did not parse')`,
    [parkedDeliveryId, DEMO_NOW],
  );
  return { hostileCreditId, otherCreditId, hostileReadyTaskId, parkedDeliveryId };
}
