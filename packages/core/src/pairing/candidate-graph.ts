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
 * uses only shortlisted pairs scores more. It is also exact over every candidate pair (with the
 * same capacities) unless some consultant with a candidate left off sees all their shortlisted
 * tasks assigned: `findUncertifiedConsultants` (certificate.ts) names those, and the proof.
 *
 * How the shortlist is found. A candidate's score is its skill points (set by M, the skills the
 * task and the consultant share), plus cause and language points, plus age points (at most 30),
 * plus relay points, which only a few tasks per consultant earn. So:
 * - tasks are indexed under every non-empty subset of their skills (tasks of at most four
 *   skills), one list per (subset, cause, language, estimate bucket), each list oldest first,
 *   then by index; tasks needing more skills are scored one by one;
 * - a consultant walks the subsets A of their own skills in decreasing order of skill points and,
 *   in A's lists, takes the tasks whose shared skills are exactly A (a task sharing more was met
 *   under its own, richer subset, which comes first). In one list the score of such a task is
 *   known before reading it, and decreases along the list, so a list ends at the first task that
 *   cannot enter the shortlist, and the walk ends once no remaining subset can reach it;
 * - relay tasks come last with their full score (see below).
 * A test checks the shortlists against scoring every pair with `scorePair`.
 */

/** Tasks needing at most this many skills are indexed by subset (2^4 − 1 = 15 entries each). */
const MAX_INDEXED_SKILLS = 4;
/** Fields of a relay record: task, estimate, age points, cause, language, skill count, two pairs of skills. */
const RELAY_RECORD = 8;
const MAX_NON_RELAY_BONUS = SCORE_POINTS.causePreferred + SCORE_POINTS.language + agePoints(SCORE_POINTS.ageMaxDays);
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

