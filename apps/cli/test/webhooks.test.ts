import type { Database } from '@wecena/db';
import { describeEachEngine, githubDeliveryHeaders, githubExample, gitlabFixtureBody, gitlabHeaders } from '@wecena/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server/start-server';

const githubSecret = "It's a Secret to Everybody";
const gitlabSecret = 'gitlab-hook-token';
const commentBody = JSON.stringify(githubExample('issue_comment', { action: 'created' }));

async function inboxCount(db: Database): Promise<number> {
  const { rows } = await db.query<{ count: string }>(`SELECT count(*)::text AS count FROM inbox_deliveries`);
  return Number(rows[0]?.count);
}

describeEachEngine('webhook receivers', (engine) => {
  let server: RunningServer;
  let db: Database;

  beforeAll(async () => {
    db = await engine.freshDatabase();
    server = await startServer({ port: 0, host: '127.0.0.1', database: db, githubWebhookSecret: githubSecret, gitlabWebhookSecret: gitlabSecret, worker: false });
  });
  afterAll(() => server.close());

  function postGithub(headers: Record<string, string>, body: string = commentBody) {
    return fetch(`${server.url}/github/webhooks`, { method: 'POST', headers, body });
  }

  describe('GitHub', () => {
    it('stores a signed delivery and answers 202, then 200 for its redelivery, stored once', async () => {
      const headers = githubDeliveryHeaders({ event: 'issue_comment', body: commentBody, secret: githubSecret });
      const before = await inboxCount(db);

      const first = await postGithub(headers);
      expect(first.status).toBe(202);
      expect(await first.json()).toEqual({ status: 'accepted', deliveryId: headers['X-GitHub-Delivery'] });
      const again = await postGithub(headers);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ status: 'duplicate' });

      expect(await inboxCount(db)).toBe(before + 1);
      const { rows } = await db.query<{ event_name: string; body: Uint8Array; status: string }>(
        `SELECT event_name, body, status FROM inbox_deliveries WHERE delivery_id = $1`,
        [headers['X-GitHub-Delivery']],
      );
      expect(rows[0]?.event_name).toBe('issue_comment');
      expect(rows[0]?.status).toBe('pending');
      expect(new TextDecoder().decode(rows[0]?.body)).toBe(commentBody);
    });

    it.each([
      {
        name: 'signed with another secret',
        headers: () => githubDeliveryHeaders({ event: 'issue_comment', body: commentBody, secret: 'not the secret' }),
        error: 'signature does not match: check WEBHOOK_SECRET',
      },
      {
        name: 'without a signature',
        headers: () => githubDeliveryHeaders({ event: 'issue_comment', body: commentBody }),
        error: 'missing X-Hub-Signature-256 header',
      },
      {
        name: 'with a truncated signature',
        headers: () => {
          const headers = githubDeliveryHeaders({ event: 'issue_comment', body: commentBody, secret: githubSecret });
          headers['X-Hub-Signature-256'] = headers['X-Hub-Signature-256']!.slice(0, 40);
          return headers;
        },
        error: 'signature does not match: check WEBHOOK_SECRET',
      },
      {
        name: 'whose body was changed after signing',
        headers: () => githubDeliveryHeaders({ event: 'issue_comment', body: commentBody.replace('"created"', '"deleted"'), secret: githubSecret }),
        error: 'signature does not match: check WEBHOOK_SECRET',
      },
    ])('refuses a delivery $name with 401 and stores nothing', async ({ headers, error }) => {
      const before = await inboxCount(db);
      const response = await postGithub(headers());
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error });
      expect(await inboxCount(db)).toBe(before);
    });

    it('refuses malformed JSON with 400 and stores nothing', async () => {
      const body = '{"action": "created",';
      const before = await inboxCount(db);
      const response = await postGithub(githubDeliveryHeaders({ event: 'issue_comment', body, secret: githubSecret }), body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'the body is not valid JSON' });
      expect(await inboxCount(db)).toBe(before);
    });

    it('refuses a delivery without its id with 400', async () => {
      const headers = githubDeliveryHeaders({ event: 'issue_comment', body: commentBody, secret: githubSecret });
      delete (headers as Record<string, string | undefined>)['X-GitHub-Delivery'];
      const response = await postGithub(headers);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'missing X-GitHub-Delivery header' });
    });

    it('refuses a body over 25 MB with 413 and stores nothing', async () => {
      const body = `{"padding":"${'x'.repeat(25 * 1024 * 1024)}"}`;
      const before = await inboxCount(db);
      const response = await postGithub(githubDeliveryHeaders({ event: 'issue_comment', body, secret: githubSecret }), body);
      expect(response.status).toBe(413);
      expect(await inboxCount(db)).toBe(before);
    });
  });

  describe('GitLab', () => {
    const noteBody = gitlabFixtureBody('note_issue');
    function postGitlab(headers: Record<string, string>) {
      return fetch(`${server.url}/gitlab/webhooks`, { method: 'POST', headers, body: noteBody });
    }

    it('stores a delivery with the right token, keyed by its Idempotency-Key, once', async () => {
      const headers = gitlabHeaders('Note Hook', { token: gitlabSecret, instance: 'https://gitlab.example.org' });
      const before = await inboxCount(db);
      expect((await postGitlab(headers)).status).toBe(202);
      // GitLab's retry carries the same Idempotency-Key and a new webhook UUID.
      expect((await postGitlab({ ...headers, 'X-Gitlab-Webhook-UUID': crypto.randomUUID() })).status).toBe(200);
      expect(await inboxCount(db)).toBe(before + 1);
      const { rows } = await db.query<{ forge_host: string; event_name: string }>(
        `SELECT forge_host, event_name FROM inbox_deliveries WHERE source = 'gitlab' AND delivery_id = $1`,
        [headers['Idempotency-Key']],
      );
      expect(rows).toEqual([{ forge_host: 'gitlab.example.org', event_name: 'Note Hook' }]);
    });

    it.each([
      { name: 'a wrong token', headers: () => gitlabHeaders('Note Hook', { token: 'guess' }), error: 'X-Gitlab-Token does not match: check GITLAB_WEBHOOK_SECRET' },
      { name: 'no token', headers: () => gitlabHeaders('Note Hook'), error: 'missing X-Gitlab-Token header: set the secret token on the webhook' },
      {
        name: 'a token for another hook, longer than ours',
        headers: () => gitlabHeaders('Note Hook', { token: `${gitlabSecret}-other-hook` }),
        error: 'X-Gitlab-Token does not match: check GITLAB_WEBHOOK_SECRET',
      },
    ])('refuses a delivery with $name with 401 and stores nothing', async ({ headers, error }) => {
      const before = await inboxCount(db);
      const response = await postGitlab(headers());
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error });
      expect(await inboxCount(db)).toBe(before);
    });
  });

  describe('the worker', () => {
    it('turns stored deliveries into forge events, each once', async () => {
      await server.worker.drainOnce();
      const { rows } = await db.query<{ source: string; kind: string }>(`SELECT source, kind FROM forge_events ORDER BY source`);
      expect(rows).toEqual([
        { source: 'github', kind: 'comment_created' },
        { source: 'gitlab', kind: 'comment_created' },
      ]);
      const pending = await db.query(`SELECT 1 FROM inbox_deliveries WHERE status <> 'processed'`);
      expect(pending.rowCount).toBe(0);
    });
  });

  describe('health and metrics', () => {
    it('answers /healthz and /readyz', async () => {
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', database: engine.engine });
    });

    it('counts deliveries and exposes the inbox depth in /metrics', async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      expect(text).toContain('wecena_deliveries_received_total{source="github",outcome="stored"} 1');
      expect(text).toContain('wecena_deliveries_received_total{source="github",outcome="duplicate"} 1');
      expect(text).toContain('wecena_deliveries_received_total{source="github",outcome="unauthorized"} 4');
      expect(text).toContain('wecena_deliveries_received_total{source="gitlab",outcome="unauthorized"} 3');
      expect(text).toContain('wecena_deliveries_processed_total{source="gitlab"} 1');
      expect(text).toContain('wecena_inbox_depth{status="processed"} 2');
      expect(text).toMatch(/wecena_ack_duration_seconds_count\{source="github"\} 2/);
    });
  });
});
