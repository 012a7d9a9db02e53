import type { LedgerAgreement, LedgerEntry } from '../ledger-entry';

/** A credit of sponsor s1 to beneficiary b1 by consultant c1, proven by a merged pull request; override what a test is about. */
export function credit(id: string, overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id,
    kind: 'credit',
    refersTo: null,
    taskId: `t${id}`,
    taskTitle: `Task ${id}`,
    taskUrl: `https://github.com/cartolibre/cartolibre/issues/${id}`,
    consultantId: 'c1',
    consultantName: 'Camille Martin',
    sponsorId: 's1',
    beneficiaryId: 'b1',
    beneficiaryName: 'Cartolibre',
    changeRequestUrl: `https://github.com/cartolibre/cartolibre/pull/${id}`,
    confirmedBy: null,
    landedAt: '2026-03-10T14:00:00.000Z',
    minutes: 120,
    estimated: false,
    valuationCents: 10_000,
    reviewStatus: 'pending',
    reason: null,
    recordedBy: 'wecena',
    recordedAt: '2026-03-10T14:00:01.000Z',
    ...overrides,
  };
}

/** A correction of `of`, recorded at `recordedAt`. */
export function correction(
  id: string,
  of: LedgerEntry,
  change: Pick<LedgerEntry, 'kind' | 'minutes' | 'valuationCents' | 'reviewStatus'> & Partial<LedgerEntry>,
): LedgerEntry {
  return { ...of, reason: 'reviewed', recordedBy: 'reviewer:1', recordedAt: '2026-03-20T09:00:00.000Z', ...change, id, refersTo: of.id };
}

export function agreement(id: string, overrides: Partial<LedgerAgreement> = {}): LedgerAgreement {
  return { id, sponsorId: 's1', beneficiaryId: 'b1', signedOn: '2025-12-15', from: '2026-01-01', to: '2026-12-31', reference: null, ...overrides };
}
