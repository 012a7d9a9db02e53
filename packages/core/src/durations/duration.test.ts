import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

const FORMS = 'Write it like 2h30, 1.5h, 90m or 1d (a day counts 7h).';

describe('parseDuration', () => {
  it.each([
    { input: '2h30', expected: 150 },
    { input: '2h30m', expected: 150 },
    { input: '2h30min', expected: 150 },
    { input: '2h05', expected: 125 },
    { input: '2h 30', expected: 150 },
    { input: '2 h 30 m', expected: 150 },
    { input: '2H30', expected: 150 },
    { input: '1.5h', expected: 90 },
    { input: '1,5h', expected: 90 },
    { input: '1.1h', expected: 66 },
    { input: '0.25h', expected: 15 },
    { input: '0.5h30', expected: 60 },
    { input: '90m', expected: 90 },
    { input: '45min', expected: 45 },
    { input: '45 minutes', expected: 45 },
    { input: '1 minute', expected: 1 },
    { input: '3hrs', expected: 180 },
    { input: '2 hours', expected: 120 },
    { input: '1d', expected: 420 },
    { input: '1 day', expected: 420 },
    { input: '0.5d', expected: 210 },
    { input: '1d2h', expected: 540 },
    { input: '1d 2h 30m', expected: 570 },
    { input: '  2h  ', expected: 120 },
    { input: '10d', expected: 4200 },
    { input: '70h', expected: 4200 },
  ])('reads $input as $expected minutes', ({ input, expected }) => {
    expect(parseDuration(input)).toEqual({ ok: true, minutes: expected });
  });

  it.each([
    { input: '', error: `A duration is missing. ${FORMS}` },
    { input: '   ', error: `A duration is missing. ${FORMS}` },
    { input: 'abc', error: `"abc" is not a duration. ${FORMS}` },
    { input: '2x', error: `"2x" is not a duration. ${FORMS}` },
    { input: '2hx', error: `"2hx" is not a duration. ${FORMS}` },
    { input: '30m2h', error: `"30m2h" is not a duration. ${FORMS}` },
    { input: '2h2h', error: `"2h2h" is not a duration. ${FORMS}` },
    { input: 'h', error: `"h" is not a duration. ${FORMS}` },
    { input: '.5h', error: `".5h" is not a duration. ${FORMS}` },
    { input: '- 30m', error: `"- 30m" is not a duration. ${FORMS}` },
    { input: '--30m', error: `"--30m" is not a duration. ${FORMS}` },
    { input: '2h30s', error: `"2h30s" is not a duration. ${FORMS}` },
    { input: '90', error: '"90" has a number without a unit: write 90m for minutes or 90h for hours.' },
    { input: '1d30', error: '"1d30" has a number without a unit: write 30m for minutes or 30h for hours.' },
    { input: '2h75', error: '"2h75" has 75 minutes after the hours: write 3h15.' },
    { input: '1.5m', error: '"1.5m" is not a whole number of minutes.' },
    { input: '1.01h', error: '"1.01h" is not a whole number of minutes.' },
    { input: '0m', error: '"0m" is zero: a duration must be more than zero.' },
    { input: '0h0', error: '"0h0" is zero: a duration must be more than zero.' },
    { input: '-30m', error: '"-30m" is negative, and a negative duration is not accepted here.' },
    { input: '11d', error: '"11d" is 77h, more than the 70h accepted at once.' },
    { input: '70h01', error: '"70h01" is 70h01, more than the 70h accepted at once.' },
    {
      input: '99999999999999999999h',
      error: '"99999999999999999999h" is far too long, more than the 70h accepted at once.',
    },
  ])('refuses "$input"', ({ input, error }) => {
    expect(parseDuration(input)).toEqual({ ok: false, error });
  });

  it.each([
    { input: '-30m', options: { allowNegative: true }, expected: -30 },
    { input: '-1h15', options: { allowNegative: true }, expected: -75 },
    { input: '1d', options: { minutesPerDay: 480 }, expected: 480 },
    { input: '0.5d', options: { minutesPerDay: 450 }, expected: 225 },
    { input: '3h', options: { maxMinutes: 180 }, expected: 180 },
  ])('reads $input with $options as $expected minutes', ({ input, options, expected }) => {
    expect(parseDuration(input, options)).toEqual({ ok: true, minutes: expected });
  });

  it('states what a day counts when the caller counts days differently', () => {
    expect(parseDuration('soon', { minutesPerDay: 450 })).toEqual({
      ok: false,
      error: '"soon" is not a duration. Write it like 2h30, 1.5h, 90m or 1d (a day counts 7h30).',
    });
  });

  it('bounds negative corrections like positive durations', () => {
    expect(parseDuration('-11d', { allowNegative: true })).toEqual({
      ok: false,
      error: '"-11d" is 77h, more than the 70h accepted at once.',
    });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const result = parseDuration(text, { allowNegative: true });
        if (result.ok) expect(Number.isSafeInteger(result.minutes)).toBe(true);
      }),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    { minutes: 150, expected: '2h30' },
    { minutes: 125, expected: '2h05' },
    { minutes: 120, expected: '2h' },
    { minutes: 45, expected: '45m' },
    { minutes: 0, expected: '0m' },
    { minutes: -75, expected: '-1h15' },
    { minutes: 4200, expected: '70h' },
  ])('writes $minutes minutes as $expected', ({ minutes, expected }) => {
    expect(formatDuration(minutes)).toBe(expected);
  });

  it('round-trips through parseDuration for every accepted magnitude', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4200, max: 4200 }).filter((minutes) => minutes !== 0), (minutes) => {
        expect(parseDuration(formatDuration(minutes), { allowNegative: true })).toEqual({ ok: true, minutes });
      }),
    );
  });
});
