import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOW, pairingInputArbitrary, TODAY } from './__fixtures__/population';
import { buildCandidateGraph } from './candidate-graph';
import type { PairingConsultant, PairingInput, PairingResult, PairingTask, ScoreTerm } from './model';
import { pairConsultantsWithTasks, rankConsultantsForTask } from './pair';
import { countDaysReady, describeTerm } from './score';

/** Whether a term says something true of the pair, checked from the input alone. */
function isTermTrue(term: ScoreTerm, consultant: PairingConsultant, task: PairingTask): boolean {
  switch (term.kind) {
    case 'skill':
      return task.skills.includes(term.skill) && consultant.skills.some((s) => s.name === term.skill && s.level === term.level);
    case 'noSkillNeeded':
      return task.skills.length === 0;
    case 'fitsWindow':
      return term.estimateMinutes === task.estimateMinutes && task.estimateMinutes <= term.freeMinutes;
    case 'causePreferred':
      return task.cause === term.cause && consultant.causes.includes(term.cause);
    case 'readyFor':
      return term.days > 0 && countDaysReady(task.readySince, NOW) === term.days;
    case 'sameBeneficiary':
      return task.beneficiaryId === term.beneficiaryId && consultant.pastBeneficiaryIds.includes(term.beneficiaryId);
    case 'teammateOfHandoffAuthor':
      return task.handoffAuthorId === term.authorId && consultant.teammateIds.includes(term.authorId);
    case 'language':
      return task.language === term.language && consultant.languages.includes(term.language);
  }
}

function summarise(result: PairingResult): Record<string, string[]> {
  return Object.fromEntries(result.consultants.map((c) => [c.consultantId, c.proposals.map((p) => `${p.taskId}:${p.score}`)]));
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed || 1;
  for (let k = copy.length - 1; k > 0; k--) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const other = state % (k + 1);
    [copy[k], copy[other]] = [copy[other]!, copy[k]!];
  }
  return copy;
}

const window = { from: '2026-03-01', to: '2026-03-02', minutesPerDay: 240 };

function consultant(id: string, skills: Array<[string, 1 | 2 | 3]>, more: Partial<PairingConsultant> = {}): PairingConsultant {
  return {
    id,
    skills: skills.map(([name, level]) => ({ name, level })),
    languages: ['fr'],
    causes: [],
    windows: [window],
    openClaimsLimit: 1,
    openClaims: 0,
    committedMinutes: 0,
    pastBeneficiaryIds: [],
    teammateIds: [],
    ...more,
  };
}

function task(id: string, skills: string[], more: Partial<PairingTask> = {}): PairingTask {
  return {
    id,
    url: `https://github.com/example/project/issues/${id.replace(/\D/g, '')}`,
    skills,
    estimateMinutes: 120,
    beneficiaryId: 'framasoft',
    cause: null,
    language: null,
    readySince: NOW,
    handoffAuthorId: null,
    ...more,
  };
}

