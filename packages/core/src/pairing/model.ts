import type { Id, Instant, IsoDate, LanguageTag, Tag, WebUrl } from '../domain/primitives';
import type { SkillLevel } from '../domain/consultant';

/*
 * What pairing reads and returns, as plain data. The worker assembles the input from the store
 * (consultants with their windows and open claims, ready tasks with their skills from the
 * repository's label map); the core only decides.
 */

/** One availability window, as pairing needs it. */
export interface PairingWindow {
  from: IsoDate;
  /** The last free day, included. */
  to: IsoDate;
  minutesPerDay: number;
}

/** A consultant as pairing sees them. */
export interface PairingConsultant {
  id: Id;
  skills: ReadonlyArray<{ name: Tag; level: SkillLevel }>;
  languages: readonly LanguageTag[];
  causes: readonly Tag[];
  windows: readonly PairingWindow[];
  openClaimsLimit: number;
  /** How many claims the consultant holds open now. */
  openClaims: number;
  /** Minutes still planned for those open claims, taken from the hours left in the window. */
  committedMinutes: number;
  /** Beneficiaries the consultant already worked for (relay continuity). */
  pastBeneficiaryIds: readonly Id[];
  /** Consultants of the same team (relay continuity through a hand-off note). */
  teammateIds: readonly Id[];
}

/** A ready task as pairing sees it. */
export interface PairingTask {
  id: Id;
  url: WebUrl;
  /** Skills the task needs, from the repository's label map; empty when it needs none. */
  skills: readonly Tag[];
  estimateMinutes: number;
  beneficiaryId: Id;
  cause: Tag | null;
  language: LanguageTag | null;
  /** When the task last became ready. */
  readySince: Instant;
  /** The consultant who wrote the hand-off note when the task was last released, if any. */
  handoffAuthorId: Id | null;
}

export interface PairingInput {
  consultants: readonly PairingConsultant[];
  tasks: readonly PairingTask[];
  /** The calendar day pairing runs for: a window must cover it. */
  today: IsoDate;
  /** The instant pairing runs at: task ages are counted from it. */
  now: Instant;
}

/**
 * Points of each score term. Skills weigh most, so that a pairing is first a match of skills;
 * the other terms order tasks among those a consultant can do. Every term is bounded, so a score
 * is too, and an old task cannot outrank a skill match by age alone.
 */
export const SCORE_POINTS = {
  /** Per matched skill, times the consultant's level in it (1-3). */
  skillPerLevel: 10,
  /** A task that needs no particular skill is open to anyone, as a level-1 match is. */
  noSkillNeeded: 10,
  causePreferred: 15,
  language: 10,
  /** Per whole day a task has been ready, up to `ageMaxDays`: the oldest come first, none starves. */
  agePerDay: 1,
  ageMaxDays: 30,
  sameBeneficiary: 20,
  teammateOfHandoffAuthor: 10,
} as const;

/** One term of a score: what is true of the pair, and the points it gives. */
export type ScoreTerm =
  | { kind: 'skill'; skill: Tag; level: SkillLevel; points: number }
  | { kind: 'noSkillNeeded'; points: number }
  | { kind: 'fitsWindow'; estimateMinutes: number; freeMinutes: number; points: 0 }
  | { kind: 'causePreferred'; cause: Tag; points: number }
  | { kind: 'readyFor'; days: number; points: number }
  | { kind: 'sameBeneficiary'; beneficiaryId: Id; points: number }
  | { kind: 'teammateOfHandoffAuthor'; authorId: Id; points: number }
  | { kind: 'language'; language: LanguageTag; points: number };

/** A suggestion that this consultant take this task: a `PairingProposal` with the address. */
export interface Proposal {
  consultantId: Id;
  taskId: Id;
  url: WebUrl;
  score: number;
  /** The terms in words, each true of the pair: "matches skill typescript at level 3 (+30)". */
  reasons: string[];
  terms: ScoreTerm[];
}

/** What a consultant can take on today. */
export interface Availability {
  /** Minutes per day times the days left in the window covering today, minus open claims. */
  freeMinutes: number;
  /** Open-claims limit minus open claims. */
  freeSlots: number;
}

export interface ConsultantPairing {
  consultantId: Id;
  /** Null when no window covers today. */
  availability: Availability | null;
  /** How many tasks the assignment may give them (see `pairConsultantsWithTasks`). */
  capacity: number;
  /** The tasks the optimal assignment gives them, best score first. */
  proposals: Proposal[];
  /** Their other shortlisted tasks, best score first: what to take if a proposal is gone. */
  alternatives: Proposal[];
}

export interface TaskPairing {
  taskId: Id;
  url: WebUrl;
  /** The consultant the optimal assignment gives the task to, if any. */
  assignedTo: Id | null;
  /** The best consultants for the task, by score, whatever the assignment: among the consultants whose shortlist holds it. */
  bestConsultants: Proposal[];
}

export interface PairingResult {
  /** Every consultant, in id order. */
  consultants: ConsultantPairing[];
  /** Every task that is on at least one shortlist, in id order. */
  tasks: TaskPairing[];
  /** The sum of the scores of the assigned pairs: the maximum over the candidate graph. */
  totalScore: number;
  /** Size of the candidate graph the solver ran on. */
  graph: { consultants: number; tasks: number; edges: number; candidatesPerConsultant: number };
}

export interface PairingOptions {
  /** Shortlist length: the best candidate tasks kept per consultant (default 16). */
  candidatesPerConsultant?: number;
  /** Consultants listed per task (default 5). */
  consultantsPerTask?: number;
}
