import { durationMessages } from '../messages/duration-messages';

/** Seven hours: the French legal working day (35 hours a week over five days). */
export const DEFAULT_MINUTES_PER_DAY = 420;
/** How many working days one duration may hold: more is almost surely a typo. */
export const DEFAULT_MAX_DAYS = 10;

export interface ParseDurationOptions {
  /** What `1d` is worth; a repository or sponsor may count a day differently. */
  minutesPerDay?: number;
  /** Accept a leading `-`, for a correction of time already logged. */
  allowNegative?: boolean;
  /** The largest magnitude accepted; `DEFAULT_MAX_DAYS` days by default. */
  maxMinutes?: number;
}

export type ParseDurationResult = { ok: true; minutes: number } | { ok: false; error: string };

/*
 * Grammar, case-insensitive, spaces allowed between a number and its unit and between parts:
 *
 *   duration := ["-"] [number days] [number hours] [number minutes | integer]
 *   number   := digits [("." | ",") digits]       (the comma is the French decimal mark)
 *   days     := d | day | days
 *   hours    := h | hr | hrs | hour | hours
 *   minutes  := m | min | mins | minute | minutes
 *
 * Parts come in that order, each at most once. A bare integer is minutes only right after
 * hours (`2h30`, the way people write it in French and English); anywhere else a number
 * without a unit is ambiguous and refused. The total must be a whole number of minutes.
 */
const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
/** A unit must not run into letters: `2hx` is refused, not read as 2h. */
const END_OF_UNIT = '(?![a-z])';
const DURATION_PATTERN = new RegExp(
  [
    '^',
    String.raw`(?:(?<days>${NUMBER})\s*(?:days?|d)${END_OF_UNIT}\s*)?`,
    String.raw`(?:(?<hours>${NUMBER})\s*(?:hours?|hrs?|h)${END_OF_UNIT}\s*)?`,
    String.raw`(?:(?<minutes>${NUMBER})\s*(?<minuteUnit>minutes?|mins?|m)?${END_OF_UNIT})?`,
    '$',
  ].join(''),
  'i',
);

/** An exact decimal, as numerator / 10^scale, so that 1.1h is exactly 66 minutes. */
interface Decimal {
  numerator: bigint;
  scale: number;
}

function toDecimal(digits: string): Decimal {
  const [whole = '0', fraction = ''] = digits.replace(',', '.').split('.');
  return { numerator: BigInt(whole + fraction), scale: fraction.length };
}

/**
 * The exact sum of the parts in minutes, or null when it is not whole. Fractions are summed
 * before the check, so 0.5h30 (60 minutes) is accepted. BigInt keeps huge inputs exact until
 * they are refused as too long.
 */
function sumMinutes(parts: ReadonlyArray<{ digits: string | undefined; unitMinutes: number }>): bigint | null {
  const decimals = parts.flatMap(({ digits, unitMinutes }) =>
    digits === undefined ? [] : [{ ...toDecimal(digits), unitMinutes }],
  );
  const scale = Math.max(0, ...decimals.map((part) => part.scale));
  const scaledTotal = decimals.reduce(
    (sum, part) => sum + part.numerator * BigInt(part.unitMinutes) * 10n ** BigInt(scale - part.scale),
    0n,
  );
  const denominator = 10n ** BigInt(scale);
  return scaledTotal % denominator === 0n ? scaledTotal / denominator : null;
}

/** Parses what a person types for a duration (`2h30`, `1.5h`, `90m`, `1d`) into minutes. */
export function parseDuration(text: string, options: ParseDurationOptions = {}): ParseDurationResult {
  const minutesPerDay = options.minutesPerDay ?? DEFAULT_MINUTES_PER_DAY;
  const maxMinutes = options.maxMinutes ?? DEFAULT_MAX_DAYS * minutesPerDay;
  const shown = text.trim();
  if (shown === '') return { ok: false, error: durationMessages.missing(minutesPerDay) };

  // The sign is taken apart so that `- 30m` and `--30m` stay refused.
  const negative = shown.startsWith('-');
  const body = negative ? shown.slice(1) : shown;
  const groups = /^\d/.test(body) ? DURATION_PATTERN.exec(body)?.groups : undefined;
  if (groups === undefined) return { ok: false, error: durationMessages.notADuration(shown, minutesPerDay) };
  const { days, hours, minutes, minuteUnit } = groups;

  const bareMinutes = minutes !== undefined && minuteUnit === undefined;
  if (bareMinutes && (hours === undefined || !/^\d+$/.test(minutes))) {
    return { ok: false, error: durationMessages.noUnit(shown, minutes) };
  }
  const total = sumMinutes([
    { digits: days, unitMinutes: minutesPerDay },
    { digits: hours, unitMinutes: 60 },
    { digits: minutes, unitMinutes: 1 },
  ]);
  if (total === null) return { ok: false, error: durationMessages.fractionalMinutes(shown) };
  // 2h75 is refused rather than read as 3h15: it is as likely a typo for 2h15 or 2h45.
  if (bareMinutes && Number(minutes) >= 60) {
    return {
      ok: false,
      error: durationMessages.minutesOverflowHours(shown, Number(minutes), formatDuration(Number(total))),
    };
  }
  if (total === 0n) return { ok: false, error: durationMessages.zero(shown) };
  if (negative && options.allowNegative !== true) return { ok: false, error: durationMessages.negative(shown) };
  if (total > BigInt(maxMinutes)) {
    const shownTotal = total > 100_000_000n ? 'far too long' : formatDuration(Number(total));
    return { ok: false, error: durationMessages.tooLong(shown, shownTotal, maxMinutes) };
  }
  const value = Number(total);
  return { ok: true, minutes: negative ? -value : value };
}

/**
 * Writes minutes the way wecena shows them and accepts them back: `2h30`, `2h05`, `3h`, `45m`,
 * `-1h15`. Hours rather than days, because what a day is worth depends on who reads it.
 */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const magnitude = Math.abs(Math.round(minutes));
  const hours = Math.floor(magnitude / 60);
  const rest = magnitude % 60;
  if (hours === 0) return `${sign}${rest}m`;
  return rest === 0 ? `${sign}${hours}h` : `${sign}${hours}h${String(rest).padStart(2, '0')}`;
}
