import type { PairingConsultant, PairingInput, PairingTask } from '@wecena/core';

/*
 * A generated population of consultants and ready tasks, the same for the same seed.
 * Skills follow a Zipf law over 60 names (a few, like JavaScript or Python, are everywhere; most
 * are rare); a task needs 1 to 4 of them, a consultant has 3 to 10. Four consultants in five have
 * a window covering today; the others' is past or yet to come.
 */

export const TODAY = '2026-03-02';
export const NOW = '2026-03-02T09:00:00Z';

const SKILLS = Array.from({ length: 60 }, (_, k) => `skill-${String(k).padStart(2, '0')}`);
const CAUSES = ['education', 'health', 'environment', 'social-inclusion', 'accessibility', 'open-data', 'culture', 'science'];
const DAY_MS = 86_400_000;

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A sampler of indices 0..n−1 with probability proportional to 1/(k+1)^s. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) cumulative[k] = total += 1 / (k + 1) ** s;
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

function integer(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function distinct(count: number, draw: () => number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(draw());
  return [...chosen];
}

function date(offsetDays: number): string {
  return new Date(Date.parse(`${TODAY}T00:00:00Z`) + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

export function generatePopulation(consultantCount: number, taskCount: number, seed: number): PairingInput {
  const random = seededRandom(seed);
  const skill = zipf(SKILLS.length, 1, random);
  const cause = zipf(CAUSES.length, 0.8, random);
  const beneficiaryCount = Math.max(1, Math.round(taskCount / 40));
  const beneficiary = zipf(beneficiaryCount, 0.7, random);
  const width = String(Math.max(consultantCount, taskCount)).length;

  const consultants: PairingConsultant[] = Array.from({ length: consultantCount }, (_, i) => {
    const team = Math.floor(i / 6);
    const availableToday = random() < 0.8;
    const from = availableToday ? -integer(random, 0, 10) : random() < 0.5 ? integer(random, 1, 20) : -integer(random, 20, 40);
    const to = availableToday ? integer(random, 0, 20) : from + integer(random, 0, 15);
    const limit = random() < 0.85 ? 2 : 3;
    const openClaims = random() < 0.3 ? 1 : 0;
    return {
      id: `c${String(i).padStart(width, '0')}`,
      skills: distinct(integer(random, 3, 10), skill).map((k) => ({
        name: SKILLS[k]!,
        level: (1 + Math.floor(random() * random() * 3)) as 1 | 2 | 3,
      })),
      languages: random() < 0.6 ? ['fr', 'en'] : random() < 0.8 ? ['fr'] : ['en'],
      causes: distinct(integer(random, 0, 3), cause).map((k) => CAUSES[k]!),
      windows: [{ from: date(Math.min(from, to)), to: date(Math.max(from, to)), minutesPerDay: 60 * integer(random, 3, 8) }],
      openClaimsLimit: limit,
      openClaims,
      committedMinutes: openClaims * 60 * integer(random, 1, 6),
      pastBeneficiaryIds: distinct(integer(random, 0, 3), beneficiary).map((b) => `b${b}`),
      teammateIds: Array.from({ length: 6 }, (_, k) => team * 6 + k)
        .filter((k) => k !== i && k < consultantCount)
        .map((k) => `c${String(k).padStart(width, '0')}`),
    };
  });

  const tasks: PairingTask[] = Array.from({ length: taskCount }, (_, j) => {
    const released = random() < 0.05;
    return {
      id: `t${String(j).padStart(width, '0')}`,
      url: `https://github.com/project-${j % 997}/repo/issues/${j + 1}`,
      skills: distinct(integer(random, 1, 4), skill).map((k) => SKILLS[k]!),
      estimateMinutes: 30 * integer(random, 1, 16),
      beneficiaryId: `b${beneficiary()}`,
      cause: random() < 0.7 ? CAUSES[cause()]! : null,
      language: random() < 0.8 ? (random() < 0.75 ? 'en' : 'fr') : null,
      readySince: new Date(Date.parse(NOW) - Math.floor(random() * 60 * DAY_MS)).toISOString().slice(0, 19) + 'Z',
      handoffAuthorId: released ? `c${String(integer(random, 0, consultantCount - 1)).padStart(width, '0')}` : null,
    };
  });

  return { consultants, tasks, today: TODAY, now: NOW };
}
