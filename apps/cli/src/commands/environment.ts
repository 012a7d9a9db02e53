import { readFileSync } from 'node:fs';
import { type Config, readConfig } from '../config/environment';

/** The validated configuration, or every problem on stderr, one a line, and exit code 1. */
export function configFromEnvironment(): Config {
  const result = readConfig(process.env, {
    cwd: process.cwd(),
    isTerminal: process.stdout.isTTY === true,
    readFile: (path) => readFileSync(path, 'utf8'),
  });
  if (result.ok) return result.config;
  process.stderr.write(`wecena cannot start: ${result.problems.length} problem(s) in the environment\n`);
  for (const problem of result.problems) process.stderr.write(`  ${problem}\n`);
  process.exit(1);
}

export function databaseOptions(config: Config): { url: string } | { dataDir: string } {
  return config.database.kind === 'postgres' ? { url: config.database.url } : { dataDir: config.database.dataDir };
}

/** Start-up failures a person can act on are printed as one line, without a stack trace. */
export function exitWithError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`wecena: ${message}\n`);
  process.exit(1);
}
