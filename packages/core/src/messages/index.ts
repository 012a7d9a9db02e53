export { ROLE_LABELS, commandMessages } from './command-messages';
export { acceptedDurationForms, durationMessages } from './duration-messages';
export { TASK_EVENT_LABELS, TASK_STATE_LABELS, describeIllegalTransition } from './lifecycle-messages';
export { configMessages, labelDescriptions } from './config-messages';
export { readinessMessages, type EstimateSourceText } from './readiness-messages';
export { journeyMessages } from './journey-messages';
