import { type GitlabEventName, gitlabHeaders, type EngineContext } from '@wecena/testkit';
import { startServer } from '../../src/server/start-server';
import { GITLAB_BOT, GITLAB_TOKEN, useGitlabApi } from './gitlab-api';
import { journeyBase, type JourneyBase, testLogger, useJourneyServer } from './journey-harness';
import { GITLAB_PROJECT_ID, GITLAB_URL, seedWorld } from './journey-world';

/*
 * The GitLab journey's process, as `wecena serve` runs it with GITLAB_URL, GITLAB_TOKEN and
 * GITLAB_WEBHOOK_SECRET: the real receiver at POST /gitlab/webhooks, the inbox, the worker
 * (drained by the test), the journey runner and the GitLab ForgePort over Gitbeaker, whose
 * HTTP requests nock answers.
 */

export const GITLAB_WEBHOOK_SECRET = 'journey gitlab hook token';

export interface DeliveryOptions {
  /** GitLab's resends keep the key; a new event has a new one. */
  idempotencyKey?: string;
  /** `X-Gitlab-Instance`; the test instance by default. */
  instance?: string;
}

export interface GitlabJourney extends JourneyBase {
  /** POSTs a delivery to `/gitlab/webhooks` with the hook's token, from the test instance; the status GitLab would see. */
  deliver(event: GitlabEventName, payload: object, options?: DeliveryOptions): Promise<{ status: number; deliveryId: string }>;
  /** Delivers then drains: one step of the journey. Returns the delivery id (the Idempotency-Key). */
  step(event: GitlabEventName, payload: object, options?: DeliveryOptions): Promise<string>;
}

/**
 * Each test of the block gets its own database (the world seeded on GitLab; with
 * `registered: false` the project is left for its first event to register), server and clock.
 */
export function useGitlabJourney(engine: EngineContext, options: { registered?: boolean } = {}): () => GitlabJourney {
  useGitlabApi();
  return useJourneyServer(engine, {
    seed: (db, now) => seedWorld(db, now, { forge: 'gitlab', installed: options.registered }),
    start: (db, clock) =>
      startServer({
        port: 0,
        host: '127.0.0.1',
        database: db,
        gitlabWebhookSecret: GITLAB_WEBHOOK_SECRET,
        gitlab: { url: GITLAB_URL, token: GITLAB_TOKEN, botUsername: GITLAB_BOT },
        worker: false,
        clock: () => clock.now(),
        logger: testLogger(),
      }),
    make(server, db, world, clock) {
      const journey: GitlabJourney = {
        ...journeyBase(server, db, world, clock, { forge: 'gitlab', forgeId: GITLAB_PROJECT_ID }, 'gitlab'),
        async deliver(event, payload, deliverOptions = {}) {
          const headers = gitlabHeaders(event, { token: GITLAB_WEBHOOK_SECRET, instance: deliverOptions.instance ?? GITLAB_URL, idempotencyKey: deliverOptions.idempotencyKey });
          const response = await fetch(`${server.url}/gitlab/webhooks`, { method: 'POST', headers, body: JSON.stringify(payload) });
          await response.arrayBuffer();
          return { status: response.status, deliveryId: headers['Idempotency-Key']! };
        },
        async step(event, payload, stepOptions) {
          const { status, deliveryId } = await journey.deliver(event, payload, stepOptions);
          if (status !== 202) throw new Error(`the receiver answered ${status} to a new ${event} delivery`);
          await journey.drain();
          const stored = await journey.delivery(deliveryId);
          if (stored?.status !== 'processed') {
            throw new Error(`${event} delivery ${deliveryId} was not processed: ${stored?.status ?? 'missing'}, ${stored?.last_error ?? 'no error'}`);
          }
          return deliveryId;
        },
      };
      return journey;
    },
  });
}
