import { type ForgeReceiver, hmacSha256Matches } from '@wecena/inbox';

export const GITHUB_WEBHOOK_PATH = '/github/webhooks';

/** GitHub signs each delivery with HMAC-SHA256 of the raw body under the App's webhook secret. */
export function githubReceiver(webhookSecret: string): ForgeReceiver {
  return {
    source: 'github',
    path: GITHUB_WEBHOOK_PATH,
    authenticate(header, body) {
      const signature = header('x-hub-signature-256');
      if (!signature) return { ok: false, message: 'missing X-Hub-Signature-256 header' };
      if (!hmacSha256Matches(body, webhookSecret, signature)) {
        return { ok: false, message: 'signature does not match: check WEBHOOK_SECRET' };
      }
      return { ok: true, value: null };
    },
    identify(header) {
      const deliveryId = header('x-github-delivery');
      const eventName = header('x-github-event');
      if (!deliveryId) return { ok: false, message: 'missing X-GitHub-Delivery header' };
      if (!eventName) return { ok: false, message: 'missing X-GitHub-Event header' };
      return { ok: true, value: { deliveryId, eventName, forgeHost: header('x-github-enterprise-host') } };
    },
  };
}
