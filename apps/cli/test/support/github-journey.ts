import type { EngineContext } from '@wecena/testkit';
import { githubDeliveryHeaders } from '@wecena/testkit';
import { startServer } from '../../src/server/start-server';
import { APP_ID, generateAppPrivateKey, TestOctokit, useGithubApi } from './github-api';
import { journeyBase, type JourneyBase, testLogger, useJourneyServer } from './journey-harness';
import { REPOSITORY_FORGE_ID, seedWorld } from './journey-world';

export {
  type ClaimRow,
  type ContributionRow,
  DAY_MS,
  type DecisionRow,
  type DeliveryRow,
  HOUR_MS,
  MINUTE_MS,
  START,
  type TaskRow,
  type TestClock,
  type TimeLogRow,
} from './journey-harness';

/*
 * One wecena process per test, as `wecena serve` runs it: the real HTTP receiver, the inbox,
 * the worker (drained by the test, not by a timer), the journey runner and the GitHub ForgePort,
 * on a fresh database of the block's engine, with a clock the test moves.
 */

export const WEBHOOK_SECRET = 'journey webhook secret';

export interface Journey extends JourneyBase {
  /** POSTs a signed delivery to `/github/webhooks`; the status GitHub would see. */
  deliver(event: string, payload: object, options?: { deliveryId?: string }): Promise<{ status: number; deliveryId: string }>;
  /** Delivers then drains: one step of the journey. */
  step(event: string, payload: object, options?: { deliveryId?: string }): Promise<string>;
}

/**
 * Gives each test of the block its own database (seeded with the journey's world), server and
 * clock, and checks GitHub's API mock after it. Returns the current test's journey.
 */
export function useGithubJourney(engine: EngineContext, options: { installed?: boolean } = {}): () => Journey {
  useGithubApi();
  const privateKey = generateAppPrivateKey();
  return useJourneyServer(engine, {
    seed: (db, now) => seedWorld(db, now, options),
    start: (db, clock) =>
      startServer({
        port: 0,
        host: '127.0.0.1',
        database: db,
        githubWebhookSecret: WEBHOOK_SECRET,
        githubApp: { appId: APP_ID, privateKey, Octokit: TestOctokit },
        worker: false,
        clock: () => clock.now(),
        logger: testLogger(),
      }),
    make(server, db, world, clock) {
      const journey: Journey = {
        ...journeyBase(server, db, world, clock, { forge: 'github', forgeId: REPOSITORY_FORGE_ID }, 'github'),
        async deliver(event, payload, deliverOptions = {}) {
          const body = JSON.stringify(payload);
          const headers = githubDeliveryHeaders({ event, body, secret: WEBHOOK_SECRET, deliveryId: deliverOptions.deliveryId });
          const response = await fetch(`${server.url}/github/webhooks`, { method: 'POST', headers, body });
          await response.arrayBuffer();
          return { status: response.status, deliveryId: headers['X-GitHub-Delivery']! };
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
