import { describe, expect, it } from 'vitest';
import { Address } from './address';
import { Host, Id, Instant, IsoDate, LanguageTag, Login, Tag, WebUrl } from './primitives';
import { Rna, Siren, hasValidLuhnChecksum } from './siren';

describe('Siren', () => {
  it.each([
    { input: '732829320', valid: true },
    { input: '443061841', valid: true },
    { input: '552100554', valid: true },
    // La Poste: its SIRET numbers break the Luhn rule, its SIREN does not.
    { input: '356000000', valid: true },
    { input: '732829321', valid: false },
    { input: '732829302', valid: false },
    { input: '123456789', valid: false },
    { input: '73282932', valid: false },
    { input: '7328293200', valid: false },
    { input: '732 829 320', valid: false },
    { input: '73282932O', valid: false },
    { input: '', valid: false },
  ])('$input is valid: $valid', ({ input, valid }) => {
    expect(Siren.safeParse(input).success).toBe(valid);
  });

  it.each([
    { input: '123456789', message: 'this SIREN fails its checksum: a digit is probably mistyped' },
    { input: '12345', message: 'a SIREN is nine digits' },
  ])('explains why $input is refused', ({ input, message }) => {
    expect(Siren.safeParse(input).error?.issues[0]?.message).toBe(message);
  });

  it.each([
    { input: '79927398713', valid: true },
    { input: '79927398710', valid: false },
    { input: '0', valid: true },
    { input: '', valid: false },
    { input: '12a', valid: false },
  ])('Luhn checksum of "$input" holds: $valid', ({ input, valid }) => {
    expect(hasValidLuhnChecksum(input)).toBe(valid);
  });
});

describe('Rna', () => {
  it.each([
    { input: 'W751212345', valid: true },
    { input: 'w751212345', valid: false },
    { input: 'W75121234', valid: false },
    { input: '751212345', valid: false },
  ])('$input is valid: $valid', ({ input, valid }) => {
    expect(Rna.safeParse(input).success).toBe(valid);
  });
});

describe('Instant', () => {
  it.each([
    { input: '2026-03-02T09:30:00Z', valid: true },
    { input: '2026-03-02T09:30:00.123Z', valid: true },
    { input: '2026-03-02T09:30:00.123456Z', valid: true },
    { input: '2024-02-29T00:00:00Z', valid: true },
    { input: '2026-03-02T09:30:00+01:00', valid: false },
    { input: '2026-03-02T09:30:00', valid: false },
    { input: '2026-03-02T09:30Z', valid: false },
    { input: '2026-03-02 09:30:00Z', valid: false },
    { input: '2026-03-02', valid: false },
    { input: '2025-02-29T00:00:00Z', valid: false },
    { input: '2026-03-02T24:00:00Z', valid: false },
    { input: '2026-03-02t09:30:00z', valid: false },
  ])('$input is valid: $valid', ({ input, valid }) => {
    expect(Instant.safeParse(input).success).toBe(valid);
  });
});

describe('IsoDate', () => {
  it.each([
    { input: '2026-03-02', valid: true },
    { input: '2024-02-29', valid: true },
    { input: '2000-02-29', valid: true },
    { input: '1900-02-29', valid: false },
    { input: '2025-02-29', valid: false },
    { input: '2026-04-31', valid: false },
    { input: '2026-13-01', valid: false },
    { input: '2026-3-2', valid: false },
    { input: '02/03/2026', valid: false },
    { input: '2026-03-02T00:00:00Z', valid: false },
  ])('$input is valid: $valid', ({ input, valid }) => {
    expect(IsoDate.safeParse(input).success).toBe(valid);
  });
});

describe('value types', () => {
  it.each([
    { name: 'a uuid id', schema: Id, input: '0b6f8c1e-4a2d-4c1b-9f3e-2d1c0b9a8e7f', valid: true },
    { name: 'a prefixed id', schema: Id, input: 'ben_01J9', valid: true },
    { name: 'an empty id', schema: Id, input: '', valid: false },
    { name: 'an id with a space', schema: Id, input: 'a b', valid: false },
    { name: 'github.com', schema: Host, input: 'github.com', valid: true },
    { name: 'a host with a port', schema: Host, input: 'gitlab.example.org:8443', valid: true },
    { name: 'an upper-case host', schema: Host, input: 'GitHub.com', valid: false },
    { name: 'a host with a scheme', schema: Host, input: 'https://github.com', valid: false },
    { name: 'a host ending with a dot', schema: Host, input: 'github.com.', valid: false },
    { name: 'a GitHub login', schema: Login, input: 'octo-cat', valid: true },
    { name: 'a GitLab username', schema: Login, input: 'jean.dupont_2', valid: true },
    { name: 'a login with @', schema: Login, input: '@octocat', valid: false },
    { name: 'a login ending with a dot', schema: Login, input: 'octocat.', valid: false },
    { name: 'an https url', schema: WebUrl, input: 'https://github.com/o/r/pull/1', valid: true },
    { name: 'a javascript url', schema: WebUrl, input: 'javascript:alert(1)', valid: false },
    { name: 'a tag', schema: Tag, input: 'c++', valid: true },
    { name: 'an upper-case tag', schema: Tag, input: 'TypeScript', valid: false },
    { name: 'a language', schema: LanguageTag, input: 'pt-BR', valid: true },
    { name: 'a language name', schema: LanguageTag, input: 'French', valid: false },
  ])('$name is valid: $valid', ({ schema, input, valid }) => {
    expect(schema.safeParse(input).success).toBe(valid);
  });
});

describe('Address', () => {
  const paris = { lines: ['1 rue de Rivoli'], postalCode: '75001', city: 'Paris', country: 'FR' };

  it.each([
    { name: 'a French address', input: paris, valid: true },
    { name: 'a Belgian address', input: { ...paris, postalCode: '1000', city: 'Bruxelles', country: 'BE' }, valid: true },
    { name: 'a French address with a short postal code', input: { ...paris, postalCode: '7501' }, valid: false },
    { name: 'no street line', input: { ...paris, lines: [] }, valid: false },
    { name: 'a blank street line', input: { ...paris, lines: ['  '] }, valid: false },
    { name: 'a country name', input: { ...paris, country: 'France' }, valid: false },
  ])('$name is valid: $valid', ({ input, valid }) => {
    expect(Address.safeParse(input).success).toBe(valid);
  });
});
