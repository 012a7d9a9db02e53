/*
 * Amounts in French words, as a receipt writes them out beside the figures, in the traditional
 * spelling (the one of the Cerfa forms' own examples, before the 1990 rectifications): hyphens
 * inside the numbers below one hundred only, "et" in 21, 31, 41, 51, 61 and 71; "vingt" and
 * "cent" take an s when multiplied and ending the number, or before million and milliard (nouns),
 * but not before mille (an adjective): quatre-vingts, deux cents, deux cents millions, deux cent
 * mille, quatre-vingt mille; "mille" never takes an s and is never preceded by "un".
 */

const UNITS = [
  'zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix',
  'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf',
] as const;
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'] as const;

/** The largest whole number written out: just under a thousand milliards. */
export const MAX_FRENCH_WORDS_NUMBER = 999_999_999_999;

function unit(n: number): string {
  return UNITS[n] ?? '';
}

/** 0–99; `ending`: nothing but a noun follows (then quatre-vingts takes its s). */
function belowHundred(n: number, ending: boolean): string {
  if (n < 20) return unit(n);
  if (n < 70) {
    const tens = TENS[Math.floor(n / 10)] ?? '';
    const units = n % 10;
    if (units === 0) return tens;
    return units === 1 ? `${tens} et un` : `${tens}-${unit(units)}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${unit(n - 60)}`;
  if (n === 80) return ending ? 'quatre-vingts' : 'quatre-vingt';
  return `quatre-vingt-${unit(n - 80)}`;
}

/** 1–999; `ending` as above, for "cents" too. */
function belowThousand(n: number, ending: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return belowHundred(rest, ending);
  const head = hundreds === 1 ? 'cent' : `${unit(hundreds)} cent`;
  if (rest === 0) return hundreds > 1 && ending ? `${head}s` : head;
  return `${head} ${belowHundred(rest, ending)}`;
}

/** A whole number from 0 to 999 999 999 999 in French words: 1234 → "mille deux cent trente-quatre". */
export function numberInFrenchWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_FRENCH_WORDS_NUMBER) {
    throw new RangeError(`only whole numbers from 0 to ${MAX_FRENCH_WORDS_NUMBER} are written in words, not ${n}`);
  }
  if (n === 0) return 'zéro';
  const milliards = Math.floor(n / 1_000_000_000);
  const millions = Math.floor(n / 1_000_000) % 1_000;
  const thousands = Math.floor(n / 1_000) % 1_000;
  const rest = n % 1_000;
  const words: string[] = [];
  if (milliards > 0) words.push(`${belowThousand(milliards, true)} milliard${milliards > 1 ? 's' : ''}`);
  if (millions > 0) words.push(`${belowThousand(millions, true)} million${millions > 1 ? 's' : ''}`);
  if (thousands > 0) words.push(thousands === 1 ? 'mille' : `${belowThousand(thousands, false)} mille`);
  if (rest > 0) words.push(belowThousand(rest, true));
  return words.join(' ');
}

/**
 * An amount of cents in French words, as a receipt writes it: 123 450 → "mille deux cent
 * trente-quatre euros et cinquante centimes", 100 000 000 → "un million d'euros" (a round
 * million or milliard takes "d'"), 50 → "cinquante centimes", 0 → "zéro euro".
 */
export function amountInFrenchWords(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`an amount in words is a non-negative whole number of cents, not ${cents}`);
  const euros = Math.floor(cents / 100);
  const centimes = cents % 100;
  const parts: string[] = [];
  if (euros > 0 || centimes === 0) parts.push(`${numberInFrenchWords(euros)} ${euroNoun(euros)}`);
  if (centimes > 0) parts.push(`${numberInFrenchWords(centimes)} centime${centimes > 1 ? 's' : ''}`);
  return parts.join(' et ');
}

function euroNoun(euros: number): string {
  if (euros >= 1_000_000 && euros % 1_000_000 === 0) return "d'euros";
  return euros >= 2 ? 'euros' : 'euro';
}
