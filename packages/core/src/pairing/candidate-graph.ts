import type { AssignmentProblem } from './assignment';
import { findAvailability } from './availability';
import { type Availability, type PairingConsultant, type PairingInput, type PairingTask, SCORE_POINTS } from './model';
import { agePoints, countDaysReadyAt } from './score';
import { SubsetTrie } from './subset-trie';

/*
 * The candidate graph: for each consultant, a shortlist of their K best candidate tasks (by
 * score, then task id), with the scores as edge weights.
 *
 * Why a shortlist. Ten thousand consultants and a hundred thousand ready tasks make up to a
 * billion candidate pairs, too many to score in a pairing run. A consultant takes at most
 * `capacity` tasks (two by default), so the assignment only ever reaches a little way down their
 * list; K (default 16) leaves room for others taking their first choices.
 *
 * What is exact. The shortlist is exactly the best K candidates of each consultant, found without
 * scoring every pair (below), and the solver is exact on the shortlist graph: no assignment that
 * uses only shortlisted pairs scores more. It is also exact over every candidate pair unless some
 * consultant with a candidate left off sees all their shortlisted tasks assigned:
 * `findUncertifiedConsultants` (certificate.ts) names those, and the proof. Capacities do not
 * depend on K: a consultant takes at most their free slots, and no more tasks than the longest of
 * all their candidates fits in the minutes left, so that any choice of them fits.
 *
 * How the shortlist is found. A candidate's score is its skill points (set by M, the skills the
 * task and the consultant share), plus cause and language points, plus age points (at most 30),
 * plus relay points, which only a few tasks per consultant earn. So:
 * - tasks are indexed under every non-empty subset of their skills (tasks of at most four
 *   skills), one list per (subset, cause, language, estimate bucket), each list oldest first,
 *   then by index; tasks needing more skills are scored one by one. Subsets are the nodes of a
 *   trie (subset-trie.ts) and the lists are made by counting sorts, all in typed arrays;
 * - a consultant walks the subsets A of their own skills in decreasing order of skill points and,
 *   in A's lists, takes the tasks whose shared skills are exactly A (a task sharing more was met
 *   under its own, richer subset, which comes first). In one list the score of such a task is
 *   known before reading it, and decreases along the list, so a list ends at the first task that
 *   cannot enter the shortlist; a subset's lists are grouped by cause, so the lists whose cause
 *   and language bonus cannot let even their oldest task in are not read; and the walk ends once
 *   no remaining subset can reach the shortlist;
 * - relay tasks come last with their full score (see below), a beneficiary's tasks read from
 *   records packed side by side.
 * A test checks the shortlists against scoring every pair with `scorePair`.
 */

/** Tasks needing at most this many skills are indexed by subset (2^4 − 1 = 15 entries each). */
const MAX_INDEXED_SKILLS = 4;
/** Fields of a relay record: task, estimate, age points, cause, language, skill count, two pairs of skills. */
const RELAY_RECORD = 8;
const MAX_AGE_POINTS = agePoints(SCORE_POINTS.ageMaxDays);
/** The most skill points a subset of the index can give (four skills at level 3, levels being 1 to 3), or a task needing none. */
const MAX_STEP_POINTS = Math.max(SCORE_POINTS.noSkillNeeded, MAX_INDEXED_SKILLS * 3 * SCORE_POINTS.skillPerLevel);
export const DEFAULT_CANDIDATES_PER_CONSULTANT = 16;

export interface CandidateGraph extends AssignmentProblem {
  /** The consultants in id order: index i in the arrays. */
  consultants: PairingConsultant[];
  /** The tasks in id order: index j in the arrays. */
  tasks: PairingTask[];
  availability: Array<Availability | null>;
  candidatesPerConsultant: number;
  /** Per consultant, the score of their best candidate left off the shortlist, or 0. */
  bestLeftOut: Int32Array;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A copy in id order (the store reads them in that order already: then no sort). */
function sortedById<T extends { id: string }>(items: readonly T[]): T[] {
  for (let k = 1; k < items.length; k++) if (items[k - 1]!.id > items[k]!.id) return [...items].sort(byId);
  return [...items];
}

/** The number of `value` in `index`, the next one if it has none yet. */
function indexIn(index: Map<string, number>, value: string): number {
  let number = index.get(value);
  if (number === undefined) index.set(value, (number = index.size));
  return number;
}

/** The largest of sorted[start, end) (increasing) that is at most `limit`, or −1. */
function largestAtMost(sorted: Int32Array, start: number, end: number, limit: number): number {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= limit) low = middle + 1;
    else high = middle;
  }
  return low > start ? sorted[low - 1]! : -1;
}

