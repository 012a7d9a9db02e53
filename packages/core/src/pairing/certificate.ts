import type { AssignmentSolution } from './assignment';
import type { CandidateGraph } from './candidate-graph';

/**
 * The consultants for whom the shortlist might have cost something: those with a candidate left
 * off their shortlist while every shortlisted task of theirs is assigned (to them or to others).
 *
 * When there are none, the assignment is optimal over every candidate pair, not only the
 * shortlisted ones (with the same capacities). By linear-programming duality: take optimal duals
 * u (per consultant) and v (per task) of the shortlist problem. A task left unassigned has v = 0
 * (complementary slackness), so a consultant i with an unassigned shortlisted task t has
 * u[i] ≥ w[i,t], which is at least the weight of any pair of i left off; with v ≥ 0, every
 * left-off pair then meets its dual constraint, the duals stay feasible for the whole candidate
 * graph, and their total still equals the assignment's.
 */
export function findUncertifiedConsultants(graph: CandidateGraph, solution: AssignmentSolution): number[] {
  const uncertified: number[] = [];
  for (let i = 0; i < graph.consultantCount; i++) {
    if (graph.bestLeftOut[i]! <= 0 || graph.capacity[i]! === 0) continue;
    let hasFreeTask = false;
    for (let e = graph.edgeStart[i]!, end = graph.edgeStart[i + 1]!; e < end && !hasFreeTask; e++) {
      hasFreeTask = solution.taskEdge[graph.edgeTask[e]!]! < 0;
    }
    if (!hasFreeTask) uncertified.push(i);
  }
  return uncertified;
}
