import { describe, expect, it } from 'vitest';
import { defaultRepositoryConfig } from '../config/repository-config';
import { assessCandidate } from './assess-candidate';
import { listedIssue } from './__fixtures__/listed-issue';

const NOW = '2026-03-02T09:00:00.000Z';
const FACTS = { linkedToEligibleBeneficiary: true, hasContributingGuide: true };

describe('assessCandidate', () => {
  it('scores a candidate, with reasons, and says the checklist passes', () => {
    const assessment = assessCandidate({ listed: listedIssue(), config: defaultRepositoryConfig, repository: FACTS, now: NOW });
    expect(assessment).toMatchObject({ candidate: true, issueNumber: 12, ready: true, failedReadiness: [] });
    if (!assessment.candidate) throw new Error('a candidate');
    expect(assessment.suitability.suitable).toBe(true);
    expect(assessment.suitability.reasons.map((reason) => reason.factor)).toContain('newcomer_label');
  });

  it.each([
    { name: 'assigned', issue: { assignees: ['camille'] }, reason: 'assigned' },
    { name: 'locked', issue: { locked: true }, reason: 'locked' },
  ])('refuses an issue that is $name before scoring it', ({ issue, reason }) => {
    expect(assessCandidate({ listed: listedIssue({ issue }), config: defaultRepositoryConfig, repository: FACTS, now: NOW })).toMatchObject({
      candidate: false,
      issueNumber: 12,
      title: 'Fix typo in README.md',
      reason,
    });
  });

  it('refuses an issue with a linked open change request', () => {
    const listed = listedIssue({ hasOpenChangeRequest: true });
    expect(assessCandidate({ listed, config: defaultRepositoryConfig, repository: FACTS, now: NOW })).toMatchObject({ candidate: false, reason: 'linked_change_request' });
  });

  it.each([
    { name: 'no estimate', issue: { labels: ['good first issue'] }, expected: ['estimate'] },
    { name: 'no done criteria', issue: { body: 'Typo in README.md.' }, expected: ['done_criteria'] },
  ])('names the failing blocking items when the issue has $name', ({ issue, expected }) => {
    const assessment = assessCandidate({ listed: listedIssue({ issue }), config: defaultRepositoryConfig, repository: FACTS, now: NOW });
    expect(assessment).toMatchObject({ candidate: true, ready: false, failedReadiness: expected });
  });

  it('counts the age and the activity from the scan instant', () => {
    const stale = listedIssue({ createdAt: '2022-01-01T00:00:00Z', updatedAt: '2022-01-02T00:00:00Z' });
    const assessment = assessCandidate({ listed: stale, config: defaultRepositoryConfig, repository: FACTS, now: NOW });
    if (!assessment.candidate) throw new Error('a candidate');
    expect(assessment.suitability.reasons.find((reason) => reason.factor === 'activity')?.points).toBeLessThan(0);
  });
});
