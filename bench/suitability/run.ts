import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type ConfusionMatrix,
  DEFAULT_SUITABILITY_THRESHOLD,
  evaluateSuitability,
  formatSuitabilitySummary,
  type LabelledIssue,
  parseLabelledIssues,
  readLabelledIssue,
  scoreSuitability,
  type SuitabilityEvaluation,
} from '@wecena/core';

const defaultInput = fileURLToPath(new URL('../../packages/testkit/fixtures/suitability/train.jsonl', import.meta.url));

const usage = `usage: npm run bench -- suitability [options]

Scores each labelled issue of a JSON Lines file ({id, title, body, labels_seen, label}) and
prints precision and recall at the default threshold, beside a baseline that calls suitable
every issue labelled "good first issue" or "help wanted".

  --input FILE     labelled issues (default: packages/testkit/fixtures/suitability/train.jsonl)
  --examples N     misclassified issues to show (default 8)
  --help`;

export async function runSuitabilityBench(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      input: { type: 'string', default: defaultInput },
      examples: { type: 'string', default: '8' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const examples = Number(values.examples);
  if (!Number.isInteger(examples) || examples < 0) {
    console.error('suitability: --examples takes a whole number');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(values.input, 'utf8');
  } catch (error) {
    console.error(`suitability: cannot read ${values.input}: ${(error as Error).message}`);
    return 2;
  }
  const parsed = parseLabelledIssues(text);
  if (!parsed.ok) {
    console.error(`suitability: ${values.input} line ${parsed.line}: ${parsed.message}`);
    return 2;
  }
  const issues = parsed.issues;
  const evaluation = evaluateSuitability(issues, (issue) => scoreSuitability(readLabelledIssue(issue)));

  console.log(`input: ${values.input} (${issues.length} issues, ${issues.filter(isSuitable).length} labelled suitable)`);
  console.log(`threshold: score >= ${DEFAULT_SUITABILITY_THRESHOLD}\n`);
  printConfusion('score', evaluation.score);
  printConfusion('baseline (good first issue / help wanted)', evaluation.baseline);
  printThresholds(issues);
  printCategories(evaluation, issues);
  printExamples(evaluation, examples);
  console.log(formatSuitabilitySummary(evaluation));
  return 0;
}

function isSuitable(issue: LabelledIssue): boolean {
  return issue.label === 'suitable';
}

function printConfusion(name: string, matrix: ConfusionMatrix): void {
  const rows = [
    ['', 'called suitable', 'called unsuitable'],
    ['labelled suitable', String(matrix.truePositives), String(matrix.falseNegatives)],
    ['labelled unsuitable', String(matrix.falsePositives), String(matrix.trueNegatives)],
  ];
  console.log(`${name}:`);
  for (const row of rows) console.log(`  ${row[0]!.padEnd(20)} ${row[1]!.padStart(16)} ${row[2]!.padStart(18)}`);
  console.log('');
}

/** Precision and recall at nearby thresholds: how far the default sits from its neighbours. */
function printThresholds(issues: readonly LabelledIssue[]): void {
  console.log('threshold   precision   recall   called');
  for (let threshold = DEFAULT_SUITABILITY_THRESHOLD - 2; threshold <= DEFAULT_SUITABILITY_THRESHOLD + 2; threshold += 1) {
    const at = evaluateSuitability(issues, (issue) => scoreSuitability(readLabelledIssue(issue), { threshold }));
    const called = at.score.truePositives + at.score.falsePositives;
    const mark = threshold === DEFAULT_SUITABILITY_THRESHOLD ? ' (default)' : '';
    console.log(`${String(threshold).padStart(9)}   ${at.precision.toFixed(3).padStart(9)}   ${at.recall.toFixed(3).padStart(6)}   ${String(called).padStart(6)}${mark}`);
  }
  console.log('');
}

function printCategories(evaluation: SuitabilityEvaluation, issues: readonly LabelledIssue[]): void {
  const counts = new Map<string, number>();
  for (const issue of issues) {
    const category = scoreSuitability(readLabelledIssue(issue)).category;
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  const shown = [...counts].sort((a, b) => b[1] - a[1]).map(([category, count]) => `${category} ${count}`);
  console.log(`categories: ${shown.join(', ')} (of ${evaluation.n})\n`);
}

function printExamples(evaluation: SuitabilityEvaluation, limit: number): void {
  const wrong = evaluation.misclassified;
  if (limit === 0 || wrong.length === 0) return;
  // Alternate false positives and false negatives so that both kinds of mistake show.
  const positives = wrong.filter(({ result }) => result.suitable);
  const negatives = wrong.filter(({ result }) => !result.suitable);
  const picked = [];
  for (let i = 0; picked.length < Math.min(limit, wrong.length); i += 1) {
    if (positives[i] !== undefined) picked.push(positives[i]!);
    if (negatives[i] !== undefined && picked.length < limit) picked.push(negatives[i]!);
  }
  console.log(`misclassified (${picked.length} of ${wrong.length}):`);
  for (const { issue, result } of picked) {
    console.log(`- ${issue.id} labelled ${issue.label}, score ${result.score}: ${issue.title}`);
    for (const reason of result.reasons) console.log(`    ${reason.points > 0 ? '+' : ''}${reason.points} ${reason.factor}: ${reason.text}`);
    if (issue.reason !== undefined) console.log(`    label's reason: ${issue.reason}`);
  }
  console.log('');
}
