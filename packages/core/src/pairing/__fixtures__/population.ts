import fc from 'fast-check';
import type { PairingConsultant, PairingInput, PairingTask } from '../model';

/*
 * Arbitrary pairing inputs for the property tests: few skills, causes, languages and
 * beneficiaries, so that pairs share them often, and windows around a fixed today.
 */

export const TODAY = '2026-03-02';
export const NOW = '2026-03-02T09:00:00Z';

const skill = fc.constantFrom('typescript', 'python', 'css', 'sql', 'rust', 'a11y');
const cause = fc.constantFrom('education', 'health', 'environment');
const language = fc.constantFrom('fr', 'en');
const beneficiary = fc.constantFrom('b1', 'b2', 'b3');
const consultantId = fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4', 'c5');
const day = fc.integer({ min: 1, max: 9 }).map((d) => `2026-03-0${d}`);

export function consultantArbitrary(id: string): fc.Arbitrary<PairingConsultant> {
  return fc.record({
    id: fc.constant(id),
    skills: fc
      .uniqueArray(skill, { maxLength: 5 })
      .chain((names) =>
        fc.tuple(...names.map((name) => fc.constantFrom(1 as const, 2 as const, 3 as const).map((level) => ({ name, level })))),
      ),
    languages: fc.uniqueArray(language, { maxLength: 2 }),
    causes: fc.uniqueArray(cause, { maxLength: 2 }),
    windows: fc.array(
      fc
        .record({ from: day, to: day, minutesPerDay: fc.integer({ min: 60, max: 480 }) })
        .map((w) => (w.from <= w.to ? w : { ...w, from: w.to, to: w.from })),
      { maxLength: 2 },
    ),
    openClaimsLimit: fc.integer({ min: 1, max: 3 }),
    openClaims: fc.integer({ min: 0, max: 2 }),
    committedMinutes: fc.constantFrom(0, 0, 120, 600),
    pastBeneficiaryIds: fc.uniqueArray(beneficiary, { maxLength: 2 }),
    teammateIds: fc.uniqueArray(consultantId, { maxLength: 3 }),
  });
}

export function taskArbitrary(id: string): fc.Arbitrary<PairingTask> {
  return fc.record({
    id: fc.constant(id),
    url: fc.constant(`https://github.com/example/project/issues/${id.slice(1)}`),
    skills: fc.uniqueArray(skill, { maxLength: 5 }),
    estimateMinutes: fc.integer({ min: 30, max: 960 }),
    beneficiaryId: beneficiary,
    cause: fc.option(cause),
    language: fc.option(language),
    readySince: fc.integer({ min: 0, max: 50 * 24 }).map((hours) => new Date(Date.parse(NOW) - hours * 3_600_000).toISOString().replace('.000Z', 'Z')),
    handoffAuthorId: fc.option(consultantId),
  });
}

export const pairingInputArbitrary: fc.Arbitrary<PairingInput> = fc
  .record({ consultants: fc.integer({ min: 0, max: 6 }), tasks: fc.integer({ min: 0, max: 12 }) })
  .chain(({ consultants, tasks }) =>
    fc.record({
      consultants: fc.tuple(...Array.from({ length: consultants }, (_, i) => consultantArbitrary(`c${i}`))),
      tasks: fc.tuple(...Array.from({ length: tasks }, (_, j) => taskArbitrary(`t${String(j).padStart(2, '0')}`))),
      today: fc.constant(TODAY),
      now: fc.constant(NOW),
    }),
  );
