import type { AutoTagCandidate, AutoTagOptOutHow, Assessment, SuitabilityCategory, SuitabilityReason } from '@wecena/core';
import type { Queryable } from '../database';

/** Where a repository's first scan stands. */
export interface DiscoveryScan {
  repositoryId: string;
  /** The forge's cursor of the next page; null for the first. */
  cursor: string | null;
  /** Not before this instant (the forge's rate limit); null: at once. */
  resumeAt: Date | null;
  startedAt: Date;
  finishedAt: Date | null;
  pages: number;
  issuesSeen: number;
}

interface ScanRow {
  repository_id: string;
  cursor: string | null;
  resume_at: Date | null;
  started_at: Date;
  finished_at: Date | null;
  pages: number;
  issues_seen: number;
}

function toScan(row: ScanRow): DiscoveryScan {
  return {
    repositoryId: String(row.repository_id),
    cursor: row.cursor,
    resumeAt: row.resume_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    pages: row.pages,
    issuesSeen: row.issues_seen,
  };
}

const SCAN_COLUMNS = 'repository_id::text AS repository_id, cursor, resume_at, started_at, finished_at, pages, issues_seen';

/** The repository's scan, started now when it has none; a scan already there (finished or not) is returned as is. */
export async function startDiscoveryScan(db: Queryable, repositoryId: string, now: Date): Promise<DiscoveryScan> {
  await db.query(
    `INSERT INTO discovery_scans (repository_id, started_at, updated_at) VALUES ($1, $2, $2) ON CONFLICT (repository_id) DO NOTHING`,
    [repositoryId, now],
  );
  const scan = await loadDiscoveryScan(db, repositoryId);
  if (scan === null) throw new Error('the discovery scan just inserted is missing');
  return scan;
}

export async function loadDiscoveryScan(db: Queryable, repositoryId: string): Promise<DiscoveryScan | null> {
  const { rows } = await db.query<ScanRow>(`SELECT ${SCAN_COLUMNS} FROM discovery_scans WHERE repository_id = $1`, [repositoryId]);
  return rows[0] ? toScan(rows[0]) : null;
}

/** Scans a restart must carry on, on enabled repositories, the earliest due first. */
export async function loadUnfinishedScans(db: Queryable): Promise<DiscoveryScan[]> {
  const { rows } = await db.query<ScanRow>(
    `SELECT s.repository_id::text AS repository_id, s.cursor, s.resume_at, s.started_at, s.finished_at, s.pages, s.issues_seen
       FROM discovery_scans s JOIN repositories r ON r.id = s.repository_id
      WHERE s.finished_at IS NULL AND r.enabled
      ORDER BY s.resume_at NULLS FIRST, s.repository_id`,
  );
  return rows.map(toScan);
}

/** The rate limit says wait: the scan resumes at `resumeAt`, even after a restart. */
export async function deferDiscoveryScan(db: Queryable, repositoryId: string, resumeAt: Date, now: Date): Promise<void> {
  await db.query(`UPDATE discovery_scans SET resume_at = $2, updated_at = $3 WHERE repository_id = $1`, [repositoryId, resumeAt, now]);
}

/**
 * Stores one page's assessments and moves the scan to the next cursor, in one transaction by
 * the caller's choice of `db`: a crash between the two would rescan one page, never skip one.
 */
export async function recordScanPage(
  db: Queryable,
  page: { repositoryId: string; assessments: readonly Assessment[]; hasOpenChangeRequest: ReadonlySet<number>; nextCursor: string | null; now: Date },
): Promise<void> {
  for (const assessment of page.assessments) {
    await recordAssessment(db, page.repositoryId, assessment, page.now, page.hasOpenChangeRequest.has(assessment.issueNumber));
  }
  await db.query(
    `UPDATE discovery_scans
        SET cursor = $2::text, resume_at = NULL, updated_at = $3::timestamptz, pages = pages + 1, issues_seen = issues_seen + $4,
            finished_at = CASE WHEN $2::text IS NULL THEN $3::timestamptz ELSE NULL END
      WHERE repository_id = $1`,
    [page.repositoryId, page.nextCursor, page.now, page.assessments.length],
  );
}

