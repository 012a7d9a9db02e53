import type { Database } from '@wecena/db';
import { enqueueDueClaims } from '@wecena/engine';
import { createPgliteTestDatabase, createPostgresTestDatabase, type EngineContext, type TestDatabase, testEngines } from '@wecena/testkit';
import { pino } from 'pino';
import { afterEach, beforeEach } from 'vitest';
import type { RunningServer } from '../../src/server/start-server';
import type { World } from './journey-world';

/*
 * What every forge's journey test shares: one wecena process per test on a fresh database of
 * the block's engine, a clock the test moves, the worker drained by the test, and the rows of
 * the store read back as the assertions need them. The forge's own part (its receiver, its
 * API, its payloads) is in github-journey.ts and gitlab-journey.ts.
 */

/** Monday 2 March 2026, 09:00 UTC: the test's "now" until it moves the clock. */
export const START = new Date('2026-03-02T09:00:00.000Z');
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface TestClock {
  now(): Date;
  advance(ms: number): Date;
  set(instant: Date): void;
}

export function createTestClock(start: Date = START): TestClock {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
      return now;
    },
    set: (instant) => {
      now = instant;
    },
  };
}

export interface TaskRow {
  state: string;
  estimate_minutes: number | null;
}
export interface ClaimRow {
  id: string;
  consultant_id: string;
  claimed_at: string;
  expires_at: string;
  reminded_at: string | null;
  ended_at: string | null;
  ended_how: string | null;
  handoff_note: string | null;
}
export interface TimeLogRow {
  consultant_id: string;
  minutes: number;
  spent_on: string;
  source: string;
}
export interface ContributionRow {
  id: string;
  kind: string;
  refers_to: string | null;
  consultant_id: string;
  sponsor_id: string;
  beneficiary_id: string;
  change_request_url: string | null;
  confirmed_by: string | null;
  landed_at: string;
  minutes: number;
  estimated: boolean;
  valuation_cents: string;
  review_status: string;
  reason: string | null;
  recorded_by: string;
}
export interface DeliveryRow {
  status: string;
  attempts: number;
  last_error: string | null;
}
export interface DecisionRow {
  seq: number;
  issue_number: number | null;
  effects: { type: string }[];
  performed: number;
  performed_at: string | null;
}

/** What a journey test reads and does whatever the forge. */
export interface JourneyBase {
  db: Database;
  world: World;
  clock: TestClock;
  /** The worker's round: every due delivery processed (or failed), in order. */
  drain(): Promise<number>;
  /** The periodic sweep: claims due for a reminder or an expiry become deliveries, then the worker runs. */
  sweep(): Promise<number>;
  task(issueNumber?: number): Promise<TaskRow | null>;
  claims(): Promise<ClaimRow[]>;
  timeLogs(): Promise<TimeLogRow[]>;
  contributions(): Promise<ContributionRow[]>;
  delivery(deliveryId: string, source?: string): Promise<DeliveryRow | null>;
  decisions(deliveryId: string): Promise<DecisionRow[]>;
}

