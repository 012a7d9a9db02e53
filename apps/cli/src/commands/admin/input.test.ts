import { formatAddress } from '@wecena/core';
import { describe, expect, it } from 'vitest';
import { readBeneficiaryFlags } from './beneficiary';
import { readConsultantFlags } from './consultant';
import {
  AdminInputError,
  parseAddress,
  parseCostRate,
  parseGitlabIdentity,
  parseGithubIdentity,
  parseHoursPerDay,
  parseRepositoryReference,
} from './input';
import { readSponsorFlags } from './sponsor';

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AdminInputError) return error.problem;
    throw error;
  }
  throw new Error('expected the input to be refused');
}

describe('parseAddress', () => {
  it.each([
    { name: 'one line, French', input: '12 rue de la Charité, 69002 Lyon', expected: '12 rue de la Charité\n69002 Lyon' },
    { name: 'several street lines', input: 'Bâtiment B, 4 place Sathonay, 69001 Lyon', expected: 'Bâtiment B\n4 place Sathonay\n69001 Lyon' },
    { name: 'newlines, a country', input: 'Rue de la Loi 16\n1000 Bruxelles\nBE', expected: 'Rue de la Loi 16\n1000 Bruxelles\nBE' },
  ])('reads $name', ({ input, expected }) => {
    expect(formatAddress(parseAddress('--address', input))).toBe(expected);
  });

  it.each([
    { name: 'no postal code', input: '12 rue de la Charité', expected: '--address: expected the street, then the postal code and city, such as "12 rue de la Charité, 69002 Lyon" (got "12 rue de la Charité")' },
    { name: 'a French postal code of four digits', input: '1 rue, 6900 Lyon', expected: '--address: a French postal code is five digits (got "1 rue, 6900 Lyon")' },
  ])('refuses $name', ({ input, expected }) => {
    expect(problemOf(() => parseAddress('--address', input))).toBe(expected);
  });
});

describe('parseCostRate', () => {
  it.each([
    { input: '450', expected: 45_000 },
    { input: '450.00', expected: 45_000 },
    { input: '380,5', expected: 38_050 },
    { input: '450.00 EUR/h', expected: 45_000 },
    { input: '52 €/h', expected: 5_200 },
  ])('reads $input as $expected cents', ({ input, expected }) => {
    expect(parseCostRate('--cost-rate', input)).toBe(expected);
  });

  it.each(['-3', '4.505', 'fifty', '450 USD'])('refuses %s', (input) => {
    expect(problemOf(() => parseCostRate('--cost-rate', input))).toMatch(/^--cost-rate: expected euros an hour such as 450.00/);
  });
});

describe('parseHoursPerDay', () => {
  it.each([
    { input: '7', expected: 420 },
    { input: '7.5', expected: 450 },
    { input: '7h30', expected: 450 },
    { input: '90m', expected: 90 },
  ])('reads $input as $expected minutes', ({ input, expected }) => {
    expect(parseHoursPerDay('--hours-per-day', input)).toBe(expected);
  });

  it.each(['0', 'seven', '25h'])('refuses %s', (input) => {
    expect(problemOf(() => parseHoursPerDay('--hours-per-day', input))).toMatch(/^--hours-per-day: expected hours a day/);
  });
});

describe('identities', () => {
  it.each([
    { name: 'a GitHub login', run: () => parseGithubIdentity('--github', 'camille-martin'), expected: { forge: 'github', host: 'github.com', login: 'camille-martin' } },
    { name: 'a GitHub Enterprise login', run: () => parseGithubIdentity('--github', 'GitHub.Example.org:cmartin'), expected: { forge: 'github', host: 'github.example.org', login: 'cmartin' } },
    { name: 'a GitLab host and username', run: () => parseGitlabIdentity('--gitlab', 'gitlab.example.org:8443:c.martin'), expected: { forge: 'gitlab', host: 'gitlab.example.org:8443', login: 'c.martin' } },
    { name: 'a gitlab.com username', run: () => parseGitlabIdentity('--gitlab', '@cmartin'), expected: { forge: 'gitlab', host: 'gitlab.com', login: 'cmartin' } },
  ])('reads $name', ({ run, expected }) => {
    expect(run()).toEqual(expected);
  });
});

