import { describeEachEngine } from '@wecena/testkit';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Queryable } from '../database';

const LEDGER_IS_APPEND_ONLY = 'the contributions ledger is append-only: record a reversal or an adjustment instead';
const TIME_LOGS_ARE_APPEND_ONLY = 'the time logs are append-only: record a negative time log instead';

interface World {
  sponsor: string;
  consultant: string;
  beneficiary: string;
  repository: string;
  task: string;
  otherTask: string;
}

/** The least set of rows a contribution needs; every call makes its own, so tests share the database. */
async function insertWorld(db: Queryable): Promise<World> {
  const unique = randomUUID();
  const id = async (sql: string, params: unknown[]): Promise<string> => {
    const { rows } = await db.query<{ id: string }>(`${sql} RETURNING id`, params);
    return rows[0]?.id ?? '';
  };
  const siren = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  const sponsor = await id('INSERT INTO sponsors (name, legal_name, siren, address) VALUES ($1, $1, $2, $3)', [
    `Sponsor ${unique}`,
    siren,
    '1 rue de la Paix, Paris',
  ]);
  const consultant = await id('INSERT INTO consultants (sponsor_id, display_name) VALUES ($1, $2)', [sponsor, 'Dana']);
  const beneficiary = await id(
    `INSERT INTO beneficiaries (kind, name, eligibility, licence, legal_name) VALUES ('free_software', $1, 'osi_approved_licence', 'MIT', $1)`,
    [`Project ${unique}`],
  );
  const repository = await id(
    `INSERT INTO repositories (forge, host, forge_id, path, beneficiary_id) VALUES ('github', 'github.com', $1, $2, $3)`,
    [unique, `project/${unique}`, beneficiary],
  );
  const task = (number: number): Promise<string> =>
    id(`INSERT INTO tasks (repository_id, issue_number, issue_forge_id, title, url, state) VALUES ($1, $2, $3, 'A task', $4, 'done')`, [
      repository,
      number,
      `${unique}-${number}`,
      `https://github.com/project/${unique}/issues/${number}`,
    ]);
  return { sponsor, consultant, beneficiary, repository, task: await task(1), otherTask: await task(2) };
}

async function insertContribution(db: Queryable, world: World, overrides: Record<string, unknown> = {}): Promise<string> {
  const row: Record<string, unknown> = {
    kind: 'credit',
    task_id: world.task,
    consultant_id: world.consultant,
    sponsor_id: world.sponsor,
    beneficiary_id: world.beneficiary,
    change_request_url: `https://github.com/project/${world.repository}/pull/${randomUUID()}`,
    landed_at: new Date('2026-11-20T15:00:00Z'),
    minutes: 180,
    valuation_cents: 15_000,
    recorded_by: 'wecena',
    ...overrides,
  };
  const columns = Object.keys(row);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO contributions (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(row),
  );
  return rows[0]?.id ?? '';
}

