import { type ForgeReceiver, secretsMatch } from '@wecena/inbox';

export const GITLAB_WEBHOOK_PATH = '/gitlab/webhooks';

/** GitLab sends the hook's secret token as is in X-Gitlab-Token; there is no signature. */
export function gitlabReceiver(webhookSecret: string): ForgeReceiver {
  return {
    source: 'gitlab',
    path: GITLAB_WEBHOOK_PATH,
    authenticate(header) {
      const token = header('x-gitlab-token');
      if (!token) return { ok: false, message: 'missing X-Gitlab-Token header: set the secret token on the webhook' };
      if (!secretsMatch(token, webhookSecret)) {
        return { ok: false, message: 'X-Gitlab-Token does not match: check GITLAB_WEBHOOK_SECRET' };
      }
      return { ok: true, value: null };
    },
    identify(header) {
      // Idempotency-Key stays the same across GitLab's retries; the event UUID is the older fallback.
      const deliveryId = header('idempotency-key') ?? header('x-gitlab-event-uuid');
      const eventName = header('x-gitlab-event');
      if (!deliveryId) return { ok: false, message: 'missing Idempotency-Key and X-Gitlab-Event-UUID headers' };
      if (!eventName) return { ok: false, message: 'missing X-Gitlab-Event header' };
      return { ok: true, value: { deliveryId, eventName, forgeHost: instanceHost(header('x-gitlab-instance')) } };
    },
  };
}

/** X-Gitlab-Instance is a URL (`https://gitlab.com`); repositories are keyed by host name. */
function instanceHost(instance: string | null): string | null {
  if (!instance) return null;
  try {
    return new URL(instance).host;
  } catch {
    return null;
  }
}
