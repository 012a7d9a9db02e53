import type { IsoDate, Instant, PairingConsultant, PairingInput, PairingTask, PairingWindow, SkillLevel } from '@wecena/core';
import type { Queryable } from '../database';

/** The day and the instant a pairing runs for. */
export interface PairingTime {
  /** The calendar day: a consultant's window must cover it. */
  today: IsoDate;
  /** The instant: task ages are counted from it. */
  now: Instant;
}

/**
 * The pairing time of an instant: that instant, and its day in UTC. (Windows are calendar days;
 * UTC keeps every instance of wecena on the same day whatever its host's time zone.)
 */
export function pairingTimeAt(instant: Date): PairingTime {
  const now = instant.toISOString();
  return { today: now.slice(0, 10), now };
}

// The consultants pairing considers: active, with a window covering today.
const AVAILABLE = `
  available AS (
    SELECT c.id, c.sponsor_id, c.open_claims_limit, c.languages, c.causes
      FROM consultants c
     WHERE c.active
       AND EXISTS (SELECT 1 FROM availability_windows w
                    WHERE w.consultant_id = c.id AND w.from_date <= $1::date AND w.to_date >= $1::date))`;

interface ConsultantRow {
  id: string;
  sponsor_id: string;
  open_claims_limit: number;
  languages: string[];
  causes: string[];
}

interface TaskRow {
  id: string;
  url: string;
  skills: string[];
  estimate_minutes: number;
  beneficiary_id: string;
  cause: string | null;
  language: string | null;
  state_changed_at: Date;
  handoff_author_id: string | null;
}

function groupBy<Row, Value>(rows: readonly Row[], key: (row: Row) => string, value: (row: Row) => Value): Map<string, Value[]> {
  const groups = new Map<string, Value[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group === undefined) groups.set(key(row), [value(row)]);
    else group.push(value(row));
  }
  return groups;
}

/**
 * What the pairing engine needs, read from the store:
 * - consultants who are active and have an availability window covering `today`, with their
 *   skills and levels, languages, preferred causes, the windows covering today, their open
 *   claims and the minutes those still need (estimate minus what they logged on it);
 * - for relay continuity, the beneficiaries each one already worked for (a credit, a time log,
 *   or a claim they completed, released, were recalled from or still hold), and among the
 *   authors of the ready tasks' hand-offs, those who work for the same sponsor;
 * - ready tasks with an estimate and no open claim, in an enabled repository that belongs to a
 *   beneficiary (the work of any other counts for no one), with the task's cause or else its
 *   beneficiary's, ready since their last change of state, and the hand-off author: the
 *   consultant of the task's last claim that ended released, expired or recalled.
 * Consultants and tasks come in id order.
 */