/** Indices 0..n−1 grouped by their group (−1: none), in index order, as [start, members]. */
function groupBy(groupOf: Int32Array, groupCount: number): [Int32Array, Int32Array] {
  const start = new Int32Array(groupCount + 1);
  for (const group of groupOf) if (group >= 0) start[group + 1]!++;
  for (let g = 0; g < groupCount; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groupCount);
  const members = new Int32Array(start[groupCount]!);
  groupOf.forEach((group, j) => {
    if (group >= 0) members[fill[group]!++] = j;
  });
  return [start, members];
}

/** The shortlist of one consultant: the best `size` (score, task) so far, best first. */
class Shortlist {
  readonly scores: Int32Array;
  readonly tasks: Int32Array;
  length = 0;

  constructor(readonly size: number) {
    this.scores = new Int32Array(size);
    this.tasks = new Int32Array(size);
  }

  get isFull(): boolean {
    return this.length === this.size;
  }

  /** The score a task must reach to enter (it enters on a tie only with a smaller index). */
  get threshold(): number {
    return this.isFull ? this.scores[this.size - 1]! : Number.NEGATIVE_INFINITY;
  }

  /** Whether a task of this score and index would enter. */
  admits(score: number, task: number): boolean {
    if (!this.isFull) return true;
    const last = this.scores[this.size - 1]!;
    return score > last || (score === last && task < this.tasks[this.size - 1]!);
  }

  offer(score: number, task: number): void {
    let at = this.length;
    while (at > 0 && (this.scores[at - 1]! < score || (this.scores[at - 1] === score && this.tasks[at - 1]! > task))) {
      at--;
    }
    if (at >= this.size) return;
    const last = Math.min(this.length, this.size - 1);
    this.scores.copyWithin(at + 1, at, last);
    this.tasks.copyWithin(at + 1, at, last);
    this.scores[at] = score;
    this.tasks[at] = task;
    if (this.length < this.size) this.length++;
  }

  /** Takes a task out, if it is there. */
  remove(task: number): void {
    for (let at = 0; at < this.length; at++) {
      if (this.tasks[at] !== task) continue;
      this.scores.copyWithin(at, at + 1, this.length);
      this.tasks.copyWithin(at, at + 1, this.length);
      this.length--;
      return;
    }
  }

  clear(): void {
    this.length = 0;
  }
}

