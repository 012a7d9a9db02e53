import { describe, expect, it } from 'vitest';
import { toWinAnsi } from './win-ansi';

describe('toWinAnsi', () => {
  it.each([
    { name: 'keeps French as it is', input: 'Élève à Noël, ça coûte 1\u00a0234,50\u00a0€ — œuvre « d’art »', expected: 'Élève à Noël, ça coûte 1\u00a0234,50\u00a0€ — œuvre « d’art »' },
    { name: 'keeps line breaks and markup characters', input: '<script>(x) \\ y</script>\nz', expected: '<script>(x) \\ y</script>\nz' },
    { name: 'drops accents WinAnsi lacks', input: 'Łódź, Dvořák, Őrség', expected: 'Lódz, Dvorák, Orség' },
    { name: 'writes a minus and a narrow no-break space the nearest way', input: '−12\u202f€\t!', expected: '-12\u00a0€ !' },
    { name: 'marks what it cannot draw', input: 'Дом 家 😀', expected: '??? ? ?' },
    { name: 'never lets a C1 control code pass as a WinAnsi sign', input: 'a\u0080b', expected: 'a?b' },
  ])('$name', ({ input, expected }) => {
    expect(toWinAnsi(input)).toBe(expected);
  });
});
