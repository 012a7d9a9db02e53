import { describe, expect, it } from 'vitest';
import { correction, credit } from './__fixtures__/ledger';
import { compareEntryIds, deriveCredits } from './derive-credits';
import type { LedgerEntry } from './ledger-entry';

const base = credit('1');

describe('deriveCredits', () => {
  it.each<{ name: string; entries: LedgerEntry[]; expected: { minutes: number; valuationCents: number; reviewStatus: string; entryIds: string[]; lastReason: string | null } }>([
    {
      name: 'a credit alone is pending at its own value',
      entries: [base],
      expected: { minutes: 120, valuationCents: 10_000, reviewStatus: 'pending', entryIds: ['1'], lastReason: null },
    },
    {
      name: 'an approval is an adjustment of zero',
      entries: [base, correction('2', base, { kind: 'adjustment', minutes: 0, valuationCents: 0, reviewStatus: 'approved', reason: 'ok' })],
      expected: { minutes: 120, valuationCents: 10_000, reviewStatus: 'approved', entryIds: ['1', '2'], lastReason: 'ok' },
    },
    {
      name: 'an adjustment adds its deltas',
      entries: [base, correction('2', base, { kind: 'adjustment', minutes: 30, valuationCents: 2_500, reviewStatus: 'adjusted', reason: 'review took longer' })],
      expected: { minutes: 150, valuationCents: 12_500, reviewStatus: 'adjusted', entryIds: ['1', '2'], lastReason: 'review took longer' },
    },
    {
      name: 'a reversal rejects',
      entries: [base, correction('2', base, { kind: 'reversal', minutes: -120, valuationCents: -10_000, reviewStatus: 'rejected', reason: 'spam' })],
      expected: { minutes: 0, valuationCents: 0, reviewStatus: 'rejected', entryIds: ['1', '2'], lastReason: 'spam' },
    },
    {
      name: 'a rejected credit counts zero even when its entries do not cancel out',
      entries: [
        base,
        correction('2', base, { kind: 'adjustment', minutes: 30, valuationCents: 2_500, reviewStatus: 'adjusted' }),
        correction('3', base, { kind: 'reversal', minutes: -120, valuationCents: -10_000, reviewStatus: 'rejected', recordedAt: '2026-03-21T09:00:00.000Z' }),
      ],
      expected: { minutes: 0, valuationCents: 0, reviewStatus: 'rejected', entryIds: ['1', '2', '3'], lastReason: 'reviewed' },
    },
    {
      name: 'the latest correction gives the status, whatever order the entries come in',
      entries: [
        correction('3', base, { kind: 'adjustment', minutes: -60, valuationCents: -5_000, reviewStatus: 'adjusted', recordedAt: '2026-03-22T09:00:00.000Z', reason: 'later' }),
        base,
        correction('2', base, { kind: 'adjustment', minutes: 0, valuationCents: 0, reviewStatus: 'approved', reason: 'earlier' }),
      ],
      expected: { minutes: 60, valuationCents: 5_000, reviewStatus: 'adjusted', entryIds: ['1', '2', '3'], lastReason: 'later' },
    },
    {
      name: 'entries recorded at the same instant follow their ids as numbers (9 before 10)',
      entries: [
        base,
        correction('10', base, { kind: 'adjustment', minutes: 30, valuationCents: 2_500, reviewStatus: 'adjusted', reason: 'second' }),
        correction('9', base, { kind: 'adjustment', minutes: 0, valuationCents: 0, reviewStatus: 'approved', reason: 'first' }),
      ],
      expected: { minutes: 150, valuationCents: 12_500, reviewStatus: 'adjusted', entryIds: ['1', '9', '10'], lastReason: 'second' },
    },
  ])('$name', ({ entries, expected }) => {
    const { credits } = deriveCredits(entries);

    expect(credits).toHaveLength(1);
    expect(credits[0]).toMatchObject(expected);
  });

  it('proves confirmed work by the issue it was confirmed on, and dates it by its UTC day', () => {
    const confirmed = credit('5', { changeRequestUrl: null, confirmedBy: 'maintainer-login', landedAt: '2026-02-28T23:30:00.000Z' });

    const [line] = deriveCredits([confirmed]).credits;

    expect(line).toMatchObject({ proofUrl: confirmed.taskUrl, confirmedBy: 'maintainer-login', landedOn: '2026-02-28', month: '2026-02' });
  });

  it('orders credits by landing, and lists corrections whose credit is missing apart', () => {
    const late = credit('2', { landedAt: '2026-04-01T10:00:00.000Z' });
    const early = credit('3', { landedAt: '2026-01-01T10:00:00.000Z' });
    const orphan = correction('4', credit('99'), { kind: 'adjustment', minutes: 0, valuationCents: 0, reviewStatus: 'approved' });

    const derived = deriveCredits([late, orphan, early]);

    expect(derived.credits.map((line) => line.creditId)).toEqual(['3', '2']);
    expect(derived.orphanEntryIds).toEqual(['4']);
  });
});

describe('compareEntryIds', () => {
  it.each([
    { a: '9', b: '10', expected: -1 },
    { a: '10', b: '9', expected: 1 },
    { a: '12', b: '12', expected: 0 },
    { a: 'abc', b: 'abd', expected: -1 },
  ])('$a against $b', ({ a, b, expected }) => {
    expect(Math.sign(compareEntryIds(a, b))).toBe(expected);
  });
});
