import { defaultRepositoryConfig, parseRepositoryConfig, type RepositoryConfig } from '@wecena/core';
import { lineOfConfigKeys, readRepositoryConfigText, type ConfigTextProblem } from './config-text';

export type RepositoryConfigReading =
  | { ok: true; config: RepositoryConfig }
  /** The defaults apply while the file is wrong; each problem names its line. */
  | { ok: false; config: RepositoryConfig; problems: ConfigTextProblem[] };

/**
 * From the text of the configuration file (null when the repository has none) to the
 * configuration wecena applies: YAML parsed here, validated by the core, each problem
 * pointed back at its line.
 */
export function readRepositoryConfig(source: string | null): RepositoryConfigReading {
  if (source === null) return { ok: true, config: defaultRepositoryConfig };
  const read = readRepositoryConfigText(source);
  if (!read.ok) return { ok: false, config: defaultRepositoryConfig, problems: read.problems };
  const parsed = parseRepositoryConfig(read.text.value);
  if (parsed.ok) return { ok: true, config: parsed.config };
  return {
    ok: false,
    config: defaultRepositoryConfig,
    problems: parsed.problems
      .map((problem) => ({ line: lineOfConfigKeys(read.text, problem.keys), path: problem.path, message: problem.message }))
      // In the order of the file, as the maintainer reads it.
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

/** `line 4, claimTtlDays: <message>`: one problem as a maintainer or an operator reads it. */
export function formatConfigProblem(problem: ConfigTextProblem): string {
  const where = [problem.line === null ? null : `line ${problem.line}`, problem.path || null].filter(Boolean).join(', ');
  return where ? `${where}: ${problem.message}` : problem.message;
}
