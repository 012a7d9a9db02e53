import type { ListedIssue } from '../ports/forge-port';

/** Why an open issue is no candidate for discovery, whatever its score. */
export type GateRefusal = 'closed' | 'locked' | 'assigned' | 'change_request' | 'linked_change_request';

export type CandidateGate = { candidate: true } | { candidate: false; reason: GateRefusal };

/**
 * The part of the readiness checklist that no edit of the description can fix: someone is on
 * it already (assigned, or an open change request linked), the discussion is closed to
 * newcomers (locked), or it is no issue at all (a change request). Such an issue is neither
 * scored for the maintainer nor ever tagged.
 */
export function gateCandidate(listed: ListedIssue): CandidateGate {
  const { issue } = listed;
  if (listed.isChangeRequest) return { candidate: false, reason: 'change_request' };
  if (issue.state !== 'open') return { candidate: false, reason: 'closed' };
  if (issue.locked) return { candidate: false, reason: 'locked' };
  if (issue.assignees.length > 0) return { candidate: false, reason: 'assigned' };
  if (listed.hasOpenChangeRequest) return { candidate: false, reason: 'linked_change_request' };
  return { candidate: true };
}