describe('parseRepositoryReference', () => {
  it.each([
    { input: 'github:github.com/cartolibre/atlas', expected: { forge: 'github', host: 'github.com', path: 'cartolibre/atlas' } },
    { input: 'gitlab:gitlab.example.org/group/sub/project', expected: { forge: 'gitlab', host: 'gitlab.example.org', path: 'group/sub/project' } },
    { input: 'https://gitlab.com/group/project', expected: { forge: null, host: 'gitlab.com', path: 'group/project' } },
    { input: 'https://GitHub.com/cartolibre/atlas.git', expected: { forge: null, host: 'github.com', path: 'cartolibre/atlas' } },
    { input: 'https://gitlab.com/group/project/-/issues/3', expected: { forge: null, host: 'gitlab.com', path: 'group/project' } },
    { input: 'github.com/cartolibre/atlas/', expected: { forge: null, host: 'github.com', path: 'cartolibre/atlas' } },
    { input: '#12', expected: { id: '12' } },
  ])('reads $input', ({ input, expected }) => {
    expect(parseRepositoryReference('<repository>', input)).toEqual(expected);
  });

  it.each(['cartolibre/atlas', 'github:atlas', 'https://github.com/cartolibre'])('refuses %s', (input) => {
    expect(problemOf(() => parseRepositoryReference('<repository>', input))).toMatch(/^<repository>: expected forge:host\/path such as github:github.com\/cartolibre\/atlas/);
  });
});

const SPONSOR = { name: 'Octet Conseil', legalName: 'Octet Conseil SAS', siren: '832 519 748', address: '12 rue de la Charité, 69002 Lyon' };
const BENEFICIARY = { name: 'Cartolibre', kind: 'free_software', eligibility: 'osi_approved_licence', licence: 'MIT', legalName: 'Association Cartolibre' };
const CONSULTANT = { name: 'Camille Martin', github: ['camille-martin'], gitlab: [], skill: ['typescript:3'] };

