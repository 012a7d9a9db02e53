import { describe, expect, it } from 'vitest';
import { Agreement, isAgreementInForce } from './agreement';
import { AvailabilityWindow } from './availability-window';
import { Beneficiary } from './beneficiary';
import { Claim } from './claim';
import { Consultant, DEFAULT_OPEN_CLAIMS_LIMIT } from './consultant';
import { Contribution } from './contribution';
import { PairingProposal } from './pairing-proposal';
import { Repository } from './repository';
import { Sponsor } from './sponsor';
import { Task } from './task';
import { TimeLog } from './time-log';

const address = { lines: ['12 rue des Lilas'], postalCode: '69003', city: 'Lyon', country: 'FR' };

/** The path of the first issue zod reports, or null when the value is accepted. */
function firstIssuePath(schema: { safeParse: (input: unknown) => { error?: { issues: Array<{ path: PropertyKey[] }> } } }, input: unknown): string | null {
  const issue = schema.safeParse(input).error?.issues[0];
  return issue === undefined ? null : issue.path.join('.');
}

describe('Beneficiary', () => {
  const association = {
    id: 'ben_1',
    kind: 'nonprofit',
    displayName: 'Les Lilas',
    eligibility: { basis: 'public_interest_organisation', evidence: 'rescrit fiscal 2021' },
    legalIdentity: { legalName: 'Association Les Lilas', siren: null, rna: 'W691234567', address },
  };
  const project = {
    ...association,
    kind: 'free_software',
    eligibility: { basis: 'osi_licence', spdxId: 'AGPL-3.0-or-later' },
  };

  it.each([
    { name: 'a public-interest association', input: association, invalidAt: null },
    { name: 'a free-software project under an OSI licence', input: project, invalidAt: null },
    {
      name: 'a free-software project run by a public-interest association',
      input: { ...project, eligibility: association.eligibility },
      invalidAt: null,
    },
    { name: 'a nonprofit eligible through a licence', input: { ...project, kind: 'nonprofit' }, invalidAt: 'eligibility.basis' },
    { name: 'a licence with spaces', input: { ...project, eligibility: { basis: 'osi_licence', spdxId: 'GNU GPL' } }, invalidAt: 'eligibility.spdxId' },
    { name: 'an unknown basis', input: { ...project, eligibility: { basis: 'friendship' } }, invalidAt: 'eligibility.basis' },
    {
      name: 'a SIREN failing its checksum',
      input: { ...association, legalIdentity: { ...association.legalIdentity, siren: '123456789' } },
      invalidAt: 'legalIdentity.siren',
    },
    { name: 'an unknown kind', input: { ...association, kind: 'company' }, invalidAt: 'kind' },
  ])('$name: invalid at $invalidAt', ({ input, invalidAt }) => {
    expect(firstIssuePath(Beneficiary, input)).toBe(invalidAt);
  });
});

describe('Repository', () => {
  const repository = { id: 'repo_1', forge: 'github', host: 'github.com', path: 'lilas/site', forgeId: '42', beneficiaryId: null, enabled: true };

  it.each([
    { name: 'a GitHub repository', input: repository, invalidAt: null },
    { name: 'a GitLab project in a subgroup', input: { ...repository, forge: 'gitlab', host: 'gitlab.com', path: 'lilas/web/site' }, invalidAt: null },
    { name: 'a GitHub path with a subgroup', input: { ...repository, path: 'lilas/web/site' }, invalidAt: 'path' },
    { name: 'a path with one segment', input: { ...repository, forge: 'gitlab', path: 'site' }, invalidAt: 'path' },
    { name: 'a path with ..', input: { ...repository, path: 'lilas/..' }, invalidAt: 'path' },
    { name: 'a path with a trailing slash', input: { ...repository, path: 'lilas/site/' }, invalidAt: 'path' },
    { name: 'an unknown forge', input: { ...repository, forge: 'bitbucket' }, invalidAt: 'forge' },
  ])('$name: invalid at $invalidAt', ({ input, invalidAt }) => {
    expect(firstIssuePath(Repository, input)).toBe(invalidAt);
  });
});

