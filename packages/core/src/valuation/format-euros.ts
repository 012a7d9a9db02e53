/**
 * An amount of cents the French way, as a receipt prints it in figures: `1 234,50 €`, `80 €`,
 * `-12,05 €`. Digits are grouped by three with a no-break space, which keeps the amount on one
 * line; cents are shown when there are any.
 */
export function formatEuros(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`an amount in cents must be an integer, not ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const magnitude = Math.abs(cents);
  const euros = Math.trunc(magnitude / 100);
  const rest = magnitude % 100;
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return rest === 0 ? `${sign}${grouped}\u00a0€` : `${sign}${grouped},${String(rest).padStart(2, '0')}\u00a0€`;
}
