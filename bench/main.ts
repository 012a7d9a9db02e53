import { runAckBench } from './ack/run';
import { runPairingBench } from './pairing/run';
import { runReportBench } from './report/run';
import { runSuitabilityBench } from './suitability/run';

/** `npm run bench -- <name> [options]`: each benchmark takes its own options. */
const benchmarks: Record<string, (args: string[]) => Promise<number>> = {
  ack: runAckBench,
  pairing: runPairingBench,
  report: runReportBench,
  suitability: runSuitabilityBench,
};

const [name, ...args] = process.argv.slice(2);
const benchmark = name === undefined ? undefined : benchmarks[name];
if (benchmark === undefined) {
  console.error(`usage: npm run bench -- <${Object.keys(benchmarks).join('|')}> [options]`);
  process.exit(2);
}
process.exitCode = await benchmark(args);
