import { describe, expect, it } from 'vitest';
import { amountInFrenchWords, numberInFrenchWords } from './french-words';

describe('amountInFrenchWords', () => {
  it.each([
    { cents: 0, expected: 'zéro euro' },
    { cents: 100, expected: 'un euro' },
    { cents: 200, expected: 'deux euros' },
    { cents: 1_000, expected: 'dix euros' },
    { cents: 1_600, expected: 'seize euros' },
    { cents: 1_700, expected: 'dix-sept euros' },
    { cents: 2_100, expected: 'vingt et un euros' },
    { cents: 2_200, expected: 'vingt-deux euros' },
    { cents: 3_100, expected: 'trente et un euros' },
    { cents: 6_100, expected: 'soixante et un euros' },
    { cents: 7_000, expected: 'soixante-dix euros' },
    { cents: 7_100, expected: 'soixante et onze euros' },
    { cents: 7_200, expected: 'soixante-douze euros' },
    { cents: 7_700, expected: 'soixante-dix-sept euros' },
    { cents: 8_000, expected: 'quatre-vingts euros' },
    { cents: 8_100, expected: 'quatre-vingt-un euros' },
    { cents: 9_000, expected: 'quatre-vingt-dix euros' },
    { cents: 9_100, expected: 'quatre-vingt-onze euros' },
    { cents: 9_900, expected: 'quatre-vingt-dix-neuf euros' },
    { cents: 10_000, expected: 'cent euros' },
    { cents: 10_100, expected: 'cent un euros' },
    { cents: 18_000, expected: 'cent quatre-vingts euros' },
    { cents: 20_000, expected: 'deux cents euros' },
    { cents: 20_100, expected: 'deux cent un euros' },
    { cents: 100_000, expected: 'mille euros' },
    { cents: 100_100, expected: 'mille un euros' },
    { cents: 123_450, expected: 'mille deux cent trente-quatre euros et cinquante centimes' },
    { cents: 200_000, expected: 'deux mille euros' },
    { cents: 2_100_000, expected: 'vingt et un mille euros' },
    { cents: 8_000_000, expected: 'quatre-vingt mille euros' },
    { cents: 20_000_000, expected: 'deux cent mille euros' },
    { cents: 14_130_000, expected: 'cent quarante et un mille trois cents euros' },
    { cents: 100_000_000, expected: "un million d'euros" },
    { cents: 100_000_100, expected: 'un million un euros' },
    { cents: 200_000_000, expected: "deux millions d'euros" },
    { cents: 8_000_000_000, expected: "quatre-vingts millions d'euros" },
    { cents: 20_000_000_000, expected: "deux cents millions d'euros" },
    { cents: 100_000_000_000, expected: "un milliard d'euros" },
    { cents: 200_000_000_000, expected: "deux milliards d'euros" },
    { cents: 200_000_000_050, expected: "deux milliards d'euros et cinquante centimes" },
    { cents: 123_456_789_012, expected: 'un milliard deux cent trente-quatre millions cinq cent soixante-sept mille huit cent quatre-vingt-dix euros et douze centimes' },
    { cents: 1, expected: 'un centime' },
    { cents: 2, expected: 'deux centimes' },
    { cents: 50, expected: 'cinquante centimes' },
    { cents: 101, expected: 'un euro et un centime' },
    { cents: 180, expected: 'un euro et quatre-vingts centimes' },
    { cents: 99_999_999_999_999, expected: 'neuf cent quatre-vingt-dix-neuf milliards neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf euros et quatre-vingt-dix-neuf centimes' },
  ])('$cents cents: $expected', ({ cents, expected }) => {
    expect(amountInFrenchWords(cents)).toBe(expected);
  });

  it.each([
    { name: 'a negative amount', cents: -1 },
    { name: 'a fraction of a cent', cents: 1.5 },
    { name: 'a thousand milliards', cents: 100_000_000_000_000 },
  ])('refuses $name', ({ cents }) => {
    expect(() => amountInFrenchWords(cents)).toThrow(RangeError);
  });
});

describe('numberInFrenchWords', () => {
  it('writes every number from 0 to 99 999 without a double space or a dangling hyphen', () => {
    for (let n = 0; n < 100_000; n += 1) {
      const words = numberInFrenchWords(n);
      expect(words).toMatch(/^[a-zé]+(?:[ -][a-zé]+)*$/);
    }
  });

  it('never writes "un mille" nor "mille" with an s', () => {
    for (const n of [1_000, 1_001, 31_000, 1_000_000 + 1_000, 2_001_000]) {
      expect(numberInFrenchWords(n)).not.toMatch(/^un mille|million un mille|milles/);
    }
  });
});
