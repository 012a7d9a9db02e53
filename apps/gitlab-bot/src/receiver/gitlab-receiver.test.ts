import { createWebhookReceiver, type IncomingDelivery, type InboxWriter, type StoreOutcome } from '@wecena/inbox';
import { gitlabFixture, gitlabFixtureBody, gitlabHeaders } from '@wecena/testkit';
import { describe, expect, it } from 'vitest';
import { gitlabToForgeEvent } from '../events/to-forge-event';
import { GITLAB_WEBHOOK_PATH, gitlabReceiver } from './gitlab-receiver';

const SECRET = 'gitlab-hook-token';

/** The inbox as the receiver sees it: keeps what it is given, once per delivery id. */
function memoryInbox(): InboxWriter & { stored: IncomingDelivery[] } {
  const stored: IncomingDelivery[] = [];
  const inbox = {
    stored,
    async store(delivery: IncomingDelivery): Promise<StoreOutcome> {
      if (stored.some((kept) => kept.deliveryId === delivery.deliveryId)) return 'duplicate';
      stored.push(delivery);
      return 'stored';
    },
    async drain() {},
    isBusy: () => false,
  };
  return inbox;
}

function receive(inbox: InboxWriter, headers: Record<string, string>, body: string) {
  const app = createWebhookReceiver(gitlabReceiver(SECRET), { writer: inbox, clock: () => new Date('2026-11-20T10:00:00Z') });
  return app.request(`http://localhost${GITLAB_WEBHOOK_PATH}`, { method: 'POST', headers, body });
}

describe('gitlabReceiver', () => {
  it.each([
    { name: 'the token of another hook', token: 'token-of-the-other-projects-hook', error: 'X-Gitlab-Token does not match: check GITLAB_WEBHOOK_SECRET' },
    { name: 'a token that is a prefix of the secret', token: SECRET.slice(0, -1), error: 'X-Gitlab-Token does not match: check GITLAB_WEBHOOK_SECRET' },
    { name: 'no token', token: undefined, error: 'missing X-Gitlab-Token header: set the secret token on the webhook' },
  ])('refuses $name with 401 and stores nothing', async ({ token, error }) => {
    const inbox = memoryInbox();

    const response = await receive(inbox, gitlabHeaders('Note Hook', token === undefined ? {} : { token }), gitlabFixtureBody('note_issue'));

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error });
    expect(inbox.stored).toEqual([]);
  });

  it('accepts a group hook’s delivery for a project of a subgroup, and the bot reads it as that project’s', async () => {
    // A group webhook sends the project events of every project below the group, with the
    // same payload and headers as a project webhook, and the group hook's own secret token.
    const payload = gitlabFixture('issue_open');
    payload.project = { ...(payload.project as object), id: 4242, path_with_namespace: 'nonprofit/apps/website', web_url: 'https://git.example.org/nonprofit/apps/website' };
    const inbox = memoryInbox();
    const headers = gitlabHeaders('Issue Hook', { token: SECRET, instance: 'https://git.example.org', uuid: 'group-hook-delivery-1' });

    const response = await receive(inbox, headers, JSON.stringify(payload));

    expect(response.status).toBe(202);
    expect(inbox.stored).toMatchObject([{ source: 'gitlab', deliveryId: 'group-hook-delivery-1', eventName: 'Issue Hook', forgeHost: 'git.example.org' }]);
    const stored = inbox.stored[0]!;
    const event = gitlabToForgeEvent(stored.eventName, JSON.parse(new TextDecoder().decode(stored.body)), stored.forgeHost);
    expect(event).toMatchObject({
      kind: 'issue_changed',
      repository: { forge: 'gitlab', host: 'git.example.org', forgeId: '4242', path: 'nonprofit/apps/website' },
    });
  });

  it('takes a resend (same Idempotency-Key, new webhook UUID) as the same delivery', async () => {
    const inbox = memoryInbox();
    const headers = gitlabHeaders('Note Hook', { token: SECRET, idempotencyKey: 'key-1' });

    expect((await receive(inbox, headers, gitlabFixtureBody('note_issue'))).status).toBe(202);
    expect((await receive(inbox, { ...headers, 'X-Gitlab-Webhook-UUID': 'another' }, gitlabFixtureBody('note_issue'))).status).toBe(200);
    expect(inbox.stored).toHaveLength(1);
  });
});