/**
 * Stores what a scan or an event found of one issue, replacing what was known. An issue the
 * gate refuses is kept unscored with the reason, and leaves the candidates.
 */
export async function recordAssessment(db: Queryable, repositoryId: string, assessment: Assessment, now: Date, hasOpenChangeRequest = false): Promise<void> {
  const row = assessment.candidate
    ? {
        forgeId: assessment.issueForgeId,
        title: assessment.title,
        url: assessment.url,
        labels: assessment.labels,
        score: assessment.suitability.score,
        suitable: assessment.suitability.suitable,
        reasons: assessment.suitability.reasons,
        missing: assessment.suitability.missing,
        category: assessment.suitability.category,
        skills: assessment.suitability.skills,
        ready: assessment.ready,
        failedReadiness: assessment.failedReadiness,
        refused: null,
      }
    : {
        forgeId: assessment.issueForgeId,
        title: assessment.title,
        url: assessment.url,
        labels: assessment.labels,
        score: 0,
        suitable: false,
        reasons: [],
        missing: null,
        category: 'other',
        skills: [],
        ready: false,
        failedReadiness: [],
        refused: assessment.reason,
      };
  await db.query(
    `INSERT INTO discovered_issues (repository_id, issue_number, issue_forge_id, title, url, labels, score, suitable, reasons, missing,
                                    category, skills, ready, failed_readiness, refused, has_open_change_request, scanned_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (repository_id, issue_number) DO UPDATE SET
       issue_forge_id = EXCLUDED.issue_forge_id, title = EXCLUDED.title, url = EXCLUDED.url, labels = EXCLUDED.labels,
       score = EXCLUDED.score, suitable = EXCLUDED.suitable, reasons = EXCLUDED.reasons, missing = EXCLUDED.missing,
       category = EXCLUDED.category, skills = EXCLUDED.skills, ready = EXCLUDED.ready, failed_readiness = EXCLUDED.failed_readiness,
       refused = EXCLUDED.refused, has_open_change_request = EXCLUDED.has_open_change_request, scanned_at = EXCLUDED.scanned_at`,
    [
      repositoryId,
      assessment.issueNumber,
      row.forgeId,
      row.title,
      row.url,
      row.labels,
      row.score,
      row.suitable,
      JSON.stringify(row.reasons),
      row.missing,
      row.category,
      row.skills,
      row.ready,
      row.failedReadiness,
      row.refused,
      hasOpenChangeRequest,
      now,
    ],
  );
}

/** A candidate as the maintainer's page shows it. */
export interface Candidate {
  issueNumber: number;
  title: string;
  url: string;
  labels: string[];
  score: number;
  suitable: boolean;
  reasons: SuitabilityReason[];
  /** For a near-miss, the one thing to add; null otherwise. */
  missing: string | null;
  category: SuitabilityCategory;
  skills: string[];
  /** The readiness checklist passes: marking it ready offers it at once. */
  ready: boolean;
  /** The checklist's blocking items that fail (`done_criteria`, `estimate`...). */
  failedReadiness: string[];
  scannedAt: Date;
  autoTaggedAt: Date | null;
  optedOutAt: Date | null;
}

interface CandidateRow {
  issue_number: number;
  title: string;
  url: string;
  labels: string[];
  score: number;
  suitable: boolean;
  reasons: SuitabilityReason[] | string;
  missing: string | null;
  category: SuitabilityCategory;
  skills: string[];
  ready: boolean;
  failed_readiness: string[];
  scanned_at: Date;
  tagged_at: Date | null;
  opted_out_at: Date | null;
  has_task: boolean;
}

const CANDIDATE_QUERY = `
  SELECT d.issue_number, d.title, d.url, d.labels, d.score, d.suitable, d.reasons, d.missing, d.category, d.skills, d.ready,
         d.failed_readiness, d.scanned_at, a.tagged_at, a.opted_out_at,
         EXISTS (SELECT 1 FROM tasks t WHERE t.repository_id = d.repository_id AND t.issue_number = d.issue_number) AS has_task
    FROM discovered_issues d
    LEFT JOIN auto_tagging a ON a.repository_id = d.repository_id AND a.issue_number = d.issue_number
   WHERE d.repository_id = $1 AND d.refused IS NULL`;

