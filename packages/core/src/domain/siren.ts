import { z } from 'zod';

/**
 * The Luhn checksum, which the INSEE builds into every SIREN: doubling every second digit from
 * the right catches any single wrong digit and most swaps of two neighbours.
 */
export function hasValidLuhnChecksum(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits[digits.length - 1 - index]);
    const weighted = index % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum % 10 === 0;
}

/**
 * A SIREN, the French company number that a receipt for a company donation (Cerfa 16216) must
 * carry: nine digits whose Luhn checksum holds. Spaces are not accepted here: the edge that
 * reads what a person typed removes them (`732 829 320` → `732829320`).
 */
export const Siren = z
  .string()
  .regex(/^\d{9}$/, 'a SIREN is nine digits')
  .refine(hasValidLuhnChecksum, 'this SIREN fails its checksum: a digit is probably mistyped');
export type Siren = z.infer<typeof Siren>;

/** An association's number in the Répertoire national des associations: W and nine digits. */
export const Rna = z.string().regex(/^W\d{9}$/, 'an RNA number is W followed by nine digits');
export type Rna = z.infer<typeof Rna>;
