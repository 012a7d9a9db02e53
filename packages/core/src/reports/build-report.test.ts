import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, correction, credit } from './__fixtures__/ledger';
import { buildLedgerReport, monthsBetween } from './build-report';
import type { LedgerEntry } from './ledger-entry';

const period = { sponsorId: 's1', from: '2026-01-01', to: '2026-12-31' };

describe('buildLedgerReport: agreements', () => {
  it.each([
    { name: 'the first day of the agreement counts', landedAt: '2026-01-01T08:00:00.000Z', agreements: [agreement('a1')], counted: true },
    { name: 'the last day of the agreement counts', landedAt: '2026-06-30T22:00:00.000Z', agreements: [agreement('a1', { to: '2026-06-30' })], counted: true },
    { name: 'the day after it ends is outside', landedAt: '2026-07-01T08:00:00.000Z', agreements: [agreement('a1', { to: '2026-06-30' })], counted: false },
    { name: 'the day before it starts is outside', landedAt: '2026-03-31T08:00:00.000Z', agreements: [agreement('a1', { from: '2026-04-01' })], counted: false },
    { name: 'an open-ended agreement covers what follows', landedAt: '2026-11-02T08:00:00.000Z', agreements: [agreement('a1', { to: null })], counted: true },
    { name: "another sponsor's agreement does not count", landedAt: '2026-03-02T08:00:00.000Z', agreements: [agreement('a1', { sponsorId: 's2' })], counted: false },
    { name: 'an agreement with another beneficiary does not count', landedAt: '2026-03-02T08:00:00.000Z', agreements: [agreement('a1', { beneficiaryId: 'b2' })], counted: false },
    { name: 'no agreement at all', landedAt: '2026-03-02T08:00:00.000Z', agreements: [], counted: false },
  ])('$name', ({ landedAt, agreements, counted }) => {
    const report = buildLedgerReport({ ...period, entries: [credit('1', { landedAt })], agreements });

    expect(report.lines.map((line) => line.creditId)).toEqual(counted ? ['1'] : []);
    expect(report.outsideAgreement.lines.map((line) => line.creditId)).toEqual(counted ? [] : ['1']);
    expect(report.totals.minutes).toBe(counted ? 120 : 0);
    expect(report.outsideAgreement.totals.minutes).toBe(counted ? 0 : 120);
    expect(report.lines[0]?.agreementId ?? null).toBe(counted ? 'a1' : null);
  });
});

describe('buildLedgerReport: totals', () => {
  const camille = credit('1', { landedAt: '2026-01-15T10:00:00.000Z', minutes: 120, valuationCents: 10_000 });
  const yanis = credit('2', {
    landedAt: '2026-03-02T10:00:00.000Z',
    consultantId: 'c2',
    consultantName: 'Yanis Benali',
    beneficiaryId: 'b2',
    beneficiaryName: 'Entraide Solidaire',
    minutes: 60,
    valuationCents: 5_100,
  });
  const adjusted = credit('3', { landedAt: '2026-03-20T10:00:00.000Z', minutes: 90, valuationCents: 7_500 });
  const rejected = credit('4', { landedAt: '2026-03-25T10:00:00.000Z', minutes: 240, valuationCents: 20_000 });
  const otherSponsor = credit('5', { sponsorId: 's2', landedAt: '2026-03-25T10:00:00.000Z' });
  const beforePeriod = credit('6', { landedAt: '2025-12-31T23:59:59.000Z' });
  const entries: LedgerEntry[] = [
    camille,
    correction('10', camille, { kind: 'adjustment', minutes: 0, valuationCents: 0, reviewStatus: 'approved' }),
    yanis,
    adjusted,
    correction('11', adjusted, { kind: 'adjustment', minutes: 30, valuationCents: 2_500, reviewStatus: 'adjusted' }),
    rejected,
    correction('12', rejected, { kind: 'reversal', minutes: -240, valuationCents: -20_000, reviewStatus: 'rejected' }),
    otherSponsor,
    beforePeriod,
  ];
  const agreements = [agreement('a1', { to: null }), agreement('a2', { beneficiaryId: 'b2', from: '2026-02-01' }), agreement('a3', { sponsorId: 's2' })];
  const report = buildLedgerReport({ ...period, entries, agreements });

  it('lists every credit of the sponsor and period, rejected ones at zero, each with its proof', () => {
    expect(report.lines.map((line) => [line.creditId, line.minutes, line.valuationCents, line.reviewStatus, line.proofUrl])).toEqual([
      ['1', 120, 10_000, 'approved', 'https://github.com/cartolibre/cartolibre/pull/1'],
      ['2', 60, 5_100, 'pending', 'https://github.com/cartolibre/cartolibre/pull/2'],
      ['3', 120, 10_000, 'adjusted', 'https://github.com/cartolibre/cartolibre/pull/3'],
      ['4', 0, 0, 'rejected', 'https://github.com/cartolibre/cartolibre/pull/4'],
    ]);
  });

  it('totals, by status, month, beneficiary and consultant', () => {
    expect(report.totals).toEqual({ credits: 3, minutes: 300, valuationCents: 25_100 });
    expect(report.byStatus).toEqual({
      pending: { credits: 1, minutes: 60, valuationCents: 5_100 },
      approved: { credits: 1, minutes: 120, valuationCents: 10_000 },
      adjusted: { credits: 1, minutes: 120, valuationCents: 10_000 },
      rejected: { credits: 0, minutes: 0, valuationCents: 0 },
    });
    expect(report.byMonth).toHaveLength(12);
    expect(report.byMonth.filter((month) => month.totals.credits > 0)).toEqual([
      { month: '2026-01', totals: { credits: 1, minutes: 120, valuationCents: 10_000 } },
      { month: '2026-03', totals: { credits: 2, minutes: 180, valuationCents: 15_100 } },
    ]);
    expect(report.byBeneficiary).toEqual([
      { beneficiaryId: 'b1', beneficiaryName: 'Cartolibre', totals: { credits: 2, minutes: 240, valuationCents: 20_000 } },
      { beneficiaryId: 'b2', beneficiaryName: 'Entraide Solidaire', totals: { credits: 1, minutes: 60, valuationCents: 5_100 } },
    ]);
    expect(report.byConsultant).toEqual([
      { consultantId: 'c1', consultantName: 'Camille Martin', totals: { credits: 2, minutes: 240, valuationCents: 20_000 } },
      { consultantId: 'c2', consultantName: 'Yanis Benali', totals: { credits: 1, minutes: 60, valuationCents: 5_100 } },
    ]);
    expect(report.outsideAgreement.lines).toEqual([]);
  });

  it.each([
    { name: 'one beneficiary', filter: { beneficiaryId: 'b2' }, expected: ['2'] },
    { name: 'one consultant', filter: { consultantId: 'c1' }, expected: ['1', '3', '4'] },
  ])('narrows to $name', ({ filter, expected }) => {
    const narrowed = buildLedgerReport({ ...period, ...filter, entries, agreements });

    expect(narrowed.lines.map((line) => line.creditId)).toEqual(expected);
  });
});

