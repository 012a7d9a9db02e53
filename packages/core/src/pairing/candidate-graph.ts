import type { AssignmentProblem } from './assignment';
import { findAvailability } from './availability';
import { type Availability, type PairingConsultant, type PairingInput, type PairingTask, SCORE_POINTS } from './model';
import { agePoints, countDaysReady } from './score';

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
 * uses only shortlisted pairs scores more. An assignment could only do better through a pair left
 * off, of a consultant whose K shortlisted tasks all go to others; `bestLeftOut` gives, per
 * consultant, the score of the best pair left off, so a caller can see how much is at stake.
 *
 * How the shortlist is found. A candidate's score is its skill points (set by M, the skills the
 * task and the consultant share) plus bounded bonuses: cause and language (at most 25) and age
 * (at most 30), plus relay continuity, which only a few tasks per consultant earn. So:
 * - tasks are indexed under every non-empty subset of their skills (tasks of at most four
 *   skills, each list in order of age, oldest first); tasks needing more skills, and the relay
 *   tasks of each consultant, are scored one by one;
 * - a consultant walks the subsets A of their own skills in decreasing order of skill points and,
 *   in A's list, scores the tasks whose shared skills are exactly A (a task sharing more was met
 *   under its own, richer subset, which comes first). Points are then known before reading the
 *   task, up to its bonuses, so a list stops as soon as even the largest bonus cannot reach the
 *   shortlist, and the walk stops once no remaining subset can.
 */

/** Tasks needing at most this many skills are indexed by subset (2^4 − 1 = 15 entries each). */
const MAX_INDEXED_SKILLS = 4;
const MAX_NON_RELAY_BONUS = SCORE_POINTS.causePreferred + SCORE_POINTS.language + agePoints(SCORE_POINTS.ageMaxDays);
export const DEFAULT_CANDIDATES_PER_CONSULTANT = 16;
const SAME_BENEFICIARY = 1;
const TEAMMATE_OF_AUTHOR = 2;

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

function indexOf(values: Iterable<string>): Map<string, number> {
  const index = new Map<string, number>();
  for (const value of values) if (!index.has(value)) index.set(value, index.size);
  return index;
}

function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
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

  clear(): void {
    this.length = 0;
  }
}

