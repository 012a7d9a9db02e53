import { describe, expect, it } from 'vitest';
import * as core from './index';

describe('@wecena/core', () => {
  it.each([
    'parseComment',
    'renderHelp',
    'COMMANDS',
    'transition',
    'TASK_TRANSITIONS',
    'parseDuration',
    'formatDuration',
    'describeIllegalTransition',
    'Beneficiary',
    'Repository',
    'Sponsor',
    'Consultant',
    'AvailabilityWindow',
    'Task',
    'Claim',
    'PairingProposal',
    'TimeLog',
    'Contribution',
    'Agreement',
    'Siren',
    'Instant',
    'IsoDate',
    'Forge',
    'TaskState',
  ])('exports %s from its single entry', (name) => {
    expect(core).toHaveProperty(name);
  });

  it('ties the lifecycle states and the Task schema together', () => {
    expect(core.TaskState.options).toEqual([...core.TASK_STATES]);
  });
});