/** Builds the shortlist graph of every consultant available today (see the comment above). */
export function buildCandidateGraph(input: PairingInput, candidatesPerConsultant = DEFAULT_CANDIDATES_PER_CONSULTANT): CandidateGraph {
  const consultants = sortedById(input.consultants);
  const tasks = sortedById(input.tasks);
  const nC = consultants.length;
  const nT = tasks.length;

  // Tasks as numbers.
  // Skills, causes and languages numbered in order of first appearance.
  const skillIndex = new Map<string, number>();
  const causeIndex = new Map<string, number>();
  const languageIndex = new Map<string, number>();
  const nowMs = Date.parse(input.now);
  const taskSkillStart = new Int32Array(nT + 1);
  const taskSkills = new Int32Array(tasks.reduce((sum, task) => sum + task.skills.length, 0));
  const taskCause = new Int32Array(nT);
  const taskLanguage = new Int32Array(nT);
  const taskAge = new Int32Array(nT);
  const taskEstimate = new Int32Array(nT);
  /** The most a task can score without relay points, whoever the consultant. */
  const taskUpperBound = new Int32Array(nT);
  const beneficiaryIndex = new Map<string, number>();
  const taskBeneficiary = new Int32Array(nT);
  const authorIndex = new Map<string, number>();
  const taskAuthor = new Int32Array(nT).fill(-1);
  tasks.forEach((task, j) => {
    let at = taskSkillStart[j]!;
    for (const skill of task.skills) taskSkills[at++] = indexIn(skillIndex, skill);
    // In increasing order, so that a subset of them is one key whatever the labels' order.
    taskSkills.subarray(taskSkillStart[j]!, at).sort();
    taskSkillStart[j + 1] = at;
    taskCause[j] = task.cause === null ? -1 : indexIn(causeIndex, task.cause);
    taskLanguage[j] = task.language === null ? -1 : indexIn(languageIndex, task.language);
    taskAge[j] = agePoints(countDaysReadyAt(task.readySince, nowMs));
    taskEstimate[j] = task.estimateMinutes;
    taskUpperBound[j] =
      (task.skills.length === 0 ? SCORE_POINTS.noSkillNeeded : SCORE_POINTS.skillPerLevel * 3 * task.skills.length) +
      SCORE_POINTS.causePreferred +
      SCORE_POINTS.language +
      taskAge[j]!;
    taskBeneficiary[j] = indexIn(beneficiaryIndex, task.beneficiaryId);
    if (task.handoffAuthorId !== null) taskAuthor[j] = indexIn(authorIndex, task.handoffAuthorId);
  });
  // Per skill, the estimates of the tasks needing it, in increasing order; and of those needing none.
  const skillEstimateStart = new Int32Array(skillIndex.size + 1);
  for (const skill of taskSkills) skillEstimateStart[skill + 1]!++;
  for (let skill = 0; skill < skillIndex.size; skill++) skillEstimateStart[skill + 1]! += skillEstimateStart[skill]!;
  const skillEstimates = new Int32Array(taskSkills.length);
  const noSkill: number[] = [];
  {
    const fill = skillEstimateStart.slice(0, skillIndex.size);
    for (let j = 0; j < nT; j++) {
      if (taskSkillStart[j] === taskSkillStart[j + 1]) noSkill.push(taskEstimate[j]!);
      for (let k = taskSkillStart[j]!; k < taskSkillStart[j + 1]!; k++) skillEstimates[fill[taskSkills[k]!]!++] = taskEstimate[j]!;
    }
    for (let skill = 0; skill < skillIndex.size; skill++) {
      skillEstimates.subarray(skillEstimateStart[skill]!, skillEstimateStart[skill + 1]!).sort();
    }
  }
  const noSkillEstimates = Int32Array.from(noSkill).sort();
  // Relay tasks per beneficiary and per hand-off author, in index order.
  const [beneficiaryStart, beneficiaryTasks] = groupBy(taskBeneficiary, beneficiaryIndex.size);
  // A beneficiary's tasks are read one after the other, for every consultant who worked for it
  // (thousands of tasks for the largest ones): their fields are packed side by side.
  const relayRecords = new Int32Array(beneficiaryTasks.length * RELAY_RECORD);
  beneficiaryTasks.forEach((j, at) => {
    const record = at * RELAY_RECORD;
    const start = taskSkillStart[j]!;
    const count = taskSkillStart[j + 1]! - start;
    relayRecords[record] = j;
    relayRecords[record + 1] = taskEstimate[j]!;
    relayRecords[record + 2] = taskAge[j]!;
    relayRecords[record + 3] = taskCause[j]!;
    relayRecords[record + 4] = taskLanguage[j]!;
    // Up to four skills as two pairs of 16 bits (0xffff: none); otherwise scored one by one.
    const packable = count <= 4 && (count === 0 || taskSkills[start + count - 1]! < 0xffff);
    relayRecords[record + 5] = packable ? count : -1;
    let pair = 0;
    for (let k = 0; k < 4; k++) {
      const skill = k < count && packable ? taskSkills[start + k]! : 0xffff;
      pair = k % 2 === 0 ? skill : pair | (skill << 16);
      if (k % 2 === 1) relayRecords[record + 6 + (k >> 1)] = pair;
    }
  });
  const [authorStart, authorTasks] = groupBy(taskAuthor, authorIndex.size);

  // The subset index: per subset of a task's skills, one list per (estimate bucket, cause,
  // language) of the tasks, each list oldest first, then by index; and the tasks scored one by
  // one. Subsets are nodes of a trie (the empty one, node 0, holds the tasks needing no skill).
  // The (node, class, task) entries are made oldest task first, then put in (node, class) order
  // by two stable counting sorts, so a list is a run of entries and a node's lists neighbours.
  const wideTasks: number[] = [];
  const languageCount = languageIndex.size + 1;
  const classCount = ESTIMATE_BUCKETS * (causeIndex.size + 1) * languageCount;
  let entryCount = 0;
  for (let j = 0; j < nT; j++) {
    const count = taskSkillStart[j + 1]! - taskSkillStart[j]!;
    if (count <= MAX_INDEXED_SKILLS) entryCount += count === 0 ? 1 : (1 << count) - 1;
  }
  const trie = new SubsetTrie(Math.min(entryCount, 1 << 16));
  const entryNode = new Int32Array(entryCount);
  const entryClass = new Int32Array(entryCount);
  const entryTask = new Int32Array(entryCount);
  const maskNode = new Int32Array(1 << MAX_INDEXED_SKILLS);
  let entry = 0;
  for (const j of countingOrder(taskAge, MAX_AGE_POINTS, true)) {
    const start = taskSkillStart[j]!;
    const count = taskSkillStart[j + 1]! - start;
    if (count > MAX_INDEXED_SKILLS) {
      wideTasks.push(j);
      continue;
    }
    // Cause first, then language, then estimate bucket: a node's lists of one cause are neighbours.
    const taskClass = ((taskCause[j]! + 1) * languageCount + taskLanguage[j]! + 1) * ESTIMATE_BUCKETS + estimateBucket(taskEstimate[j]!);
    // Subset `mask` of the task's skills (in increasing order) is the child of `mask` without
    // its highest bit, by that skill: masks in increasing order meet the parent first.
    for (let mask = count === 0 ? 0 : 1; mask < 1 << count; mask++) {
      let node = 0;
      if (mask > 0) {
        const high = 31 - Math.clz32(mask);
        node = trie.addChild(maskNode[mask ^ (1 << high)]!, taskSkills[start + high]!);
        maskNode[mask] = node;
      }
      entryNode[entry] = node;
      entryClass[entry] = taskClass;
      entryTask[entry++] = j;
    }
  }
  const byClass = countingOrder(entryClass, classCount - 1, false);
  const nodeCount = trie.size;
  const byNode = new Int32Array(entryCount);
  {
    const byClassNode = new Int32Array(entryCount);
    for (let k = 0; k < entryCount; k++) byClassNode[k] = entryNode[byClass[k]!]!;
    const order = countingOrder(byClassNode, nodeCount - 1, false);
    for (let k = 0; k < entryCount; k++) byNode[k] = byClass[order[k]!]!;
  }
  // Lists as columns of typed arrays: the walk reads them in a row.
  let listCount = 0;
  for (let k = 0; k < entryCount; k++) {
    const e = byNode[k]!;
    const previous = k === 0 ? -1 : byNode[k - 1]!;
    if (k === 0 || entryNode[e] !== entryNode[previous] || entryClass[e] !== entryClass[previous]) listCount++;
  }
  const listStart = new Int32Array(listCount + 1);
  const listTasks = new Int32Array(entryCount);
  const listShortest = new Int32Array(listCount);
  const listLanguage = new Int32Array(listCount);
  const listHeadAge = new Int32Array(listCount);
  /**
   * Per trie node and cause group g (cause + 1, 0 for none), its lists are [groupLists[at],
   * groupLists[at + 1]) where at = node × groupCount + g: a consultant who needs the cause bonus
   * reads the groups of the causes they prefer only.
   */
  const groupCount = causeIndex.size + 1;
  const groupLists = new Int32Array(nodeCount * groupCount + 1);
  let list = -1;
  for (let k = 0; k < entryCount; k++) {
    const e = byNode[k]!;
    const j = entryTask[e]!;
    listTasks[k] = j;
    const previous = k === 0 ? -1 : byNode[k - 1]!;
    if (k === 0 || entryNode[e] !== entryNode[previous] || entryClass[e] !== entryClass[previous]) {
      list++;
      listStart[list] = k;
      const taskClass = entryClass[e]!;
      const cause = Math.floor(taskClass / (languageCount * ESTIMATE_BUCKETS)) - 1;
      listLanguage[list] = (Math.floor(taskClass / ESTIMATE_BUCKETS) % languageCount) - 1;
      listHeadAge[list] = taskAge[j]!;
      listShortest[list] = taskEstimate[j]!;
      groupLists[entryNode[e]! * groupCount + cause + 2] = list + 1;
    } else if (taskEstimate[j]! < listShortest[list]!) listShortest[list] = taskEstimate[j]!;
  }
  listStart[listCount] = entryCount;
  // Nodes without lists of their own (none, but for the empty set) end where the previous ends.
  // Groups without lists end where the previous one ends.
  for (let at = 1; at < groupLists.length; at++) if (groupLists[at]! < groupLists[at - 1]!) groupLists[at] = groupLists[at - 1]!;

  const capacity = new Int32Array(nC);
  const bestLeftOut = new Int32Array(nC);
  const availability: Array<Availability | null> = [];
  const edgeStart = new Int32Array(nC + 1);
  let edgeTask = new Int32Array(Math.max(16, nC * 4));
  let edgeWeight = new Int32Array(edgeTask.length);
  let edgeCount = 0;

  const taskIndex: TaskIndex = {
    skillIndex,
    causeIndex,
    languageIndex,
    beneficiaryIndex,
    authorIndex,
    taskSkillStart,
    taskSkills,
    taskCause,
    taskLanguage,
    taskAge,
    taskEstimate,
    taskUpperBound,
    taskBeneficiary,
    wideTasks,
    trie,
    groupCount,
    groupLists,
    listStart,
    listTasks,
    listShortest,
    listLanguage,
    listHeadAge,
    beneficiaryStart,
    relayRecords,
    authorStart,
    authorTasks,
  };
  const scratch: Scratch = {
    level: new Int32Array(skillIndex.size),
    likesCause: new Uint8Array(causeIndex.size),
    speaks: new Uint8Array(languageIndex.size),
    likedCauses: [],
    seen: new Int32Array(nT).fill(-1),
    teammateTask: new Int32Array(nT).fill(-1),
    beneficiaryDone: new Int32Array(beneficiaryIndex.size).fill(-1),
    authorDone: new Int32Array(authorIndex.size).fill(-1),
    teammateAuthors: [],
    shortlist: new Shortlist(candidatesPerConsultant + 1),
    stepNode: new Int32Array(256),
    stepPoints: new Int32Array(256),
    stepSize: new Int32Array(256),
    steps: new Int32Array(256),
    pointsStart: new Int32Array(MAX_STEP_POINTS + 2),
  };
  const { level, likesCause, speaks, shortlist } = scratch;

  for (let i = 0; i < nC; i++) {
    const consultant = consultants[i]!;
    const available = findAvailability(consultant, input.today);
    availability.push(available);
    edgeStart[i] = edgeCount;
    if (available === null || available.freeSlots === 0 || candidatesPerConsultant === 0) continue;
    const freeMinutes = available.freeMinutes;

    const ownSkills = shortlistConsultant(taskIndex, scratch, consultant, i, freeMinutes);

    const kept = Math.min(shortlist.length, candidatesPerConsultant);
    bestLeftOut[i] = shortlist.length > kept ? shortlist.scores[kept]! : 0;
    if (edgeCount + kept > edgeTask.length) {
      const grown = Math.max(edgeTask.length * 2, edgeCount + kept);
      edgeTask = copyInto(new Int32Array(grown), edgeTask);
      edgeWeight = copyInto(new Int32Array(grown), edgeWeight);
    }
    for (let k = 0; k < kept; k++) {
      edgeTask[edgeCount] = shortlist.tasks[k]!;
      edgeWeight[edgeCount++] = shortlist.scores[k]!;
    }
    // The hours bound is kept safe: any `capacity` of the consultant's candidate tasks (every
    // one, not only the shortlisted) fit together in the minutes left, so every assignment the
    // solver may choose is one the consultant can do. The longest candidate is the longest task
    // that fits the minutes left among those needing one of the consultant's skills (or none):
    // found in each skill's estimates, it does not depend on K.
    let longest = largestAtMost(noSkillEstimates, 0, noSkillEstimates.length, freeMinutes);
    for (const { skill } of ownSkills) {
      longest = Math.max(longest, largestAtMost(skillEstimates, skillEstimateStart[skill]!, skillEstimateStart[skill + 1]!, freeMinutes));
    }
    capacity[i] = kept === 0 || longest <= 0 ? 0 : Math.min(available.freeSlots, Math.floor(freeMinutes / longest));

    for (const { skill } of ownSkills) level[skill] = 0;
    likesCause.fill(0);
    speaks.fill(0);
  }
  edgeStart[nC] = edgeCount;

  return {
    consultants,
    tasks,
    availability,
    candidatesPerConsultant,
    bestLeftOut,
    consultantCount: nC,
    taskCount: nT,
    capacity,
    edgeStart,
    edgeTask: edgeTask.slice(0, edgeCount),
    edgeWeight: edgeWeight.slice(0, edgeCount),
  };
}

