import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ConfusionMatrix,
  countConfusion,
  evaluateSuitability,
  formatSuitabilitySummary,
  isBaselineSuitable,
  precisionOf,
  recallOf,
} from './evaluate-suitability';
import { parseLabelledIssues, readLabelledIssue } from './labelled-issues';
import { scoreSuitability } from './score-suitability';

/*
 * tiny.jsonl, by hand: #1 and #2 are suitable and scored so (a located typo with a newcomer
 * label; a self-evident title); #3 (an RFC) and #4 (a security report) are unsuitable and
 * scored so; #5 is labelled suitable but has nothing the score can see; #6 is labelled
 * unsuitable but looks like a clean newcomer task. The baseline calls #1, #3 and #6 suitable
 * (good first issue, help wanted, Good-First-Issue).
 *   score:    TP #1 #2, FP #6, FN #5, TN #3 #4  → precision 2/3, recall 2/3
 *   baseline: TP #1, FP #3 #6, FN #2 #5, TN #4  → precision 1/3, recall 1/3
 */
const tiny = readFileSync(new URL('./__fixtures__/tiny.jsonl', import.meta.url), 'utf8');

function evaluateTiny() {
  const parsed = parseLabelledIssues(tiny);
  if (!parsed.ok) throw new Error(`tiny.jsonl line ${parsed.line}: ${parsed.message}`);
  return evaluateSuitability(parsed.issues, (issue) => scoreSuitability(readLabelledIssue(issue)));
}

describe('evaluateSuitability on a tiny hand-made file', () => {
  it('counts the score against the labels', () => {
    expect(evaluateTiny().score).toEqual({ truePositives: 2, falsePositives: 1, trueNegatives: 2, falseNegatives: 1 });
  });

  it('counts the baseline against the labels', () => {
    expect(evaluateTiny().baseline).toEqual({ truePositives: 1, falsePositives: 2, trueNegatives: 1, falseNegatives: 2 });
  });

  it('lists the misclassified issues in input order', () => {
    expect(evaluateTiny().misclassified.map(({ issue }) => issue.id)).toEqual(['example/app#5', 'example/docs#6']);
  });

  it('prints the summary line the benchmark ends with', () => {
    expect(formatSuitabilitySummary(evaluateTiny())).toBe(
      'suitability precision=0.667 recall=0.667 baseline_precision=0.333 baseline_recall=0.333 n=6',
    );
  });
});

describe('countConfusion, precisionOf, recallOf', () => {
  it.each<{ name: string; input: Array<[boolean, boolean]>; expected: ConfusionMatrix & { precision: number; recall: number } }>([
    {
      name: 'one of each',
      input: [[true, true], [false, true], [false, false], [true, false]],
      expected: { truePositives: 1, falsePositives: 1, trueNegatives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5 },
    },
    {
      name: 'nothing called suitable',
      input: [[true, false], [false, false]],
      expected: { truePositives: 0, falsePositives: 0, trueNegatives: 1, falseNegatives: 1, precision: 0, recall: 0 },
    },
    {
      name: 'no suitable issue at all',
      input: [[false, true], [false, false]],
      expected: { truePositives: 0, falsePositives: 1, trueNegatives: 1, falseNegatives: 0, precision: 0, recall: 0 },
    },
    {
      name: 'all right',
      input: [[true, true], [true, true], [false, false]],
      expected: { truePositives: 2, falsePositives: 0, trueNegatives: 1, falseNegatives: 0, precision: 1, recall: 1 },
    },
    { name: 'empty', input: [], expected: { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0, precision: 0, recall: 0 } },
  ])('$name', ({ input, expected }) => {
    const matrix = countConfusion(input.map(([actual, predicted]) => ({ actual, predicted })));
    const { precision, recall, ...counts } = expected;

    expect(matrix).toEqual(counts);
    expect(precisionOf(matrix)).toBe(precision);
    expect(recallOf(matrix)).toBe(recall);
  });
});

describe('isBaselineSuitable', () => {
  it.each([
    { labels: ['good first issue'], expected: true },
    { labels: ['bug', 'Help Wanted'], expected: true },
    { labels: ['help-wanted'], expected: true },
    { labels: ['good_first_issue'], expected: true },
    { labels: ['easy pickings'], expected: false },
    { labels: ['not a good first issue for now'], expected: false },
    { labels: [], expected: false },
  ])('$labels → $expected', ({ labels, expected }) => {
    expect(isBaselineSuitable(labels)).toBe(expected);
  });
});
