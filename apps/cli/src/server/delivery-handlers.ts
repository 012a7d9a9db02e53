import type { Database } from '@wecena/db';
import { claimOfScheduledDelivery, createJourneyRunner, type ForgeAccess } from '@wecena/engine';
import { githubForgeAccess, githubAppClient, type GithubAppCredentials, githubInstallationId, githubToForgeEvent } from '@wecena/github-app';
import { gitlabToForgeEvent } from '@wecena/gitlab-bot';
import { type DeliveryHandler, type DeliverySource, forgeEventRecorder, parseDeliveryBody, PermanentDeliveryError } from '@wecena/inbox';
import type { Logger } from 'pino';

export interface JourneyOptions {
  db: Database;
  clock: () => Date;
  logger: Logger;
  /** The GitHub App's credentials; without them GitHub deliveries are recorded, not acted on. */
  githubApp?: GithubAppCredentials;
}

/**
 * What the worker does with each delivery: translate it into a forge event, record it, and
 * run the journey on it; and for wecena's own deliveries, the claim reminders and expiries.
 */
export function journeyDeliveryHandlers(options: JourneyOptions): Record<DeliverySource, DeliveryHandler> {
  const { db, clock, logger } = options;
  const forges: { github?: ForgeAccess } = {};
  if (options.githubApp) forges.github = githubForgeAccess(githubAppClient(options.githubApp));
  const runner = createJourneyRunner({ db, forges, clock, logger });

  return {
    github: forgeEventRecorder(db, githubToForgeEvent, clock, (delivery, event, payload) =>
      forges.github
        ? runner.runForgeEvent({ source: delivery.source, deliveryId: delivery.deliveryId }, event, { installationId: githubInstallationId(payload) })
        : Promise.resolve(),
    ),
    // The GitLab bot acts once its forge client exists; until then its events are recorded.
    gitlab: forgeEventRecorder(db, gitlabToForgeEvent, clock),
    wecena: async (delivery) => {
      const claimId = claimOfScheduledDelivery(delivery.eventName, parseDeliveryBody(delivery));
      if (claimId === null) throw new PermanentDeliveryError(`wecena delivery ${delivery.deliveryId} is not one wecena schedules`);
      await runner.runClaimDue({ source: delivery.source, deliveryId: delivery.deliveryId }, claimId);
    },
  };
}
