import { describe, expect, it } from 'vitest';
import * as core from '../index';

describe('journey and config through the core entry', () => {
  it.each([
    'decideJourney',
    'journeyNeeds',
    'decideExpirySweep',
    'decideRecall',
    'checkReadiness',
    'renderStatusComment',
    'STATUS_MARKER',
    'REMINDER_MARKER',
    'parseRepositoryConfig',
    'defaultRepositoryConfig',
    'wecenaLabelSpecs',
    'journeyMessages',
  ])('exports %s', (name) => {
    expect(core).toHaveProperty(name);
  });
});
