import type { LabelSpec } from '../ports/forge-port';
import { labelDescriptions } from '../messages/config-messages';
import type { RepositoryConfig } from './repository-config';

/** Colours of the wecena labels: green to take, blue taken, purple done, yellow to fix; sizes pale. */
export const LABEL_COLORS = {
  ready: '0e8a16',
  claimed: '1d76db',
  done: '5319e7',
  needsInfo: 'fbca04',
  size: 'c5def5',
  tooBig: 'e99695',
} as const;

/**
 * Every label wecena uses on a repository, with colour and description: the four wecena labels
 * and the size labels of the configuration. The adapter creates the missing ones, never twice.
 */
export function wecenaLabelSpecs(config: RepositoryConfig): LabelSpec[] {
  const { labels } = config;
  return [
    { name: labels.ready, color: LABEL_COLORS.ready, description: labelDescriptions.ready },
    { name: labels.claimed, color: LABEL_COLORS.claimed, description: labelDescriptions.claimed },
    { name: labels.done, color: LABEL_COLORS.done, description: labelDescriptions.done },
    { name: labels.needsInfo, color: LABEL_COLORS.needsInfo, description: labelDescriptions.needsInfo },
    ...Object.entries(config.sizes).map(([name, minutes]) =>
      minutes > config.maxEstimateMinutes
        ? { name, color: LABEL_COLORS.tooBig, description: labelDescriptions.tooBig(minutes, config.maxEstimateMinutes) }
        : { name, color: LABEL_COLORS.size, description: labelDescriptions.size(minutes) },
    ),
  ];
}
