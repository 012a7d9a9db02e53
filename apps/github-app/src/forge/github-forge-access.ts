import type { ForgeAccess } from '@wecena/engine';
import { formatConfigProblem, readRepositoryConfig } from '@wecena/forge-config';
import type { GithubAppClient } from './github-app-client';

/** How the journey reaches GitHub: as the App installation that reaches each repository. */
export function githubForgeAccess(client: GithubAppClient): ForgeAccess {
  return {
    async portFor(repository) {
      // Only an installation reaches a repository; the runner logs an event it cannot act on.
      if (repository.installationId === null) return null;
      return client.forgeFor(repository.installationId);
    },
    readConfig(text) {
      const reading = readRepositoryConfig(text);
      return { config: reading.config, problems: reading.ok ? [] : reading.problems.map(formatConfigProblem) };
    },
  };
}