describe('Sponsor', () => {
  const sponsor = {
    id: 'sp_1',
    legalName: 'Conseil & Code SAS',
    siren: '732829320',
    address,
    valuation: { method: 'cost_price', defaultCostRateCentsPerHour: 4500, countEstimatedMinutes: true },
  };

  it.each([
    { name: 'a sponsor', input: sponsor, invalidAt: null },
    { name: 'a SIREN with spaces', input: { ...sponsor, siren: '732 829 320' }, invalidAt: 'siren' },
    { name: 'a missing SIREN', input: { ...sponsor, siren: null }, invalidAt: 'siren' },
    {
      name: 'a rate in euros with decimals',
      input: { ...sponsor, valuation: { ...sponsor.valuation, defaultCostRateCentsPerHour: 45.5 } },
      invalidAt: 'valuation.defaultCostRateCentsPerHour',
    },
    { name: 'a market-price valuation', input: { ...sponsor, valuation: { ...sponsor.valuation, method: 'market_price' } }, invalidAt: 'valuation.method' },
  ])('$name: invalid at $invalidAt', ({ input, invalidAt }) => {
    expect(firstIssuePath(Sponsor, input)).toBe(invalidAt);
  });
});

describe('Consultant', () => {
  const consultant = {
    id: 'c_1',
    sponsorId: 'sp_1',
    displayName: 'Camille',
    forgeIdentities: [
      { forge: 'github', host: 'github.com', login: 'camille' },
      { forge: 'gitlab', host: 'gitlab.com', login: 'camille.d' },
    ],
    skills: [{ name: 'typescript', level: 3 }, { name: 'accessibility', level: 1 }],
    languages: ['fr', 'en'],
    causes: ['education'],
    costRateCentsPerHour: 5200,
  };

  it('claims two tasks at most by default', () => {
    expect(Consultant.parse(consultant).openClaimsLimit).toBe(DEFAULT_OPEN_CLAIMS_LIMIT);
    expect(DEFAULT_OPEN_CLAIMS_LIMIT).toBe(2);
  });

  it.each([
    { name: 'a consultant', input: consultant, invalidAt: null },
    { name: 'a skill at level 4', input: { ...consultant, skills: [{ name: 'go', level: 4 }] }, invalidAt: 'skills.0.level' },
    { name: 'a skill at level 0', input: { ...consultant, skills: [{ name: 'go', level: 0 }] }, invalidAt: 'skills.0.level' },
    { name: 'a skill listed twice', input: { ...consultant, skills: [{ name: 'go', level: 1 }, { name: 'go', level: 2 }] }, invalidAt: 'skills' },
    {
      name: 'two identities on one forge host',
      input: { ...consultant, forgeIdentities: [consultant.forgeIdentities[0], { forge: 'github', host: 'github.com', login: 'other' }] },
      invalidAt: 'forgeIdentities',
    },
    { name: 'a cost rate with cents fractions', input: { ...consultant, costRateCentsPerHour: 52.5 }, invalidAt: 'costRateCentsPerHour' },
    { name: 'no open claim allowed', input: { ...consultant, openClaimsLimit: 0 }, invalidAt: 'openClaimsLimit' },
  ])('$name: invalid at $invalidAt', ({ input, invalidAt }) => {
    expect(firstIssuePath(Consultant, input)).toBe(invalidAt);
  });
});

describe('AvailabilityWindow', () => {
  const window = { id: 'w_1', consultantId: 'c_1', from: '2026-03-02', to: '2026-03-06', minutesPerDay: 420 };

  it.each([
    { name: 'a working week', input: window, invalidAt: null },
    { name: 'a single day', input: { ...window, to: '2026-03-02' }, invalidAt: null },
    { name: 'a window ending before it starts', input: { ...window, to: '2026-03-01' }, invalidAt: 'to' },
    { name: 'a window across a year end', input: { ...window, from: '2025-12-29', to: '2026-01-02' }, invalidAt: null },
    { name: 'an impossible date', input: { ...window, to: '2026-02-30' }, invalidAt: 'to' },
    { name: 'no time a day', input: { ...window, minutesPerDay: 0 }, invalidAt: 'minutesPerDay' },
    { name: 'more than twelve hours a day', input: { ...window, minutesPerDay: 721 }, invalidAt: 'minutesPerDay' },
    { name: 'hours instead of minutes', input: { ...window, minutesPerDay: 7.5 }, invalidAt: 'minutesPerDay' },
  ])('$name: invalid at $invalidAt', ({ input, invalidAt }) => {
    expect(firstIssuePath(AvailabilityWindow, input)).toBe(invalidAt);
  });
});

