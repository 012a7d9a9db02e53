import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { countRows, insertClaim, insertConsultant, insertRepository, insertSponsor, valueOf } from './__fixtures__/world';
import { addWindow } from './availability';
import { CLAIM_RECALLED_EVENT, recallConsultant } from './recall';

const NOW = new Date('2026-03-04T08:30:00Z');

describeEachEngine('admin: recall', (ctx) => {
  it('ends the window that day and enqueues one recall per open claim, once, leaving time logs alone', async () => {
    const db = ctx.db();
    const dev = await insertConsultant(db, (await insertSponsor(db)).id);
    const repository = await insertRepository(db);
    await addWindow(db, { consultant: dev.id, from: '2026-03-02', to: '2026-03-13', minutesPerDay: 420 });
    const open = [await insertClaim(db, { repository: repository.id, consultant: dev.id, issue: 1 }), await insertClaim(db, { repository: repository.id, consultant: dev.id, issue: 2 })];
    await insertClaim(db, { repository: repository.id, consultant: dev.id, issue: 3, ended: true });
    await db.query(`INSERT INTO time_logs (consultant_id, task_id, minutes, spent_on, source, source_ref)
                    SELECT $1, task_id, 90, '2026-03-03', 'command', 'note-' || id FROM claims WHERE id::text = $2`, [dev.id, open[0]]);
    const timeLogs = await countRows(db, 'time_logs');

    const recalled = valueOf(await recallConsultant(db, { consultant: dev.login, on: '2026-03-04', now: NOW }));
    const again = valueOf(await recallConsultant(db, { consultant: dev.id, on: '2026-03-04', now: NOW }));

    expect(recalled.window).toMatchObject({ previousTo: '2026-03-13', window: { to: '2026-03-04' } });
    expect(recalled.claims).toEqual([
      { claimId: open[0], taskUrl: 'https://github.com/x/y/issues/1', enqueued: true },
      { claimId: open[1], taskUrl: 'https://github.com/x/y/issues/2', enqueued: true },
    ]);
    expect(again.claims.map((claim) => claim.enqueued)).toEqual([false, false]);
    expect(again.window?.previousTo).toBeNull();
    const { rows } = await db.query<{ delivery_id: string; event_name: string; body: Uint8Array; status: string; received_at: Date; next_attempt_at: Date }>(
      `SELECT delivery_id, event_name, body, status, received_at, next_attempt_at FROM inbox_deliveries
        WHERE source = 'wecena' AND delivery_id = ANY (SELECT 'recall:' || id FROM claims WHERE consultant_id = $1) ORDER BY delivery_id`,
      [dev.id],
    );
    expect(rows.map((row) => ({ ...row, body: JSON.parse(Buffer.from(row.body).toString('utf8')) }))).toEqual(
      open.map((claimId) => ({
        delivery_id: `recall:${claimId}`,
        event_name: CLAIM_RECALLED_EVENT,
        body: { claimId },
        status: 'pending',
        received_at: NOW,
        next_attempt_at: NOW,
      })),
    );
    expect(await countRows(db, 'time_logs')).toBe(timeLogs);
  });

  it('recalls a consultant with no window covering the day and no claim: nothing to do, nothing refused', async () => {
    const db = ctx.db();
    const dev = await insertConsultant(db, (await insertSponsor(db)).id);

    const recalled = valueOf(await recallConsultant(db, { consultant: dev.name, on: '2026-03-04', now: NOW }));

    expect(recalled).toMatchObject({ window: null, claims: [] });
  });
});
