export { githubInstallationId, githubToForgeEvent, GITHUB_DOT_COM } from './events/to-forge-event';
export { GITHUB_WEBHOOK_PATH, githubReceiver } from './receiver/github-receiver';
export { createGithubForge, GITHUB_CONFIG_FILE_PATH, GithubForgeError } from './forge/github-forge';
export type { GithubForgeOptions, GithubOctokit } from './forge/github-forge';
export { createGithubProbot, githubApiBaseUrl, githubAppClient } from './forge/github-app-client';
export type { GithubAppClient, GithubAppCredentials } from './forge/github-app-client';
export { closingKeywordIssueNumbers } from './forge/closing-keywords';
export { githubForgeAccess } from './forge/github-forge-access';
