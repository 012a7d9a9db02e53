/** What a user reads when a duration they typed is refused. Each names the text at fault. */

/** Kept independent of the durations module so that messages import nothing back. */
function hoursAndMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h${String(rest).padStart(2, '0')}`;
}

export function acceptedDurationForms(minutesPerDay: number): string {
  return `Write it like 2h30, 1.5h, 90m or 1d (a day counts ${hoursAndMinutes(minutesPerDay)}).`;
}

export const durationMessages = {
  missing: (minutesPerDay: number) => `A duration is missing. ${acceptedDurationForms(minutesPerDay)}`,
  notADuration: (text: string, minutesPerDay: number) =>
    `"${text}" is not a duration. ${acceptedDurationForms(minutesPerDay)}`,
  noUnit: (text: string, number: string) =>
    `"${text}" has a number without a unit: write ${number}m for minutes or ${number}h for hours.`,
  minutesOverflowHours: (text: string, minutes: number, suggestion: string) =>
    `"${text}" has ${minutes} minutes after the hours: write ${suggestion}.`,
  fractionalMinutes: (text: string) => `"${text}" is not a whole number of minutes.`,
  zero: (text: string) => `"${text}" is zero: a duration must be more than zero.`,
  negative: (text: string) => `"${text}" is negative, and a negative duration is not accepted here.`,
  tooLong: (text: string, minutes: string, maxMinutes: number) =>
    `"${text}" is ${minutes}, more than the ${hoursAndMinutes(maxMinutes)} accepted at once.`,
} as const;
