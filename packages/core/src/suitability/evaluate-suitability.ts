import { normalizeLabel } from './issue-facts';
import type { LabelledIssue } from './labelled-issues';
import type { Suitability } from './suitability-input';

export interface ConfusionMatrix {
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
}

export interface Prediction {
  actual: boolean;
  predicted: boolean;
}

export interface SuitabilityEvaluation {
  n: number;
  score: ConfusionMatrix;
  baseline: ConfusionMatrix;
  precision: number;
  recall: number;
  baselinePrecision: number;
  baselineRecall: number;
  /** The issues the score got wrong, in input order, with what it said. */
  misclassified: Array<{ issue: LabelledIssue; result: Suitability }>;
}

const BASELINE_LABELS: ReadonlySet<string> = new Set(['good first issue', 'help wanted']);

/** The baseline: every issue labelled `good first issue` or `help wanted` (any case or separator). */
export function isBaselineSuitable(labels: readonly string[]): boolean {
  return labels.some((label) => BASELINE_LABELS.has(normalizeLabel(label)));
}

export function countConfusion(predictions: readonly Prediction[]): ConfusionMatrix {
  const matrix: ConfusionMatrix = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  for (const { actual, predicted } of predictions) {
    if (predicted && actual) matrix.truePositives += 1;
    else if (predicted) matrix.falsePositives += 1;
    else if (actual) matrix.falseNegatives += 1;
    else matrix.trueNegatives += 1;
  }
  return matrix;
}

/** Share of the issues called suitable that are; 0 when none is called suitable. */
export function precisionOf(matrix: ConfusionMatrix): number {
  const called = matrix.truePositives + matrix.falsePositives;
  return called === 0 ? 0 : matrix.truePositives / called;
}

/** Share of the suitable issues that are called suitable; 0 when there are none. */
export function recallOf(matrix: ConfusionMatrix): number {
  const suitable = matrix.truePositives + matrix.falseNegatives;
  return suitable === 0 ? 0 : matrix.truePositives / suitable;
}

/** Runs `score` on each labelled issue and compares it, and the baseline, with the labels. */
export function evaluateSuitability(
  issues: readonly LabelledIssue[],
  score: (issue: LabelledIssue) => Suitability,
): SuitabilityEvaluation {
  const scored = issues.map((issue) => ({ issue, result: score(issue), actual: issue.label === 'suitable' }));
  const matrix = countConfusion(scored.map(({ actual, result }) => ({ actual, predicted: result.suitable })));
  const baseline = countConfusion(scored.map(({ actual, issue }) => ({ actual, predicted: isBaselineSuitable(issue.labels_seen) })));
  return {
    n: issues.length,
    score: matrix,
    baseline,
    precision: precisionOf(matrix),
    recall: recallOf(matrix),
    baselinePrecision: precisionOf(baseline),
    baselineRecall: recallOf(baseline),
    misclassified: scored.filter(({ actual, result }) => actual !== result.suitable).map(({ issue, result }) => ({ issue, result })),
  };
}

/** The benchmark's last line, which scripts read: `suitability precision=P recall=R ...`. */
export function formatSuitabilitySummary(evaluation: SuitabilityEvaluation): string {
  const f = (value: number) => value.toFixed(3);
  return (
    `suitability precision=${f(evaluation.precision)} recall=${f(evaluation.recall)} ` +
    `baseline_precision=${f(evaluation.baselinePrecision)} baseline_recall=${f(evaluation.baselineRecall)} n=${evaluation.n}`
  );
}
