export { githubToForgeEvent, GITHUB_DOT_COM } from './events/to-forge-event';
export { GITHUB_WEBHOOK_PATH, githubReceiver } from './receiver/github-receiver';