/**
 * The repository's candidates for its maintainers, best first (score, then ready ones, then the
 * oldest issue): each with the reasons of its score and, for a near-miss, the missing thing.
 * Issues already on wecena (a task in any state but candidate or withdrawn) are not candidates.
 */
export async function loadCandidates(db: Queryable, repositoryId: string): Promise<Candidate[]> {
  const { rows } = await db.query<CandidateRow>(
    `${CANDIDATE_QUERY}
       AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.repository_id = d.repository_id AND t.issue_number = d.issue_number
                          AND t.state NOT IN ('candidate', 'withdrawn'))
     ORDER BY d.score DESC, d.ready DESC, d.issue_number`,
    [repositoryId],
  );
  return rows.map((row) => ({
    issueNumber: row.issue_number,
    title: row.title,
    url: row.url,
    labels: row.labels,
    score: row.score,
    suitable: row.suitable,
    reasons: typeof row.reasons === 'string' ? (JSON.parse(row.reasons) as SuitabilityReason[]) : row.reasons,
    missing: row.missing,
    category: row.category,
    skills: row.skills,
    ready: row.ready,
    failedReadiness: row.failed_readiness,
    scannedAt: row.scanned_at,
    autoTaggedAt: row.tagged_at,
    optedOutAt: row.opted_out_at,
  }));
}

/** The candidates as the auto-tagger weighs them. */
export async function loadAutoTagCandidates(db: Queryable, repositoryId: string): Promise<AutoTagCandidate[]> {
  const { rows } = await db.query<CandidateRow>(`${CANDIDATE_QUERY} ORDER BY d.issue_number`, [repositoryId]);
  return rows.map((row) => ({
    issueNumber: row.issue_number,
    score: row.score,
    suitable: row.suitable,
    ready: row.ready,
    labels: row.labels,
    hasTask: row.has_task,
    taggedBefore: row.tagged_at !== null,
    optedOut: row.opted_out_at !== null,
  }));
}

/** Issues the bot tagged on the repository since `since` (the start of the UTC day, for the daily limit). */
export async function countAutoTagsSince(db: Queryable, repositoryId: string, since: Date): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM auto_tagging WHERE repository_id = $1 AND tagged_at >= $2`,
    [repositoryId, since],
  );
  return rows[0]?.count ?? 0;
}

export async function recordAutoTag(db: Queryable, repositoryId: string, issueNumber: number, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO auto_tagging (repository_id, issue_number, tagged_at) VALUES ($1, $2, $3)
     ON CONFLICT (repository_id, issue_number) DO UPDATE SET tagged_at = COALESCE(auto_tagging.tagged_at, EXCLUDED.tagged_at)`,
    [repositoryId, issueNumber, now],
  );
}

/** A maintainer said no to this issue: the first opt-out is kept, for ever. */
export async function recordAutoTagOptOut(db: Queryable, repositoryId: string, issueNumber: number, how: AutoTagOptOutHow, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO auto_tagging (repository_id, issue_number, opted_out_at, opted_out_how) VALUES ($1, $2, $3, $4)
     ON CONFLICT (repository_id, issue_number) DO UPDATE
       SET opted_out_at = COALESCE(auto_tagging.opted_out_at, EXCLUDED.opted_out_at),
           opted_out_how = COALESCE(auto_tagging.opted_out_how, EXCLUDED.opted_out_how)`,
    [repositoryId, issueNumber, now, how],
  );
}

/** Whether the stored listing linked an open change request to the issue (events do not say). */
export async function hasStoredOpenChangeRequest(db: Queryable, repositoryId: string, issueNumber: number): Promise<boolean> {
  const { rows } = await db.query<{ linked: boolean }>(
    `SELECT has_open_change_request AS linked FROM discovered_issues WHERE repository_id = $1 AND issue_number = $2`,
    [repositoryId, issueNumber],
  );
  return rows[0]?.linked ?? false;
}
