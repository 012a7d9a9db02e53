/*
 * The assignment solver: a maximum-weight b-matching on a bipartite graph (each consultant takes
 * up to capacity[i] tasks, each task at most one consultant), exact, by successive shortest
 * augmenting paths with duals, one unit of capacity at a time: the Hungarian method, extended to
 * capacities and to leaving people and tasks unassigned.
 *
 * Duals. u[i] ≥ 0 per consultant, v[j] ≥ 0 per task; the slack of an edge is u[i] + v[j] − w.
 * The solver keeps, for the capacities offered so far (c'[i] ≤ capacity[i]):
 * - every edge not taken has slack ≥ 0, every edge taken has slack ≤ 0;
 * - a consultant with u[i] > 0 has c'[i] tasks; a task with v[j] > 0 is taken.
 * These are the optimality conditions of the linear program of the b-matching (a taken edge's
 * negative slack is the dual of its own bound x ≤ 1), whose optimum is integral (the constraint
 * matrix of a bipartite graph is totally unimodular): when every unit of capacity has been
 * offered, the assignment is of maximum total weight. An edge of weight 0 or less is never worth
 * taking and is left out.
 *
 * Start: nothing taken, v = 0, u[i] = the largest weight of i's edges (every slack ≥ 0, and
 * c' = 0, so every consultant is "full"). Offering consultant i one more unit: if u[i] = 0 the
 * conditions still hold. Otherwise a Dijkstra from i on reduced costs (the slack of an edge not
 * taken, to reach a task; minus the slack of a taken edge, to go from a task back to the
 * consultant holding it) finds the cheapest way δ to end:
 * - at a free task j (cost dist(j)): i takes a task, consultants along the path pass theirs on;
 * - at a consultant k with dist(k) + u[k]: k gives up the task the path takes from them (k = i
 *   itself: i takes nothing more, and its u falls to 0);
 * then lowers u and raises v of the nodes settled before δ by δ − dist, which keeps every
 * condition (the textbook argument for potentials in successive shortest paths), and augments.
 *
 * Speed. Most units end at once: the consultant's best task is still free. A search only touches
 * what it settles (distances and queues are reset lazily), and weights are small integers (a
 * score is a few hundred at most), so the queue is an array of buckets, one per distance, and no
 * search goes past u[i] ≤ the largest weight. Consultants are offered their first unit in index
 * order, then their second, and so on.
 *
 * Determinism: the solver does the same thing on the same arrays; the caller numbers
 * consultants and tasks in id order, so a permuted input gives the same assignment.
 */

/** A bipartite graph of consultants and tasks in CSR form: consultant i owns edges edgeStart[i] to edgeStart[i+1]. */
export interface AssignmentProblem {
  consultantCount: number;
  taskCount: number;
  /** How many tasks each consultant may take. */
  capacity: Int32Array;
  /** consultantCount + 1 offsets into the edge arrays. */
  edgeStart: Int32Array;
  edgeTask: Int32Array;
  /** Integer weights; an edge of weight 0 or less is never taken. */
  edgeWeight: Int32Array;
}

export interface AssignmentSolution {
  /** For each task, the edge that assigns it, or −1. */
  taskEdge: Int32Array;
  /** For each consultant, how many tasks it got. */
  load: Int32Array;
  totalWeight: number;
  /** How many shortest-path searches the solver ran: one per unit of capacity it offered. */
  searches: number;
}