describeEachEngine('domain schema', (ctx) => {
  it('records a credit, then refuses UPDATE, DELETE and TRUNCATE on the ledger, changing nothing', async () => {
    const db = ctx.db();
    const world = await insertWorld(db);
    const credit = await insertContribution(db, world);
    const before = await db.query('SELECT * FROM contributions ORDER BY id');

    const attempts = [
      () => db.query('UPDATE contributions SET minutes = minutes * 2 WHERE id = $1', [credit]),
      () => db.query('UPDATE contributions SET minutes = 1 WHERE false'),
      () => db.query('DELETE FROM contributions WHERE id = $1', [credit]),
      () => db.query('TRUNCATE contributions CASCADE'),
      () => db.transaction((tx) => tx.query('DELETE FROM contributions')),
    ];

    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(LEDGER_IS_APPEND_ONLY);
    expect(await db.query('SELECT * FROM contributions ORDER BY id')).toEqual(before);
    expect(credit).toMatch(/^\d+$/);
  });

  it('corrects a credit only with entries that refer to it and concern the same work', async () => {
    const db = ctx.db();
    const world = await insertWorld(db);
    const credit = await insertContribution(db, world);
    const correction = { refers_to: credit, change_request_url: null, reason: 'rejected by the maintainer' };

    await insertContribution(db, world, { ...correction, kind: 'adjustment', minutes: -30, valuation_cents: -2_500, review_status: 'adjusted' });
    await insertContribution(db, world, { ...correction, kind: 'reversal', minutes: -150, valuation_cents: -12_500, review_status: 'rejected' });

    await expect(
      insertContribution(db, world, { ...correction, kind: 'reversal', minutes: -150, valuation_cents: -12_500, review_status: 'rejected' }),
    ).rejects.toThrow(/contributions_one_reversal/);
    await expect(
      insertContribution(db, world, { ...correction, kind: 'adjustment', task_id: world.otherTask, minutes: 0, valuation_cents: 0 }),
    ).rejects.toThrow(`a correction (adjustment) must concern the task, consultant, sponsor and beneficiary of credit ${credit}`);
    const adjustment = await insertContribution(db, world, { ...correction, kind: 'adjustment', minutes: 0, valuation_cents: 0, review_status: 'adjusted' });
    await expect(
      insertContribution(db, world, { ...correction, refers_to: adjustment, kind: 'adjustment', minutes: 0, valuation_cents: 0 }),
    ).rejects.toThrow(`a correction (adjustment) must refer to a credit, and contribution ${adjustment} is of kind adjustment`);
    await expect(
      insertContribution(db, world, { ...correction, kind: 'adjustment', reason: null, minutes: 0, valuation_cents: 0 }),
    ).rejects.toThrow(/check constraint/);
    const { rows } = await db.query<{ minutes: string; valuation: string }>(
      'SELECT sum(minutes) AS minutes, sum(valuation_cents) AS valuation FROM contributions WHERE id = $1 OR refers_to = $1',
      [credit],
    );
    expect(rows).toEqual([{ minutes: '0', valuation: '0' }]);
  });

  it('credits a merged change request once', async () => {
    const db = ctx.db();
    const world = await insertWorld(db);
    const url = `https://gitlab.com/group/project/-/merge_requests/${randomUUID()}`;
    await insertContribution(db, world, { change_request_url: url });

    await expect(insertContribution(db, world, { change_request_url: url, task_id: world.otherTask })).rejects.toThrow(
      /contributions_one_credit_per_change_request/,
    );
  });

  it('keeps time logs append-only and records each source entry once', async () => {
    const db = ctx.db();
    const world = await insertWorld(db);
    const log = [world.consultant, world.task, 90, '2026-11-20', 'command', `comment:${randomUUID()}`];
    const insert = 'INSERT INTO time_logs (consultant_id, task_id, minutes, spent_on, source, source_ref) VALUES ($1, $2, $3, $4, $5, $6)';
    await db.query(insert, log);

    await expect(db.query(insert, log)).rejects.toThrow(/time_logs_source_source_ref_key/);
    await expect(db.query('UPDATE time_logs SET minutes = 1 WHERE task_id = $1', [world.task])).rejects.toThrow(TIME_LOGS_ARE_APPEND_ONLY);
    await expect(db.query('DELETE FROM time_logs WHERE task_id = $1', [world.task])).rejects.toThrow(TIME_LOGS_ARE_APPEND_ONLY);
    await db.query(insert, [world.consultant, world.task, -30, '2026-11-21', 'maintainer', `comment:${randomUUID()}`]);
    const { rows } = await db.query('SELECT sum(minutes) AS total FROM time_logs WHERE task_id = $1', [world.task]);
    expect(rows).toEqual([{ total: '60' }]);
  });

  it('allows one open claim per task', async () => {
    const db = ctx.db();
    const world = await insertWorld(db);
    const claim = `INSERT INTO claims (task_id, consultant_id, claimed_at, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`;
    const params = [world.task, world.consultant, new Date('2026-11-20T09:00:00Z'), new Date('2026-11-22T09:00:00Z')];
    const { rows } = await db.query<{ id: string }>(claim, params);

    await expect(db.query(claim, params)).rejects.toThrow(/claims_one_open_per_task/);
    await db.query(`UPDATE claims SET ended_at = $2, ended_how = 'released', handoff_note = 'over to you' WHERE id = $1`, [
      rows[0]?.id,
      new Date('2026-11-21T09:00:00Z'),
    ]);
    await expect(db.query(claim, params)).resolves.toMatchObject({ rowCount: 1 });
  });

  it.each([
    { name: 'a task state outside the lifecycle', sql: `UPDATE tasks SET state = 'lost' WHERE id = $1`, error: /tasks_state_check/ },
    { name: 'a skill level above 3', sql: `INSERT INTO consultant_skills (consultant_id, skill, level) SELECT id, 'rust', 4 FROM consultants LIMIT 1`, error: /consultant_skills_level_check/ },
    { name: 'an availability window that ends before it starts', sql: `INSERT INTO availability_windows (consultant_id, from_date, to_date, minutes_per_day) SELECT id, '2026-11-20', '2026-11-19', 60 FROM consultants LIMIT 1`, error: /availability_windows_check/ },
  ])('refuses $name', async ({ sql, error }) => {
    const db = ctx.db();
    const world = await insertWorld(db);

    await expect(db.query(sql, sql.includes('$1') ? [world.task] : [])).rejects.toThrow(error);
  });

  it('knows a forge login once per forge instance, whatever its case', async () => {
    const db = ctx.db();
    const world = await insertWorld(db);
    const login = `Dana-${randomUUID().slice(0, 8)}`;
    const insert = `INSERT INTO consultant_identities (consultant_id, forge, host, login) VALUES ($1, $2, $3, $4)`;
    await db.query(insert, [world.consultant, 'github', 'github.com', login]);

    await expect(db.query(insert, [world.consultant, 'github', 'github.com', login.toLowerCase()])).rejects.toThrow(
      /consultant_identities_login/,
    );
    await expect(db.query(insert, [world.consultant, 'gitlab', 'gitlab.com', login])).resolves.toMatchObject({ rowCount: 1 });
  });

  it('stores instants with their time zone, money in bigint cents and durations in integer minutes', async () => {
    const { rows } = await ctx.db().query<{ table_name: string; column_name: string; data_type: string }>(`
      SELECT table_name, column_name, data_type
        FROM information_schema.columns
       WHERE table_schema = current_schema()
         AND (data_type = 'timestamp without time zone' OR column_name LIKE '%cents' OR column_name LIKE '%minutes%')
       ORDER BY table_name, column_name`);

    const wrong = rows.filter(
      (column) =>
        column.data_type === 'timestamp without time zone' ||
        (column.column_name.endsWith('cents') && column.data_type !== 'bigint') ||
        (column.column_name.includes('minutes') && column.data_type !== 'integer'),
    );
    expect(wrong).toEqual([]);
    expect(rows.length).toBeGreaterThan(5);
  });
});
