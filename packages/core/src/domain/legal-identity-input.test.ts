import { describe, expect, it } from 'vitest';
import { Address } from './address';
import { ADDRESS_NOT_GIVEN, formatAddress, normaliseSiren } from './legal-identity-input';
import { Siren } from './siren';

describe('normaliseSiren', () => {
  it.each([
    { name: 'grouped by spaces', input: '732 829 320', expected: '732829320' },
    { name: 'grouped by no-break spaces', input: '732\u00a0829\u202f320', expected: '732829320' },
    { name: 'grouped by dots', input: '732.829.320', expected: '732829320' },
    { name: 'with a tab and a space around it', input: ' 732829320\t', expected: '732829320' },
    { name: 'with a letter, kept for the schema to refuse', input: '732 829 32O', expected: '73282932O' },
  ])('reads a SIREN $name', ({ input, expected }) => {
    expect(normaliseSiren(input)).toBe(expected);
  });

  it('gives the Siren schema nine digits it accepts from what a person pasted', () => {
    expect(Siren.safeParse(normaliseSiren('832 519 748')).success).toBe(true);
  });
});

describe('formatAddress', () => {
  it.each([
    { name: 'a French address, without its country', address: { lines: ['12 rue de la Charité'], postalCode: '69002', city: 'Lyon', country: 'FR' }, expected: '12 rue de la Charité\n69002 Lyon' },
    { name: 'several street lines, in order', address: { lines: ['Bâtiment B', '4 place Sathonay'], postalCode: '69001', city: 'Lyon', country: 'FR' }, expected: 'Bâtiment B\n4 place Sathonay\n69001 Lyon' },
    { name: 'an address abroad, with its country', address: { lines: ['Rue de la Loi 16'], postalCode: '1000', city: 'Bruxelles', country: 'BE' }, expected: 'Rue de la Loi 16\n1000 Bruxelles\nBE' },
  ])('prints $name', ({ address, expected }) => {
    expect(formatAddress(address)).toBe(expected);
  });
});

describe('ADDRESS_NOT_GIVEN', () => {
  it('passes the Address schema, so a beneficiary whose address is not known yet can be checked', () => {
    expect(Address.safeParse(ADDRESS_NOT_GIVEN).success).toBe(true);
  });
});