/** The maximum-weight assignment of tasks to consultants on the graph. */
export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  const { consultantCount: nC, taskCount: nT, capacity, edgeStart, edgeTask, edgeWeight } = problem;
  const edgeCount = edgeStart[nC] ?? 0;
  const edgeOwner = new Int32Array(edgeCount);
  for (let i = 0; i < nC; i++) edgeOwner.fill(i, edgeStart[i]!, edgeStart[i + 1]!);

  const u = new Int32Array(nC);
  const v = new Int32Array(nT);
  let maxWeight = 0;
  let maxCapacity = 0;
  for (let i = 0; i < nC; i++) {
    let best = 0;
    for (let e = edgeStart[i]!, end = edgeStart[i + 1]!; e < end; e++) if (edgeWeight[e]! > best) best = edgeWeight[e]!;
    u[i] = best;
    if (best > maxWeight) maxWeight = best;
    if (capacity[i]! > maxCapacity) maxCapacity = capacity[i]!;
  }

  const taskEdge = new Int32Array(nT).fill(-1);
  const load = new Int32Array(nC);
  // Search state, valid where the stamp is the current search's.
  const consultantStamp = new Int32Array(nC);
  const consultantDist = new Int32Array(nC);
  const consultantDone = new Uint8Array(nC);
  /** The task a consultant was reached from (they would pass it on), or −1 for the root. */
  const consultantFrom = new Int32Array(nC);
  const taskStamp = new Int32Array(nT);
  const taskDist = new Int32Array(nT);
  const taskDone = new Uint8Array(nT);
  /** The edge a task was reached by. */
  const taskFrom = new Int32Array(nT);
  const settledConsultants = new Int32Array(nC);
  const settledTasks = new Int32Array(nT);
  // Bucket queue of nodes (consultant i as i, task j as nC + j), one bucket per distance, each
  // first in first out: among equal distances, the edge listed first (the better ranked) wins.
  const bucketHead = new Int32Array(maxWeight + 1).fill(-1);
  const bucketTail = new Int32Array(maxWeight + 1);
  let queueNode = new Int32Array(1024);
  let queueNext = new Int32Array(1024);
  let searches = 0;

  for (let round = 0; round < maxCapacity; round++) {
    for (let root = 0; root < nC; root++) {
      if (capacity[root]! <= round || u[root] === 0) continue;
      const stamp = ++searches;
      let queueSize = 0;
      let highestBucket = -1;
      const push = (node: number, d: number): void => {
        if (queueSize === queueNode.length) {
          queueNode = grow(queueNode);
          queueNext = grow(queueNext);
        }
        queueNode[queueSize] = node;
        queueNext[queueSize] = -1;
        if (bucketHead[d]! < 0) bucketHead[d] = queueSize;
        else queueNext[bucketTail[d]!] = queueSize;
        bucketTail[d] = queueSize++;
        if (d > highestBucket) highestBucket = d;
      };
      let settledConsultantCount = 0;
      let settledTaskCount = 0;
      // The best end found so far: at a free task (endTask ≥ 0) or at a consultant giving up a task.
      let end = u[root]!;
      let endTask = -1;
      let endConsultant = root;
      consultantStamp[root] = stamp;
      consultantDist[root] = 0;
      consultantDone[root] = 0;
      consultantFrom[root] = -1;
      push(root, 0);
      // On a tie, a free task is preferred to a consultant giving one up: more tasks taken.
      for (let d = 0; d <= end && endTask < 0; d++) {
        while (bucketHead[d]! >= 0) {
          const entry = bucketHead[d]!;
          bucketHead[d] = queueNext[entry]!;
          const node = queueNode[entry]!;
          if (node < nC) {
            const k = node;
            if (consultantDone[k] === 1 || consultantDist[k] !== d) continue;
            consultantDone[k] = 1;
            settledConsultants[settledConsultantCount++] = k;
            if (d + u[k]! < end) {
              end = d + u[k]!;
              endTask = -1;
              endConsultant = k;
            }
            const base = d + u[k]!;
            for (let e = edgeStart[k]!, stop = edgeStart[k + 1]!; e < stop; e++) {
              const w = edgeWeight[e]!;
              if (w <= 0) continue;
              const j = edgeTask[e]!;
              if (taskEdge[j] === e) continue;
              const nd = base + v[j]! - w;
              if (nd > end) continue;
              if (taskStamp[j] !== stamp) {
                taskStamp[j] = stamp;
                taskDone[j] = 0;
              } else if (taskDone[j] === 1 || nd >= taskDist[j]!) continue;
              taskDist[j] = nd;
              taskFrom[j] = e;
              push(nC + j, nd);
            }
          } else {
            const j = node - nC;
            if (taskDone[j] === 1 || taskDist[j] !== d) continue;
            taskDone[j] = 1;
            settledTasks[settledTaskCount++] = j;
            const held = taskEdge[j]!;
            if (held < 0) {
              end = d;
              endTask = j;
              break;
            }
            const k = edgeOwner[held]!;
            const nd = d - u[k]! - v[j]! + edgeWeight[held]!;
            if (nd > end) continue;
            if (consultantStamp[k] !== stamp) {
              consultantStamp[k] = stamp;
              consultantDone[k] = 0;
            } else if (consultantDone[k] === 1 || nd >= consultantDist[k]!) continue;
            consultantDist[k] = nd;
            consultantFrom[k] = j;
            push(k, nd);
          }
        }
      }
      bucketHead.fill(-1, 0, highestBucket + 1);

      // Duals of the nodes settled before the end, then the augmentation.
      for (let s = 0; s < settledConsultantCount; s++) {
        const k = settledConsultants[s]!;
        u[k] = u[k]! - (end - consultantDist[k]!);
      }
      for (let s = 0; s < settledTaskCount; s++) {
        const j = settledTasks[s]!;
        v[j] = v[j]! + (end - taskDist[j]!);
      }
      let k: number;
      if (endTask >= 0) {
        k = edgeOwner[taskFrom[endTask]!]!;
        taskEdge[endTask] = taskFrom[endTask]!;
      } else {
        k = endConsultant;
        if (k !== root) load[k]!--;
      }
      // Walk back to the root: each consultant passes the task it was reached from on.
      while (k !== root) {
        const j = consultantFrom[k]!;
        taskEdge[j] = taskFrom[j]!;
        k = edgeOwner[taskFrom[j]!]!;
      }
      if (endTask >= 0 || endConsultant !== root) load[root]!++;
    }
  }

  let totalWeight = 0;
  for (let j = 0; j < nT; j++) if (taskEdge[j]! >= 0) totalWeight += edgeWeight[taskEdge[j]!]!;
  return { taskEdge, load, totalWeight, searches };
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
