/**
 * The sentences of the readiness checklist, one per item and outcome. They read in the status
 * comment as ticked or unticked boxes, so a failed item says what to do about it.
 */

function hoursAndMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h${String(rest).padStart(2, '0')}`;
}

function codeList(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(', ');
}

export type EstimateSourceText = { kind: 'label'; label: string } | { kind: 'description' };

function sourceOf(source: EstimateSourceText): string {
  return source.kind === 'label' ? `label \`${source.label}\`` : 'the description';
}

export const readinessMessages = {
  doneCriteriaPassed: 'The description says what done looks like.',
  doneCriteriaFailed:
    'Say what done looks like: add a task list (`- [ ] ...`) or a "Done when" section to the description.',
  estimatePassed: (minutes: number, maxMinutes: number, source: EstimateSourceText) =>
    `Estimated at ${hoursAndMinutes(minutes)} (${sourceOf(source)}), within the ${hoursAndMinutes(maxMinutes)} a consultant may have.`,
  estimateTooBig: (minutes: number, maxMinutes: number, source: EstimateSourceText) =>
    `Estimated at ${hoursAndMinutes(minutes)} (${sourceOf(source)}), more than the ${hoursAndMinutes(maxMinutes)} a consultant may have: split the issue into smaller ones.`,
  estimateMissing: (sizeLabels: readonly string[]) =>
    sizeLabels.length === 0
      ? 'Give an estimate: add a line `estimate: 3h` to the description.'
      : `Give an estimate: add a size label (${codeList(sizeLabels)}) or a line \`estimate: 3h\` to the description.`,
  estimateUnreadable: (error: string) => `The estimate in the description cannot be read: ${error}`,
  skillsPassed: (skills: readonly string[]) => `Skills: ${skills.join(', ')}.`,
  skillsMissing: (skillLabels: readonly string[]) =>
    skillLabels.length === 0
      ? 'No skill: map labels to skills under `skills:` in the wecena configuration, so that wecena can pair the issue with the right consultant.'
      : `No skill label: add one (${codeList(skillLabels.slice(0, 5))}${skillLabels.length > 5 ? ', ...' : ''}) so that wecena can pair the issue with the right consultant.`,
  notAssignedPassed: 'Nobody is assigned.',
  notAssignedFailed: (logins: readonly string[]) =>
    `The issue is assigned (${codeList(logins)}): unassign it so that a consultant can claim it.`,
  notLockedPassed: 'The conversation is open.',
  notLockedFailed: 'The conversation is locked: unlock it so that a consultant can comment.',
  notChangeRequestPassed: 'It is an issue.',
  notChangeRequestFailed: 'This is a change request: wecena offers issues. Mark the issue it resolves instead.',
  eligibleBeneficiaryPassed: 'The repository belongs to an eligible beneficiary.',
  eligibleBeneficiaryFailed:
    'This repository is not linked to an eligible beneficiary yet: the wecena operator links it once the project is checked.',
  contributingGuidePassed: 'A contributing guide says how to set the project up.',
  contributingGuideMissing:
    'No CONTRIBUTING file nor setup section in the README: a newcomer with one day needs to know how to build and test the project.',
} as const;
