import { describe, expect, it } from 'vitest';
import { correction, credit } from './__fixtures__/ledger';
import { DEFAULT_APPROVAL_REASON, type ReviewDecisionInput, decideReview } from './decide-review';
import { deriveCredits } from './derive-credits';
import type { LedgerEntry } from './ledger-entry';

function lineOf(entries: LedgerEntry[]) {
  const [line] = deriveCredits(entries).credits;
  if (line === undefined) throw new Error('no credit');
  return line;
}

const base = credit('1', { minutes: 120, valuationCents: 10_000 });
const pending = lineOf([base]);
const approved = lineOf([base, correction('2', base, { kind: 'adjustment', minutes: 0, valuationCents: 0, reviewStatus: 'approved' })]);
const rejected = lineOf([base, correction('2', base, { kind: 'reversal', minutes: -120, valuationCents: -10_000, reviewStatus: 'rejected' })]);

describe('decideReview', () => {
  it.each<{ name: string; input: ReviewDecisionInput; expected: ReturnType<typeof decideReview> }>([
    {
      name: 'approve: an adjustment of zero, with a default reason',
      input: { credit: pending, action: 'approve' },
      expected: { ok: true, entry: { kind: 'adjustment', minutes: 0, valuationCents: 0, reviewStatus: 'approved', reason: DEFAULT_APPROVAL_REASON } },
    },
    {
      name: 'approve with a reason',
      input: { credit: pending, action: 'approve', reason: '  checked the MR  ' },
      expected: { ok: true, entry: { kind: 'adjustment', minutes: 0, valuationCents: 0, reviewStatus: 'approved', reason: 'checked the MR' } },
    },
    {
      name: 'approve twice',
      input: { credit: approved, action: 'approve' },
      expected: { ok: false, problem: 'credit 1 is already approved' },
    },
    {
      // 180 min at 46 €/h = 138 €; the delta from 100 € is 38 €.
      name: 'adjust: the change of minutes and of value at cost price',
      input: { credit: pending, action: 'adjust', minutes: 180, reason: 'logged time was incomplete', hourlyCostCents: 4_600 },
      expected: { ok: true, entry: { kind: 'adjustment', minutes: 60, valuationCents: 3_800, reviewStatus: 'adjusted', reason: 'logged time was incomplete' } },
    },
    {
      name: "adjust with no rate known: at the credit's own rate",
      input: { credit: approved, action: 'adjust', minutes: 90, reason: 'a part was not for this task' },
      expected: { ok: true, entry: { kind: 'adjustment', minutes: -30, valuationCents: -2_500, reviewStatus: 'adjusted', reason: 'a part was not for this task' } },
    },
    {
      name: 'adjust without a reason',
      input: { credit: pending, action: 'adjust', minutes: 90, reason: '  ' },
      expected: { ok: false, problem: 'an adjustment needs a reason' },
    },
    {
      name: 'adjust to nothing',
      input: { credit: pending, action: 'adjust', minutes: 0, reason: 'none' },
      expected: { ok: false, problem: 'an adjustment gives the minutes the work should count for, a whole number of at least 1 (reject the credit to count none)' },
    },
    {
      name: 'adjust to the same',
      input: { credit: pending, action: 'adjust', minutes: 120, reason: 'same' },
      expected: { ok: false, problem: 'credit 1 already counts 120 minutes at that value' },
    },
    {
      name: 'adjust in a year without its PASS',
      input: { credit: lineOf([credit('7', { landedAt: '2031-03-10T14:00:00.000Z' })]), action: 'adjust', minutes: 60, reason: 'x', hourlyCostCents: 5_000 },
      expected: {
        ok: false,
        problem:
          "no annual social-security ceiling (PASS) is recorded for 2031: wecena knows 2020 to 2026; add the year's figure from its arrêté to ANNUAL_SOCIAL_SECURITY_CEILINGS before valuing work of 2031",
      },
    },
    {
      name: 'reject: a reversal of what the credit counts for',
      input: { credit: approved, action: 'reject', reason: 'not our consultant’s work' },
      expected: { ok: true, entry: { kind: 'reversal', minutes: -120, valuationCents: -10_000, reviewStatus: 'rejected', reason: 'not our consultant’s work' } },
    },
    {
      name: 'reject without a reason',
      input: { credit: pending, action: 'reject' },
      expected: { ok: false, problem: 'a rejection needs a reason' },
    },
    {
      name: 'anything on a rejected credit',
      input: { credit: rejected, action: 'approve' },
      expected: { ok: false, problem: 'credit 1 was rejected: it takes no further review' },
    },
  ])('$name', ({ input, expected }) => {
    expect(decideReview(input)).toEqual(expected);
  });
});
