import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type AssignmentProblem,
  buildCandidateGraph,
  DEFAULT_CANDIDATES_PER_CONSULTANT,
  findUncertifiedConsultants,
  solveAssignment,
} from '@wecena/core';
import { generatePopulation } from './population';

const usage = `usage: npm run bench -- pairing [options]

Generates populations of consultants and ready tasks (seeded), builds the candidate graph
(each consultant's shortlist of K best candidate tasks), solves the maximum-weight assignment
on it, and runs a greedy baseline on the same graph.

  --sizes a,b   consultants x tasks (default 1000x10000,10000x100000)
  --k N         shortlist length per consultant (default ${DEFAULT_CANDIDATES_PER_CONSULTANT})
  --seed N      population seed (default 2026)
  --help`;

interface SizeReport {
  consultants: number;
  tasks: number;
  availableConsultants: number;
  candidatesPerConsultant: number;
  edges: number;
  generateMs: number;
  buildMs: number;
  buildCpuMs: number;
  solveMs: number;
  solveCpuMs: number;
  searches: number;
  assigned: number;
  totalScore: number;
  greedyScore: number;
  greedyMs: number;
  /** Consultants with a candidate left off and every shortlisted task taken: 0 proves the assignment optimal over every candidate pair. */
  uncertified: number;
  /** Build + solve again on the same input, once the code is compiled (a worker runs pairing repeatedly). */
  warmBuildMs: number;
  warmSolveMs: number;
  heapUsedMb: number;
  peakRssMb: number;
}

/** The baseline: edges by score (then consultant, then task), each taken if both ends are free. */
function assignGreedily(problem: AssignmentProblem): number {
  const { consultantCount, edgeStart, edgeTask, edgeWeight, capacity } = problem;
  const edgeCount = edgeTask.length;
  const owner = new Int32Array(edgeCount);
  for (let i = 0; i < consultantCount; i++) owner.fill(i, edgeStart[i]!, edgeStart[i + 1]!);
  const order = Int32Array.from({ length: edgeCount }, (_, e) => e).sort(
    (a, b) => edgeWeight[b]! - edgeWeight[a]! || owner[a]! - owner[b]! || edgeTask[a]! - edgeTask[b]!,
  );
  const left = Int32Array.from(capacity);
  const taken = new Uint8Array(problem.taskCount);
  let total = 0;
  for (const e of order) {
    const i = owner[e]!;
    const j = edgeTask[e]!;
    if (edgeWeight[e]! <= 0 || left[i] === 0 || taken[j] === 1) continue;
    left[i]!--;
    taken[j] = 1;
    total += edgeWeight[e]!;
  }
  return total;
}

/** CPU time of the process (user and system) since `start`: unlike wall time, it does not count waiting for a busy machine's cores. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

function megabytes(bytes: number): number {
  return Math.round(bytes / 1_048_576);
}

function runSize(consultants: number, tasks: number, k: number, seed: number): SizeReport {
  let started = performance.now();
  const input = generatePopulation(consultants, tasks, seed);
  const generateMs = performance.now() - started;

  started = performance.now();
  let cpu = process.cpuUsage();
  const graph = buildCandidateGraph(input, k);
  const buildCpuMs = cpuMsSince(cpu);
  const buildMs = performance.now() - started;

  started = performance.now();
  cpu = process.cpuUsage();
  const solution = solveAssignment(graph);
  const solveCpuMs = cpuMsSince(cpu);
  const solveMs = performance.now() - started;

  started = performance.now();
  const greedyScore = assignGreedily(graph);
  const greedyMs = performance.now() - started;

  let assigned = 0;
  for (const e of solution.taskEdge) if (e >= 0) assigned++;
  const uncertified = findUncertifiedConsultants(graph, solution).length;
  started = performance.now();
  const warmGraph = buildCandidateGraph(input, k);
  const warmBuildMs = performance.now() - started;
  started = performance.now();
  solveAssignment(warmGraph);
  const warmSolveMs = performance.now() - started;
  return {
    consultants,
    tasks,
    availableConsultants: graph.availability.filter((a) => a !== null && a.freeSlots > 0).length,
    candidatesPerConsultant: k,
    edges: graph.edgeTask.length,
    generateMs,
    buildMs,
    buildCpuMs,
    solveMs,
    solveCpuMs,
    searches: solution.searches,
    assigned,
    totalScore: solution.totalWeight,
    greedyScore,
    greedyMs,
    uncertified,
    warmBuildMs,
    warmSolveMs,
    heapUsedMb: megabytes(process.memoryUsage().heapUsed),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function print(report: SizeReport): void {
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  console.log(`\n${report.consultants.toLocaleString('en')} consultants × ${report.tasks.toLocaleString('en')} ready tasks`);
  console.log(`  available today with a free slot  ${report.availableConsultants.toLocaleString('en')}`);
  console.log(`  candidate graph                   ${report.edges.toLocaleString('en')} edges (K = ${report.candidatesPerConsultant} per consultant)`);
  console.log(`  build graph                       ${ms(report.buildMs)} wall, ${ms(report.buildCpuMs)} CPU`);
  console.log(`  solve (exact, augmenting paths)   ${ms(report.solveMs)} wall, ${ms(report.solveCpuMs)} CPU (${report.searches} searches)`);
  console.log(`  build + solve                     ${ms(report.buildMs + report.solveMs)} wall, ${ms(report.buildCpuMs + report.solveCpuMs)} CPU`);
  console.log(`  assigned                          ${report.assigned.toLocaleString('en')} tasks, total score ${report.totalScore.toLocaleString('en')}`);
  console.log(`  greedy baseline                   total score ${report.greedyScore.toLocaleString('en')} in ${ms(report.greedyMs)}`);
  console.log(`  ours / greedy                     ${(report.totalScore / report.greedyScore).toFixed(4)}`);
  console.log(`  second run, same input            build ${ms(report.warmBuildMs)} + solve ${ms(report.warmSolveMs)} = ${ms(report.warmBuildMs + report.warmSolveMs)} wall`);
  console.log(
    `  optimal over all candidate pairs  ${report.uncertified === 0 ? 'yes (certificate holds for every consultant)' : `not proven: ${report.uncertified} consultants uncertified`}`,
  );
  console.log(`  memory                            heap ${report.heapUsedMb} MB, peak RSS ${report.peakRssMb} MB (process so far)`);
}

export async function runPairingBench(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: 'string', default: '1000x10000,10000x100000' },
      k: { type: 'string', default: String(DEFAULT_CANDIDATES_PER_CONSULTANT) },
      seed: { type: 'string', default: '2026' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const sizes = values.sizes.split(',').map((size) => size.split('x').map(Number));
  const k = Number(values.k);
  const seed = Number(values.seed);
  if (sizes.some((size) => size.length !== 2 || size.some((n) => !Number.isInteger(n) || n <= 0)) || !Number.isInteger(k) || k < 1) {
    console.error(usage);
    return 2;
  }
  console.log(`pairing benchmark: node ${process.version}, ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(1)}, seed ${seed}`);
  const reports = sizes.map(([consultants, tasks]) => {
    const report = runSize(consultants!, tasks!, k, seed);
    print(report);
    return report;
  });
  const resultsDir = new URL('../results/', import.meta.url);
  mkdirSync(resultsDir, { recursive: true });
  const file = new URL(`pairing-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, resultsDir);
  writeFileSync(file, `${JSON.stringify({ node: process.version, cores: availableParallelism(), seed, reports }, null, 2)}\n`);
  console.log(`\nresults: ${fileURLToPath(file)}`);
  return 0;
}