/** Estimate buckets: up to 1h, 2h, 4h, 8h, longer. */
const ESTIMATE_BUCKETS = 5;
function estimateBucket(minutes: number): number {
  return minutes <= 60 ? 0 : minutes <= 120 ? 1 : minutes <= 240 ? 2 : minutes <= 480 ? 3 : 4;
}

function copyInto(target: Int32Array<ArrayBuffer>, source: Int32Array): Int32Array<ArrayBuffer> {
  target.set(source);
  return target;
}

/** The task index the walk reads, built once per run (see `buildCandidateGraph`). */
interface TaskIndex {
  skillIndex: Map<string, number>;
  causeIndex: Map<string, number>;
  languageIndex: Map<string, number>;
  beneficiaryIndex: Map<string, number>;
  authorIndex: Map<string, number>;
  taskSkillStart: Int32Array;
  taskSkills: Int32Array;
  taskCause: Int32Array;
  taskLanguage: Int32Array;
  taskAge: Int32Array;
  taskEstimate: Int32Array;
  taskUpperBound: Int32Array;
  taskBeneficiary: Int32Array;
  wideTasks: number[];
  trie: SubsetTrie;
  groupCount: number;
  groupLists: Int32Array;
  listStart: Int32Array;
  listTasks: Int32Array;
  listShortest: Int32Array;
  listLanguage: Int32Array;
  listHeadAge: Int32Array;
  beneficiaryStart: Int32Array;
  relayRecords: Int32Array;
  authorStart: Int32Array;
  authorTasks: Int32Array;
}

