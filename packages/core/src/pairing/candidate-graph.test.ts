import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAvailability } from './availability';
import { buildCandidateGraph } from './candidate-graph';
import { pairingInputArbitrary } from './__fixtures__/population';
import type { PairingInput } from './model';
import { scorePair } from './score';

/** Every candidate pair scored by the reference, each consultant's list best first, then by task id. */
function scoreEveryPair(input: PairingInput): Map<string, Array<{ taskId: string; score: number }>> {
  const tasks = [...input.tasks].sort((a, b) => (a.id < b.id ? -1 : 1));
  return new Map(
    input.consultants.map((consultant) => {
      const availability = findAvailability(consultant, input.today);
      const scored =
        availability === null || availability.freeSlots === 0
          ? []
          : tasks.flatMap((task) => {
              const pair = scorePair(consultant, task, availability, input.now);
              return pair === null ? [] : [{ taskId: task.id, score: pair.score }];
            });
      return [consultant.id, scored.sort((a, b) => b.score - a.score || (a.taskId < b.taskId ? -1 : 1))];
    }),
  );
}

describe('buildCandidateGraph', () => {
  it.each([1, 2, 3, 16])('keeps exactly the best %i candidates of each consultant, with their reference scores', (k) => {
    fc.assert(
      fc.property(pairingInputArbitrary, (input) => {
        const graph = buildCandidateGraph(input, k);
        const expected = scoreEveryPair(input);
        graph.consultants.forEach((consultant, i) => {
          const edges = [];
          for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++) {
            edges.push({ taskId: graph.tasks[graph.edgeTask[e]!]!.id, score: graph.edgeWeight[e]! });
          }
          const all = expected.get(consultant.id)!;
          expect(edges).toEqual(all.slice(0, k));
          expect(graph.bestLeftOut[i]).toBe(all[k]?.score ?? 0);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('gives each consultant a capacity within free slots, whose every choice of tasks fits the minutes left', () => {
    fc.assert(
      fc.property(pairingInputArbitrary, (input) => {
        const graph = buildCandidateGraph(input, 4);
        graph.consultants.forEach((_, i) => {
          const capacity = graph.capacity[i]!;
          const available = graph.availability[i];
          if (capacity === 0) return;
          expect(available).not.toBeNull();
          expect(capacity).toBeLessThanOrEqual(available!.freeSlots);
          const estimates = [];
          for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++) {
            estimates.push(graph.tasks[graph.edgeTask[e]!]!.estimateMinutes);
          }
          const largest = estimates.sort((a, b) => b - a).slice(0, capacity);
          expect(largest.reduce((sum, minutes) => sum + minutes, 0)).toBeLessThanOrEqual(available!.freeMinutes);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same capacities whatever the shortlist length, each fitting its longest candidate that many times', () => {
    fc.assert(
      fc.property(pairingInputArbitrary, (input) => {
        const short = buildCandidateGraph(input, 1);
        const full = buildCandidateGraph(input, input.tasks.length + 1);
        expect(short.capacity).toEqual(full.capacity);
        full.consultants.forEach((_, i) => {
          const available = full.availability[i];
          let longest = 0;
          for (let e = full.edgeStart[i]!; e < full.edgeStart[i + 1]!; e++) {
            longest = Math.max(longest, full.tasks[full.edgeTask[e]!]!.estimateMinutes);
          }
          const expected = longest === 0 || !available ? 0 : Math.min(available.freeSlots, Math.floor(available.freeMinutes / longest));
          expect(full.capacity[i]).toBe(expected);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('scores tasks needing more skills than the index holds one by one', () => {
    const input: PairingInput = {
      today: '2026-03-02',
      now: '2026-03-02T09:00:00Z',
      consultants: [
        {
          id: 'ada',
          skills: ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ name, level: 2 as const })),
          languages: [],
          causes: [],
          windows: [{ from: '2026-03-02', to: '2026-03-02', minutesPerDay: 480 }],
          openClaimsLimit: 2,
          openClaims: 0,
          committedMinutes: 0,
          pastBeneficiaryIds: [],
          teammateIds: [],
        },
      ],
      tasks: [
        { skills: ['a', 'b', 'c', 'd', 'e', 'f'], id: 'wide' },
        { skills: ['a'], id: 'narrow' },
      ].map(({ skills, id }) => ({
        id,
        url: `https://gitlab.com/example/project/-/issues/${id.length}`,
        skills,
        estimateMinutes: 60,
        beneficiaryId: 'b',
        cause: null,
        language: null,
        readySince: '2026-03-02T09:00:00Z',
        handoffAuthorId: null,
      })),
    };
    const graph = buildCandidateGraph(input, 2);
    expect([...graph.edgeWeight]).toEqual([120, 20]);
  });
});
