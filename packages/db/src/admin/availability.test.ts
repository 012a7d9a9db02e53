import { describeEachEngine } from '@wecena/testkit';
import { expect, it } from 'vitest';
import { countRows, insertConsultant, insertSponsor, problemOf, valueOf } from './__fixtures__/world';
import { addWindow, endAvailability, listWindows } from './availability';

describeEachEngine('admin: availability windows', (ctx) => {
  it.each([
    { name: 'inside', from: '2026-03-04', to: '2026-03-05' },
    { name: 'over the start', from: '2026-02-25', to: '2026-03-02' },
    { name: 'over the end, sharing one day', from: '2026-03-06', to: '2026-03-12' },
    { name: 'around', from: '2026-02-01', to: '2026-04-01' },
  ])('refuses a window $name of another, naming the clash', async ({ from, to }) => {
    const db = ctx.db();
    const dev = await insertConsultant(db, (await insertSponsor(db)).id);
    const first = valueOf(await addWindow(db, { consultant: dev.login, from: '2026-03-02', to: '2026-03-06', minutesPerDay: 420 }));
    const before = await countRows(db, 'availability_windows');

    const problem = problemOf(await addWindow(db, { consultant: dev.id, from, to, minutesPerDay: 300 }));

    expect(problem).toBe(`${from} → ${to} overlaps the availability of #${dev.id} ${dev.name}: #${first.record.id} 2026-03-02 → 2026-03-06, 7h a day`);
    expect(await countRows(db, 'availability_windows')).toBe(before);
  });

  it('adds windows side by side, the same one again changing nothing, and lists them in order', async () => {
    const db = ctx.db();
    const dev = await insertConsultant(db, (await insertSponsor(db)).id);

    const later = valueOf(await addWindow(db, { consultant: dev.id, from: '2026-04-01', to: '2026-04-03', minutesPerDay: 450 }));
    const earlier = valueOf(await addWindow(db, { consultant: dev.id, from: '2026-03-30', to: '2026-03-31', minutesPerDay: 420 }));
    const again = valueOf(await addWindow(db, { consultant: dev.id, from: '2026-04-01', to: '2026-04-03', minutesPerDay: 450 }));
    const listed = valueOf(await listWindows(db, dev.name));

    expect([later.created, earlier.created, again.created]).toEqual([true, true, false]);
    expect(listed.windows).toEqual([earlier.record, later.record]);
  });

  it('ends the window covering a day on that day; again, nothing changes; a day with no window is refused', async () => {
    const db = ctx.db();
    const dev = await insertConsultant(db, (await insertSponsor(db)).id);
    const window = valueOf(await addWindow(db, { consultant: dev.id, from: '2026-03-02', to: '2026-03-13', minutesPerDay: 420 }));

    const ended = valueOf(await endAvailability(db, { consultant: dev.id, on: '2026-03-05' }));
    const again = valueOf(await endAvailability(db, { consultant: dev.id, on: '2026-03-05' }));
    const none = problemOf(await endAvailability(db, { consultant: dev.id, on: '2026-03-09' }));

    expect(ended).toMatchObject({ previousTo: '2026-03-13', window: { id: window.record.id, from: '2026-03-02', to: '2026-03-05' } });
    expect(again.previousTo).toBeNull();
    expect(none).toBe(`no availability window of #${dev.id} ${dev.name} covers 2026-03-09 (theirs: #${window.record.id} 2026-03-02 → 2026-03-05, 7h a day)`);
  });
});