function indexOf(values: Iterable<string>): Map<string, number> {
  const index = new Map<string, number>();
  for (const value of values) if (!index.has(value)) index.set(value, index.size);
  return index;
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
  /** The most a task can score without relay points, whoever the consultant. */
  const taskUpperBound = new Int32Array(nT);
  const beneficiaryIndex = new Map<string, number>();
  const taskBeneficiary = new Int32Array(nT);
  const authorIndex = new Map<string, number>();
  const taskAuthor = new Int32Array(nT).fill(-1);
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
    taskUpperBound[j] =
      (task.skills.length === 0 ? SCORE_POINTS.noSkillNeeded : SCORE_POINTS.skillPerLevel * 3 * task.skills.length) +
      SCORE_POINTS.causePreferred +
      SCORE_POINTS.language +
      taskAge[j]!;
    let beneficiary = beneficiaryIndex.get(task.beneficiaryId);
    if (beneficiary === undefined) beneficiaryIndex.set(task.beneficiaryId, (beneficiary = beneficiaryIndex.size));
    taskBeneficiary[j] = beneficiary;
    if (task.handoffAuthorId !== null) {
      let author = authorIndex.get(task.handoffAuthorId);
      if (author === undefined) authorIndex.set(task.handoffAuthorId, (author = authorIndex.size));
      taskAuthor[j] = author;
    }
  });
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

  // The subset index: per subset, one list per (cause, language) of the tasks, each list oldest
  // first, then by index; and the tasks scored one by one.
  const byAge = Array.from({ length: nT }, (_, j) => j).sort((a, b) => taskAge[b]! - taskAge[a]! || a - b);
  const wideTasks: number[] = [];
  const subset = new Int32Array(MAX_INDEXED_SKILLS);
  const languageCount = languageIndex.size + 1;
  const classCount = ESTIMATE_BUCKETS * (causeIndex.size + 1) * languageCount;
  // Two passes over (list, task) entries, with no array per list: count, then place. The lists
  // live in one Int32Array; a list is a view of it. Key of a list: subset × classCount + class,
  // where the subset of a task needing no skill is 0.
  const listIdByKey = new Map<number, number>();
  const listKeys: number[] = [];
  let listSizes = new Int32Array(1024);
  let entryCount = 0;
  for (let j = 0; j < nT; j++) {
    const count = taskSkillStart[j + 1]! - taskSkillStart[j]!;
    if (count <= MAX_INDEXED_SKILLS) entryCount += count === 0 ? 1 : (1 << count) - 1;
  }
  const entryList = new Int32Array(entryCount);
  const entryTask = new Int32Array(entryCount);
  let entry = 0;
  const addEntry = (key: number, j: number): void => {
    let id = listIdByKey.get(key);
    if (id === undefined) {
      id = listKeys.length;
      listIdByKey.set(key, id);
      listKeys.push(key);
      if (id === listSizes.length) listSizes = copyInto(new Int32Array(id * 2), listSizes);
    }
    listSizes[id]!++;
    entryList[entry] = id;
    entryTask[entry++] = j;
  };
  for (const j of byAge) {
    const start = taskSkillStart[j]!;
    const count = taskSkillStart[j + 1]! - start;
    const taskClass =
      (estimateBucket(taskEstimate[j]!) * (causeIndex.size + 1) + taskCause[j]! + 1) * languageCount + taskLanguage[j]! + 1;
    if (count === 0) addEntry(taskClass, j);
    else if (count > MAX_INDEXED_SKILLS) wideTasks.push(j);
    else {
      for (let mask = 1; mask < 1 << count; mask++) {
        let size = 0;
        for (let k = 0; k < count; k++) if (mask & (1 << k)) subset[size++] = taskSkills[start + k]!;
        addEntry(encodeSubset(subset, size, skillBase) * classCount + taskClass, j);
      }
    }
  }
  // Lists renumbered in key order, so that the lists of one subset are neighbours, and kept
  // as columns of typed arrays: the walk reads them in a row.
  const listCount = listKeys.length;
  const order = Int32Array.from({ length: listCount }, (_, id) => id).sort((a, b) => listKeys[a]! - listKeys[b]!);
  const rank = new Int32Array(listCount);
  order.forEach((id, at) => (rank[id] = at));
  const listStart = new Int32Array(listCount + 1);
  for (let at = 0; at < listCount; at++) listStart[at + 1] = listStart[at]! + listSizes[order[at]!]!;
  const listFill = listStart.slice(0, listCount);
  const listTasks = new Int32Array(entryCount);
  const listShortest = new Int32Array(listCount).fill(0x7fffffff);
  for (let k = 0; k < entryCount; k++) {
    const at = rank[entryList[k]!]!;
    const j = entryTask[k]!;
    listTasks[listFill[at]!++] = j;
    if (taskEstimate[j]! < listShortest[at]!) listShortest[at] = taskEstimate[j]!;
  }
  const listCause = new Int32Array(listCount);
  const listLanguage = new Int32Array(listCount);
  const listHeadAge = new Int32Array(listCount);
  /** Subset key → [first, end) of its lists. */
  const subsetLists = new Map<number, number>();
  const subsetEnd: number[] = [];
  for (let at = 0; at < listCount; at++) {
    const key = listKeys[order[at]!]!;
    const taskClass = key % classCount;
    listCause[at] = (Math.floor(taskClass / languageCount) % (causeIndex.size + 1)) - 1;
    listLanguage[at] = (taskClass % languageCount) - 1;
    listHeadAge[at] = taskAge[listTasks[listStart[at]!]!]!;
    const subsetKey = Math.floor(key / classCount);
    if (!subsetLists.has(subsetKey)) subsetLists.set(subsetKey, at);
    subsetEnd[subsetLists.get(subsetKey)!] = at + 1;
  }
  const noSkillFirst = subsetLists.get(0);

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
  /** The consultant (index) for whom a task is a teammate's hand-off, a beneficiary or author counted. */
  const teammateTask = new Int32Array(nT).fill(-1);
  const beneficiaryDone = new Int32Array(beneficiaryIndex.size).fill(-1);
  const authorDone = new Int32Array(authorIndex.size).fill(-1);
  const pastBeneficiaries: number[] = [];
  const teammateAuthors: number[] = [];
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
    const walk: WalkStep[] = [];
    if (noSkillFirst !== undefined) {
      walk.push({ points: SCORE_POINTS.noSkillNeeded, size: 0, first: noSkillFirst, end: subsetEnd[noSkillFirst]! });
    }
    collectSubsets(ownSkills, skillBase, subsetLists, subsetEnd, walk);
    walk.sort((a, b) => b.points - a.points);
    for (const { points, size, first, end: last } of walk) {
      if (shortlist.isFull && points + MAX_NON_RELAY_BONUS < shortlist.threshold) break;
      for (let list = first; list < last; list++) {
        if (listShortest[list]! > freeMinutes) continue;
        const cause = listCause[list]!;
        const language = listLanguage[list]!;
        const base =
          points +
          (cause >= 0 && likesCause[cause] === 1 ? SCORE_POINTS.causePreferred : 0) +
          (language >= 0 && speaks[language] === 1 ? SCORE_POINTS.language : 0);
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
    pastBeneficiaries.length = 0;
    const hasTeammateTasks = teammateAuthors.length > 0;
    for (const past of consultant.pastBeneficiaryIds) {
      const beneficiary = beneficiaryIndex.get(past);
      if (beneficiary === undefined || beneficiaryDone[beneficiary] === i) continue;
      beneficiaryDone[beneficiary] = i;
      pastBeneficiaries.push(beneficiary);
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
    // minutes left, so every assignment the solver may choose is one the consultant can do. It is
    // conservative, and depends on the shortlist: a longer one may hold a longer task and so
    // lower the capacity of a consultant with little time left.
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
 * One step of the walk: a subset of the consultant's skills and its lists [first, end), one per
 * (cause, language, estimate bucket) of the tasks, so that a consultant with little time left
 * skips the lists of longer tasks.
 */
interface WalkStep {
  points: number;
  size: number;
  first: number;
  end: number;
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
  lists: ReadonlyMap<number, number>,
  listsEnd: readonly number[],
  into: WalkStep[],
): void {
  const chosen = new Int32Array(MAX_INDEXED_SKILLS);
  const extend = (from: number, size: number, points: number): void => {
    for (let k = from; k < own.length; k++) {
      chosen[size] = own[k]!.skill;
      const first = lists.get(encodeSubset(chosen, size + 1, base));
      // No list for a subset means none for its supersets either: prune the branch.
      if (first === undefined) continue;
      into.push({ points: points + own[k]!.points, size: size + 1, first, end: listsEnd[first]! });
      if (size + 1 < MAX_INDEXED_SKILLS) extend(k + 1, size + 1, points + own[k]!.points);
    }
  };
  extend(0, 0, 0);
}
