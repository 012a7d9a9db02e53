import { describe, expect, it } from 'vitest';
import { MARK_READY_EVENT, markReadyDeliveryId, readScheduledDelivery } from './scheduled-deliveries';

describe("reading wecena's own deliveries", () => {
  const request = { repositoryId: '12', issueNumber: 7, login: 'maria-gh', forgeUserId: '4242' };

  it('reads a candidate marked ready on the dashboard, keyed by repository, issue and login', () => {
    expect(readScheduledDelivery(MARK_READY_EVENT, request)).toEqual({ kind: 'mark_ready', ...request });
    expect(markReadyDeliveryId(request)).toBe('mark-ready:12:7:maria-gh');
  });

  it.each([
    ['no body', null],
    ['a repository id that is not one', { ...request, repositoryId: '012' }],
    ['an issue number as text', { ...request, issueNumber: '7' }],
    ['no issue number', { ...request, issueNumber: 0 }],
    ['a login with a slash', { ...request, login: 'maria/../admin' }],
    ['a login with a space', { ...request, login: 'maria gh' }],
    ['no forge user id', { ...request, forgeUserId: '' }],
  ])('refuses %s', (_, body) => {
    expect(readScheduledDelivery(MARK_READY_EVENT, body)).toBeNull();
  });

  it('still reads claims due and recalled', () => {
    expect(readScheduledDelivery('claim_due', { claimId: '3' })).toEqual({ kind: 'claim_due', claimId: '3' });
    expect(readScheduledDelivery('claim_recalled', { claimId: '3' })).toEqual({ kind: 'claim_recalled', claimId: '3' });
  });
});
