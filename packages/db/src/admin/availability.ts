import type { Database, Queryable } from '../database';
import type { Added } from './beneficiaries';
import type { WindowRecord } from './consultants';
import { type AdminOutcome, refuse, runAdmin } from './outcome';
import { type NamedConsultant, describeNamed, resolveConsultant } from './references';

export interface WindowInput {
  /** The consultant, by id, exact name or forge login. */
  consultant: string;
  from: string;
  to: string;
  minutesPerDay: number;
}

export interface WindowsOfConsultant {
  consultant: NamedConsultant;
  windows: WindowRecord[];
}

/** `#4 2026-03-02 → 2026-03-06, 7h a day`: how a window is named back to the operator. */
export function describeWindow(window: WindowRecord): string {
  const hours = window.minutesPerDay / 60;
  return `#${window.id} ${window.from} → ${window.to}, ${Number.isInteger(hours) ? hours : hours.toFixed(2)}h a day`;
}

const WINDOW_COLUMNS = `id, from_date AS "from", to_date AS "to", minutes_per_day AS "minutesPerDay"`;

async function selectWindows(db: Queryable, consultantId: string): Promise<WindowRecord[]> {
  const { rows } = await db.query<WindowRecord>(
    `SELECT ${WINDOW_COLUMNS} FROM availability_windows WHERE consultant_id = $1 ORDER BY from_date, id`,
    [consultantId],
  );
  return rows;
}

/** Locks the consultant's row, so that two operators adding windows at once cannot both pass the overlap check. */
async function lockConsultant(db: Queryable, consultantId: string): Promise<void> {
  await db.query('SELECT 1 FROM consultants WHERE id = $1 FOR UPDATE', [consultantId]);
}

/**
 * Adds the days a consultant is free. A window overlapping another of theirs is refused, naming
 * it; the very same window again changes nothing.
 */
export async function addWindow(db: Database, input: WindowInput): Promise<AdminOutcome<Added<WindowRecord> & { consultant: NamedConsultant }>> {
  return runAdmin(db, async (tx) => {
    const consultant = await resolveConsultant(tx, input.consultant);
    await lockConsultant(tx, consultant.id);
    const windows = await selectWindows(tx, consultant.id);
    const same = windows.find((window) => window.from === input.from && window.to === input.to && window.minutesPerDay === input.minutesPerDay);
    if (same) return { consultant, record: same, created: false };
    const clashes = windows.filter((window) => window.from <= input.to && input.from <= window.to);
    if (clashes.length > 0) {
      refuse(
        `${input.from} → ${input.to} overlaps the availability of ${describeNamed(consultant)}: ${clashes.map(describeWindow).join(', ')}`,
      );
    }
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO availability_windows (consultant_id, from_date, to_date, minutes_per_day) VALUES ($1, $2, $3, $4) RETURNING id`,
      [consultant.id, input.from, input.to, input.minutesPerDay],
    );
    return { consultant, record: { id: rows[0]?.id ?? '', from: input.from, to: input.to, minutesPerDay: input.minutesPerDay }, created: true };
  });
}

/** Every availability window of a consultant, earliest first. */
export async function listWindows(db: Database, consultant: string): Promise<AdminOutcome<WindowsOfConsultant>> {
  return runAdmin(db, async (tx) => {
    const found = await resolveConsultant(tx, consultant);
    return { consultant: found, windows: await selectWindows(tx, found.id) };
  });
}

export interface EndedWindow {
  window: WindowRecord;
  /** The last day before: null when the window already ended on that day. */
  previousTo: string | null;
}

/** Ends the window covering `on` that day; the window itself, or null when none covers it. */
export async function endWindowOn(db: Queryable, consultantId: string, on: string): Promise<EndedWindow | null> {
  await lockConsultant(db, consultantId);
  const { rows } = await db.query<WindowRecord>(
    `SELECT ${WINDOW_COLUMNS} FROM availability_windows WHERE consultant_id = $1 AND from_date <= $2 AND to_date >= $2 ORDER BY from_date LIMIT 1`,
    [consultantId, on],
  );
  const window = rows[0];
  if (!window) return null;
  if (window.to === on) return { window, previousTo: null };
  await db.query('UPDATE availability_windows SET to_date = $2 WHERE id = $1', [window.id, on]);
  return { window: { ...window, to: on }, previousTo: window.to };
}

/**
 * Ends a consultant's availability early: the window covering `on` ends that day. Refused when no
 * window covers that day (the refusal lists theirs); a window already ending that day changes nothing.
 */
export async function endAvailability(
  db: Database,
  input: { consultant: string; on: string },
): Promise<AdminOutcome<EndedWindow & { consultant: NamedConsultant }>> {
  return runAdmin(db, async (tx) => {
    const consultant = await resolveConsultant(tx, input.consultant);
    const ended = await endWindowOn(tx, consultant.id, input.on);
    if (ended === null) {
      const windows = await selectWindows(tx, consultant.id);
      refuse(
        `no availability window of ${describeNamed(consultant)} covers ${input.on} (${windows.length === 0 ? 'they have none' : `theirs: ${windows.map(describeWindow).join(', ')}`})`,
      );
    }
    return { consultant, ...ended };
  });
}
