/*
 * The assignment solver: a maximum-weight b-matching on a bipartite graph, as a min-cost flow
 * solved by successive shortest paths with potentials, in phases (primal-dual).
 *
 * Network: source → consultant i (capacity cap[i], cost 0) → task j (capacity 1, cost −w[i,j])
 * → sink (capacity 1, cost 0). Successive shortest paths push one unit at a time along a
 * cheapest augmenting path; the cost of that path never decreases from one augmentation to the
 * next (the cost of the best flow is convex in its value), so stopping at the first path whose
 * cost is not negative leaves the flow of least cost over every flow value: the assignment of
 * maximum total weight. An edge of weight 0 or less is never worth taking and is left out.
 *
 * Speed. Weights are small integers (a score is a few hundred at most), so:
 * - each phase runs one Dijkstra on reduced costs with a bucket queue, stops as soon as the sink
 *   is reached, and then pushes as many units as it can along paths of zero reduced cost (a
 *   depth-first search with a current-arc pointer per consultant and each task visited once per
 *   phase), as Hopcroft-Karp does for cardinality;
 * - the reduced distance to the sink only grows between phases and a path is only worth taking
 *   while its true cost is negative, so the bucket queue never holds more than W buckets (W the
 *   largest weight), and there are about W phases at most whatever the graph size;
 * - everything lives in typed arrays: the graph in CSR form (each consultant's edges together).
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
  phases: number;
}

/** The maximum-weight assignment of tasks to consultants on the graph. */
export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  const { consultantCount: nC, taskCount: nT, capacity, edgeStart, edgeTask, edgeWeight } = problem;
  const edgeCount = edgeStart[nC] ?? 0;
  const sink = nC + nT;
  const nodeCount = nC + nT + 1;
  const edgeOwner = new Int32Array(edgeCount);
  for (let i = 0; i < nC; i++) edgeOwner.fill(i, edgeStart[i]!, edgeStart[i + 1]!);

  // Potentials: the source keeps 0. Initially each task sits at minus its best weight, the
  // sink at the least of those, which makes every reduced cost non-negative.
  const pot = new Int32Array(nodeCount);
  let maxWeight = 0;
  for (let e = 0; e < edgeCount; e++) {
    const w = edgeWeight[e]!;
    if (w <= 0) continue;
    const node = nC + edgeTask[e]!;
    if (-w < pot[node]!) pot[node] = -w;
    if (w > maxWeight) maxWeight = w;
  }
  pot[sink] = -maxWeight;

  const taskEdge = new Int32Array(nT).fill(-1);
  const load = new Int32Array(nC);
  const dist = new Int32Array(nodeCount);
  const settled = new Int32Array(nodeCount);
  const bucketHead = new Int32Array(maxWeight + 1);
  const queueCapacity = edgeCount + nodeCount + 1;
  const queueNode = new Int32Array(queueCapacity);
  const queueNext = new Int32Array(queueCapacity);
  const arc = new Int32Array(nC);
  const taskSeen = new Int32Array(nT);
  const onPath = new Uint8Array(nC);
  const pathEdges = new Int32Array(nC + 1);
  const pathNodes = new Int32Array(nC + 1);
  let phases = 0;

  for (;;) {
    // Only paths of negative true cost are worth taking: reduced distance below `bound`.
    const bound = -pot[sink]!;
    if (bound <= 0) break;
    phases++;
    const stamp = phases;
    dist.fill(bound);
    bucketHead.fill(-1, 0, bound);
    let queueSize = 0;
    const push = (node: number, d: number): void => {
      dist[node] = d;
      queueNode[queueSize] = node;
      queueNext[queueSize] = bucketHead[d]!;
      bucketHead[d] = queueSize++;
    };
    for (let i = 0; i < nC; i++) {
      if (load[i]! < capacity[i]! && -pot[i]! < bound) push(i, -pot[i]!);
    }
    let sinkDistance = -1;
    for (let d = 0; d < bound && sinkDistance < 0; d++) {
      while (bucketHead[d]! >= 0) {
        const entry = bucketHead[d]!;
        bucketHead[d] = queueNext[entry]!;
        const u = queueNode[entry]!;
        if (settled[u] === stamp || dist[u] !== d) continue;
        settled[u] = stamp;
        if (u === sink) {
          sinkDistance = d;
          break;
        }
        if (u < nC) {
          const base = d + pot[u]!;
          for (let e = edgeStart[u]!, end = edgeStart[u + 1]!; e < end; e++) {
            const w = edgeWeight[e]!;
            if (w <= 0) continue;
            const j = edgeTask[e]!;
            if (taskEdge[j] === e) continue;
            const v = nC + j;
            const nd = base - w - pot[v]!;
            if (nd < dist[v]!) push(v, nd);
          }
        } else {
          const e = taskEdge[u - nC]!;
          const v = e < 0 ? sink : edgeOwner[e]!;
          const nd = d + pot[u]! - pot[v]! + (e < 0 ? 0 : edgeWeight[e]!);
          if (nd < dist[v]!) push(v, nd);
        }
      }
    }
    if (sinkDistance < 0) {
      break; // no path of negative cost is left: optimal
    }
    for (let v = 0; v < nodeCount; v++) pot[v] = pot[v]! + Math.min(dist[v]!, sinkDistance);

    // Push along paths of zero reduced cost, as many as a depth-first search finds.
    for (let i = 0; i < nC; i++) arc[i] = edgeStart[i]!;
    for (let root = 0; root < nC; root++) {
      while (load[root]! < capacity[root]! && pot[root] === 0) {
        let depth = 0;
        pathNodes[0] = root;
        onPath[root] = 1;
        let found = false;
        while (depth >= 0 && !found) {
          const i = pathNodes[depth]!;
          let advanced = false;
          for (let end = edgeStart[i + 1]!; arc[i]! < end; arc[i]!++) {
            const e = arc[i]!;
            const j = edgeTask[e]!;
            const w = edgeWeight[e]!;
            if (w <= 0 || taskSeen[j] === stamp || taskEdge[j] === e) continue;
            const taskNode = nC + j;
            if (pot[i]! - w - pot[taskNode]! !== 0) continue;
            const held = taskEdge[j]!;
            if (held < 0) {
              taskSeen[j] = stamp;
              if (pot[taskNode] !== pot[sink]) continue;
              pathEdges[depth] = e;
              found = true;
              advanced = true;
              break;
            }
            const next = edgeOwner[held]!;
            if (onPath[next] === 1 || edgeWeight[held]! + pot[taskNode]! - pot[next]! !== 0) continue;
            taskSeen[j] = stamp;
            pathEdges[depth] = e;
            pathNodes[++depth] = next;
            onPath[next] = 1;
            advanced = true;
            break;
          }
          if (!advanced) {
            onPath[i] = 0;
            depth--;
            if (depth >= 0) arc[pathNodes[depth]!]!++;
          }
        }
        for (let k = 0; k <= depth; k++) onPath[pathNodes[k]!] = 0;
        if (!found) break;
        for (let k = 0; k <= depth; k++) taskEdge[edgeTask[pathEdges[k]!]!] = pathEdges[k]!;
        load[root]!++;
      }
    }
  }

  let totalWeight = 0;
  for (let j = 0; j < nT; j++) if (taskEdge[j]! >= 0) totalWeight += edgeWeight[taskEdge[j]!]!;
  return { taskEdge, load, totalWeight, phases };
}