describe('flags checked by the core schemas', () => {
  it('turns good flags into rows', () => {
    expect(readSponsorFlags({ ...SPONSOR, defaultCostRate: '450' })).toEqual({
      name: 'Octet Conseil',
      legalName: 'Octet Conseil SAS',
      siren: '832519748',
      address: '12 rue de la Charité\n69002 Lyon',
      defaultCostRateCents: 45_000,
    });
    expect(readBeneficiaryFlags(BENEFICIARY)).toMatchObject({ eligibility: 'osi_approved_licence', licence: 'MIT', address: null, siren: null });
    expect(readConsultantFlags('Octet Conseil', { ...CONSULTANT, costRate: '380' })).toEqual({
      sponsor: 'Octet Conseil',
      name: 'Camille Martin',
      email: null,
      identities: [{ forge: 'github', host: 'github.com', login: 'camille-martin' }],
      skills: [{ name: 'typescript', level: 3 }],
      languages: [],
      causes: [],
      openClaimsLimit: null,
      costRateCents: 38_000,
    });
    expect(readConsultantFlags('1', { ...CONSULTANT, language: ['fr', 'pt-BR'], cause: ['education', 'Open-Data'] })).toMatchObject({
      languages: ['fr', 'pt-BR'],
      causes: ['education', 'open-data'],
    });
    expect(readBeneficiaryFlags({ ...BENEFICIARY, cause: ' Education ' }).cause).toBe('education');
    expect(readBeneficiaryFlags(BENEFICIARY).cause).toBeNull();
  });

  it.each([
    { name: 'a SIREN failing its checksum', run: () => readSponsorFlags({ ...SPONSOR, siren: '832519749' }), expected: '--siren: this SIREN fails its checksum: a digit is probably mistyped (got "832519749")' },
    { name: 'a SIREN too short', run: () => readSponsorFlags({ ...SPONSOR, siren: '83251974' }), expected: '--siren: a SIREN is nine digits (got "83251974")' },
    { name: 'an empty legal name', run: () => readSponsorFlags({ ...SPONSOR, legalName: ' ' }), expected: '--legal-name: must not be empty' },
    { name: 'an unknown kind', run: () => readBeneficiaryFlags({ ...BENEFICIARY, kind: 'company' }), expected: '--kind: expected one of nonprofit, free_software (got "company")' },
    { name: 'an unknown eligibility', run: () => readBeneficiaryFlags({ ...BENEFICIARY, eligibility: 'charity' }), expected: '--eligibility: expected one of public_interest_organisation, osi_approved_licence (got "charity")' },
    { name: 'an RNA without its W', run: () => readBeneficiaryFlags({ ...BENEFICIARY, rna: '751234568' }), expected: '--rna: an RNA number is W followed by nine digits (got "751234568")' },
    { name: 'a licence that is no SPDX id', run: () => readBeneficiaryFlags({ ...BENEFICIARY, licence: 'GPL v3' }), expected: '--licence: an SPDX licence identifier such as MIT or GPL-3.0-or-later (got "GPL v3")' },
    { name: 'a website that is no web address', run: () => readBeneficiaryFlags({ ...BENEFICIARY, website: 'ftp://x.example' }), expected: '--website: expected a web address such as https://example.org (got "ftp://x.example")' },
    { name: 'a skill level of 4', run: () => readConsultantFlags('1', { ...CONSULTANT, skill: ['typescript:4'] }), expected: '--skill: expected skill:level with a level from 1 to 3, such as typescript:2 (got "typescript:4")' },
    { name: 'a skill that is no tag', run: () => readConsultantFlags('1', { ...CONSULTANT, skill: ['Type Script:2'] }), expected: '--skill: expected skill:level with a level from 1 to 3, such as typescript:2 (got "Type Script:2")' },
    { name: 'a skill given twice', run: () => readConsultantFlags('1', { ...CONSULTANT, skill: ['sql:1', 'sql:2'] }), expected: '--skill: each skill is listed once (got "sql:1 sql:2")' },
    { name: 'two logins on one host', run: () => readConsultantFlags('1', { ...CONSULTANT, github: ['a', 'b'] }), expected: '--github/--gitlab: one identity per forge host (got "a b")' },
    { name: 'an open-claims limit of 11', run: () => readConsultantFlags('1', { ...CONSULTANT, openClaimsLimit: '11' }), expected: '--open-claims-limit: must be at most 10' },
    { name: 'a language name', run: () => readConsultantFlags('1', { ...CONSULTANT, language: ['fr', 'French'] }), expected: '--language: a language tag such as fr, en or pt-BR (got "fr French")' },
    { name: 'a language given twice', run: () => readConsultantFlags('1', { ...CONSULTANT, language: ['fr', 'fr'] }), expected: '--language: each is given once (got "fr" twice)' },
    { name: 'a cause that is no tag', run: () => readConsultantFlags('1', { ...CONSULTANT, cause: ['open data'] }), expected: '--cause: a lower-case tag such as typescript, c++ or accessibility (got "open data")' },
    { name: "a beneficiary's cause that is no tag", run: () => readBeneficiaryFlags({ ...BENEFICIARY, cause: 'open data' }), expected: '--cause: a lower-case tag such as typescript, c++ or accessibility (got "open data")' },
    { name: 'an email without @', run: () => readConsultantFlags('1', { ...CONSULTANT, email: 'camille' }), expected: '--email: an email address such as camille@example.org (got "camille")' },
  ])('refuses $name with one line naming the flag', ({ run, expected }) => {
    expect(problemOf(run)).toBe(expected);
  });
});
