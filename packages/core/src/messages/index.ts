export { ROLE_LABELS, commandMessages } from './command-messages';
export { acceptedDurationForms, durationMessages } from './duration-messages';