describe('Task', () => {
  const task = {
    id: 't_1',
    repositoryId: 'repo_1',
    issueNumber: 12,
    title: 'Add alt text to the gallery',
    url: 'https://github.com/lilas/site/issues/12',
    state: 'ready',
    estimateMinutes: 180,
    skills: ['html', 'accessibility'],
    category: 'accessibility',
  };

  it.each([
    { name: 'a ready task', input: task, invalidAt: null },
    { name: 'a candidate with no estimate', input: { ...task, state: 'candidate', estimateMinutes: null }, invalidAt: null },
    { name: 'an unknown state', input: { ...task, state: 'open' }, invalidAt: 'state' },
    { name: 'an unknown category', input: { ...task, category: 'marketing' }, invalidAt: 'category' },
    { name: 'issue number 0', input: { ...task, issueNumber: 0 }, invalidAt: 'issueNumber' },
    { name: 'a zero estimate', input: { ...task, estimateMinutes: 0 }, invalidAt: 'estimateMinutes' },
    { name: 'a blank title', input: { ...task, title: '  ' }, invalidAt: 'title' },
  ])('$name: invalid at $invalidAt', ({ input, invalidAt }) => {
    expect(firstIssuePath(Task, input)).toBe(invalidAt);
  });
});

describe('Claim', () => {
  const claim = {
    id: 'cl_1',
    taskId: 't_1',
    consultantId: 'c_1',
    claimedAt: '2026-03-02T09:00:00Z',
    expiresAt: '2026-03-05T18:00:00Z',
    endedAt: null,
    endedHow: null,
    handoffNote: null,
  };
  const released = { ...claim, endedAt: '2026-03-03T17:00:00Z', endedHow: 'released', handoffNote: 'Tests written, the fix remains.' };

  it.each([
    { name: 'an open claim', input: claim, invalidAt: null },
    { name: 'a released claim with its note', input: released, invalidAt: null },
    { name: 'a recalled claim with no note', input: { ...released, endedHow: 'recalled', handoffNote: null }, invalidAt: null },
    { name: 'a released claim with no note', input: { ...released, handoffNote: null }, invalidAt: 'handoffNote' },
    { name: 'a released claim with a blank note', input: { ...released, handoffNote: '   ' }, invalidAt: 'handoffNote' },
    { name: 'an end time without how', input: { ...claim, endedAt: '2026-03-03T17:00:00Z' }, invalidAt: 'endedHow' },
    { name: 'an expiry before the claim', input: { ...claim, expiresAt: '2026-03-01T09:00:00Z' }, invalidAt: 'expiresAt' },
    { name: 'an expiry equal to the claim', input: { ...claim, expiresAt: claim.claimedAt }, invalidAt: 'expiresAt' },
    // As text, 09:00:00.5Z sorts before 09:00:00Z; as time it is later.
    { name: 'an expiry half a second later', input: { ...claim, expiresAt: '2026-03-02T09:00:00.5Z' }, invalidAt: null },
    { name: 'an end before the claim', input: { ...released, endedAt: '2026-03-01T09:00:00Z' }, invalidAt: 'endedAt' },
    { name: 'an instant with an offset', input: { ...claim, claimedAt: '2026-03-02T10:00:00+01:00' }, invalidAt: 'claimedAt' },
  ])('$name: invalid at $invalidAt', ({ input, invalidAt }) => {
    expect(firstIssuePath(Claim, input)).toBe(invalidAt);
  });
});

describe('PairingProposal', () => {
  it.each([
    { name: 'a proposal', input: { consultantId: 'c_1', taskId: 't_1', score: 87, reasons: ['skills matched: typescript'] }, invalidAt: null },
    { name: 'a fractional score', input: { consultantId: 'c_1', taskId: 't_1', score: 8.7, reasons: [] }, invalidAt: 'score' },
  ])('$name: invalid at $invalidAt', ({ input, invalidAt }) => {
    expect(firstIssuePath(PairingProposal, input)).toBe(invalidAt);
  });
});

describe('TimeLog', () => {
  const log = { id: 'tl_1', consultantId: 'c_1', taskId: 't_1', minutes: 150, spentOn: '2026-03-02', source: 'command', recordedAt: '2026-03-02T17:00:00Z' };

  it.each([
    { name: 'time spent today', input: log, invalidAt: null },
    { name: 'a correction', input: { ...log, minutes: -30, source: 'maintainer' }, invalidAt: null },
    { name: 'time logged on GitLab', input: { ...log, source: 'gitlab_timelog' }, invalidAt: null },
    { name: 'time spent just after midnight in Paris', input: { ...log, spentOn: '2026-03-03', recordedAt: '2026-03-02T23:30:00Z' }, invalidAt: null },
    { name: 'time spent two days ahead', input: { ...log, spentOn: '2026-03-04' }, invalidAt: 'spentOn' },
    { name: 'zero minutes', input: { ...log, minutes: 0 }, invalidAt: 'minutes' },
    { name: 'fractional minutes', input: { ...log, minutes: 1.5 }, invalidAt: 'minutes' },
    { name: 'eleven days of twelve hours', input: { ...log, minutes: 11 * 720 }, invalidAt: 'minutes' },
    { name: 'an unknown source', input: { ...log, source: 'timesheet' }, invalidAt: 'source' },
  ])('$name: invalid at $invalidAt', ({ input, invalidAt }) => {
    expect(firstIssuePath(TimeLog, input)).toBe(invalidAt);
  });
});