function iso(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

export async function openTestDatabase(engine: EngineContext): Promise<TestDatabase> {
  if (engine.engine === 'pglite') return createPgliteTestDatabase();
  const postgres = testEngines().find((candidate) => candidate.engine === 'postgres' && candidate.status === 'run');
  if (postgres === undefined || !('url' in postgres)) throw new Error('DATABASE_URL is needed for the PostgreSQL block');
  return createPostgresTestDatabase(postgres.url);
}

/** The test's logger: WECENA_TEST_LOG=debug shows what the worker did, failures included. */
export function testLogger() {
  return pino({ level: process.env['WECENA_TEST_LOG'] ?? 'silent' });
}

/**
 * Gives each test of the block its own database, world, clock and server (made by `start`),
 * closed after it. Returns the current test's journey, as `make` builds it.
 */
export function useJourneyServer<J>(
  engine: EngineContext,
  setup: {
    seed(db: Database, now: Date): Promise<World>;
    start(db: Database, clock: TestClock): Promise<RunningServer>;
    make(server: RunningServer, db: Database, world: World, clock: TestClock): J;
  },
): () => J {
  let current: { journey: J; server: RunningServer; database: TestDatabase } | null = null;

  beforeEach(async () => {
    const database = await openTestDatabase(engine);
    const clock = createTestClock();
    const world = await setup.seed(database.db, clock.now());
    const server = await setup.start(database.db, clock);
    current = { server, database, journey: setup.make(server, database.db, world, clock) };
  });

  afterEach(async () => {
    const ending = current;
    current = null;
    if (ending === null) return;
    try {
      await ending.server.close();
    } finally {
      await ending.database.dispose();
    }
  });

  return () => {
    if (current === null) throw new Error('the journey exists inside a test only');
    return current.journey;
  };
}

/** The store's rows, for the repository of the journey (`forge`, `forgeId`). */
export function journeyBase(
  server: RunningServer,
  db: Database,
  world: World,
  clock: TestClock,
  repository: { forge: 'github' | 'gitlab'; forgeId: string },
  defaultSource: string,
): JourneyBase {
  return {
    db,
    world,
    clock,
    drain: () => server.worker.drainOnce(),
    async sweep() {
      await enqueueDueClaims(db, clock.now());
      return server.worker.drainOnce();
    },
    async task(issueNumber = 1) {
      const { rows } = await db.query<TaskRow>(
        `SELECT t.state, t.estimate_minutes FROM tasks t JOIN repositories r ON r.id = t.repository_id
          WHERE r.forge = $1 AND r.forge_id = $2 AND t.issue_number = $3`,
        [repository.forge, repository.forgeId, issueNumber],
      );
      return rows[0] ?? null;
    },
    async claims() {
      const { rows } = await db.query<{
        id: string;
        consultant_id: string;
        claimed_at: Date;
        expires_at: Date;
        reminded_at: Date | null;
        ended_at: Date | null;
        ended_how: string | null;
        handoff_note: string | null;
      }>(`SELECT id, consultant_id, claimed_at, expires_at, reminded_at, ended_at, ended_how, handoff_note FROM claims ORDER BY id`);
      return rows.map((row) => ({
        ...row,
        claimed_at: row.claimed_at.toISOString(),
        expires_at: row.expires_at.toISOString(),
        reminded_at: iso(row.reminded_at),
        ended_at: iso(row.ended_at),
      }));
    },
    async timeLogs() {
      const { rows } = await db.query<TimeLogRow>(
        `SELECT consultant_id, minutes, to_char(spent_on, 'YYYY-MM-DD') AS spent_on, source FROM time_logs ORDER BY id`,
      );
      return rows;
    },
    async contributions() {
      const { rows } = await db.query<Omit<ContributionRow, 'landed_at'> & { landed_at: Date; valuation_cents: string | number }>(
        `SELECT id, kind, refers_to, consultant_id, sponsor_id, beneficiary_id, change_request_url, confirmed_by, landed_at, minutes,
                estimated, valuation_cents, review_status, reason, recorded_by
           FROM contributions ORDER BY id`,
      );
      return rows.map((row) => ({ ...row, landed_at: row.landed_at.toISOString(), valuation_cents: String(row.valuation_cents) }));
    },
    async delivery(deliveryId, source = defaultSource) {
      const { rows } = await db.query<DeliveryRow>(`SELECT status, attempts, last_error FROM inbox_deliveries WHERE source = $1 AND delivery_id = $2`, [
        source,
        deliveryId,
      ]);
      return rows[0] ?? null;
    },
    async decisions(deliveryId) {
      const { rows } = await db.query<Omit<DecisionRow, 'performed_at'> & { performed_at: Date | null }>(
        `SELECT seq, issue_number, effects, performed, performed_at FROM delivery_decisions WHERE delivery_id = $1 ORDER BY seq`,
        [deliveryId],
      );
      return rows.map((row) => ({ ...row, performed_at: iso(row.performed_at) }));
    },
  };
}
