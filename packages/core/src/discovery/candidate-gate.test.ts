import { describe, expect, it } from 'vitest';
import { gateCandidate, type CandidateGate } from './candidate-gate';
import { listedIssue } from './__fixtures__/listed-issue';

describe('gateCandidate', () => {
  it.each<{ name: string; input: Parameters<typeof listedIssue>[0]; expected: CandidateGate }>([
    { name: 'an open, unassigned, unlocked issue', input: {}, expected: { candidate: true } },
    { name: 'an assigned issue', input: { issue: { assignees: ['camille'] } }, expected: { candidate: false, reason: 'assigned' } },
    { name: 'a locked issue', input: { issue: { locked: true } }, expected: { candidate: false, reason: 'locked' } },
    { name: 'a closed issue', input: { issue: { state: 'closed' } }, expected: { candidate: false, reason: 'closed' } },
    { name: 'a change request', input: { isChangeRequest: true }, expected: { candidate: false, reason: 'change_request' } },
    { name: 'an issue with a linked open change request', input: { hasOpenChangeRequest: true }, expected: { candidate: false, reason: 'linked_change_request' } },
  ])('$name', ({ input, expected }) => {
    expect(gateCandidate(listedIssue(input))).toEqual(expected);
  });
});
