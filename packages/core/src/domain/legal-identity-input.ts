import type { Address } from './address';

/**
 * `732 829 320` → `732829320`: people copy a SIREN with the spaces (no-break ones too) or dots
 * that group its digits. What is left is for the Siren schema to check.
 */
export function normaliseSiren(text: string): string {
  return text.replace(/[\s.]/g, '');
}

/**
 * An address as it is stored and printed on a receipt: one line per street line, then postal
 * code and city, then the country unless France.
 */
export function formatAddress(address: Address): string {
  return [...address.lines, `${address.postalCode} ${address.city}`, ...(address.country === 'FR' ? [] : [address.country])].join('\n');
}

/**
 * The core's Beneficiary wants an address (a receipt prints it), but an operator may register a
 * beneficiary before knowing it: an absent address is checked as this stand-in, never stored.
 */
export const ADDRESS_NOT_GIVEN: Address = { lines: ['(not given)'], postalCode: '00000', city: '(not given)', country: 'FR' };
