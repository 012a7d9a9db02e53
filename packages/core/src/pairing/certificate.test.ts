import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairingInputArbitrary } from './__fixtures__/population';
import { solveAssignment } from './assignment';
import { buildCandidateGraph } from './candidate-graph';
import { findUncertifiedConsultants } from './certificate';

describe('findUncertifiedConsultants', () => {
  it('certifies only assignments that no candidate left off could improve', () => {
    let certified = 0;
    fc.assert(
      fc.property(pairingInputArbitrary, fc.integer({ min: 1, max: 2 }), (input, k) => {
        const shortlisted = buildCandidateGraph(input, k);
        const solution = solveAssignment(shortlisted);
        if (findUncertifiedConsultants(shortlisted, solution).length > 0) return;
        certified++;
        // Every candidate pair: the capacities do not depend on the shortlist.
        const everyPair = buildCandidateGraph(input, input.tasks.length);
        expect(everyPair.capacity).toEqual(shortlisted.capacity);
        expect(solveAssignment(everyPair).totalWeight).toBe(solution.totalWeight);
      }),
      { numRuns: 1000 },
    );
    expect(certified).toBeGreaterThan(100);
  });

  it('names the consultants whose shortlisted tasks are all taken', () => {
    const consultant = (id: string) => ({
      id,
      skills: [{ name: 'sql', level: 1 as const }],
      languages: [],
      causes: [],
      windows: [{ from: '2026-03-02', to: '2026-03-02', minutesPerDay: 480 }],
      openClaimsLimit: 1,
      openClaims: 0,
      committedMinutes: 0,
      pastBeneficiaryIds: [],
      teammateIds: [],
    });
    const task = (id: string) => ({
      id,
      url: `https://github.com/example/project/issues/${id.slice(1)}`,
      skills: ['sql'],
      estimateMinutes: 60,
      beneficiaryId: 'b',
      cause: null,
      language: null,
      readySince: '2026-03-02T09:00:00Z',
      handoffAuthorId: null,
    });
    const graph = buildCandidateGraph(
      { consultants: [consultant('a'), consultant('b')], tasks: [task('t1'), task('t2')], today: '2026-03-02', now: '2026-03-02T09:00:00Z' },
      1,
    );
    // Both shortlist t1 only (ties go to the smaller id): a gets it, b nothing, though t2, left
    // off both shortlists, would have served one of them.
    const solution = solveAssignment(graph);
    expect(solution.totalWeight).toBe(10);
    expect(findUncertifiedConsultants(graph, solution)).toEqual([0, 1]);
  });
});
