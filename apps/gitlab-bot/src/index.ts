export { gitlabToForgeEvent, GITLAB_DOT_COM } from './events/to-forge-event';
export { GITLAB_WEBHOOK_PATH, gitlabReceiver } from './receiver/gitlab-receiver';
