import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssignmentProblem, solveAssignment } from './assignment';

interface SmallInstance {
  capacity: number[];
  /** weight[i][j], or null when consultant i and task j are not candidates. */
  weight: Array<Array<number | null>>;
}

function toProblem(instance: SmallInstance): AssignmentProblem {
  const nC = instance.capacity.length;
  const nT = instance.weight[0]?.length ?? 0;
  const edgeStart = new Int32Array(nC + 1);
  const tasks: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < nC; i++) {
    for (let j = 0; j < nT; j++) {
      const w = instance.weight[i]![j]!;
      if (w === null) continue;
      tasks.push(j);
      weights.push(w);
    }
    edgeStart[i + 1] = tasks.length;
  }
  return {
    consultantCount: nC,
    taskCount: nT,
    capacity: Int32Array.from(instance.capacity),
    edgeStart,
    edgeTask: Int32Array.from(tasks),
    edgeWeight: Int32Array.from(weights),
  };
}

/** Every way to give each task to one candidate consultant or to none, within capacities. */
function bruteForceBest(instance: SmallInstance): number {
  const nT = instance.weight[0]?.length ?? 0;
  const left = [...instance.capacity];
  let best = 0;
  const visit = (j: number, total: number): void => {
    if (j === nT) {
      best = Math.max(best, total);
      return;
    }
    visit(j + 1, total);
    for (let i = 0; i < left.length; i++) {
      const w = instance.weight[i]![j]!;
      if (w === null || left[i] === 0) continue;
      left[i]!--;
      visit(j + 1, total + w);
      left[i]!++;
    }
  };
  visit(0, 0);
  return best;
}

const smallInstance = fc
  .record({ consultants: fc.integer({ min: 1, max: 4 }), tasks: fc.integer({ min: 1, max: 6 }) })
  .chain(({ consultants, tasks }) =>
    fc.record({
      capacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: consultants, maxLength: consultants }),
      weight: fc.array(
        fc.array(fc.option(fc.integer({ min: -5, max: 40 }), { freq: 3 }), { minLength: tasks, maxLength: tasks }),
        { minLength: consultants, maxLength: consultants },
      ),
    }),
  );

describe('solveAssignment', () => {
  it.each([
    {
      name: 'prefers two good pairs to one excellent pair',
      instance: { capacity: [1, 1], weight: [[10, 9], [8, null]] },
      expected: 17,
    },
    {
      name: 'gives a consultant as many tasks as capacity allows',
      instance: { capacity: [2], weight: [[5, 4, 3]] },
      expected: 9,
    },
    {
      name: 'never takes a pair of no worth',
      instance: { capacity: [3], weight: [[0, -1, 2]] },
      expected: 2,
    },
    {
      name: 'takes nothing from a consultant with no capacity',
      instance: { capacity: [0, 1], weight: [[50, 50], [1, null]] },
      expected: 1,
    },
    {
      name: 'moves a task along a chain to free the better one',
      instance: { capacity: [1, 1, 1], weight: [[10, 9, null], [10, null, null], [null, 9, 1]] },
      expected: 20,
    },
  ])('$name', ({ instance, expected }) => {
    expect(solveAssignment(toProblem(instance)).totalWeight).toBe(expected);
  });

  it('reaches the brute-force optimum, feasibly', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const problem = toProblem(instance);
        const solution = solveAssignment(problem);
        const load = new Array<number>(instance.capacity.length).fill(0);
        let total = 0;
        solution.taskEdge.forEach((e, j) => {
          if (e < 0) return;
          const i = [...problem.edgeStart].findLastIndex((start) => start <= e);
          expect(problem.edgeTask[e]).toBe(j);
          expect(problem.edgeWeight[e]).toBeGreaterThan(0);
          load[i]!++;
          total += problem.edgeWeight[e]!;
        });
        load.forEach((count, i) => expect(count).toBeLessThanOrEqual(instance.capacity[i]!));
        expect([...solution.load]).toEqual(load);
        expect(total).toBe(solution.totalWeight);
        expect(solution.totalWeight).toBe(bruteForceBest(instance));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same assignment for the same graph', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        expect(solveAssignment(toProblem(instance)).taskEdge).toEqual(solveAssignment(toProblem(instance)).taskEdge);
      }),
      { numRuns: 300 },
    );
  });
});
