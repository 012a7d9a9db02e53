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
