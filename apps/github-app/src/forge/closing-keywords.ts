import type { RepositoryRef } from '@wecena/core';

/*
 * GitHub's closing keywords (docs: "Linking a pull request to an issue"): close, closes,
 * closed, fix, fixes, fixed, resolve, resolves, resolved, any case, an optional colon, then
 * `#N`, `owner/repo#N` or the issue's URL. One reference per keyword, as on GitHub:
 * "fixes #1, #2" closes #1 only.
 */
const CLOSING_REFERENCE =
  /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?[ \t]+(?:(?:(?<owner>[\w.-]+)\/(?<name>[\w.-]+))?#(?<number>\d+)|https?:\/\/(?<urlHost>[^\s/]+)\/(?<urlOwner>[\w.-]+)\/(?<urlName>[\w.-]+)\/issues\/(?<urlNumber>\d+))(?![\w/])/gi;

/**
 * The issue numbers of `repository` that `body` closes with a closing keyword, ascending,
 * each once. References to other repositories are left out: a task lives in one repository.
 */
export function closingKeywordIssueNumbers(body: string, repository: RepositoryRef): number[] {
  const path = repository.path.toLowerCase();
  const numbers = new Set<number>();
  for (const match of body.matchAll(CLOSING_REFERENCE)) {
    const groups = match.groups ?? {};
    if (groups.number !== undefined) {
      const isSameRepository = groups.owner === undefined || `${groups.owner}/${groups.name}`.toLowerCase() === path;
      if (isSameRepository) numbers.add(Number(groups.number));
    } else if (groups.urlNumber !== undefined) {
      const isSameRepository =
        groups.urlHost?.toLowerCase() === repository.host.toLowerCase() &&
        `${groups.urlOwner}/${groups.urlName}`.toLowerCase() === path;
      if (isSameRepository) numbers.add(Number(groups.urlNumber));
    }
  }
  return [...numbers].sort((a, b) => a - b);
}
