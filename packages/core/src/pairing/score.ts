import type { Instant } from '../domain/primitives';
import { formatDuration } from '../durations';
import { type Availability, type PairingConsultant, type PairingTask, SCORE_POINTS, type ScoreTerm } from './model';

const MILLISECONDS_PER_DAY = 86_400_000;

/** Whole days a task has been ready at `now`; 0 if `readySince` is in the future. */
export function countDaysReady(readySince: Instant, now: Instant): number {
  return countDaysReadyAt(readySince, Date.parse(now));
}

/** The same, with `now` already parsed (milliseconds since the epoch), for many tasks at once. */
export function countDaysReadyAt(readySince: Instant, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - Date.parse(readySince)) / MILLISECONDS_PER_DAY));
}

/** Points for a task ready that many days: one a day, bounded. */
export function agePoints(days: number): number {
  return Math.min(days, SCORE_POINTS.ageMaxDays) * SCORE_POINTS.agePerDay;
}

export interface ScoredPair {
  score: number;
  terms: ScoreTerm[];
}

/**
 * The score of a consultant for a task, with its terms, or null when they are not candidates:
 * the task does not fit the minutes left, or it needs skills and they share none. This is the
 * reference: the candidate search (`candidate-graph.ts`) computes the same numbers faster, and a
 * test holds the two together.
 */
export function scorePair(
  consultant: PairingConsultant,
  task: PairingTask,
  availability: Availability,
  now: Instant,
): ScoredPair | null {
  if (task.estimateMinutes > availability.freeMinutes) return null;
  const terms: ScoreTerm[] = [];
  if (task.skills.length === 0) {
    terms.push({ kind: 'noSkillNeeded', points: SCORE_POINTS.noSkillNeeded });
  } else {
    for (const skill of task.skills) {
      const level = consultant.skills.find((own) => own.name === skill)?.level;
      if (level !== undefined) terms.push({ kind: 'skill', skill, level, points: SCORE_POINTS.skillPerLevel * level });
    }
    if (terms.length === 0) return null;
  }
  terms.push({ kind: 'fitsWindow', estimateMinutes: task.estimateMinutes, freeMinutes: availability.freeMinutes, points: 0 });
  if (task.cause !== null && consultant.causes.includes(task.cause)) {
    terms.push({ kind: 'causePreferred', cause: task.cause, points: SCORE_POINTS.causePreferred });
  }
  const days = countDaysReady(task.readySince, now);
  if (days > 0) terms.push({ kind: 'readyFor', days, points: agePoints(days) });
  if (consultant.pastBeneficiaryIds.includes(task.beneficiaryId)) {
    terms.push({ kind: 'sameBeneficiary', beneficiaryId: task.beneficiaryId, points: SCORE_POINTS.sameBeneficiary });
  }
  if (task.handoffAuthorId !== null && consultant.teammateIds.includes(task.handoffAuthorId)) {
    terms.push({
      kind: 'teammateOfHandoffAuthor',
      authorId: task.handoffAuthorId,
      points: SCORE_POINTS.teammateOfHandoffAuthor,
    });
  }
  if (task.language !== null && consultant.languages.includes(task.language)) {
    terms.push({ kind: 'language', language: task.language, points: SCORE_POINTS.language });
  }
  return { score: terms.reduce((sum, term) => sum + term.points, 0), terms };
}

/** One term in words, as the consultant and the maintainer read it. */
export function describeTerm(term: ScoreTerm): string {
  switch (term.kind) {
    case 'skill':
      return `matches skill ${term.skill} at level ${term.level} of 3 (+${term.points})`;
    case 'noSkillNeeded':
      return `needs no particular skill (+${term.points})`;
    case 'fitsWindow':
      return `fits the time left: ${formatDuration(term.estimateMinutes)} of ${formatDuration(term.freeMinutes)}`;
    case 'causePreferred':
      return `a cause they prefer: ${term.cause} (+${term.points})`;
    case 'readyFor':
      return `ready for ${term.days} day${term.days === 1 ? '' : 's'} (+${term.points})`;
    case 'sameBeneficiary':
      return `worked for this beneficiary before (+${term.points})`;
    case 'teammateOfHandoffAuthor':
      return `teammate of the hand-off note's author (+${term.points})`;
    case 'language':
      return `speaks the task's language, ${term.language} (+${term.points})`;
  }
}