export async function loadPairingInput(db: Queryable, time: PairingTime): Promise<PairingInput> {
  const params = [time.today];
  const [consultants, windows, skills, claims, past, tasks] = await Promise.all([
    db.query<ConsultantRow>(`WITH ${AVAILABLE} SELECT * FROM available ORDER BY id`, params),
    db.query<{ consultant_id: string; from_date: string; to_date: string; minutes_per_day: number }>(
      `WITH ${AVAILABLE}
       SELECT w.consultant_id, w.from_date, w.to_date, w.minutes_per_day
         FROM availability_windows w JOIN available a ON a.id = w.consultant_id
        WHERE w.from_date <= $1::date AND w.to_date >= $1::date
        ORDER BY w.consultant_id, w.from_date, w.id`,
      params,
    ),
    db.query<{ consultant_id: string; skill: string; level: number }>(
      `WITH ${AVAILABLE}
       SELECT k.consultant_id, k.skill, k.level FROM consultant_skills k JOIN available a ON a.id = k.consultant_id
        ORDER BY k.consultant_id, k.skill`,
      params,
    ),
    db.query<{ consultant_id: string; open_claims: number; committed_minutes: number }>(
      `WITH ${AVAILABLE}
       SELECT l.consultant_id, count(*)::int AS open_claims,
              COALESCE(sum(GREATEST(0, COALESCE(t.estimate_minutes, 0) - COALESCE(g.minutes, 0))), 0)::int AS committed_minutes
         FROM claims l
         JOIN available a ON a.id = l.consultant_id
         JOIN tasks t ON t.id = l.task_id
         LEFT JOIN (SELECT task_id, consultant_id, sum(minutes) AS minutes FROM time_logs GROUP BY task_id, consultant_id) g
                ON g.task_id = l.task_id AND g.consultant_id = l.consultant_id
        WHERE l.ended_at IS NULL
        GROUP BY l.consultant_id`,
      params,
    ),
    db.query<{ consultant_id: string; beneficiary_id: string }>(
      `WITH ${AVAILABLE},
       worked AS (
         SELECT l.consultant_id, l.task_id FROM claims l
          WHERE l.ended_at IS NULL OR l.ended_how IN ('completed', 'released', 'recalled')
         UNION
         SELECT g.consultant_id, g.task_id FROM time_logs g)
       SELECT DISTINCT p.consultant_id, p.beneficiary_id FROM (
         SELECT w.consultant_id, r.beneficiary_id
           FROM worked w JOIN tasks t ON t.id = w.task_id JOIN repositories r ON r.id = t.repository_id
         UNION
         SELECT k.consultant_id, k.beneficiary_id FROM contributions k WHERE k.kind = 'credit') p
         JOIN available a ON a.id = p.consultant_id
        WHERE p.beneficiary_id IS NOT NULL
        ORDER BY p.consultant_id, p.beneficiary_id`,
      params,
    ),
    db.query<TaskRow>(
      `WITH handoffs AS (
         SELECT DISTINCT ON (l.task_id) l.task_id, l.consultant_id
           FROM claims l
          WHERE l.ended_how IN ('released', 'expired', 'recalled')
          ORDER BY l.task_id, l.ended_at DESC, l.id DESC)
       SELECT t.id, t.url, t.skills, t.estimate_minutes, r.beneficiary_id, COALESCE(t.cause, b.cause) AS cause, t.language,
              t.state_changed_at, h.consultant_id AS handoff_author_id
         FROM tasks t
         JOIN repositories r ON r.id = t.repository_id
         JOIN beneficiaries b ON b.id = r.beneficiary_id
         LEFT JOIN handoffs h ON h.task_id = t.id
        WHERE t.state = 'ready' AND r.enabled AND t.estimate_minutes IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM claims o WHERE o.task_id = t.id AND o.ended_at IS NULL)
        ORDER BY t.id`,
    ),
  ]);

  const authors = [...new Set(tasks.rows.flatMap((task) => task.handoff_author_id ?? []))];
  const authorSponsors =
    authors.length === 0
      ? []
      : (await db.query<{ id: string; sponsor_id: string }>(`SELECT id, sponsor_id FROM consultants WHERE id = ANY ($1::bigint[])`, [authors])).rows;
  const authorsBySponsor = groupBy(authorSponsors, (row) => row.sponsor_id, (row) => row.id);

  const windowsOf = groupBy(windows.rows, (row) => row.consultant_id, (row): PairingWindow => ({
    from: row.from_date,
    to: row.to_date,
    minutesPerDay: row.minutes_per_day,
  }));
  const skillsOf = groupBy(skills.rows, (row) => row.consultant_id, (row) => ({ name: row.skill, level: row.level as SkillLevel }));
  const claimsOf = new Map(claims.rows.map((row) => [row.consultant_id, row]));
  const pastOf = groupBy(past.rows, (row) => row.consultant_id, (row) => row.beneficiary_id);

  return {
    today: time.today,
    now: time.now,
    consultants: consultants.rows.map(
      (row): PairingConsultant => ({
        id: row.id,
        skills: skillsOf.get(row.id) ?? [],
        languages: row.languages,
        causes: row.causes,
        windows: windowsOf.get(row.id) ?? [],
        openClaimsLimit: row.open_claims_limit,
        openClaims: claimsOf.get(row.id)?.open_claims ?? 0,
        committedMinutes: claimsOf.get(row.id)?.committed_minutes ?? 0,
        pastBeneficiaryIds: pastOf.get(row.id) ?? [],
        // A consultant is not their own teammate: their own note earns them nothing more.
        teammateIds: (authorsBySponsor.get(row.sponsor_id) ?? []).filter((author) => author !== row.id),
      }),
    ),
    tasks: tasks.rows.map(
      (row): PairingTask => ({
        id: row.id,
        url: row.url,
        skills: row.skills,
        estimateMinutes: row.estimate_minutes,
        beneficiaryId: row.beneficiary_id,
        cause: row.cause,
        language: row.language,
        readySince: row.state_changed_at.toISOString(),
        handoffAuthorId: row.handoff_author_id,
      }),
    ),
  };
}