describe('pairConsultantsWithTasks', () => {
  it.each([
    {
      name: 'each to their best task when they do not compete',
      consultants: [consultant('ada', [['typescript', 3]]), consultant('bob', [['python', 2]])],
      tasks: [task('t1', ['typescript']), task('t2', ['python'])],
      expected: { ada: ['t1:30'], bob: ['t2:20'] },
    },
    {
      name: 'the specialist yields a shared task when that gives more in total',
      consultants: [consultant('ada', [['typescript', 3], ['css', 2]]), consultant('bob', [['typescript', 3]])],
      tasks: [task('t1', ['typescript']), task('t2', ['css'])],
      expected: { ada: ['t2:20'], bob: ['t1:30'] },
    },
    {
      name: 'an old task before a fresh one',
      consultants: [consultant('ada', [['sql', 1]])],
      tasks: [task('t1', ['sql']), task('t2', ['sql'], { readySince: '2026-02-20T09:00:00Z' })],
      expected: { ada: ['t2:20'] },
    },
    {
      name: 'two tasks for two free slots when both fit the time left',
      consultants: [consultant('ada', [['sql', 1]], { openClaimsLimit: 2 })],
      tasks: [task('t1', ['sql']), task('t2', ['sql']), task('t3', ['sql'])],
      expected: { ada: ['t1:10', 't2:10'] },
    },
    {
      name: 'one task only when two might not fit',
      consultants: [consultant('ada', [['sql', 1]], { openClaimsLimit: 2 })],
      tasks: [task('t1', ['sql']), task('t2', ['sql'], { estimateMinutes: 200 })],
      expected: { ada: ['t1:10'] },
    },
    {
      name: 'nothing for a consultant whose window is over',
      consultants: [consultant('ada', [['sql', 1]], { windows: [{ ...window, to: '2026-03-01' }] })],
      tasks: [task('t1', ['sql'])],
      expected: { ada: [] },
    },
  ])('gives $name', ({ consultants, tasks, expected }) => {
    const result = pairConsultantsWithTasks({ consultants, tasks, today: TODAY, now: NOW });
    expect(summarise(result)).toEqual(expected);
  });

  it('ranks the best consultants of each task, whatever the assignment', () => {
    const result = pairConsultantsWithTasks({
      consultants: [consultant('ada', [['typescript', 3], ['css', 2]]), consultant('bob', [['typescript', 3]])],
      tasks: [task('t1', ['typescript']), task('t2', ['css'])],
      today: TODAY,
      now: NOW,
    });
    expect(result.tasks.map((t) => [t.taskId, t.assignedTo, t.bestConsultants.map((p) => `${p.consultantId}:${p.score}`)])).toEqual([
      ['t1', 'bob', ['ada:30', 'bob:30']],
      ['t2', 'ada', ['ada:20']],
    ]);
    expect(result.consultants[0]?.alternatives.map((p) => p.taskId)).toEqual(['t1']);
    expect(result.consultants[0]?.proposals[0]?.url).toBe('https://github.com/example/project/issues/2');
  });

  it('shows only reasons that are true of the pair, and the score is the sum of their points', () => {
    fc.assert(
      fc.property(pairingInputArbitrary, (input) => {
        const result = pairConsultantsWithTasks(input, { candidatesPerConsultant: 4 });
        const consultants = new Map(input.consultants.map((c) => [c.id, c]));
        const tasks = new Map(input.tasks.map((t) => [t.id, t]));
        const proposals = result.consultants.flatMap((c) => [...c.proposals, ...c.alternatives]);
        for (const proposal of [...proposals, ...result.tasks.flatMap((t) => t.bestConsultants)]) {
          const pair = [consultants.get(proposal.consultantId)!, tasks.get(proposal.taskId)!] as const;
          expect(proposal.terms.every((term) => isTermTrue(term, ...pair))).toBe(true);
          expect(proposal.reasons).toEqual(proposal.terms.map(describeTerm));
          expect(proposal.score).toBe(proposal.terms.reduce((sum, term) => sum + term.points, 0));
          expect(proposal.url).toBe(pair[1].url);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result for the same people and tasks in any order', () => {
    fc.assert(
      fc.property(pairingInputArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (input, seed) => {
        const permuted: PairingInput = {
          ...input,
          consultants: shuffle(input.consultants, seed),
          tasks: shuffle(input.tasks, seed + 1),
        };
        expect(pairConsultantsWithTasks(permuted, { candidatesPerConsultant: 3 })).toEqual(
          pairConsultantsWithTasks(input, { candidatesPerConsultant: 3 }),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('reaches the optimum over every candidate pair when the shortlists hold them all', () => {
    const small = pairingInputArbitrary.map((input) => ({
      ...input,
      consultants: input.consultants.slice(0, 4),
      tasks: input.tasks.slice(0, 6),
    }));
    fc.assert(
      fc.property(small, (input) => {
        const graph = buildCandidateGraph(input, input.tasks.length);
        // Brute force over the graph's own capacities: every task to a candidate or to no one.
        const left = [...graph.capacity];
        const weight = new Map<string, number>();
        for (let i = 0; i < graph.consultantCount; i++) {
          for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++) weight.set(`${i} ${graph.edgeTask[e]}`, graph.edgeWeight[e]!);
        }
        let best = 0;
        const visit = (j: number, total: number): void => {
          if (j === graph.taskCount) {
            best = Math.max(best, total);
            return;
          }
          visit(j + 1, total);
          for (let i = 0; i < left.length; i++) {
            const w = weight.get(`${i} ${j}`);
            if (w === undefined || left[i] === 0) continue;
            left[i]!--;
            visit(j + 1, total + w);
            left[i]!++;
          }
        };
        visit(0, 0);
        expect(pairConsultantsWithTasks(input, { candidatesPerConsultant: input.tasks.length }).totalScore).toBe(best);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('rankConsultantsForTask', () => {
  it.each([
    {
      name: 'by score, then by id',
      task: task('t1', ['typescript']),
      expected: ['ada:30', 'cyd:30', 'bob:20'],
    },
    { name: 'no one when no one shares a skill', task: task('t1', ['rust']), expected: [] },
  ])('ranks $name', ({ task: ranked, expected }) => {
    const consultants = [
      consultant('cyd', [['typescript', 3]]),
      consultant('bob', [['typescript', 2]]),
      consultant('ada', [['typescript', 3]]),
      consultant('dan', [['python', 3]]),
    ];
    expect(rankConsultantsForTask(consultants, ranked, { today: TODAY, now: NOW }).map((p) => `${p.consultantId}:${p.score}`)).toEqual(
      expected,
    );
  });
});