/** Builds the shortlist graph of every consultant available today (see the comment above). */
export function buildCandidateGraph(input: PairingInput, candidatesPerConsultant = DEFAULT_CANDIDATES_PER_CONSULTANT): CandidateGraph {
  const consultants = [...input.consultants].sort(byId);
  const tasks = [...input.tasks].sort(byId);
  const nC = consultants.length;
  const nT = tasks.length;

  // Tasks as numbers.
  const skillIndex = indexOf(tasks.flatMap((task) => task.skills));
  const causeIndex = indexOf(tasks.flatMap((task) => (task.cause === null ? [] : [task.cause])));
  const languageIndex = indexOf(tasks.flatMap((task) => (task.language === null ? [] : [task.language])));
  const skillBase = skillIndex.size + 1;
  const taskSkillStart = new Int32Array(nT + 1);
  const taskSkills = new Int32Array(tasks.reduce((sum, task) => sum + task.skills.length, 0));
  const taskCause = new Int32Array(nT);
  const taskLanguage = new Int32Array(nT);
  const taskAge = new Int32Array(nT);
  const taskEstimate = new Int32Array(nT);
  const tasksByBeneficiary = new Map<string, number[]>();
  const tasksByHandoffAuthor = new Map<string, number[]>();
  tasks.forEach((task, j) => {
    let at = taskSkillStart[j]!;
    for (const skill of task.skills) taskSkills[at++] = skillIndex.get(skill)!;
    // In increasing order, so that a subset of them is one key whatever the labels' order.
    taskSkills.subarray(taskSkillStart[j]!, at).sort();
    taskSkillStart[j + 1] = at;
    taskCause[j] = task.cause === null ? -1 : causeIndex.get(task.cause)!;
    taskLanguage[j] = task.language === null ? -1 : languageIndex.get(task.language)!;
    taskAge[j] = agePoints(countDaysReady(task.readySince, input.now));
    taskEstimate[j] = task.estimateMinutes;
    pushTo(tasksByBeneficiary, task.beneficiaryId, j);
    if (task.handoffAuthorId !== null) pushTo(tasksByHandoffAuthor, task.handoffAuthorId, j);
  });

  // The subset index: per subset, one list per (cause, language) of the tasks, each list oldest
  // first, then by index; and the tasks scored one by one.
  const byAge = Array.from({ length: nT }, (_, j) => j).sort((a, b) => taskAge[b]! - taskAge[a]! || a - b);
  const lists = new Map<number, Map<number, number[]>>();
  const noSkillLists = new Map<number, number[]>();
  const wideTasks: number[] = [];
  const subset = new Int32Array(MAX_INDEXED_SKILLS);
  const languageCount = languageIndex.size + 1;
  for (const j of byAge) {
    const start = taskSkillStart[j]!;
    const count = taskSkillStart[j + 1]! - start;
    const taskClass =
      ((estimateBucket(taskEstimate[j]!) * (causeIndex.size + 1) + taskCause[j]! + 1) * languageCount) + taskLanguage[j]! + 1;
    if (count === 0) pushTo(noSkillLists, taskClass, j);
    else if (count > MAX_INDEXED_SKILLS) wideTasks.push(j);
    else {
      for (let mask = 1; mask < 1 << count; mask++) {
        let size = 0;
        for (let k = 0; k < count; k++) if (mask & (1 << k)) subset[size++] = taskSkills[start + k]!;
        const key = encodeSubset(subset, size, skillBase);
        let byClass = lists.get(key);
        if (byClass === undefined) lists.set(key, (byClass = new Map()));
        pushTo(byClass, taskClass, j);
      }
    }
  }
  const toClassLists = (byClass: Map<number, number[]>): ClassList[] =>
    [...byClass].map(([taskClass, tasksOfClass]) => ({
      cause: (Math.floor(taskClass / languageCount) % (causeIndex.size + 1)) - 1,
      language: (taskClass % languageCount) - 1,
      shortestEstimate: tasksOfClass.reduce((least, j) => Math.min(least, taskEstimate[j]!), Number.POSITIVE_INFINITY),
      tasks: Int32Array.from(tasksOfClass),
    }));
  const subsetLists = new Map<number, ClassList[]>();
  for (const [key, byClass] of lists) subsetLists.set(key, toClassLists(byClass));
  lists.clear();
  const noSkillTasks = toClassLists(noSkillLists);

  const capacity = new Int32Array(nC);
  const bestLeftOut = new Int32Array(nC);
  const availability: Array<Availability | null> = [];
  const edgeStart = new Int32Array(nC + 1);
  let edgeTask = new Int32Array(Math.max(16, nC * 4));
  let edgeWeight = new Int32Array(edgeTask.length);
  let edgeCount = 0;

  const level = new Int32Array(skillIndex.size);
  const likesCause = new Uint8Array(causeIndex.size);
  const speaks = new Uint8Array(languageIndex.size);
  const seen = new Int32Array(nT).fill(-1);
  const relayFlags = new Uint8Array(nT);
  const relayTasks = new Int32Array(nT);
  const shortlist = new Shortlist(candidatesPerConsultant + 1);

  for (let i = 0; i < nC; i++) {
    const consultant = consultants[i]!;
    const available = findAvailability(consultant, input.today);
    availability.push(available);
    edgeStart[i] = edgeCount;
    if (available === null || available.freeSlots === 0 || candidatesPerConsultant === 0) continue;
    const freeMinutes = available.freeMinutes;

    const ownSkills: Array<{ skill: number; points: number }> = [];
    for (const { name, level: own } of consultant.skills) {
      const skill = skillIndex.get(name);
      if (skill === undefined) continue;
      level[skill] = own;
      ownSkills.push({ skill, points: SCORE_POINTS.skillPerLevel * own });
    }
    ownSkills.sort((a, b) => a.skill - b.skill);
    for (const cause of consultant.causes) {
      const index = causeIndex.get(cause);
      if (index !== undefined) likesCause[index] = 1;
    }
    for (const language of consultant.languages) {
      const index = languageIndex.get(language);
      if (index !== undefined) speaks[index] = 1;
    }
    const listBonus = (j: number): number =>
      (taskCause[j]! >= 0 && likesCause[taskCause[j]!] === 1 ? SCORE_POINTS.causePreferred : 0) +
      (taskLanguage[j]! >= 0 && speaks[taskLanguage[j]!] === 1 ? SCORE_POINTS.language : 0);
    /** The full score, relay terms included, or −1 when not a candidate. */
    const scoreOne = (j: number, relay: number): number => {
      if (taskEstimate[j]! > freeMinutes) return -1;
      const start = taskSkillStart[j]!;
      const end = taskSkillStart[j + 1]!;
      let skillPoints = start === end ? SCORE_POINTS.noSkillNeeded : 0;
      for (let k = start; k < end; k++) skillPoints += SCORE_POINTS.skillPerLevel * level[taskSkills[k]!]!;
      if (skillPoints === 0) return -1;
      return skillPoints + listBonus(j) + taskAge[j]! + relay;
    };

    // Relay tasks first, each with its full score; then they are out of the walk.
    shortlist.clear();
    let relayCount = 0;
    const addRelay = (j: number, flag: number): void => {
      if (seen[j] !== i) {
        seen[j] = i;
        relayFlags[j] = 0;
        relayTasks[relayCount++] = j;
      }
      relayFlags[j] = relayFlags[j]! | flag;
    };
    for (const beneficiary of consultant.pastBeneficiaryIds) {
      for (const j of tasksByBeneficiary.get(beneficiary) ?? []) addRelay(j, SAME_BENEFICIARY);
    }
    for (const teammate of consultant.teammateIds) {
      for (const j of tasksByHandoffAuthor.get(teammate) ?? []) addRelay(j, TEAMMATE_OF_AUTHOR);
    }
    for (let k = 0; k < relayCount; k++) {
      const j = relayTasks[k]!;
      const flags = relayFlags[j]!;
      const relay =
        (flags & SAME_BENEFICIARY ? SCORE_POINTS.sameBeneficiary : 0) +
        (flags & TEAMMATE_OF_AUTHOR ? SCORE_POINTS.teammateOfHandoffAuthor : 0);
      const score = scoreOne(j, relay);
      if (score > 0) shortlist.offer(score, j);
    }
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
    const walk: WalkStep[] = [];
    if (noSkillTasks.length > 0) walk.push({ points: SCORE_POINTS.noSkillNeeded, size: 0, lists: noSkillTasks });
    collectSubsets(ownSkills, skillBase, subsetLists, walk);
    walk.sort((a, b) => b.points - a.points);
    for (const { points, size, lists: classLists } of walk) {
      if (shortlist.isFull && points + MAX_NON_RELAY_BONUS < shortlist.threshold) break;
      for (const { cause, language, shortestEstimate, tasks: listed } of classLists) {
        if (shortestEstimate > freeMinutes) continue;
        const base =
          points +
          (cause >= 0 && likesCause[cause] === 1 ? SCORE_POINTS.causePreferred : 0) +
          (language >= 0 && speaks[language] === 1 ? SCORE_POINTS.language : 0);
        for (let at = 0; at < listed.length; at++) {
          const j = listed[at]!;
          const score = base + taskAge[j]!;
          if (!shortlist.admits(score, j)) break;
          if (seen[j] === i || taskEstimate[j]! > freeMinutes) continue;
          let shared = 0;
          for (let k = taskSkillStart[j]!, end = taskSkillStart[j + 1]!; k < end; k++) if (level[taskSkills[k]!]! > 0) shared++;
          if (shared !== size) continue;
          seen[j] = i;
          shortlist.offer(score, j);
        }
      }
    }

    const kept = Math.min(shortlist.length, candidatesPerConsultant);
    bestLeftOut[i] = shortlist.length > kept ? shortlist.scores[kept]! : 0;
    if (edgeCount + kept > edgeTask.length) {
      const grown = Math.max(edgeTask.length * 2, edgeCount + kept);
      edgeTask = copyInto(new Int32Array(grown), edgeTask);
      edgeWeight = copyInto(new Int32Array(grown), edgeWeight);
    }
    let largestEstimate = 0;
    for (let k = 0; k < kept; k++) {
      edgeTask[edgeCount] = shortlist.tasks[k]!;
      edgeWeight[edgeCount++] = shortlist.scores[k]!;
      largestEstimate = Math.max(largestEstimate, taskEstimate[shortlist.tasks[k]!]!);
    }
    // The hours bound is kept safe: any `capacity` of the shortlisted tasks fit together in the
    // minutes left, so every assignment the solver may choose is one the consultant can do.
    capacity[i] = kept === 0 ? 0 : Math.min(available.freeSlots, Math.floor(freeMinutes / largestEstimate));

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

/**
 * The tasks of one subset (or of none) with one cause and one language (−1: none) and estimates
 * of one bucket, so that a consultant with little time left skips the lists of longer tasks.
 */
interface ClassList {
  cause: number;
  language: number;
  shortestEstimate: number;
  tasks: Int32Array;
}

/** Estimate buckets: up to 1h, 2h, 4h, 8h, longer. */
function estimateBucket(minutes: number): number {
  return minutes <= 60 ? 0 : minutes <= 120 ? 1 : minutes <= 240 ? 2 : minutes <= 480 ? 3 : 4;
}

interface WalkStep {
  points: number;
  size: number;
  lists: ClassList[];
}

function copyInto(target: Int32Array<ArrayBuffer>, source: Int32Array): Int32Array<ArrayBuffer> {
  target.set(source);
  return target;
}

/** A set of at most four skill indices, in increasing order, as one number. */
function encodeSubset(skills: Int32Array, size: number, base: number): number {
  let key = 0;
  for (let k = size - 1; k >= 0; k--) key = key * base + skills[k]! + 1;
  return key;
}

/** Every subset (one to four skills) of the consultant's skills that some task's list holds. */
function collectSubsets(
  own: ReadonlyArray<{ skill: number; points: number }>,
  base: number,
  lists: ReadonlyMap<number, ClassList[]>,
  into: WalkStep[],
): void {
  const chosen = new Int32Array(MAX_INDEXED_SKILLS);
  const extend = (from: number, size: number, points: number): void => {
    for (let k = from; k < own.length; k++) {
      chosen[size] = own[k]!.skill;
      const found = lists.get(encodeSubset(chosen, size + 1, base));
      // No list for a subset means none for its supersets either: prune the branch.
      if (found === undefined) continue;
      into.push({ points: points + own[k]!.points, size: size + 1, lists: found });
      if (size + 1 < MAX_INDEXED_SKILLS) extend(k + 1, size + 1, points + own[k]!.points);
    }
  };
  extend(0, 0, 0);
}