describe('Contribution', () => {
  const credit = {
    id: 'e_1',
    kind: 'credit',
    refersTo: null,
    taskId: 't_1',
    consultantId: 'c_1',
    sponsorId: 'sp_1',
    beneficiaryId: 'ben_1',
    changeRequestUrl: 'https://github.com/lilas/site/pull/13',
    confirmedBy: null,
    minutes: 150,
    estimated: false,
    valuationCents: 13000,
    reviewStatus: 'pending',
    recordedAt: '2026-03-03T10:00:00Z',
  };
  const reversal = { ...credit, id: 'e_2', kind: 'reversal', refersTo: 'e_1', minutes: -150, valuationCents: -13000, reviewStatus: 'rejected' };

  it.each([
    { name: 'a credit for a merged change request', input: credit, invalidAt: null },
    { name: 'a credit confirmed by a maintainer', input: { ...credit, changeRequestUrl: null, confirmedBy: 'maintainer-1' }, invalidAt: null },
    { name: 'a reversal', input: reversal, invalidAt: null },
    { name: 'an adjustment of the valuation only', input: { ...credit, id: 'e_3', kind: 'adjustment', refersTo: 'e_1', minutes: 0, valuationCents: -500 }, invalidAt: null },
    { name: 'an adjustment that changes nothing', input: { ...credit, kind: 'adjustment', refersTo: 'e_1', minutes: 0, valuationCents: 0 }, invalidAt: 'minutes' },
    { name: 'a credit referring to an entry', input: { ...credit, refersTo: 'e_0' }, invalidAt: 'refersTo' },
    { name: 'a reversal referring to nothing', input: { ...reversal, refersTo: null }, invalidAt: 'refersTo' },
    { name: 'a reversal that adds time', input: { ...reversal, minutes: 150 }, invalidAt: 'minutes' },
    { name: 'a credit with no time', input: { ...credit, minutes: 0 }, invalidAt: 'minutes' },
    { name: 'a credit with no proof', input: { ...credit, changeRequestUrl: null }, invalidAt: 'changeRequestUrl' },
    { name: 'a credit with two proofs', input: { ...credit, confirmedBy: 'maintainer-1' }, invalidAt: 'changeRequestUrl' },
    { name: 'a valuation with cent fractions', input: { ...credit, valuationCents: 130.5 }, invalidAt: 'valuationCents' },
    { name: 'an unknown review status', input: { ...credit, reviewStatus: 'accepted' }, invalidAt: 'reviewStatus' },
  ])('$name: invalid at $invalidAt', ({ input, invalidAt }) => {
    expect(firstIssuePath(Contribution, input)).toBe(invalidAt);
  });
});

describe('Agreement', () => {
  const agreement = { id: 'ag_1', sponsorId: 'sp_1', beneficiaryId: 'ben_1', signedOn: '2026-01-10', from: '2026-01-15', to: '2026-12-31' };

  it.each([
    { name: 'a dated agreement', input: agreement, invalidAt: null },
    { name: 'an open-ended agreement', input: { ...agreement, to: null }, invalidAt: null },
    { name: 'an agreement ending before it starts', input: { ...agreement, to: '2026-01-14' }, invalidAt: 'to' },
  ])('$name: invalid at $invalidAt', ({ input, invalidAt }) => {
    expect(firstIssuePath(Agreement, input)).toBe(invalidAt);
  });

  it.each([
    { date: '2026-01-14', to: '2026-12-31', expected: false },
    { date: '2026-01-15', to: '2026-12-31', expected: true },
    { date: '2026-12-31', to: '2026-12-31', expected: true },
    { date: '2027-01-01', to: '2026-12-31', expected: false },
    { date: '2040-01-01', to: null, expected: true },
  ])('is in force on $date when it ends on $to: $expected', ({ date, to, expected }) => {
    expect(isAgreementInForce(Agreement.parse({ ...agreement, to }), date)).toBe(expected);
  });
});
