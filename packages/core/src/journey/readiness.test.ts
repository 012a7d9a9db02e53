import { describe, expect, it } from 'vitest';
import { defaultRepositoryConfig, type RepositoryConfig } from '../config/repository-config';
import type { IssueRef } from '../events/forge-event';
import { issueOf } from './__fixtures__/issues';
import { checkReadiness, hasDoneCriteria, type ReadinessItem, type ReadinessItemId, type RepositoryFacts } from './readiness';

const CONFIG: RepositoryConfig = { ...defaultRepositoryConfig, skills: { 'lang/ts': ['typescript'], css: ['css'] } };
const FACTS: RepositoryFacts = { linkedToEligibleBeneficiary: true, hasContributingGuide: true };

function itemOf(id: ReadinessItemId, input: { issue?: Partial<IssueRef>; facts?: Partial<RepositoryFacts>; isChangeRequest?: boolean; config?: RepositoryConfig }): ReadinessItem {
  const report = checkReadiness({
    issue: issueOf(input.issue),
    isChangeRequest: input.isChangeRequest ?? false,
    config: input.config ?? CONFIG,
    repository: { ...FACTS, ...input.facts },
  });
  const found = report.items.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no item ${id}`);
  return found;
}

describe('hasDoneCriteria', () => {
  it.each([
    { name: 'a task list', body: 'Fix it.\n\n- [ ] the button works\n- [ ] a test', expected: true },
    { name: 'a ticked task list', body: '* [x] done already', expected: true },
    { name: 'a numbered task list', body: '1. [ ] first step', expected: true },
    { name: 'a Done when heading with text', body: '### Done when\n\nThe CSV downloads.', expected: true },
    { name: 'a Done when line', body: 'Done when: the CSV downloads.', expected: true },
    { name: 'an Acceptance criteria heading', body: '## Acceptance criteria\n- works offline', expected: true },
    { name: 'a bold Expected behaviour', body: '**Expected behaviour**\nThe page loads.', expected: true },
    { name: 'an Expected result line with a colon', body: 'Expected result: a 200.', expected: true },
    { name: 'a Definition of done heading', body: '# Definition of done\nTests pass.', expected: true },
    { name: 'no criteria', body: 'The export is broken, please fix.', expected: false },
    { name: 'an empty section from a template', body: '## Expected behaviour\n<!-- What should happen? -->\n\n## Actual behaviour\nIt fails.', expected: false },
    { name: 'a section at the end with nothing', body: 'Broken.\n\n## Done when', expected: false },
    { name: 'the word expected in a sentence', body: 'Expected it to work, it did not.', expected: false },
    { name: 'a task list inside code', body: '```\n- [ ] not a task\n```', expected: false },
    { name: 'a task list in a quote', body: '> - [ ] quoted', expected: false },
    { name: 'an empty checkbox without text', body: '- [ ]', expected: false },
  ])('says $expected for $name', ({ body, expected }) => {
    expect(hasDoneCriteria(body)).toBe(expected);
  });
});

describe('checkReadiness', () => {
  it('passes a well-prepared issue, recording its estimate, skills and category', () => {
    const report = checkReadiness({ issue: issueOf(), isChangeRequest: false, config: CONFIG, repository: FACTS });
    expect(report).toMatchObject({ ready: true, estimateMinutes: 180, skills: ['typescript'], category: 'code' });
    expect(report.items.map((entry) => entry.id)).toEqual([
      'done_criteria',
      'estimate',
      'skills',
      'not_assigned',
      'not_locked',
      'not_change_request',
      'eligible_beneficiary',
      'contributing_guide',
    ]);
    expect(report.items.every((entry) => entry.passed)).toBe(true);
  });

  it.each<{
    name: string;
    id: ReadinessItemId;
    input: Parameters<typeof itemOf>[1];
    expected: Omit<ReadinessItem, 'id'>;
  }>([
    {
      name: 'criteria present',
      id: 'done_criteria',
      input: {},
      expected: { passed: true, severity: 'blocking', sentence: 'The description says what done looks like.' },
    },
    {
      name: 'criteria missing',
      id: 'done_criteria',
      input: { issue: { body: 'Broken. estimate: 2h' } },
      expected: {
        passed: false,
        severity: 'blocking',
        sentence: 'Say what done looks like: add a task list (`- [ ] ...`) or a "Done when" section to the description.',
      },
    },
    {
      name: 'an estimate in the description',
      id: 'estimate',
      input: {},
      expected: { passed: true, severity: 'blocking', sentence: 'Estimated at 3h (the description), within the 7h a consultant may have.' },
    },
    {
      name: 'a bold estimate in a list',
      id: 'estimate',
      input: { issue: { body: '- [ ] fix\n- **Estimate:** 1h30' } },
      expected: { passed: true, severity: 'blocking', sentence: 'Estimated at 1h30 (the description), within the 7h a consultant may have.' },
    },
    {
      name: 'a size label, which wins over the description',
      id: 'estimate',
      input: { issue: { labels: ['SIZE/XS'] } },
      expected: { passed: true, severity: 'blocking', sentence: 'Estimated at 1h (label `SIZE/XS`), within the 7h a consultant may have.' },
    },
    {
      name: 'two size labels, the largest counting',
      id: 'estimate',
      input: { issue: { labels: ['size/M', 'size/L'] } },
      expected: {
        passed: false,
        severity: 'blocking',
        sentence: 'Estimated at 14h (label `size/L`), more than the 7h a consultant may have: split the issue into smaller ones.',
      },
    },
    {
      name: 'a too long estimate in days',
      id: 'estimate',
      input: { issue: { body: '- [ ] fix\nestimate: 2d' } },
      expected: {
        passed: false,
        severity: 'blocking',
        sentence: 'Estimated at 14h (the description), more than the 7h a consultant may have: split the issue into smaller ones.',
      },
    },
    {
      name: 'no estimate',
      id: 'estimate',
      input: { issue: { body: '- [ ] fix' } },
      expected: {
        passed: false,
        severity: 'blocking',
        sentence:
          'Give an estimate: add a size label (`size/XS`, `size/S`, `size/M`, `size/L`) or a line `estimate: 3h` to the description.',
      },
    },
    {
      name: 'no estimate and no size labels configured',
      id: 'estimate',
      input: { issue: { body: '- [ ] fix' }, config: { ...CONFIG, sizes: {} } },
      expected: { passed: false, severity: 'blocking', sentence: 'Give an estimate: add a line `estimate: 3h` to the description.' },
    },
    {
      name: 'an unreadable estimate',
      id: 'estimate',
      input: { issue: { body: '- [ ] fix\nestimate: a while' } },
      expected: {
        passed: false,
        severity: 'blocking',
        sentence:
          'The estimate in the description cannot be read: "a while" is not a duration. Write it like 2h30, 1.5h, 90m or 1d (a day counts 7h).',
      },
    },
    {
      name: 'an estimate inside a code block',
      id: 'estimate',
      input: { issue: { body: '- [ ] fix\n```\nestimate: 1h\n```' } },
      expected: {
        passed: false,
        severity: 'blocking',
        sentence:
          'Give an estimate: add a size label (`size/XS`, `size/S`, `size/M`, `size/L`) or a line `estimate: 3h` to the description.',
      },
    },
    {
      name: 'skills from labels',
      id: 'skills',
      input: { issue: { labels: ['css', 'Lang/TS'] } },
      expected: { passed: true, severity: 'warning', sentence: 'Skills: css, typescript.' },
    },
    {
      name: 'no skill label',
      id: 'skills',
      input: { issue: { labels: ['bug'] } },
      expected: {
        passed: false,
        severity: 'warning',
        sentence: 'No skill label: add one (`lang/ts`, `css`) so that wecena can pair the issue with the right consultant.',
      },
    },
    {
      name: 'no skills configured',
      id: 'skills',
      input: { config: defaultRepositoryConfig },
      expected: {
        passed: false,
        severity: 'warning',
        sentence:
          'No skill: map labels to skills under `skills:` in the wecena configuration, so that wecena can pair the issue with the right consultant.',
      },
    },
    {
      name: 'nobody assigned',
      id: 'not_assigned',
      input: {},
      expected: { passed: true, severity: 'blocking', sentence: 'Nobody is assigned.' },
    },
    {
      name: 'someone assigned',
      id: 'not_assigned',
      input: { issue: { assignees: ['dominique'] } },
      expected: {
        passed: false,
        severity: 'blocking',
        sentence: 'The issue is assigned (`dominique`): unassign it so that a consultant can claim it.',
      },
    },
    { name: 'open', id: 'not_locked', input: {}, expected: { passed: true, severity: 'blocking', sentence: 'The conversation is open.' } },
    {
      name: 'locked',
      id: 'not_locked',
      input: { issue: { locked: true } },
      expected: { passed: false, severity: 'blocking', sentence: 'The conversation is locked: unlock it so that a consultant can comment.' },
    },
    { name: 'an issue', id: 'not_change_request', input: {}, expected: { passed: true, severity: 'blocking', sentence: 'It is an issue.' } },
    {
      name: 'a change request',
      id: 'not_change_request',
      input: { isChangeRequest: true },
      expected: {
        passed: false,
        severity: 'blocking',
        sentence: 'This is a change request: wecena offers issues. Mark the issue it resolves instead.',
      },
    },
    {
      name: 'a linked repository',
      id: 'eligible_beneficiary',
      input: {},
      expected: { passed: true, severity: 'blocking', sentence: 'The repository belongs to an eligible beneficiary.' },
    },
    {
      name: 'an unlinked repository',
      id: 'eligible_beneficiary',
      input: { facts: { linkedToEligibleBeneficiary: false } },
      expected: {
        passed: false,
        severity: 'blocking',
        sentence:
          'This repository is not linked to an eligible beneficiary yet: the wecena operator links it once the project is checked.',
      },
    },
    {
      name: 'a contributing guide',
      id: 'contributing_guide',
      input: {},
      expected: { passed: true, severity: 'warning', sentence: 'A contributing guide says how to set the project up.' },
    },
    {
      name: 'no contributing guide',
      id: 'contributing_guide',
      input: { facts: { hasContributingGuide: false } },
      expected: {
        passed: false,
        severity: 'warning',
        sentence:
          'No CONTRIBUTING file nor setup section in the README: a newcomer with one day needs to know how to build and test the project.',
      },
    },
  ])('$id: $name', ({ id, input, expected }) => {
    expect(itemOf(id, input)).toEqual({ id, ...expected });
  });

  it.each([
    { name: 'warnings only', issue: { labels: ['bug'] }, facts: { hasContributingGuide: false }, expected: true },
    { name: 'one blocking item', issue: { locked: true }, facts: {}, expected: false },
  ])('is ready with $name: $expected', ({ issue, facts, expected }) => {
    const report = checkReadiness({ issue: issueOf(issue), isChangeRequest: false, config: CONFIG, repository: { ...FACTS, ...facts } });
    expect(report.ready).toBe(expected);
  });

  it('records the estimate even when it is too big, and the category of the labels', () => {
    const report = checkReadiness({
      issue: issueOf({ labels: ['size/L', 'documentation'] }),
      isChangeRequest: false,
      config: CONFIG,
      repository: FACTS,
    });
    expect(report).toMatchObject({ ready: false, estimateMinutes: 840, category: 'content' });
  });
});