/** Arrays reused from one consultant to the next: marks are the consultant's index, so none is cleared. */
interface Scratch {
  /** The consultant's level per skill (0: none); cleared by the caller after each consultant. */
  level: Int32Array;
  likesCause: Uint8Array;
  speaks: Uint8Array;
  likedCauses: number[];
  seen: Int32Array;
  /** The consultant (index) for whom a task is a teammate's hand-off, a beneficiary or author counted. */
  teammateTask: Int32Array;
  beneficiaryDone: Int32Array;
  authorDone: Int32Array;
  teammateAuthors: number[];
  shortlist: Shortlist;
  stepNode: Int32Array<ArrayBuffer>;
  stepPoints: Int32Array<ArrayBuffer>;
  stepSize: Int32Array<ArrayBuffer>;
  steps: Int32Array<ArrayBuffer>;
  pointsStart: Int32Array;
}

/**
 * Fills `scratch.shortlist` with consultant i's best candidates (see the comment at the top), and
 * returns their skills known to the tasks. A function of its own, called once per consultant, so
 * that the engine optimises it early and keeps it optimised from one run to the next.
 */
function shortlistConsultant(
  index: TaskIndex,
  scratch: Scratch,
  consultant: PairingConsultant,
  i: number,
  freeMinutes: number,
): Array<{ skill: number; points: number }> {
  const {
    skillIndex,
    causeIndex,
    languageIndex,
    beneficiaryIndex,
    authorIndex,
    taskSkillStart,
    taskSkills,
    taskCause,
    taskLanguage,
    taskAge,
    taskEstimate,
    taskUpperBound,
    taskBeneficiary,
    wideTasks,
    trie,
    groupCount,
    groupLists,
    listStart,
    listTasks,
    listShortest,
    listLanguage,
    listHeadAge,
    beneficiaryStart,
    relayRecords,
    authorStart,
    authorTasks,
  } = index;
  const { level, likesCause, speaks, likedCauses, seen, teammateTask, beneficiaryDone, authorDone, teammateAuthors, shortlist, pointsStart } =
    scratch;
  let { stepNode, stepPoints, stepSize, steps } = scratch;
  const ownSkills: Array<{ skill: number; points: number }> = [];
  for (const { name, level: own } of consultant.skills) {
    const skill = skillIndex.get(name);
    if (skill === undefined) continue;
    level[skill] = own;
    ownSkills.push({ skill, points: SCORE_POINTS.skillPerLevel * own });
  }
  ownSkills.sort((a, b) => a.skill - b.skill);
  likedCauses.length = 0;
  for (const cause of consultant.causes) {
    const index = causeIndex.get(cause);
    if (index === undefined || likesCause[index] === 1) continue;
    likesCause[index] = 1;
    likedCauses.push(index);
  }
  for (const language of consultant.languages) {
    const index = languageIndex.get(language);
    if (index !== undefined) speaks[index] = 1;
  }
  /** The full score, relay terms included, or −1 when not a candidate. */
  const scoreOne = (j: number, relay: number): number => {
    if (taskEstimate[j]! > freeMinutes) return -1;
    const start = taskSkillStart[j]!;
    const end = taskSkillStart[j + 1]!;
    let skillPoints = start === end ? SCORE_POINTS.noSkillNeeded : 0;
    for (let k = start; k < end; k++) skillPoints += SCORE_POINTS.skillPerLevel * level[taskSkills[k]!]!;
    if (skillPoints === 0) return -1;
    const cause = taskCause[j]!;
    const language = taskLanguage[j]!;
    return (
      skillPoints +
      (cause >= 0 && likesCause[cause] === 1 ? SCORE_POINTS.causePreferred : 0) +
      (language >= 0 && speaks[language] === 1 ? SCORE_POINTS.language : 0) +
      taskAge[j]! +
      relay
    );
  };

  shortlist.clear();
  for (const j of wideTasks) {
    if (seen[j] === i) continue;
    seen[j] = i;
    const score = scoreOne(j, 0);
    if (score > 0) shortlist.offer(score, j);
  }

  // The walk over subsets of the consultant's skills, richest first. Within one list of one
  // subset, cause and language are fixed, so the tasks whose shared skills are exactly the
  // subset come in decreasing order of score, then increasing index: the first that cannot
  // enter the shortlist ends the list.
  let stepCount = 0;
  const addStep = (node: number, points: number, size: number): void => {
    if (stepCount === stepNode.length) {
      stepNode = copyInto(new Int32Array(stepCount * 2), stepNode);
      stepPoints = copyInto(new Int32Array(stepCount * 2), stepPoints);
      stepSize = copyInto(new Int32Array(stepCount * 2), stepSize);
    }
    stepNode[stepCount] = node;
    stepPoints[stepCount] = points;
    stepSize[stepCount++] = size;
  };
  if (groupLists[groupCount]! > 0) addStep(0, SCORE_POINTS.noSkillNeeded, 0);
  // Every subset (one to four skills) of the consultant's skills that some task holds: no node
  // for a subset means none for any subset holding it, so the branch is pruned.
  const extend = (from: number, parent: number, size: number, points: number): void => {
    for (let k = from; k < ownSkills.length; k++) {
      const node = trie.child(parent, ownSkills[k]!.skill);
      if (node < 0) continue;
      addStep(node, points + ownSkills[k]!.points, size + 1);
      if (size + 1 < MAX_INDEXED_SKILLS) extend(k + 1, node, size + 1, points + ownSkills[k]!.points);
    }
  };
  extend(0, 0, 0, 0);
  // Richest first (then in the order found): a counting sort, points being few.
  pointsStart.fill(0);
  for (let k = 0; k < stepCount; k++) pointsStart[MAX_STEP_POINTS - stepPoints[k]! + 1]!++;
  for (let p = 0; p < MAX_STEP_POINTS; p++) pointsStart[p + 1]! += pointsStart[p]!;
  if (steps.length < stepCount) steps = new Int32Array(stepNode.length);
  for (let k = 0; k < stepCount; k++) steps[pointsStart[MAX_STEP_POINTS - stepPoints[k]!]!++] = k;
  // Each list of a node is read when its cause and language bonus could still let its oldest
  // task in: with `need` the bonus a task of the node must earn to reach the shortlist at the
  // largest age points, the groups of causes not preferred are skipped once the language bonus
  // alone is not enough, and within a group the lists of languages not spoken once its cause
  // bonus is not.
  for (let s = 0; s < stepCount; s++) {
    const step = steps[s]!;
    const points = stepPoints[step]!;
    const size = stepSize[step]!;
    const need = shortlist.isFull ? shortlist.threshold - points - MAX_AGE_POINTS : Number.NEGATIVE_INFINITY;
    if (need > SCORE_POINTS.causePreferred + SCORE_POINTS.language) break;
    const groups = stepNode[step]! * groupCount;
    const preferredOnly = need > SCORE_POINTS.language;
    for (let g = 0, gEnd = preferredOnly ? likedCauses.length : groupCount; g < gEnd; g++) {
      const group = preferredOnly ? likedCauses[g]! + 1 : g;
      const causeBonus = group > 0 && likesCause[group - 1] === 1 ? SCORE_POINTS.causePreferred : 0;
      const groupNeed = need - causeBonus;
      if (groupNeed > SCORE_POINTS.language) continue;
      const spokenOnly = groupNeed > 0;
      for (let list = groupLists[groups + group]!, last = groupLists[groups + group + 1]!; list < last; list++) {
        if (listShortest[list]! > freeMinutes) continue;
        const language = listLanguage[list]!;
        const languageBonus = language >= 0 && speaks[language] === 1 ? SCORE_POINTS.language : 0;
        if (spokenOnly && languageBonus === 0) continue;
        const base = points + causeBonus + languageBonus;
        if (!shortlist.admits(base + listHeadAge[list]!, -1)) continue;
        for (let at = listStart[list]!, end = listStart[list + 1]!; at < end; at++) {
          const j = listTasks[at]!;
          const score = base + taskAge[j]!;
          if (!shortlist.admits(score, j)) break;
          if (seen[j] === i || taskEstimate[j]! > freeMinutes) continue;
          let shared = 0;
          for (let k = taskSkillStart[j]!, stop = taskSkillStart[j + 1]!; k < stop; k++) if (level[taskSkills[k]!]! > 0) shared++;
          if (shared !== size) continue;
          seen[j] = i;
          shortlist.offer(score, j);
        }
      }
    }
  }

  // Relay tasks last, with their full score: a task the walk met without its relay points
  // leaves the shortlist and comes back with them. The walk's list of the best tasks by their
  // other points is exact, and relay points only add, so the result is exact too. Once the
  // shortlist is full, a task whose score cannot reach it is not scored at all. A task may be
  // both a past beneficiary's and a teammate's hand-off: its teammate mark is set first.
  const offerRelay = (j: number, relay: number): void => {
    if (taskEstimate[j]! > freeMinutes || !shortlist.admits(taskUpperBound[j]! + relay, j)) return;
    const score = scoreOne(j, relay);
    if (score <= 0) return;
    if (seen[j] === i) shortlist.remove(j);
    shortlist.offer(score, j);
  };
  teammateAuthors.length = 0;
  for (const teammate of consultant.teammateIds) {
    const author = authorIndex.get(teammate);
    if (author === undefined || authorDone[author] === i) continue;
    authorDone[author] = i;
    teammateAuthors.push(author);
    for (let at = authorStart[author]!, end = authorStart[author + 1]!; at < end; at++) teammateTask[authorTasks[at]!] = i;
  }
  const hasTeammateTasks = teammateAuthors.length > 0;
  for (const past of consultant.pastBeneficiaryIds) {
    const beneficiary = beneficiaryIndex.get(past);
    if (beneficiary === undefined || beneficiaryDone[beneficiary] === i) continue;
    beneficiaryDone[beneficiary] = i;
    // The score of each task from its record, inline: the same sum as `scoreOne`.
    for (let at = beneficiaryStart[beneficiary]!, end = beneficiaryStart[beneficiary + 1]!; at < end; at++) {
      const record = at * RELAY_RECORD;
      if (relayRecords[record + 1]! > freeMinutes) continue;
      const j = relayRecords[record]!;
      const relay =
        SCORE_POINTS.sameBeneficiary + (hasTeammateTasks && teammateTask[j] === i ? SCORE_POINTS.teammateOfHandoffAuthor : 0);
      const count = relayRecords[record + 5]!;
      if (count < 0) {
        offerRelay(j, relay);
        continue;
      }
      let skillPoints = 0;
      if (count === 0) skillPoints = SCORE_POINTS.noSkillNeeded;
      else {
        const first = relayRecords[record + 6]!;
        const second = relayRecords[record + 7]!;
        skillPoints = level[first & 0xffff]!;
        if (count > 1) skillPoints += level[first >>> 16]!;
        if (count > 2) skillPoints += level[second & 0xffff]!;
        if (count > 3) skillPoints += level[second >>> 16]!;
        skillPoints *= SCORE_POINTS.skillPerLevel;
      }
      if (skillPoints === 0) continue;
      const cause = relayRecords[record + 3]!;
      const language = relayRecords[record + 4]!;
      const score =
        skillPoints +
        (cause >= 0 && likesCause[cause] === 1 ? SCORE_POINTS.causePreferred : 0) +
        (language >= 0 && speaks[language] === 1 ? SCORE_POINTS.language : 0) +
        relayRecords[record + 2]! +
        relay;
      if (!shortlist.admits(score, j)) continue;
      if (seen[j] === i) shortlist.remove(j);
      shortlist.offer(score, j);
    }
  }
  for (const author of teammateAuthors) {
    for (let at = authorStart[author]!, end = authorStart[author + 1]!; at < end; at++) {
      const j = authorTasks[at]!;
      if (beneficiaryDone[taskBeneficiary[j]!] !== i) offerRelay(j, SCORE_POINTS.teammateOfHandoffAuthor);
    }
  }
  scratch.stepNode = stepNode;
  scratch.stepPoints = stepPoints;
  scratch.stepSize = stepSize;
  scratch.steps = steps;
  return ownSkills;
}

/**
 * Indices 0..n−1 ordered by `keys` (each in 0..maxKey), decreasing or increasing, equal keys in
 * index order: a counting sort.
 */
function countingOrder(keys: Int32Array, maxKey: number, decreasing: boolean): Int32Array<ArrayBuffer> {
  const start = new Int32Array(maxKey + 2);
  for (const key of keys) start[(decreasing ? maxKey - key : key) + 1]!++;
  for (let k = 0; k <= maxKey; k++) start[k + 1]! += start[k]!;
  const order = new Int32Array(keys.length);
  keys.forEach((key, index) => {
    order[start[decreasing ? maxKey - key : key]!++] = index;
  });
  return order;
}
