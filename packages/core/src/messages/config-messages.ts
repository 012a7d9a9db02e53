/** What a maintainer reads about a problem in `.github/wecena.yml` or `.gitlab/wecena.yml`. */

function hoursAndMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h${String(rest).padStart(2, '0')}`;
}

export const configMessages = {
  notAMapping: 'The configuration must be a mapping of keys to values, such as `claimTtlDays: 3`.',
  unknownKey: (key: string) => `"${key}" is not a wecena setting; check its spelling against the configuration guide.`,
  emptyLabel: 'A label name cannot be empty.',
  longLabel: 'A label name has 50 characters at most.',
  commaInLabel: 'A label name cannot hold a comma.',
  durationNotText: 'Write a duration such as 3h, 90m or 1d.',
  skillNotTag: 'Write a skill in lower case, such as typescript or accessibility, or a list of them.',
  hoursPerDayMinutes: 'hoursPerDay must be a whole number of minutes, such as 7 or 7.5.',
  duplicateLabel: (name: string) => `"${name}" is already the name of another wecena label; each needs its own.`,
  sizeIsWecenaLabel: (name: string) => `"${name}" is a wecena label and cannot also be a size label.`,
} as const;

/** The descriptions the wecena labels are created with on the forge. */
export const labelDescriptions = {
  ready: 'Offered to sponsored consultants on wecena: doable in a day, no onboarding',
  claimed: 'A sponsored consultant is working on this issue through wecena',
  done: 'Done by a sponsored consultant through wecena',
  needsInfo: 'Needs more information before wecena can offer it',
  size: (minutes: number) => `Estimate: ${hoursAndMinutes(minutes)} of work`,
  tooBig: (minutes: number, maxMinutes: number) =>
    `Estimate: ${hoursAndMinutes(minutes)}, more than the ${hoursAndMinutes(maxMinutes)} a wecena task may take`,
} as const;
