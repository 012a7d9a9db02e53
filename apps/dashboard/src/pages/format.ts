/**
 * Minutes as the home page shows a total: `0 min`, `45 min`, `12 h`, `1,234 h 05 min`.
 * Never days: what a day is worth depends on who reads it.
 */
export function formatHoursAndMinutes(totalMinutes: number): string {
  const sign = totalMinutes < 0 ? '−' : '';
  const magnitude = Math.abs(Math.round(totalMinutes));
  const hours = Math.floor(magnitude / 60);
  const minutes = magnitude % 60;
  if (hours === 0) return `${sign}${minutes} min`;
  const shownHours = hours.toLocaleString('en-GB');
  return minutes === 0 ? `${sign}${shownHours} h` : `${sign}${shownHours} h ${String(minutes).padStart(2, '0')} min`;
}

/** Cents as money for people: `1 234,56 €` style is left to French pages; here `€1,234.56`. */
export function formatMoney(cents: number, currency = 'EUR'): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);
}

/** An instant as a person reads it in the dashboard: `2 Mar 2026, 09:00 UTC`. */
export function formatInstant(instant: Date): string {
  return `${instant.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`;
}

/** A calendar day (`YYYY-MM-DD`) or an instant's day, as `2 Mar 2026`. */
export function formatDay(day: string | Date): string {
  const date = typeof day === 'string' ? new Date(`${day}T00:00:00Z`) : day;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
