export {
  DEFAULT_MAX_DAYS,
  DEFAULT_MINUTES_PER_DAY,
  formatDuration,
  parseDuration,
  type ParseDurationOptions,
  type ParseDurationResult,
} from './duration';
