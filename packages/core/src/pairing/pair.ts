import { solveAssignment } from './assignment';
import { findAvailability } from './availability';
import { buildCandidateGraph, DEFAULT_CANDIDATES_PER_CONSULTANT } from './candidate-graph';
import type {
  ConsultantPairing,
  PairingConsultant,
  PairingInput,
  PairingOptions,
  PairingResult,
  PairingTask,
  Proposal,
  TaskPairing,
} from './model';
import { describeTerm, scorePair } from './score';

export const DEFAULT_CONSULTANTS_PER_TASK = 5;

function toProposal(consultant: PairingConsultant, task: PairingTask, input: Pick<PairingInput, 'today' | 'now'>): Proposal | null {
  const availability = findAvailability(consultant, input.today);
  if (availability === null || availability.freeSlots === 0) return null;
  const scored = scorePair(consultant, task, availability, input.now);
  if (scored === null) return null;
  return {
    consultantId: consultant.id,
    taskId: task.id,
    url: task.url,
    score: scored.score,
    reasons: scored.terms.map(describeTerm),
    terms: scored.terms,
  };
}

function byScoreThen(key: (proposal: Proposal) => string): (a: Proposal, b: Proposal) => number {
  return (a, b) => b.score - a.score || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/**
 * Pairs consultants available today with ready tasks: each consultant's shortlist of candidate
 * tasks (see `buildCandidateGraph`), then the assignment of greatest total score on it, where a
 * consultant takes at most their capacity (free claim slots, and as many tasks as surely fit the
 * minutes left) and a task goes to one consultant at most.
 *
 * Deterministic: consultants and tasks are put in id order first, so the same people and tasks
 * give the same result in any order. Among assignments of equal total score, the one chosen is
 * the one the solver reaches on that order; ranked lists break ties by id.
 */
export function pairConsultantsWithTasks(input: PairingInput, options: PairingOptions = {}): PairingResult {
  const candidatesPerConsultant = options.candidatesPerConsultant ?? DEFAULT_CANDIDATES_PER_CONSULTANT;
  const consultantsPerTask = options.consultantsPerTask ?? DEFAULT_CONSULTANTS_PER_TASK;
  const graph = buildCandidateGraph(input, candidatesPerConsultant);
  const solution = solveAssignment(graph);

  const taskProposals = new Map<number, Proposal[]>();
  const consultants: ConsultantPairing[] = graph.consultants.map((consultant, i) => {
    const proposals: Proposal[] = [];
    const alternatives: Proposal[] = [];
    for (let e = graph.edgeStart[i]!, end = graph.edgeStart[i + 1]!; e < end; e++) {
      const j = graph.edgeTask[e]!;
      const proposal = toProposal(consultant, graph.tasks[j]!, input);
      // The graph holds candidates only, so the reference score exists and agrees (tested).
      if (proposal === null) continue;
      (solution.taskEdge[j] === e ? proposals : alternatives).push(proposal);
      const forTask = taskProposals.get(j);
      if (forTask === undefined) taskProposals.set(j, [proposal]);
      else forTask.push(proposal);
    }
    return {
      consultantId: consultant.id,
      availability: graph.availability[i] ?? null,
      capacity: graph.capacity[i]!,
      proposals,
      alternatives,
    };
  });

  const tasks: TaskPairing[] = [...taskProposals.keys()]
    .sort((a, b) => a - b)
    .map((j) => {
      const task = graph.tasks[j]!;
      const e = solution.taskEdge[j]!;
      const ranked = taskProposals.get(j)!.sort(byScoreThen((proposal) => proposal.consultantId));
      return {
        taskId: task.id,
        url: task.url,
        assignedTo: e < 0 ? null : graph.consultants[findOwner(graph.edgeStart, e)]!.id,
        bestConsultants: ranked.slice(0, consultantsPerTask),
      };
    });

  return {
    consultants,
    tasks,
    totalScore: solution.totalWeight,
    graph: {
      consultants: graph.consultantCount,
      tasks: graph.taskCount,
      edges: graph.edgeTask.length,
      candidatesPerConsultant,
    },
  };
}

/** The consultant owning edge e: the last i with edgeStart[i] ≤ e. */
function findOwner(edgeStart: Int32Array, e: number): number {
  let low = 0;
  let high = edgeStart.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (edgeStart[middle]! <= e) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The best consultants for one task among all consultants, whatever the assignment and the
 * shortlists: what a maintainer sees on the task's page. Best score first, then by id.
 */
export function rankConsultantsForTask(
  consultants: readonly PairingConsultant[],
  task: PairingTask,
  at: Pick<PairingInput, 'today' | 'now'>,
  limit = DEFAULT_CONSULTANTS_PER_TASK,
): Proposal[] {
  return consultants
    .flatMap((consultant) => toProposal(consultant, task, at) ?? [])
    .sort(byScoreThen((proposal) => proposal.consultantId))
    .slice(0, limit);
}