describe('buildLedgerReport: re-derivation', () => {
  const entryArbitrary = fc.record({
    landedDay: fc.integer({ min: 0, max: 400 }),
    consultant: fc.constantFrom('c1', 'c2', 'c3'),
    beneficiary: fc.constantFrom('b1', 'b2'),
    minutes: fc.integer({ min: 1, max: 600 }),
    corrections: fc.array(fc.constantFrom('approve', 'adjust', 'reject'), { maxLength: 3 }),
  });

  it('every total is the sum of its lines, and each line the sum of its entries, zero when rejected', () => {
    fc.assert(
      fc.property(fc.array(entryArbitrary, { maxLength: 30 }), (generated) => {
        const entries: LedgerEntry[] = [];
        let nextId = 1;
        for (const item of generated) {
          const landedAt = new Date(Date.UTC(2025, 11, 1) + item.landedDay * 86_400_000).toISOString();
          const entry = credit(String(nextId++), {
            landedAt,
            consultantId: item.consultant,
            consultantName: item.consultant,
            beneficiaryId: item.beneficiary,
            beneficiaryName: item.beneficiary,
            minutes: item.minutes,
            valuationCents: item.minutes * 50,
          });
          entries.push(entry);
          let current = item.minutes;
          for (const [index, action] of item.corrections.entries()) {
            if (current === 0) break;
            const recordedAt = new Date(Date.UTC(2027, 0, 1) + index * 60_000).toISOString();
            const delta = action === 'adjust' ? 15 : action === 'reject' ? -current : 0;
            const reviewStatus = action === 'approve' ? 'approved' : action === 'adjust' ? 'adjusted' : 'rejected';
            entries.push(
              correction(String(nextId++), entry, { kind: action === 'reject' ? 'reversal' : 'adjustment', minutes: delta, valuationCents: delta * 50, reviewStatus, recordedAt }),
            );
            current = action === 'reject' ? 0 : current + delta;
          }
        }
        const report = buildLedgerReport({ ...period, entries, agreements: [agreement('a1', { from: '2026-02-01' }), agreement('a2', { beneficiaryId: 'b2' })] });
        const sum = (totals: { minutes: number }[]): number => totals.reduce((total, item) => total + item.minutes, 0);

        // Naive re-derivation, straight from the entries.
        const naive = new Map<string, { minutes: number; last: LedgerEntry }>();
        for (const entry of entries) {
          const key = entry.refersTo ?? entry.id;
          const known = naive.get(key);
          naive.set(key, { minutes: (known?.minutes ?? 0) + entry.minutes, last: entry.refersTo === null && known ? known.last : entry });
        }
        for (const line of [...report.lines, ...report.outsideAgreement.lines]) {
          const expected = naive.get(line.creditId);
          expect(line.minutes).toBe(expected?.last.reviewStatus === 'rejected' ? 0 : expected?.minutes);
          expect(line.valuationCents).toBe(line.minutes * 50);
        }
        expect(sum(report.byMonth.map((month) => month.totals))).toBe(report.totals.minutes);
        expect(sum(report.byBeneficiary.map((group) => group.totals))).toBe(report.totals.minutes);
        expect(sum(report.byConsultant.map((group) => group.totals))).toBe(report.totals.minutes);
        expect(sum(report.lines)).toBe(report.totals.minutes);
        expect(report.lines.every((line) => line.landedOn >= '2026-01-01' && line.landedOn <= '2026-12-31')).toBe(true);
      }),
    );
  });
});

describe('monthsBetween', () => {
  it.each([
    { from: '2026-01-01', to: '2026-01-31', expected: ['2026-01'] },
    { from: '2025-11-15', to: '2026-02-01', expected: ['2025-11', '2025-12', '2026-01', '2026-02'] },
    { from: '2026-03-01', to: '2026-02-28', expected: [] },
  ])('$from to $to', ({ from, to, expected }) => {
    expect(monthsBetween(from, to)).toEqual(expected);
  });
});
