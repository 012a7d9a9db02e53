export { gitlabToForgeEvent, GITLAB_DOT_COM } from './events/to-forge-event';
export { GITLAB_WEBHOOK_PATH, gitlabReceiver } from './receiver/gitlab-receiver';
export { createGitlabForge, GITLAB_CONFIG_FILE_PATH, permissionOfAccessLevel } from './forge/gitlab-forge';
export type { GitlabApi, GitlabForge, GitlabForgeOptions, GitlabTimelog, GitlabTimeSpent } from './forge/gitlab-forge';
export { GitlabForgeError } from './forge/gitlab-forge-error';
export { gitlabForgeAccess, hostOf } from './forge/gitlab-forge-access';
export type { GitlabForgeAccess, GitlabForgeAccessOptions, GitlabHost } from './forge/gitlab-forge-access';
export { gitlabHostsFromEnvironment, gitlabTokenVariable } from './forge/gitlab-hosts';
export type { GitlabHostsReading } from './forge/gitlab-hosts';
