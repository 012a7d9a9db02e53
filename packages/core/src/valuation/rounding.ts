/*
 * Money is integer cents; a valuation is an exact fraction of cents until the one rounding
 * at its end. Rounding once, at the end, means the same ledger gives the same cents whatever
 * order the factors come in, and that no rounding error piles up over many hours.
 */

/**
 * `numerator / denominator` rounded to the nearest integer, a half rounded away from zero
 * (the "arrondi commercial": 0.5 → 1, 2.5 → 3, -0.5 → -1). Exact for any size, through bigint.
 */
export function divideRoundingHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('cannot divide by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/** A bigint amount of cents as a number, refused when a number could not hold it exactly. */
export function toSafeCents(cents: bigint): number {
  if (cents > BigInt(Number.MAX_SAFE_INTEGER) || cents < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${cents} cents is too large to be held exactly`);
  }
  return Number(cents);
}

/** `count` units of `rateCents` per `per` units (e.g. minutes at an hourly rate: per = 60), to the cent, half up. */
export function prorateCents(count: number, rateCents: number, per: number): number {
  return toSafeCents(divideRoundingHalfUp(BigInt(count) * BigInt(rateCents), BigInt(per)));
}
